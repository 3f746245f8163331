package nl.vangnet.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.household.Debts;
import nl.vangnet.household.Destination;
import nl.vangnet.household.Family;
import nl.vangnet.household.FamilyTrajectory;
import nl.vangnet.household.Helped;
import nl.vangnet.household.HousingSituation;
import nl.vangnet.household.IncomeSituation;
import nl.vangnet.household.MemberId;
import nl.vangnet.household.NetworkMaps;
import nl.vangnet.household.SchoolSituation;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up checks after departure (issue 15, item 3): at 3, 6 and 12 months after an
 * intensive trajectory ended, the worker asks how she is doing. A check is due on the day
 * of departure plus its months ({@link LocalDate#plusMonths(long)}: 31 January + 3 months
 * is 30 April). Every attempt is recorded as a contact moment of the family, so one that
 * did not reach her counts as a failed outreach attempt, exactly as any other contact
 * moment that did not reach her; once she was reached for a check, it is done. Only case
 * workers (coordinators and professionals) see and record checks; every view and change
 * is in the access trail, in the same transaction.
 */
@Service
@Transactional
class FollowUpChecks {

	/** The months after departure at which she is checked on. */
	static final List<Integer> MONTHS = List.of(3, 6, 12);

	static final int CONTACTS_MAX = 200;

	private final JdbcClient jdbc;

	private final Families families;

	private final ContactMomentRepository moments;

	private final ContactTrail trail;

	private final Clock clock;

	private final NetworkMaps maps;

	FollowUpChecks(JdbcClient jdbc, Families families, ContactMomentRepository moments, ContactTrail trail, Clock clock,
			NetworkMaps maps) {
		this.maps = maps;
		this.jdbc = jdbc;
		this.families = families;
		this.moments = moments;
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * The day a check is due: the day of departure plus its months, clamped to a month's
	 * end.
	 */
	static LocalDate due(LocalDate departedOn, int months) {
		return departedOn.plusMonths(months);
	}

	/**
	 * The departures of a family (its ended intensive trajectories, the latest first),
	 * each with its three checks and what was recorded for them.
	 */
	List<Departure> checks(UUID householdId) {
		Staff actor = caseWorker();
		Family family = this.families.require(householdId);
		List<Departure> departures = departuresOf(householdId, family.trajectories());
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return departures;
	}

	/**
	 * The departures among the family's trajectories, read before by the caller (who
	 * checked that the actor may see them and records the view).
	 */
	List<Departure> departuresOf(UUID householdId, List<FamilyTrajectory> trajectories) {
		LocalDate today = LocalDate.now(this.clock);
		Map<UUID, List<Attempt>> attempts = new HashMap<>();
		this.jdbc.sql("""
				select id, trajectory_id, months, checked_on, reached, housing, income, debts, safe, school,
				  supportive_contacts, triangle, helped, recorded_by
				from follow_up_check where household_id = :h order by checked_on, created_at, id""")
			.param("h", householdId)
			.query((rs, n) -> attempts
				.computeIfAbsent(rs.getObject("trajectory_id", UUID.class), (k) -> new ArrayList<>())
				.add(new Attempt(rs.getObject("id", UUID.class), rs.getInt("months"),
						rs.getObject("checked_on", LocalDate.class), rs.getBoolean("reached"),
						code(HousingSituation.class, rs.getString("housing")),
						code(IncomeSituation.class, rs.getString("income")), code(Debts.class, rs.getString("debts")),
						(Boolean) rs.getObject("safe"), code(SchoolSituation.class, rs.getString("school")),
						(Integer) rs.getObject("supportive_contacts"),
						code(TrianglePosition.class, rs.getString("triangle")),
						code(Helped.class, rs.getString("helped")), rs.getObject("recorded_by", UUID.class))))
			.list();
		Map<UUID, Situation> situations = new HashMap<>();
		this.jdbc.sql("""
				select trajectory_id, destination, departure_housing, departure_income, departure_school
				from household_trajectory where household_id = :h and end_date is not null""")
			.param("h", householdId)
			.query((rs, n) -> situations.put(rs.getObject("trajectory_id", UUID.class),
					new Situation(code(Destination.class, rs.getString("destination")),
							code(HousingSituation.class, rs.getString("departure_housing")),
							code(IncomeSituation.class, rs.getString("departure_income")),
							code(SchoolSituation.class, rs.getString("departure_school")))))
			.list();
		List<Departure> departures = new ArrayList<>();
		List<FamilyTrajectory> ended = departures(trajectories);
		for (FamilyTrajectory t : ended) {
			List<Attempt> ofTrajectory = attempts.getOrDefault(t.id().value(), List.of());
			boolean superseded = t != ended.get(0) || newTrajectoryRuns(trajectories, t);
			List<Check> checks = new ArrayList<>();
			for (int months : MONTHS) {
				List<Attempt> made = ofTrajectory.stream().filter((a) -> a.months() == months).toList();
				LocalDate due = due(t.end(), months);
				checks.add(new Check(months, due, Status.of(due, today, made, superseded), made));
			}
			departures.add(new Departure(t.id().value(), t.end(),
					situations.getOrDefault(t.id().value(), Situation.UNKNOWN), checks));
		}
		return departures;
	}

	/**
	 * Records a check: reached with her outcome, or not reached (then without outcome).
	 * Its contact moment is recorded with it.
	 * @return the id of the check
	 */
	UUID record(UUID householdId, NewCheck check) {
		Staff actor = caseWorker();
		var family = this.families.require(householdId);
		List<DomainException> errors = new ArrayList<>();
		List<FamilyTrajectory> departures = departures(householdId);
		FamilyTrajectory departure = null;
		if (check.trajectory() == null) {
			if (departures.isEmpty()) {
				errors.add(new DomainException("trajectory", "contact.followUp.trajectory.none"));
			}
			else {
				departure = departures.get(0);
			}
		}
		else {
			departure = departures.stream()
				.filter((t) -> t.id().value().equals(check.trajectory()))
				.findFirst()
				.orElse(null);
			if (departure == null) {
				errors.add(new DomainException("trajectory", "contact.followUp.trajectory.unknown"));
			}
		}
		if (check.months() == null) {
			errors.add(new DomainException("months", "contact.followUp.months.required"));
		}
		else if (!MONTHS.contains(check.months())) {
			errors.add(new DomainException("months", "contact.followUp.months.unknown"));
		}
		else if (departure != null && reachedAlready(departure.id().value(), check.months())) {
			errors.add(new DomainException("months", "contact.followUp.months.done"));
		}
		LocalDate today = LocalDate.now(this.clock);
		if (check.on() == null) {
			errors.add(new DomainException("on", "contact.followUp.on.required"));
		}
		else if (check.on().isAfter(today)) {
			errors.add(new DomainException("on", "contact.followUp.on.future"));
		}
		else if (departure != null && check.on().isBefore(departure.end())) {
			errors.add(new DomainException("on", "contact.followUp.on.beforeDeparture"));
		}
		if (check.reached() == null) {
			errors.add(new DomainException("reached", "contact.followUp.reached.required"));
		}
		else if (!check.reached()) {
			check.answered()
				.forEach((field) -> errors.add(new DomainException(field, "contact.followUp.onlyReached." + field)));
		}
		if (check.supportiveContacts() != null
				&& (check.supportiveContacts() < 0 || check.supportiveContacts() > CONTACTS_MAX)) {
			errors.add(new DomainException("supportiveContacts", "contact.followUp.supportiveContacts.range",
					CONTACTS_MAX));
		}
		Integer supportive = supportive(householdId, check, today, errors);
		DomainErrors.throwIfAny(errors);
		LocalDateTime now = LocalDateTime.now(this.clock);
		LocalDateTime at = check.on().equals(today) ? now : check.on().atTime(LocalTime.NOON);
		Channel channel = (check.channel() != null) ? check.channel() : Channel.PHONE;
		ContactMoment moment = ContactMoment.record(householdId, actor.organisationId(),
				new Contacts.NewContact(at, channel, check.reached(), List.of(), null, false, Map.of(), null, null),
				Families.members(family).keySet(), actor.isSystem() ? null : actor.userId(), now);
		this.moments.insert(moment);
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into follow_up_check (id, organisation_id, household_id, trajectory_id, months, checked_on, reached,
					  contact_moment_id, housing, income, debts, safe, school, supportive_contacts, triangle, helped,
					  recorded_by)
					values (:id, :o, :h, :t, :months, :on, :reached, :moment, :housing, :income, :debts, :safe, :school,
					  :contacts, :triangle, :helped, :by)""")
			.param("id", id)
			.param("o", actor.organisationId())
			.param("h", householdId)
			.param("t", departure.id().value())
			.param("months", check.months())
			.param("on", check.on())
			.param("reached", check.reached())
			.param("moment", moment.id())
			.param("housing", name(check.housing()))
			.param("income", name(check.income()))
			.param("debts", name(check.debts()))
			.param("safe", check.safe())
			.param("school", name(check.school()))
			.param("contacts", supportive)
			.param("triangle", name(check.triangle()))
			.param("helped", name(check.helped()))
			.param("by", actor.isSystem() ? null : actor.userId())
			.update();
		this.trail.record(actor, AccessAction.CREATE, householdId);
		return id;
	}

	/**
	 * Who she sees, when she was reached: the number given (through the API), else the
	 * supportive contacts on her network map (the main contact's) as it stands after the
	 * check's quick update of it, else as it stands; unknown ({@code null}) without a
	 * map. The quick update is drawn in this transaction, so a check refused for any
	 * reason leaves her map as it was.
	 */
	private Integer supportive(UUID householdId, NewCheck check, LocalDate today, List<DomainException> errors) {
		NetworkUpdate update = check.network();
		boolean updating = update != null && update.any();
		if (updating && check.supportiveContacts() != null) {
			errors.add(new DomainException("supportiveContacts", "contact.followUp.supportiveContacts.fromMap"));
		}
		if (!Boolean.TRUE.equals(check.reached())) {
			return null;
		}
		if (check.supportiveContacts() != null && !updating) {
			return check.supportiveContacts();
		}
		Optional<MemberId> her = this.families.mainContact(householdId);
		if (her.isEmpty()) {
			if (updating) {
				errors.add(new DomainException("network", "contact.followUp.network.noClient"));
			}
			return null;
		}
		if (!updating) {
			return this.maps.latest(her.get()).map(NetworkMaps.LatestMap::supportive).orElse(null);
		}
		LocalDate on = (check.on() != null && !check.on().isAfter(today)) ? check.on() : today;
		try {
			// drawn even when the check is refused already, to name all that is wrong;
			// the refusal takes it back with the rest
			return this.maps.quickUpdate(her.get(), on, update.removedKeys(), update.addedPeople()).supportive();
		}
		catch (DomainErrors ex) {
			ex.errors()
				.forEach((e) -> errors.add(new DomainException("network." + e.field(), e.messageKey(), e.arguments())));
			return null;
		}
	}

	/**
	 * Her network map for a check's quick update: the main contact's latest map, empty
	 * when none was drawn or the household has no members. Not in the access trail: the
	 * page records what it shows.
	 */
	Optional<NetworkMaps.LatestMap> map(UUID householdId) {
		return map(this.families.require(householdId));
	}

	/** Her network map, of a family the caller read before. */
	Optional<NetworkMaps.LatestMap> map(Family family) {
		caseWorker();
		return family.mainContactId().flatMap(this.maps::latest);
	}

	/**
	 * Per household, its first check that is due and not tried yet, while the pilot-light
	 * rhythm of that departure runs (households without one are left out). Only the
	 * latest departure has checks due, and none while a new trajectory runs: a family
	 * that came back is followed up after it leaves again. Not in the access trail: the
	 * worklist records what it shows.
	 */
	Map<UUID, Due> dueBy(List<UUID> householdIds, LocalDate today) {
		Map<UUID, Due> due = new HashMap<>();
		this.jdbc.sql("""
				select r.household_id, r.trajectory_id, t.end_date,
				  array(select c.months from follow_up_check c where c.trajectory_id = r.trajectory_id) as tried
				from follow_up_rhythm r
				join household_trajectory t on t.trajectory_id = r.trajectory_id
				where r.ended_on is null and not r.declined and t.kind = 'INTENSIVE' and t.end_date is not null
				  and t.end_date <= :today and r.household_id in (:ids)
				  and not exists (select 1 from household_trajectory l
				    where l.household_id = t.household_id and l.kind = 'INTENSIVE' and l.end_date is not null
				      and (l.end_date > t.end_date or (l.end_date = t.end_date and l.start_date > t.start_date)))
				  and not exists (select 1 from household_trajectory n
				    where n.household_id = t.household_id and n.end_date is null and n.start_date >= t.end_date
				      and n.kind <> 'AFTERCARE')""").param("today", today).param("ids", householdIds).query((rs, n) -> {
			LocalDate departed = rs.getObject("end_date", LocalDate.class);
			List<Integer> tried = List.of((Integer[]) rs.getArray("tried").getArray());
			for (int months : MONTHS) {
				LocalDate day = due(departed, months);
				if (!day.isAfter(today) && !tried.contains(months)) {
					Due candidate = new Due(months, day);
					due.merge(rs.getObject("household_id", UUID.class), candidate,
							(a, b) -> a.due().isAfter(b.due()) ? b : a);
					break;
				}
			}
			return null;
		}).list();
		return due;
	}

	private boolean reachedAlready(UUID trajectoryId, int months) {
		return this.jdbc
			.sql("select exists (select 1 from follow_up_check where trajectory_id = :t and months = :m and reached)")
			.param("t", trajectoryId)
			.param("m", months)
			.query(Boolean.class)
			.single();
	}

	/** The ended intensive trajectories of the household, the latest departure first. */
	private List<FamilyTrajectory> departures(UUID householdId) {
		return departures(this.families.trajectories(householdId));
	}

	/**
	 * The departures among the trajectories, the latest first (of two on one day, the one
	 * that started last), as {@link #dueBy} orders them.
	 */
	private static List<FamilyTrajectory> departures(List<FamilyTrajectory> trajectories) {
		return trajectories.stream()
			.filter((t) -> "INTENSIVE".equals(t.kind()) && t.end() != null)
			.sorted(Comparator.comparing(FamilyTrajectory::end).thenComparing(FamilyTrajectory::start).reversed())
			.toList();
	}

	/**
	 * Whether she came back after the departure: a trajectory that started on or after
	 * its day runs (other than aftercare, which is the follow-up of the departure
	 * itself).
	 */
	private static boolean newTrajectoryRuns(List<FamilyTrajectory> trajectories, FamilyTrajectory departure) {
		return trajectories.stream()
			.anyMatch((t) -> t.end() == null && !t.start().isBefore(departure.end()) && !"AFTERCARE".equals(t.kind()));
	}

	private static Staff caseWorker() {
		Staff actor = Staff.current().requireOrganisation("household");
		if (!actor.worksWithCases()) {
			throw new AccessDeniedException("Only coordinators and professionals");
		}
		return actor;
	}

	private static String name(Enum<?> code) {
		return (code != null) ? code.name() : null;
	}

	private static <E extends Enum<E>> E code(Class<E> type, String name) {
		return (name != null) ? Enum.valueOf(type, name) : null;
	}

	/**
	 * A check to record. Only {@code months}, {@code on} and {@code reached} are
	 * required; an outcome not given is unknown. {@code trajectory}: the departure (the
	 * latest when not given); {@code channel}: how she was called on ({@code PHONE} when
	 * not given); {@code supportiveContacts}: when not given, counted from her network
	 * map after the quick update {@code network} (never both).
	 */
	record NewCheck(UUID trajectory, Integer months, LocalDate on, Boolean reached, Channel channel,
			HousingSituation housing, IncomeSituation income, Debts debts, Boolean safe, SchoolSituation school,
			Integer supportiveContacts, TrianglePosition triangle, Helped helped, NetworkUpdate network) {

		/** The outcome fields that were answered. */
		List<String> answered() {
			List<String> fields = new ArrayList<>();
			Object[] values = { this.housing, this.income, this.debts, this.safe, this.school, this.supportiveContacts,
					this.triangle, this.helped, (this.network != null && this.network.any()) ? this.network : null };
			String[] names = { "housing", "income", "debts", "safe", "school", "supportiveContacts", "triangle",
					"helped", "network" };
			for (int i = 0; i < values.length; i++) {
				if (values[i] != null) {
					fields.add(names[i]);
				}
			}
			return fields;
		}

	}

	/**
	 * The quick update of her network map at a check: the people on her latest map she no
	 * longer sees ({@code removed}, their keys) and the people she sees now who were not
	 * on it ({@code added}).
	 */
	record NetworkUpdate(List<UUID> removed, List<NetworkMaps.NewPerson> added) {

		boolean any() {
			return !removedKeys().isEmpty() || !addedPeople().isEmpty();
		}

		java.util.Set<UUID> removedKeys() {
			return (this.removed != null)
					? this.removed.stream()
						.filter(java.util.Objects::nonNull)
						.collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new))
					: java.util.Set.of();
		}

		List<NetworkMaps.NewPerson> addedPeople() {
			return (this.added != null) ? this.added.stream().filter(java.util.Objects::nonNull).toList() : List.of();
		}

	}

	/**
	 * A departure: the trajectory that ended, the day, where she went and how she left,
	 * and its checks at 3, 6 and 12 months.
	 */
	record Departure(UUID trajectory, LocalDate departedOn, Situation departure, List<Check> checks) {
	}

	/**
	 * Where she went and her housing, income and school situation at departure (null:
	 * unknown).
	 */
	record Situation(Destination destination, HousingSituation housing, IncomeSituation income,
			SchoolSituation school) {

		static final Situation UNKNOWN = new Situation(null, null, null, null);

	}

	/** A check, when it is due, where it stands and what was recorded for it. */
	record Check(int months, LocalDate due, Status status, List<Attempt> attempts) {
	}

	/** What was recorded for a check: reached with her outcome, or not reached. */
	record Attempt(UUID id, int months, LocalDate on, boolean reached, HousingSituation housing, IncomeSituation income,
			Debts debts, Boolean safe, SchoolSituation school, Integer supportiveContacts, TrianglePosition triangle,
			Helped helped, UUID recordedBy) {
	}

	/** A check that is due for the worklist. */
	record Due(int months, LocalDate due) {
	}

	/**
	 * Where a check stands: not yet due, due and not tried, tried without reaching her,
	 * done (she was reached), or no longer asked: she came back (a later departure, or a
	 * new trajectory that runs) before it was tried.
	 */
	enum Status {

		UPCOMING, DUE, NOT_REACHED, REACHED, SUPERSEDED;

		static Status of(LocalDate due, LocalDate today, List<Attempt> attempts, boolean superseded) {
			if (attempts.stream().anyMatch(Attempt::reached)) {
				return REACHED;
			}
			if (!attempts.isEmpty()) {
				return NOT_REACHED;
			}
			if (superseded) {
				return SUPERSEDED;
			}
			return due.isAfter(today) ? UPCOMING : DUE;
		}

	}

}
