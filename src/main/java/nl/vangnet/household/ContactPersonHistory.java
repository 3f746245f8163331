package nl.vangnet.household;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.account.StaffMember;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who was the family's fixed contact person, from when to when, and who decided it (issue
 * 15, item 7). The database writes the history with every change of a trajectory's
 * contact person (V28_2); this reads it, newest first per trajectory.
 */
@Service
@Transactional
class ContactPersonHistory {

	private final JdbcClient jdbc;

	private final HouseholdManagement management;

	private final HouseholdTrail trail;

	private final ZoneId zone;

	ContactPersonHistory(JdbcClient jdbc, HouseholdManagement management, HouseholdTrail trail, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.management = management;
		this.trail = trail;
		this.zone = clock.getZone();
	}

	/** The history, as its own view of the household (in the access trail). */
	List<Entry> of(UUID householdId) {
		Staff actor = Staff.current().requireCaseWork().requireOrganisation("household");
		List<Entry> entries = read(actor, householdId);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return entries;
	}

	/**
	 * The history for the dossier page, whose view is already in the trail; empty for
	 * whoever does not work with cases.
	 */
	List<Entry> forDossier(UUID householdId) {
		Staff actor = Staff.current();
		return (actor.worksWithCases() && !actor.isSystem()) ? read(actor, householdId) : List.of();
	}

	private List<Entry> read(Staff actor, UUID householdId) {
		boolean exists = this.jdbc.sql("select exists (select 1 from household where id = :id)")
			.param("id", householdId)
			.query(Boolean.class)
			.single();
		if (!exists) {
			throw new NotFoundException("household");
		}
		Map<UUID, StaffMember> staff = this.management.staff(actor);
		List<Entry> entries = new ArrayList<>();
		Map<UUID, Instant> later = new HashMap<>();
		this.jdbc.sql("""
				select c.trajectory_id, t.kind, c.account_id, c.since, c.set_by
				from trajectory_contact_history c join trajectory t on t.id = c.trajectory_id
				where c.household_id = :id
				order by t.start_date desc, t.position desc, c.since desc, c.id
				""").param("id", householdId).query((rs) -> {
			UUID trajectory = rs.getObject("trajectory_id", UUID.class);
			UUID account = rs.getObject("account_id", UUID.class);
			UUID setBy = rs.getObject("set_by", UUID.class);
			Instant since = rs.getTimestamp("since").toInstant();
			Instant until = later.put(trajectory, since);
			entries.add(new Entry(trajectory, TrajectoryKind.valueOf(rs.getString("kind")), account,
					name(staff, account), LocalDate.ofInstant(since, this.zone),
					(until != null) ? LocalDate.ofInstant(until, this.zone) : null, name(staff, setBy)));
		});
		return entries;
	}

	private static String name(Map<UUID, StaffMember> staff, UUID id) {
		StaffMember member = (id != null) ? staff.get(id) : null;
		return (member != null) ? member.displayName() : null;
	}

	/**
	 * One contact person of one trajectory.
	 *
	 * @param until the day the next one took over, {@code null} while they are
	 * @param setBy who set them, {@code null} when not known (an import, or before the
	 * history was kept)
	 */
	record Entry(UUID trajectory, TrajectoryKind kind, UUID contactPerson, String name, LocalDate since,
			LocalDate until, String setBy) {
	}

}
