package nl.vangnet.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.vangnet.household.ActivityKind;
import nl.vangnet.household.Satisfaction;
import nl.vangnet.household.SupportType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores time invested per support type ({@code time_entry}) and taking part in group
 * activities ({@code activity_participation}), entered on their own, from a contact
 * moment, or through the household document; in the caller's transaction.
 */
@Repository
class TimeAndActivities {

	private final JdbcClient jdbc;

	TimeAndActivities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertTime(UUID organisationId, UUID householdId, LocalDate date, SupportType type, int minutes, UUID member,
			UUID contactMoment, Integer position) {
		this.jdbc.sql("""
				insert into time_entry (id, household_id, organisation_id, member_id, entry_date, support_type, minutes,
				  contact_moment_id, position)
				values (:id, :household, :organisation, :member, :date, :type, :minutes, :contact, :position)
				""")
			.param("id", UUID.randomUUID())
			.param("household", householdId)
			.param("organisation", organisationId)
			.param("member", member)
			.param("date", date)
			.param("type", type.name())
			.param("minutes", minutes)
			.param("contact", contactMoment)
			.param("position", position)
			.update();
	}

	void insertActivity(UUID organisationId, UUID householdId, LocalDate date, String name, UUID member,
			Satisfaction satisfaction, UUID contactMoment, Integer position, ActivityKind kind) {
		this.jdbc
			.sql("""
					insert into activity_participation (id, household_id, organisation_id, member_id, activity_date, name,
					  satisfaction, contact_moment_id, position, kind)
					values (:id, :household, :organisation, :member, :date, :name, :satisfaction, :contact, :position, :kind)
					""")
			.param("kind", (kind != null) ? kind.name() : null)
			.param("id", UUID.randomUUID())
			.param("household", householdId)
			.param("organisation", organisationId)
			.param("member", member)
			.param("date", date)
			.param("name", name)
			.param("satisfaction", (satisfaction != null) ? satisfaction.name() : null)
			.param("contact", contactMoment)
			.param("position", position)
			.update();
	}

	/**
	 * Every time entry of the household, as entered.
	 */
	List<TimeSummary.Entry> entries(UUID householdId) {
		return this.jdbc.sql("select entry_date, support_type, minutes from time_entry where household_id = :id")
			.param("id", householdId)
			.query((rs, n) -> new TimeSummary.Entry(rs.getObject(1, LocalDate.class),
					SupportType.valueOf(rs.getString(2)), rs.getInt(3)))
			.list();
	}

	/**
	 * The household's taking part in activities, newest first.
	 */
	List<Participation> activities(UUID householdId) {
		return this.jdbc.sql("""
				select activity_date, name, member_id, satisfaction, kind from activity_participation
				where household_id = :id order by activity_date desc, position nulls last, id
				""").param("id", householdId).query((rs, n) -> {
			String satisfaction = rs.getString("satisfaction");
			String kind = rs.getString("kind");
			return new Participation(rs.getObject("activity_date", LocalDate.class), rs.getString("name"),
					rs.getObject("member_id", UUID.class),
					(satisfaction != null) ? Satisfaction.valueOf(satisfaction) : null,
					(kind != null) ? ActivityKind.valueOf(kind) : null);
		}).list();
	}

	/**
	 * Taking part in an activity: {@code member} {@code null} for the household as a
	 * whole; {@code satisfaction} {@code null} when not asked; {@code kind} {@code null}
	 * when not recorded.
	 */
	record Participation(LocalDate date, String name, UUID member, Satisfaction satisfaction, ActivityKind kind) {
	}

}
