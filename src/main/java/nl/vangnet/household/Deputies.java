package nl.vangnet.household;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.account.StaffMember;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deputy contact persons (waarnemers, issue 15, item 7): while the fixed contact person
 * is away, from a day until a day, another professional or coordinator covers the family
 * and sees it on their worklist and caseload. The fixed contact person stays.
 * Coordinators and professionals arrange it for one trajectory (as they change a
 * dossier's staff); a coordinator also for every family of an absent worker at once.
 */
@Service
@Transactional
class Deputies {

	/** The longest cover at once: a year (a longer absence is a new contact person). */
	static final int MAX_DAYS = 366;

	private final JdbcClient jdbc;

	private final HouseholdManagement management;

	private final HouseholdTrail trail;

	Deputies(JdbcClient jdbc, HouseholdManagement management, HouseholdTrail trail) {
		this.jdbc = jdbc;
		this.management = management;
		this.trail = trail;
	}

	/**
	 * A deputy of a trajectory.
	 *
	 * @param current whether the cover runs today
	 */
	record Deputy(UUID id, UUID trajectoryId, UUID deputyId, String deputy, UUID absentId, String absent,
			LocalDate from, LocalDate until, boolean current) {
	}

	/**
	 * The household's deputies, newest first, as their own view (in the access trail).
	 */
	List<Deputy> of(UUID householdId) {
		Staff actor = Staff.current().requireCaseWork().requireOrganisation("household");
		requireHousehold(householdId);
		List<Deputy> deputies = read(actor, householdId);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return deputies;
	}

	/**
	 * The deputies per trajectory for the dossier, whose view is already in the trail;
	 * those that ended are left out. Empty for whoever does not work with cases.
	 */
	Map<UUID, List<Deputy>> forDossier(UUID householdId) {
		Staff actor = Staff.current();
		Map<UUID, List<Deputy>> byTrajectory = new LinkedHashMap<>();
		if (!actor.worksWithCases() || actor.isSystem()) {
			return byTrajectory;
		}
		LocalDate today = this.management.today();
		read(actor, householdId).stream()
			.filter((d) -> !d.until().isBefore(today))
			.forEach((d) -> byTrajectory.computeIfAbsent(d.trajectoryId(), (k) -> new ArrayList<>()).add(d));
		byTrajectory.values().forEach((list) -> list.sort(java.util.Comparator.comparing(Deputy::from)));
		return byTrajectory;
	}

	/**
	 * Arranges a deputy for a trajectory of the household, from a day until a day.
	 * @return the new deputy
	 */
	Deputy add(UUID householdId, UUID trajectoryId, UUID deputyId, LocalDate from, LocalDate until) {
		Staff actor = Staff.current().requireCaseWork().requireOrganisation("household");
		requireHousehold(householdId);
		Running trajectory = trajectory(householdId, trajectoryId);
		if (trajectory == null) {
			throw new NotFoundException("trajectory");
		}
		List<DomainException> errors = new ArrayList<>();
		check(errors, this.management.staff(actor), deputyId, trajectory.contactPerson());
		checkPeriod(errors, from, until);
		if (errors.isEmpty() && trajectory.end() != null && trajectory.end().isBefore(from)) {
			errors.add(new DomainException("from", "trajectory.deputy.ended"));
		}
		if (errors.isEmpty() && overlaps(trajectoryId, from, until)) {
			errors.add(new DomainException("from", "trajectory.deputy.overlaps"));
		}
		DomainErrors.throwIfAny(errors);
		UUID id = insert(actor, householdId, trajectoryId, deputyId, trajectory.contactPerson(), from, until);
		this.trail.record(actor, AccessAction.UPDATE, householdId);
		return read(actor, householdId).stream().filter((d) -> d.id().equals(id)).findFirst().orElseThrow();
	}

	/** Ends an arrangement: it is taken away (it never was, or is no longer, needed). */
	void remove(UUID householdId, UUID deputyRowId) {
		Staff actor = Staff.current().requireCaseWork().requireOrganisation("household");
		requireHousehold(householdId);
		int removed = this.jdbc.sql("delete from trajectory_deputy where id = :id and household_id = :household")
			.param("id", deputyRowId)
			.param("household", householdId)
			.update();
		if (removed == 0) {
			throw new NotFoundException("deputy");
		}
		this.trail.record(actor, AccessAction.UPDATE, householdId);
	}

	/**
	 * A coordinator arranges one deputy for every family of an absent worker: each
	 * trajectory whose fixed contact person they are and that still runs on the first
	 * day. Trajectories already covered in the period are left as they are.
	 * @return the households now covered
	 */
	List<UUID> coverAbsence(UUID absentId, UUID deputyId, LocalDate from, LocalDate until) {
		Staff actor = Staff.current().requireCaseWork().requireOrganisation("household");
		if (!actor.assignsContactPersons()) {
			throw new AccessDeniedException("Only coordinators arrange deputies for a whole caseload");
		}
		Map<UUID, StaffMember> staff = this.management.staff(actor);
		if (absentId == null || !staff.containsKey(absentId)) {
			throw new NotFoundException("account");
		}
		List<DomainException> errors = new ArrayList<>();
		check(errors, staff, deputyId, absentId);
		checkPeriod(errors, from, until);
		DomainErrors.throwIfAny(errors);
		List<UUID> covered = new ArrayList<>();
		this.jdbc.sql("""
				select t.id, t.household_id from trajectory t join household h on h.id = t.household_id
				where t.organisation_id = :organisation and t.contact_person = :absent
				  and (t.end_date is null or t.end_date >= :from) and h.closed_on is null
				  and not exists (select 1 from trajectory_deputy d where d.trajectory_id = t.id
				                  and d.from_date <= :until and d.until_date >= :from)
				order by t.household_id
				""")
			.param("organisation", actor.organisationId())
			.param("absent", absentId)
			.param("from", from)
			.param("until", until)
			.query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
			.list()
			.forEach((row) -> {
				insert(actor, row[1], row[0], deputyId, absentId, from, until);
				if (!covered.contains(row[1])) {
					covered.add(row[1]);
					this.trail.record(actor, AccessAction.UPDATE, row[1]);
				}
			});
		return covered;
	}

	private UUID insert(Staff actor, UUID householdId, UUID trajectoryId, UUID deputyId, UUID absentId, LocalDate from,
			LocalDate until) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into trajectory_deputy (id, organisation_id, household_id, trajectory_id, deputy_id, absent_id,
				  from_date, until_date, set_by)
				values (:id, :organisation, :household, :trajectory, :deputy, :absent, :from, :until, :by)
				""")
			.param("id", id)
			.param("organisation", actor.organisationId())
			.param("household", householdId)
			.param("trajectory", trajectoryId)
			.param("deputy", deputyId)
			.param("absent", absentId)
			.param("from", from)
			.param("until", until)
			.param("by", actor.isSystem() ? null : actor.userId())
			.update();
		return id;
	}

	private static void check(List<DomainException> errors, Map<UUID, StaffMember> staff, UUID deputyId,
			UUID contactPerson) {
		if (deputyId == null) {
			errors.add(new DomainException("deputy", "trajectory.deputy.required"));
			return;
		}
		StaffMember member = staff.get(deputyId);
		if (member == null || !member.active() || !member.role().worksWithCases()) {
			errors.add(new DomainException("deputy", "trajectory.deputy.invalid"));
		}
		else if (deputyId.equals(contactPerson)) {
			errors.add(new DomainException("deputy", "trajectory.deputy.self"));
		}
	}

	private void checkPeriod(List<DomainException> errors, LocalDate from, LocalDate until) {
		LocalDate today = this.management.today();
		if (from == null) {
			errors.add(new DomainException("from", "trajectory.deputy.from.required"));
		}
		else if (from.isAfter(today.plusDays(MAX_DAYS))) {
			errors.add(new DomainException("from", "trajectory.deputy.from.tooLate", MAX_DAYS));
		}
		if (until == null) {
			errors.add(new DomainException("until", "trajectory.deputy.until.required"));
		}
		else if (until.isBefore(today)) {
			errors.add(new DomainException("until", "trajectory.deputy.until.past"));
		}
		else if (from != null && until.isBefore(from)) {
			errors.add(new DomainException("until", "trajectory.deputy.until.beforeFrom"));
		}
		else if (from != null && ChronoUnit.DAYS.between(from, until) >= MAX_DAYS) {
			errors.add(new DomainException("until", "trajectory.deputy.tooLong", MAX_DAYS));
		}
	}

	private boolean overlaps(UUID trajectoryId, LocalDate from, LocalDate until) {
		return this.jdbc.sql("""
				select exists (select 1 from trajectory_deputy where trajectory_id = :t
				  and from_date <= :until and until_date >= :from)
				""").param("t", trajectoryId).param("from", from).param("until", until).query(Boolean.class).single();
	}

	private record Running(UUID contactPerson, LocalDate end) {
	}

	private Running trajectory(UUID householdId, UUID trajectoryId) {
		if (trajectoryId == null) {
			return null;
		}
		return this.jdbc.sql("select contact_person, end_date from trajectory where id = :t and household_id = :h")
			.param("t", trajectoryId)
			.param("h", householdId)
			.query((rs, n) -> new Running(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)))
			.optional()
			.orElse(null);
	}

	private void requireHousehold(UUID householdId) {
		boolean exists = this.jdbc.sql("select exists (select 1 from household where id = :id)")
			.param("id", householdId)
			.query(Boolean.class)
			.single();
		if (!exists) {
			throw new NotFoundException("household");
		}
	}

	private List<Deputy> read(Staff actor, UUID householdId) {
		Map<UUID, StaffMember> staff = this.management.staff(actor);
		LocalDate today = this.management.today();
		return this.jdbc.sql("""
				select id, trajectory_id, deputy_id, absent_id, from_date, until_date from trajectory_deputy
				where household_id = :id order by from_date desc, created_at desc
				""").param("id", householdId).query((rs, n) -> {
			UUID deputy = rs.getObject("deputy_id", UUID.class);
			UUID absent = rs.getObject("absent_id", UUID.class);
			LocalDate from = rs.getObject("from_date", LocalDate.class);
			LocalDate until = rs.getObject("until_date", LocalDate.class);
			return new Deputy(rs.getObject("id", UUID.class), rs.getObject("trajectory_id", UUID.class), deputy,
					name(staff, deputy), absent, name(staff, absent), from, until,
					!from.isAfter(today) && !until.isBefore(today));
		}).list();
	}

	private static String name(Map<UUID, StaffMember> staff, UUID id) {
		StaffMember member = (id != null) ? staff.get(id) : null;
		return (member != null) ? member.displayName() : null;
	}

}
