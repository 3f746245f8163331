package nl.vangnet.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.account.AccountApi;
import nl.vangnet.account.StaffMember;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workload per worker, for a coordinator (issue 15, item 7): per professional and
 * coordinator of the organisation the families whose fixed contact person they are now,
 * how many of them are intensive, and how many of them are overdue for contact on the
 * worklist. Counts only, no family: the coordinator opens a worker's families in the
 * households list (filtered by contact person) and reassigns them there.
 */
@Service
class Workload {

	private final JdbcClient jdbc;

	private final AccountApi accounts;

	private final Worklist worklist;

	private final Clock clock;

	Workload(JdbcClient jdbc, AccountApi accounts, Worklist worklist, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.worklist = worklist;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<Worker> forCurrentUser() {
		Staff actor = Staff.current();
		if (!actor.leadsTeam() || actor.isSystem()) {
			throw new AccessDeniedException("Only coordinators see the workload per worker");
		}
		actor.requireOrganisation("household");
		LocalDate today = LocalDate.now(this.clock);
		Map<UUID, int[]> counts = new HashMap<>();
		this.jdbc.sql("""
				select t.contact_person, count(distinct t.household_id) as families,
				  count(distinct t.household_id) filter (where t.kind = 'INTENSIVE') as intensive
				from household_trajectory t
				where t.organisation_id = :organisation and t.contact_person is not null
				  and t.household_closed_on is null and (t.end_date is null or t.end_date >= :today)
				group by t.contact_person
				""").param("organisation", actor.organisationId()).param("today", today).query((rs) -> {
			counts.put(rs.getObject("contact_person", UUID.class),
					new int[] { rs.getInt("families"), rs.getInt("intensive"), 0 });
		});
		// Overdue as the worklist counts it: one way to decide that a contact is due.
		this.worklist.overdueByContactPerson(actor.organisationId())
			.forEach((person, overdue) -> counts.computeIfAbsent(person, (id) -> new int[3])[2] = overdue);
		List<Worker> workers = new ArrayList<>();
		for (StaffMember member : this.accounts.staff(actor.organisationId())) {
			int[] c = counts.getOrDefault(member.id(), new int[3]);
			boolean carries = member.role() == Role.PROFESSIONAL || member.role() == Role.COORDINATOR;
			if ((carries && member.active()) || c[0] > 0 || c[2] > 0) {
				workers.add(new Worker(member.id(), member.displayName(), member.role(), member.active(), c[0], c[1],
						c[2]));
			}
		}
		workers.sort(Comparator.comparingInt(Worker::families)
			.reversed()
			.thenComparing(Worker::name, String.CASE_INSENSITIVE_ORDER));
		return workers;
	}

	/**
	 * One worker's load.
	 *
	 * @param families families whose fixed contact person they are, with support running
	 * @param intensive of those, the ones in intensive support
	 * @param overdue families of theirs whose contact is overdue on the worklist
	 */
	record Worker(UUID id, String name, Role role, boolean active, int families, int intensive, int overdue) {
	}

}
