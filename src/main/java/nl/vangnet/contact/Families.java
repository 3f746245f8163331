package nl.vangnet.contact;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.account.AccountApi;
import nl.vangnet.account.StaffMember;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What this module reads of households (plain SQL on the household tables, as the monitor
 * does): whether the actor may see the family, its name, members and trajectories.
 * Row-level security limits every query to the actor's organisation.
 */
@Component
@org.springframework.transaction.annotation.Transactional
class Families {

	/**
	 * A volunteer sees the families whose running trajectory involves them.
	 */
	static final String INVOLVED = """
			exists (select 1 from trajectory t
			  where t.household_id = %s and (t.end_date is null or t.end_date >= :today)
			    and (t.contact_person = :me or exists (select 1 from trajectory_staff s
			      where s.trajectory_id = t.id and s.account_id = :me)))
			""";

	static final String NAME = """
			(select trim(coalesce(m.given_name, '') || ' ' || coalesce(m.family_name, '')) from household_member m
			  where m.household_id = %s order by m.main_contact desc, m.position limit 1)
			""";

	private final JdbcClient jdbc;

	private final AccountApi accounts;

	Families(JdbcClient jdbc, AccountApi accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/**
	 * @throws NotFoundException when the household does not exist for the actor
	 */
	void require(Staff actor, UUID householdId, LocalDate today) {
		String sql = "select count(*) from household h where h.id = :id"
				+ (actor.seesOnlyOwnFamilies() ? " and " + INVOLVED.formatted("h.id") : "");
		var statement = this.jdbc.sql(sql).param("id", householdId);
		if (actor.seesOnlyOwnFamilies()) {
			statement = statement.param("today", today).param("me", actor.userId());
		}
		if (statement.query(Long.class).single() == 0) {
			throw new NotFoundException("household");
		}
	}

	String name(UUID householdId) {
		List<String> names = this.jdbc.sql("select " + NAME.formatted(":id"))
			.param("id", householdId)
			.query(String.class)
			.list();
		return names.isEmpty() ? null : names.get(0);
	}

	/**
	 * The members by id, with their name (or their reference when no name is known).
	 */
	Map<UUID, String> members(UUID householdId) {
		Map<UUID, String> members = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select id, coalesce(nullif(trim(coalesce(given_name, '') || ' ' || coalesce(family_name, '')), ''), ref) as name
					from household_member where household_id = :id order by position
					""")
			.param("id", householdId)
			.query((rs, n) -> {
				members.put(rs.getObject("id", UUID.class), rs.getString("name"));
				return null;
			})
			.list();
		return members;
	}

	List<TrajectoryRow> trajectories(UUID householdId) {
		return this.jdbc.sql("""
				select id, kind, start_date, end_date, contact_person from trajectory
				where household_id = :id order by start_date, position
				""")
			.param("id", householdId)
			.query((rs, n) -> new TrajectoryRow(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
					rs.getObject("contact_person", UUID.class)))
			.list();
	}

	Map<UUID, String> staffNames(UUID organisationId) {
		Map<UUID, String> names = new LinkedHashMap<>();
		for (StaffMember member : this.accounts.staff(organisationId)) {
			names.put(member.id(), member.displayName());
		}
		return names;
	}

	record TrajectoryRow(UUID id, String kind, LocalDate start, LocalDate end, UUID contactPerson) {

		boolean runningOn(LocalDate day) {
			return this.end == null || !this.end.isBefore(day);
		}

	}

}
