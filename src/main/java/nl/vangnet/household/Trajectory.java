package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.vangnet.platform.DomainException;

/**
 * A period of support for the household: intensive, short, aftercare or outreach, from
 * its start to its end, with a fixed contact person, other involved staff and its phase
 * history in the phase model it started with.
 */
final class Trajectory {

	private final UUID id;

	private final TrajectoryKind kind;

	private final LocalDate start;

	private LocalDate end;

	private String closingReason;

	private final String phaseModel;

	private UUID contactPerson;

	private List<UUID> involvedStaff;

	private PhaseHistory phases;

	private Destination destination;

	private DepartureSituation situation = DepartureSituation.UNKNOWN;

	Trajectory(UUID id, TrajectoryKind kind, LocalDate start, LocalDate end, String closingReason, String phaseModel,
			UUID contactPerson, List<UUID> involvedStaff, PhaseHistory phases) {
		this.id = id;
		this.kind = kind;
		this.start = start;
		this.end = end;
		this.closingReason = Texts.clean(closingReason);
		this.phaseModel = phaseModel;
		this.contactPerson = contactPerson;
		this.involvedStaff = (involvedStaff != null) ? involvedStaff.stream().distinct().toList() : List.of();
		this.phases = (phases != null) ? phases : PhaseHistory.NONE;
	}

	/**
	 * The family enters the phase on the day. Phases may be skipped and revisited, but
	 * not entered twice in a row, not before the start and not in the future.
	 */
	void moveToPhase(Phase phase, LocalDate on, LocalDate today) {
		if (this.end != null) {
			throw new DomainException("phase", "trajectory.ended");
		}
		if (phase == null) {
			throw new DomainException("phase", "trajectory.phase.required");
		}
		if (!phase.model().equals(this.phaseModel)) {
			throw new DomainException("phase", "trajectory.phase.otherModel", phase.code(), this.phaseModel);
		}
		if (on == null) {
			throw new DomainException("on", "trajectory.phase.dateRequired");
		}
		if (on.isBefore(this.start)) {
			throw new DomainException("on", "trajectory.phase.beforeStart", this.start);
		}
		if (on.isAfter(today)) {
			throw new DomainException("on", "trajectory.phase.future");
		}
		if (this.phases.current().map((current) -> current.phase().equals(phase.code())).orElse(false)) {
			throw new DomainException("phase", "trajectory.phase.alreadyCurrent");
		}
		this.phases = this.phases.with(new PhaseChange(phase.code(), on));
	}

	/**
	 * The support ends on the day, after the last phase change.
	 */
	void end(LocalDate on, String reason, Destination destination) {
		end(on, reason, destination, DepartureSituation.UNKNOWN);
	}

	/**
	 * The support ends on the day: where she went and how she left (housing, income,
	 * school), each unknown when not given.
	 */
	void end(LocalDate on, String reason, Destination destination, DepartureSituation situation) {
		end(on, reason);
		this.destination = destination;
		this.situation = (situation != null) ? situation : DepartureSituation.UNKNOWN;
	}

	void end(LocalDate on, String reason) {
		if (this.end != null) {
			throw new DomainException("end", "trajectory.alreadyEnded");
		}
		if (on == null) {
			throw new DomainException("end", "trajectory.end.required");
		}
		if (on.isBefore(this.start)) {
			throw new DomainException("end", "trajectory.end.beforeStart");
		}
		Optional<PhaseChange> last = this.phases.current();
		if (last.isPresent() && on.isBefore(last.get().on())) {
			throw new DomainException("end", "trajectory.end.beforeLastPhase", last.get().on());
		}
		this.end = on;
		this.closingReason = Texts.clean(reason);
	}

	void assignContactPerson(UUID accountId) {
		requireRunning("contactPerson");
		this.contactPerson = accountId;
	}

	void involve(List<UUID> staff) {
		requireRunning("involvedStaff");
		this.involvedStaff = (staff != null) ? staff.stream().distinct().toList() : List.of();
	}

	private void requireRunning(String field) {
		if (this.end != null) {
			throw new DomainException(field, "trajectory.ended.unchangeable");
		}
	}

	/**
	 * Whether the support still runs on the day: not ended, or ending that day or later.
	 */
	boolean openOn(LocalDate day) {
		return this.end == null || !this.end.isBefore(day);
	}

	/**
	 * The stored additions of the exchange document (phase model, contact person,
	 * involved staff, phases) carried over to this trajectory where it leaves them out.
	 */
	Trajectory keepingAdditionsOf(Trajectory stored, boolean modelGiven, boolean contactGiven, boolean staffGiven,
			boolean phasesGiven, boolean destinationGiven) {
		return new Trajectory(stored.id, this.kind, this.start, this.end, this.closingReason,
				modelGiven ? this.phaseModel : stored.phaseModel,
				contactGiven ? this.contactPerson : stored.contactPerson,
				staffGiven ? this.involvedStaff : stored.involvedStaff, phasesGiven ? this.phases : stored.phases)
			.departedTo(destinationGiven ? this.destination : stored.destination)
			.leaving((this.end != null) ? stored.situation : DepartureSituation.UNKNOWN);
	}

	/**
	 * Her situation at departure (as stored): the document does not carry it, so a
	 * document keeps it while the trajectory stays ended.
	 */
	Trajectory leaving(DepartureSituation situation) {
		this.situation = (situation != null) ? situation : DepartureSituation.UNKNOWN;
		return this;
	}

	DepartureSituation situation() {
		return this.situation;
	}

	/**
	 * Where she went when it ended (as stored or read): only for an ended trajectory,
	 * which the household's rules check.
	 */
	Trajectory departedTo(Destination destination) {
		this.destination = destination;
		return this;
	}

	Destination destination() {
		return this.destination;
	}

	UUID id() {
		return this.id;
	}

	TrajectoryKind kind() {
		return this.kind;
	}

	LocalDate start() {
		return this.start;
	}

	LocalDate end() {
		return this.end;
	}

	String closingReason() {
		return this.closingReason;
	}

	String phaseModel() {
		return this.phaseModel;
	}

	UUID contactPerson() {
		return this.contactPerson;
	}

	List<UUID> involvedStaff() {
		return this.involvedStaff;
	}

	PhaseHistory phases() {
		return this.phases;
	}

}
