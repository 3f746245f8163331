package nl.vangnet.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.vangnet.access.AccessAction;
import nl.vangnet.account.AccountApi;
import nl.vangnet.account.StaffMember;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.Encryption;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.RecentAuthentication;
import nl.vangnet.platform.staff.Staff;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers, shows and changes households, each in one transaction together with its row
 * in the access trail. Volunteers see only the families they are involved in; a
 * confidential address is decrypted only when a coordinator or professional opens it.
 */
@Service
@Transactional
class HouseholdManagement {

	private final HouseholdRepository households;

	private final PhaseModels phaseModels;

	private final AccountApi accounts;

	private final Encryption encryption;

	private final HouseholdTrail trail;

	private final Clock clock;

	private final RecentAuthentication recentAuthentication;

	private final List<TrajectoryEndings> endings;

	HouseholdManagement(HouseholdRepository households, PhaseModels phaseModels, AccountApi accounts,
			Encryption encryption, HouseholdTrail trail, Clock clock, RecentAuthentication recentAuthentication,
			List<TrajectoryEndings> endings) {
		this.endings = endings;
		this.recentAuthentication = recentAuthentication;
		this.households = households;
		this.phaseModels = phaseModels;
		this.accounts = accounts;
		this.encryption = encryption;
		this.trail = trail;
		this.clock = clock;
	}

	/** The clock's day (no transaction of its own: a page asks it for its forms). */
	@Transactional(propagation = Propagation.SUPPORTS)
	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	// ---- Registering and describing

	/**
	 * Registers a household of the actor's organisation; returns its id.
	 * @param trajectoriesPath where the trajectories are in the document
	 * ({@code trajectories}), or {@code null} for a form with one trajectory's fields
	 */
	UUID register(HouseholdDetails details, AddressInput address, List<Trajectory> trajectories,
			String trajectoriesPath) {
		Staff actor = changer();
		UUID id = UUID.randomUUID();
		checkExternalId(actor, details.externalId(), id);
		List<DomainException> errors = new ArrayList<>(staffErrors(actor, trajectories, List.of(), trajectoriesPath));
		Household household = null;
		try {
			household = Household.register(id, actor.organisationId(), details, seal(id, address, null), trajectories,
					this.phaseModels.all(), today());
		}
		catch (DomainErrors ex) {
			errors.addAll(ex.errors());
		}
		DomainErrors.throwIfAny(errors);
		this.households.insert(household);
		this.trail.record(actor, AccessAction.CREATE, id);
		return id;
	}

	/**
	 * Changes what is registered about the household, if nobody else changed it since
	 * {@code version}.
	 */
	void describe(UUID id, int version, HouseholdDetails details, AddressInput address) {
		Staff actor = changer();
		Household household = forChange(id, version, (current) -> differences(current, details, address, null));
		checkExternalId(actor, details.externalId(), id);
		household.describe(details, seal(id, address, household.address()), today());
		save(household, (current) -> differences(current, details, address, null));
		this.trail.record(actor, AccessAction.UPDATE, id);
	}

	// ---- Trajectories and phases

	/**
	 * Starts a trajectory in the organisation's phase model, in its first phase (or the
	 * one given) on the start day.
	 */
	UUID startTrajectory(UUID id, int version, TrajectoryKind kind, LocalDate start, UUID contactPerson,
			String firstPhase) {
		Staff actor = changer();
		Household household = forChange(id, version, (current) -> List.of());
		Trajectory trajectory = newTrajectory(actor, kind, start, contactPerson, firstPhase);
		DomainErrors.throwIfAny(staffErrors(actor, List.of(trajectory), household.trajectories(), null));
		household.startTrajectory(trajectory, this.phaseModels.all(), today());
		save(household, (current) -> List.of());
		this.trail.record(actor, AccessAction.UPDATE, id);
		return trajectory.id();
	}

	/**
	 * A trajectory as registration starts it: in the organisation's phase model, in its
	 * first phase unless another is given.
	 */
	Trajectory newTrajectory(Staff actor, TrajectoryKind kind, LocalDate start, UUID contactPerson, String firstPhase) {
		PhaseModel model = this.phaseModels.chosenBy(actor.organisationId());
		String phase = (firstPhase != null && !firstPhase.isBlank()) ? firstPhase : model.first().code();
		PhaseHistory history = (start != null) ? new PhaseHistory(List.of(new PhaseChange(phase, start)))
				: PhaseHistory.NONE;
		return new Trajectory(UUID.randomUUID(), kind, start, null, null, model.code(), contactPerson, List.of(),
				history);
	}

	void moveToPhase(UUID id, int version, UUID trajectoryId, String phaseCode, LocalDate on) {
		Staff actor = changer();
		Household household = forChange(id, version, (current) -> List.of());
		Phase phase = this.phaseModels.phase(phaseCode).orElse(null);
		household.moveToPhase(trajectoryId, phase, on, today());
		save(household, (current) -> List.of());
		this.trail.record(actor, AccessAction.UPDATE, id);
	}

	void endTrajectory(UUID id, int version, UUID trajectoryId, LocalDate on, String reason, Destination destination,
			TrajectoryEndings.Aftercare aftercare) {
		endTrajectory(id, version, trajectoryId, on, reason, destination, DepartureSituation.UNKNOWN, aftercare);
	}

	/**
	 * Ends a trajectory with where she went and how she left; what follows from it (the
	 * aftercare) in the same transaction.
	 */
	void endTrajectory(UUID id, int version, UUID trajectoryId, LocalDate on, String reason, Destination destination,
			DepartureSituation situation, TrajectoryEndings.Aftercare aftercare) {
		Staff actor = changer();
		Household household = forChange(id, version, (current) -> List.of());
		household.endTrajectory(trajectoryId, on, reason, destination, situation);
		save(household, (current) -> List.of());
		Trajectory ended = household.trajectories()
			.stream()
			.filter((t) -> t.id().equals(trajectoryId))
			.findFirst()
			.orElseThrow();
		ended(household, List.of(new TrajectoryEndings.Ended(trajectoryId, ended.kind(), on, aftercare, "")));
		this.trail.record(actor, AccessAction.UPDATE, id);
	}

	/**
	 * What the end form proposes for the signed-in user's organisation (the pilot-light
	 * rhythm of aftercare), or {@code null}.
	 */
	@Transactional(readOnly = true)
	TrajectoryEndings.Proposal aftercareProposal() {
		Staff actor = Staff.current().requireOrganisation("household");
		return this.endings.stream()
			.map((e) -> e.proposal(actor.organisationId()))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Tells the modules that act on an ending (aftercare) that trajectories ended, in
	 * this transaction; their errors are reported together.
	 */
	void ended(Household household, List<TrajectoryEndings.Ended> ended) {
		if (ended.isEmpty()) {
			return;
		}
		Map<String, UUID> members = new java.util.HashMap<>();
		household.details().members().forEach((m) -> members.put(m.ref(), m.id()));
		StoredHousehold stored = new StoredHousehold(household.id(), household.organisationId(), members);
		List<DomainException> errors = new ArrayList<>();
		for (TrajectoryEndings.Ended one : ended) {
			for (TrajectoryEndings ending : this.endings) {
				try {
					ending.ended(stored, one);
				}
				catch (DomainException ex) {
					errors.add(ex);
				}
				catch (DomainErrors ex) {
					errors.addAll(ex.errors());
				}
			}
		}
		DomainErrors.throwIfAny(errors);
	}

	/**
	 * A coordinator hands the family to another fixed contact person.
	 */
	void assignContactPerson(UUID id, int version, UUID trajectoryId, UUID contactPerson) {
		Staff actor = changer();
		if (!actor.assignsContactPersons()) {
			throw new AccessDeniedException("Only coordinators reassign contact persons");
		}
		Household household = forChange(id, version, (current) -> List.of());
		Trajectory trajectory = household.trajectory(trajectoryId);
		if (contactPerson == null) {
			throw new DomainException("contactPerson", "trajectory.contactPerson.required");
		}
		checkContactPerson(staff(actor), contactPerson, trajectory.contactPerson(), "contactPerson");
		household.assignContactPerson(trajectoryId, contactPerson);
		save(household, (current) -> List.of());
		this.trail.record(actor, AccessAction.UPDATE, id);
	}

	void involve(UUID id, int version, UUID trajectoryId, List<UUID> staffIds) {
		Staff actor = changer();
		Household household = forChange(id, version, (current) -> List.of());
		Trajectory trajectory = household.trajectory(trajectoryId);
		Map<UUID, StaffMember> staff = staff(actor);
		List<UUID> chosen = (staffIds != null) ? staffIds : List.of();
		for (UUID member : chosen) {
			checkInvolved(staff, member, trajectory.involvedStaff(), "involvedStaff");
		}
		household.involve(trajectoryId, chosen);
		save(household, (current) -> List.of());
		this.trail.record(actor, AccessAction.UPDATE, id);
	}

	/**
	 * Closes (archives) the household; it is never deleted.
	 */
	void close(UUID id, int version, LocalDate on, String reason) {
		Staff actor = changer();
		Household household = forChange(id, version, (current) -> List.of());
		household.close(on, reason);
		save(household, (current) -> List.of());
		this.trail.record(actor, AccessAction.UPDATE, id);
	}

	/**
	 * Reopens a closed household: the family came back. Its history stays whole (the
	 * closing it lifts is kept with the reopening, its ended trajectories stay), and a
	 * new trajectory starts on the day in the same dossier, with the reopener as contact
	 * person unless another is named.
	 * @param version the version the household was shown at, or {@code null} for the
	 * current one (the API: a household that is no longer closed is refused anyway)
	 * @param kind the kind of the new support, {@code null} for intensive
	 */
	UUID reopen(UUID id, Integer version, LocalDate on, String reason, TrajectoryKind kind, UUID contactPerson) {
		Staff actor = changer();
		Household household = (version != null) ? forChange(id, version, (current) -> List.of()) : visible(actor, id);
		UUID person = (contactPerson != null) ? contactPerson
				: (actor.isSystem() ? lastContactPerson(household) : actor.userId());
		Trajectory trajectory = newTrajectory(actor, (kind != null) ? kind : TrajectoryKind.INTENSIVE, on, person,
				null);
		List<DomainException> errors = new ArrayList<>();
		if (contactPerson != null) {
			errors.addAll(staffErrors(actor, List.of(trajectory), household.trajectories(), null));
		}
		Reopening reopening = null;
		try {
			reopening = household.reopen(on, reason, trajectory, this.phaseModels.all(), today());
		}
		catch (DomainErrors ex) {
			errors.addAll(ex.errors());
		}
		catch (DomainException ex) {
			errors.add(ex);
		}
		DomainErrors.throwIfAny(errors);
		save(household, (current) -> List.of());
		this.households.insertReopening(household, reopening, actor.isSystem() ? null : actor.userId());
		this.trail.record(actor, AccessAction.UPDATE, id);
		return trajectory.id();
	}

	private static UUID lastContactPerson(Household household) {
		return household.trajectories()
			.stream()
			.filter((t) -> t.contactPerson() != null)
			.max(Comparator.comparing(Trajectory::start))
			.map(Trajectory::contactPerson)
			.orElse(null);
	}

	// ---- Reading

	/**
	 * The household as its reader may see it; the view is in the access trail.
	 */
	DossierView dossier(UUID id, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household");
		Household household = visible(actor, id);
		this.trail.record(actor, AccessAction.VIEW, id);
		return dossierView(actor, household, locale);
	}

	/**
	 * The household to edit (a view, so it is in the access trail).
	 */
	Household forEditing(UUID id) {
		Staff actor = changer();
		Household household = visible(actor, id);
		this.trail.record(actor, AccessAction.VIEW, id);
		return household;
	}

	/**
	 * The address in plain text when it is not confidential (for the edit form).
	 */
	String plainAddress(Household household) {
		SealedAddress address = household.address();
		if (address == null || address.confidential()) {
			return null;
		}
		return this.encryption.decrypt(address.ciphertext(), SealedAddress.context(household.id()));
	}

	/**
	 * A coordinator or professional of the organisation opens the confidential address,
	 * deliberately; the opening is in the access trail.
	 */
	String openConfidentialAddress(UUID id) {
		Staff actor = Staff.current().requireOrganisation("household");
		if (!actor.mayOpenConfidentialAddress()) {
			throw new AccessDeniedException("Volunteers never see a confidential address");
		}
		Household household = visible(actor, id);
		SealedAddress address = household.address();
		if (address == null || !address.confidential()) {
			throw new NotFoundException("confidential address");
		}
		this.recentAuthentication.require();
		this.trail.record(actor, AccessAction.OPEN_CONFIDENTIAL, id);
		return this.encryption.decrypt(address.ciphertext(), SealedAddress.context(id));
	}

	Household visible(Staff actor, UUID id) {
		Household household = this.households.find(id).orElseThrow(() -> new NotFoundException("household"));
		if (!household.organisationId().equals(actor.organisationId())) {
			throw new NotFoundException("household");
		}
		if (actor.seesOnlyOwnFamilies() && !this.households.involves(id, actor.userId(), today())) {
			throw new NotFoundException("household");
		}
		return household;
	}

	Map<UUID, StaffMember> staff(Staff actor) {
		Map<UUID, StaffMember> staff = new LinkedHashMap<>();
		this.accounts.staff(actor.organisationId()).forEach((member) -> staff.put(member.id(), member));
		return staff;
	}

	// ---- Internals

	private Staff changer() {
		Staff actor = Staff.current().requireOrganisation("household");
		if (!actor.mayChangeHouseholds()) {
			throw new AccessDeniedException("Volunteers do not change households");
		}
		return actor;
	}

	Household forChange(UUID id, int version, Function<Household, List<ConflictException.Change>> differences) {
		Household household = visible(Staff.current().requireOrganisation("household"), id);
		if (household.version() != version) {
			throw new ConflictException(household.version(), differences.apply(household));
		}
		return household;
	}

	void save(Household household, Function<Household, List<ConflictException.Change>> differences) {
		if (!this.households.update(household)) {
			Household current = this.households.find(household.id())
				.orElseThrow(() -> new NotFoundException("household"));
			throw new ConflictException(current.version(), differences.apply(current));
		}
	}

	/**
	 * What someone else's change left different from what was sent, each field with what
	 * was sent and what it is now. A confidential address is named, never shown.
	 * @param trajectories the trajectories sent, or {@code null} when the change was not
	 * about them
	 */
	List<ConflictException.Change> differences(Household current, HouseholdDetails details, AddressInput address,
			List<Trajectory> trajectories) {
		String currentAddress = (current.address() != null)
				? this.encryption.decrypt(current.address().ciphertext(), SealedAddress.context(current.id())) : null;
		HouseholdDetails now = current.details();
		Differences differences = Differences.labelled("household.field.")
			.text("externalId", details.externalId(), now.externalId())
			.text("district", details.district(), now.district())
			.code("composition", details.composition(), now.composition(), "household.composition.")
			.code("debts", details.debts(), now.debts(), "household.debts.")
			.code("referralSource", details.referralSource(), now.referralSource(), "household.referralSource.")
			.codes("contactReasons", details.contactReasons(), now.contactReasons(), "household.contactReason.")
			.text("phone", details.phone(), now.phone())
			.text("email", details.email(), now.email());
		if (address != null && !address.keepsStored()) {
			String sent = Texts.clean(address.text());
			if (current.address() != null && current.address().confidential()) {
				differences.hidden("address", sent, currentAddress);
			}
			else {
				differences.text("address", sent, currentAddress);
			}
		}
		if (!sameMembers(now.members(), details.members())) {
			differences.changed("members", members(details.members()), members(now.members()));
		}
		if (trajectories != null && !sameTrajectories(current.trajectories(), trajectories)) {
			differences.changed("trajectories", trajectories(trajectories), trajectories(current.trajectories()));
		}
		return differences.list();
	}

	private static boolean sameMembers(List<Member> now, List<Member> submitted) {
		if (now.size() != submitted.size()) {
			return false;
		}
		for (int i = 0; i < now.size(); i++) {
			Member a = now.get(i);
			Member b = submitted.get(i);
			boolean same = (b.ref() == null || Objects.equals(a.ref(), b.ref())) && a.role() == b.role()
					&& a.mainContact() == b.mainContact() && Objects.equals(a.givenName(), b.givenName())
					&& Objects.equals(a.familyName(), b.familyName()) && Objects.equals(a.birthDate(), b.birthDate())
					&& a.ageGroup() == b.ageGroup() && a.education() == b.education()
					&& a.dutchLanguage() == b.dutchLanguage() && a.dayActivities().equals(b.dayActivities());
			if (!same) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The members as names (or references) with their birth date: language-neutral.
	 */
	private static String members(List<Member> members) {
		return members.stream().map((m) -> {
			String name = (m.name() != null) ? m.name() : m.ref();
			return (m.birthDate() != null) ? name + " (" + m.birthDate() + ")" : name;
		}).collect(Collectors.joining(", "));
	}

	private static boolean sameTrajectories(List<Trajectory> now, List<Trajectory> submitted) {
		if (now.size() != submitted.size()) {
			return false;
		}
		for (int i = 0; i < now.size(); i++) {
			Trajectory a = now.get(i);
			Trajectory b = submitted.get(i);
			boolean same = a.kind() == b.kind() && Objects.equals(a.start(), b.start())
					&& Objects.equals(a.end(), b.end()) && Objects.equals(a.closingReason(), b.closingReason())
					&& Objects.equals(a.phaseModel(), b.phaseModel())
					&& Objects.equals(a.contactPerson(), b.contactPerson())
					&& a.involvedStaff().equals(b.involvedStaff()) && a.phases().equals(b.phases());
			if (!same) {
				return false;
			}
		}
		return true;
	}

	private static String trajectories(List<Trajectory> trajectories) {
		return trajectories.stream().map((t) -> {
			String period = t.kind() + " " + t.start() + " – " + ((t.end() != null) ? t.end() : "");
			return t.phases().current().map((c) -> period + " (" + c.phase() + " " + c.on() + ")").orElse(period);
		}).collect(Collectors.joining("; "));
	}

	/**
	 * The address as it will be stored: encrypted for the household, the stored one kept
	 * when a confidential address is sent back without its text.
	 */
	SealedAddress seal(UUID householdId, AddressInput address, SealedAddress stored) {
		if (address == null) {
			return stored;
		}
		String text = Texts.clean(address.text());
		if (text != null) {
			if (text.length() > 300) {
				throw new DomainException("address", "household.address.tooLong", 300);
			}
			return new SealedAddress(this.encryption.encrypt(text, SealedAddress.context(householdId)),
					address.confidential());
		}
		if (address.confidential()) {
			if (stored == null) {
				throw new DomainException("address", "household.address.confidentialWithout");
			}
			return new SealedAddress(stored.ciphertext(), true);
		}
		return null;
	}

	private void checkExternalId(Staff actor, String externalId, UUID id) {
		String clean = Texts.clean(externalId);
		if (clean != null && this.households.externalIdTaken(actor.organisationId(), clean, id)) {
			throw new DomainException("externalId", "household.externalId.taken", clean);
		}
	}

	/**
	 * Contact persons are active coordinators or professionals of the organisation, and
	 * involved staff active staff of the organisation; who was already assigned may stay
	 * even when no longer active.
	 */
	List<DomainException> staffErrors(Staff actor, List<Trajectory> trajectories, List<Trajectory> stored,
			String listPath) {
		Map<UUID, StaffMember> staff = staff(actor);
		List<DomainException> errors = new ArrayList<>();
		for (int i = 0; i < trajectories.size(); i++) {
			Trajectory trajectory = trajectories.get(i);
			String path = (listPath != null) ? listPath + "[" + i + "]" : "";
			Trajectory before = stored.stream().filter((t) -> t.id().equals(trajectory.id())).findFirst().orElse(null);
			try {
				if (trajectory.contactPerson() != null) {
					checkContactPerson(staff, trajectory.contactPerson(),
							(before != null) ? before.contactPerson() : null,
							HouseholdRules.field(path, "contactPerson"));
				}
				for (UUID member : trajectory.involvedStaff()) {
					checkInvolved(staff, member, (before != null) ? before.involvedStaff() : List.of(),
							HouseholdRules.field(path, "involvedStaff"));
				}
			}
			catch (DomainException ex) {
				errors.add(ex);
			}
		}
		return errors;
	}

	private static void checkContactPerson(Map<UUID, StaffMember> staff, UUID accountId, UUID before, String field) {
		StaffMember member = staff.get(accountId);
		boolean professional = member != null && member.role().worksWithCases();
		if (!professional || (!member.active() && !accountId.equals(before))) {
			throw new DomainException(field, "trajectory.contactPerson.invalid");
		}
	}

	private static void checkInvolved(Map<UUID, StaffMember> staff, UUID accountId, List<UUID> before, String field) {
		StaffMember member = staff.get(accountId);
		boolean works = member != null && member.role().seesClientData();
		if (!works || (!member.active() && !before.contains(accountId))) {
			throw new DomainException(field, "trajectory.staff.invalid");
		}
	}

	// ---- Views

	private DossierView dossierView(Staff actor, Household household, Locale locale) {
		LocalDate today = today();
		Map<UUID, StaffMember> staff = staff(actor);
		List<DossierView.MemberView> members = household.details()
			.members()
			.stream()
			.map((m) -> new DossierView.MemberView(m.id(), m.ref(), m.role(), m.mainContact(), m.name(), m.birthDate(),
					m.ageOn(today), m.ageGroupOn(today), m.education(), m.dutchLanguage(), m.dayActivities()))
			.toList();
		List<DossierView.TrajectoryView> open = new ArrayList<>();
		List<DossierView.TrajectoryView> ended = new ArrayList<>();
		List<Trajectory> newestFirst = new ArrayList<>(household.trajectories());
		newestFirst.sort(Comparator.comparing(Trajectory::start).reversed());
		for (Trajectory trajectory : newestFirst) {
			DossierView.TrajectoryView view = trajectoryView(trajectory, staff, locale, today);
			(trajectory.end() == null ? open : ended).add(view);
		}
		SealedAddress address = household.address();
		boolean confidential = address != null && address.confidential();
		String plain = (address != null && !confidential)
				? this.encryption.decrypt(address.ciphertext(), SealedAddress.context(household.id())) : null;
		boolean mayChange = actor.mayChangeHouseholds() && !household.closed();
		DossierView.Permissions may = new DossierView.Permissions(mayChange, actor.mayOpenConfidentialAddress(),
				mayChange && actor.assignsContactPersons(), actor.leadsTeam(),
				actor.mayChangeHouseholds() && household.closed());
		List<StaffOption> contactOptions = new ArrayList<>();
		List<StaffOption> staffOptions = new ArrayList<>();
		if (mayChange) {
			staff.values().stream().filter(StaffMember::active).forEach((member) -> {
				StaffOption option = option(member);
				if (member.role().worksWithCases()) {
					contactOptions.add(option);
				}
				if (member.role().seesClientData()) {
					staffOptions.add(option);
				}
			});
		}
		List<PhaseOption> organisationPhases = this.phaseModels.chosenBy(actor.organisationId())
			.phases()
			.stream()
			.map((p) -> new PhaseOption(p.code(), p.label(locale)))
			.toList();
		Closure closure = household.closure();
		HouseholdDetails d = household.details();
		return new DossierView(household.id(), household.version(), household.name(), d.externalId(), d.district(),
				d.composition(), d.debts(), d.referralSource(), d.contactReasons(), d.phone(), d.email(), plain,
				confidential, members,
				members.stream().filter(DossierView.MemberView::mainContact).findFirst().orElse(null), open, ended,
				(closure != null) ? closure.on() : null, (closure != null) ? closure.reason() : null, may,
				contactOptions, staffOptions, organisationPhases, today,
				this.households.reopenings(household.id())
					.stream()
					.map((r) -> new DossierView.ReopeningView(r.reopening().on(), r.reopening().reason(),
							(r.by() != null) ? option(staff, r.by()) : null, r.reopening().closedOn(),
							r.reopening().closingReason()))
					.toList());
	}

	private DossierView.TrajectoryView trajectoryView(Trajectory trajectory, Map<UUID, StaffMember> staff,
			Locale locale, LocalDate today) {
		PhaseModel model = this.phaseModels.model(trajectory.phaseModel()).orElseThrow();
		PhaseChange current = trajectory.phases().current().orElse(null);
		List<DossierView.PhaseStep> timeline = trajectory.phases()
			.timeline()
			.stream()
			.map((change) -> new DossierView.PhaseStep(change.phase(), label(change.phase(), locale), change.on(),
					change == current))
			.toList();
		DossierView.PhaseStep currentStep = timeline.isEmpty() ? null : timeline.get(timeline.size() - 1);
		return new DossierView.TrajectoryView(trajectory.id(), trajectory.kind(), trajectory.start(), trajectory.end(),
				trajectory.closingReason(), model.code(), model.label(locale), currentStep,
				trajectory.phases().daysSinceLastChange(today).orElse(null), timeline,
				(trajectory.contactPerson() != null) ? option(staff, trajectory.contactPerson()) : null,
				trajectory.involvedStaff().stream().map((id) -> option(staff, id)).toList(),
				model.phases().stream().map((p) -> new PhaseOption(p.code(), p.label(locale))).toList(),
				trajectory.destination(), trajectory.situation().housing(), trajectory.situation().income(),
				trajectory.situation().school());
	}

	String label(String phaseCode, Locale locale) {
		return this.phaseModels.phase(phaseCode).map((p) -> p.label(locale)).orElse(phaseCode);
	}

	static StaffOption option(StaffMember member) {
		return new StaffOption(member.id(), member.displayName(), member.role().name(), member.active());
	}

	static StaffOption option(Map<UUID, StaffMember> staff, UUID id) {
		StaffMember member = staff.get(id);
		return (member != null) ? option(member) : new StaffOption(id, null, null, false);
	}

	/**
	 * The address as a form or document gives it.
	 *
	 * @param text the address in plain text, or {@code null}
	 * @param confidential whether it is confidential; without text that keeps the stored
	 * confidential address
	 */
	record AddressInput(String text, boolean confidential) {

		boolean keepsStored() {
			return Texts.clean(this.text) == null && this.confidential;
		}

	}

}
