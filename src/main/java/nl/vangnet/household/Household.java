package nl.vangnet.household;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;

/**
 * A household: the family as the unit of work, with its members, contact details and
 * trajectories. Every change goes through its methods, which guard the rules; the version
 * it was read at protects against overwriting someone else's change. Households are
 * closed, never deleted.
 */
final class Household {

	private final UUID id;

	private final UUID organisationId;

	private HouseholdDetails details;

	private SealedAddress address;

	private final List<Trajectory> trajectories;

	private Closure closure;

	private final int version;

	Household(UUID id, UUID organisationId, HouseholdDetails details, SealedAddress address,
			List<Trajectory> trajectories, Closure closure, int version) {
		this.id = id;
		this.organisationId = organisationId;
		this.details = details;
		this.address = address;
		this.trajectories = new ArrayList<>(trajectories);
		this.closure = closure;
		this.version = version;
	}

	/**
	 * Registers a new household with its members and, if known already, its trajectories.
	 */
	static Household register(UUID id, UUID organisationId, HouseholdDetails details, SealedAddress address,
			List<Trajectory> trajectories, Map<String, PhaseModel> models, LocalDate today) {
		Household household = new Household(id, organisationId, withMemberIds(details, List.of()), address, List.of(),
				null, 0);
		List<DomainException> errors = new ArrayList<>(HouseholdRules.details(details, today));
		errors.addAll(checkTrajectories(trajectories, models, today));
		DomainErrors.throwIfAny(errors);
		household.trajectories.addAll(trajectories);
		return household;
	}

	/**
	 * Changes what is registered about the household and its members. Members keep their
	 * identity by their reference.
	 */
	void describe(HouseholdDetails newDetails, SealedAddress newAddress, LocalDate today) {
		requireOpen();
		DomainErrors.throwIfAny(HouseholdRules.details(newDetails, today));
		this.details = withMemberIds(newDetails, this.details.members());
		this.address = newAddress;
	}

	/**
	 * Replaces the trajectories as a whole (the exchange document does).
	 */
	void replaceTrajectories(List<Trajectory> newTrajectories, Map<String, PhaseModel> models, LocalDate today) {
		requireOpen();
		DomainErrors.throwIfAny(checkTrajectories(newTrajectories, models, today));
		this.trajectories.clear();
		this.trajectories.addAll(newTrajectories);
	}

	/**
	 * Support starts (again): a new trajectory, possibly in a first phase.
	 */
	void startTrajectory(Trajectory trajectory, Map<String, PhaseModel> models, LocalDate today) {
		requireOpen();
		DomainErrors.throwIfAny(HouseholdRules.trajectory(trajectory, "", models, today));
		this.trajectories.add(trajectory);
	}

	void moveToPhase(UUID trajectoryId, Phase phase, LocalDate on, LocalDate today) {
		requireOpen();
		trajectory(trajectoryId).moveToPhase(phase, on, today);
	}

	void endTrajectory(UUID trajectoryId, LocalDate on, String reason, Destination destination) {
		endTrajectory(trajectoryId, on, reason, destination, DepartureSituation.UNKNOWN);
	}

	void endTrajectory(UUID trajectoryId, LocalDate on, String reason, Destination destination,
			DepartureSituation situation) {
		requireOpen();
		if (reason != null && reason.length() > HouseholdRules.TEXT_MAX) {
			throw new DomainException("closingReason", "trajectory.closingReason.tooLong", HouseholdRules.TEXT_MAX);
		}
		trajectory(trajectoryId).end(on, reason, destination, situation);
	}

	void assignContactPerson(UUID trajectoryId, UUID accountId) {
		requireOpen();
		trajectory(trajectoryId).assignContactPerson(accountId);
	}

	void involve(UUID trajectoryId, List<UUID> staff) {
		requireOpen();
		trajectory(trajectoryId).involve(staff);
	}

	/**
	 * Closes (archives) the household on the day, for a reason; support that still runs
	 * ends with it.
	 */
	void close(LocalDate on, String reason) {
		if (this.closure != null) {
			throw new DomainException("closedOn", "household.alreadyClosed");
		}
		List<DomainException> errors = new ArrayList<>();
		if (on == null) {
			errors.add(new DomainException("closedOn", "household.closedOn.required"));
		}
		String cleanReason = Texts.clean(reason);
		if (cleanReason == null) {
			errors.add(new DomainException("closingReason", "household.closingReason.required"));
		}
		else if (cleanReason.length() > HouseholdRules.TEXT_MAX) {
			errors
				.add(new DomainException("closingReason", "household.closingReason.tooLong", HouseholdRules.TEXT_MAX));
		}
		DomainErrors.throwIfAny(errors);
		for (Trajectory trajectory : this.trajectories) {
			if (trajectory.end() == null) {
				if (on.isBefore(trajectory.start())) {
					throw new DomainException("closedOn", "household.closedOn.beforeTrajectory", trajectory.start());
				}
				trajectory.end(on, cleanReason);
			}
		}
		this.closure = new Closure(on, cleanReason);
	}

	/**
	 * Reopens the closed household on the day, for a reason: the family came back. The
	 * closing it lifts is handed back to be kept in the dossier's history, and support
	 * starts again with the new trajectory in the same dossier.
	 */
	Reopening reopen(LocalDate on, String reason, Trajectory trajectory, Map<String, PhaseModel> models,
			LocalDate today) {
		if (this.closure == null) {
			throw new DomainException("on", "household.reopening.notClosed");
		}
		List<DomainException> errors = new ArrayList<>();
		if (on == null) {
			errors.add(new DomainException("on", "household.reopening.on.required"));
		}
		else if (on.isBefore(this.closure.on())) {
			errors.add(new DomainException("on", "household.reopening.on.beforeClosing", this.closure.on()));
		}
		else if (on.isAfter(today)) {
			errors.add(new DomainException("on", "household.reopening.on.future"));
		}
		String cleanReason = Texts.clean(reason);
		if (cleanReason == null) {
			errors.add(new DomainException("reason", "household.reopening.reason.required"));
		}
		else if (cleanReason.length() > HouseholdRules.TEXT_MAX) {
			errors.add(new DomainException("reason", "household.reopening.reason.tooLong", HouseholdRules.TEXT_MAX));
		}
		if (on != null && errors.isEmpty()) {
			errors.addAll(HouseholdRules.trajectory(trajectory, "", models, today));
		}
		DomainErrors.throwIfAny(errors);
		Reopening reopening = new Reopening(on, cleanReason, this.closure.on(), this.closure.reason(), trajectory.id());
		this.closure = null;
		this.trajectories.add(trajectory);
		return reopening;
	}

	Trajectory trajectory(UUID trajectoryId) {
		return this.trajectories.stream()
			.filter((t) -> t.id().equals(trajectoryId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("trajectory"));
	}

	Optional<Member> mainContact() {
		return this.details.members().stream().filter(Member::mainContact).findFirst();
	}

	/**
	 * How the household is named in lists: its main contact, else its first member with a
	 * name; {@code null} when no name is known.
	 */
	String name() {
		return mainContact().map(Member::name)
			.or(() -> this.details.members().stream().map(Member::name).filter((n) -> n != null).findFirst())
			.orElse(null);
	}

	boolean closed() {
		return this.closure != null;
	}

	private void requireOpen() {
		if (this.closure != null) {
			throw new DomainException("closedOn", "household.closed");
		}
	}

	private static List<DomainException> checkTrajectories(List<Trajectory> trajectories,
			Map<String, PhaseModel> models, LocalDate today) {
		List<DomainException> errors = new ArrayList<>();
		for (int i = 0; i < trajectories.size(); i++) {
			errors.addAll(HouseholdRules.trajectory(trajectories.get(i), "trajectories[" + i + "]", models, today));
		}
		return errors;
	}

	/**
	 * Members keep their id when their reference stays the same; new members get a new id
	 * and, when they have no reference, the next one never used in this household
	 * ({@code m1}, {@code m2}, …), so that a new member never takes over the identity of
	 * one who left.
	 */
	private static HouseholdDetails withMemberIds(HouseholdDetails details, List<Member> existing) {
		Map<String, UUID> idsByRef = new HashMap<>();
		existing.forEach((member) -> idsByRef.put(member.ref(), member.id()));
		Set<String> used = new HashSet<>(idsByRef.keySet());
		details.members().stream().map(Member::ref).filter((ref) -> ref != null).forEach(used::add);
		List<Member> members = new ArrayList<>();
		int next = 1;
		for (Member member : details.members()) {
			Member withRef = member;
			if (member.ref() == null) {
				while (used.contains("m" + next)) {
					next++;
				}
				used.add("m" + next);
				withRef = member.withRef("m" + next);
			}
			members.add(withRef.withId(idsByRef.getOrDefault(withRef.ref(), UUID.randomUUID())));
		}
		return new HouseholdDetails(details.externalId(), details.district(), details.composition(), details.debts(),
				details.referralSource(), details.contactReasons(), details.phone(), details.email(), members);
	}

	UUID id() {
		return this.id;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	HouseholdDetails details() {
		return this.details;
	}

	SealedAddress address() {
		return this.address;
	}

	List<Trajectory> trajectories() {
		return List.copyOf(this.trajectories);
	}

	Closure closure() {
		return this.closure;
	}

	int version() {
		return this.version;
	}

}
