package nl.vangnet.contact;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.household.SupportType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores contact moments with the members who took part and the time and
 * activity entered with them, in the caller's transaction (so row-level security
 * applies).
 */
@Repository
class ContactMomentRepository {

	private final JdbcClient jdbc;

	private final TimeAndActivities time;

	ContactMomentRepository(JdbcClient jdbc, TimeAndActivities time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	void insert(ContactMoment moment) {
		this.jdbc
			.sql("""
					insert into contact_moment (id, household_id, organisation_id, occurred_at, channel, reached, note, sensitive, author_id)
					values (:id, :household, :organisation, :at, :channel, :reached, :note, :sensitive, :author)
					""")
			.param("id", moment.id())
			.param("household", moment.householdId())
			.param("organisation", moment.organisationId())
			.param("at", moment.occurredAt())
			.param("channel", moment.channel().name())
			.param("reached", moment.reached())
			.param("note", moment.note())
			.param("sensitive", moment.sensitive())
			.param("author", moment.authorId())
			.update();
		for (UUID member : moment.members()) {
			this.jdbc.sql(
					"insert into contact_moment_member (contact_moment_id, organisation_id, member_id) values (:c, :o, :m)")
				.param("c", moment.id())
				.param("o", moment.organisationId())
				.param("m", member)
				.update();
		}
		moment.minutes()
			.forEach((type, minutes) -> this.time.insertTime(moment.organisationId(), moment.householdId(),
					moment.day(), type, minutes, moment.timeMember(), moment.id(), null));
		if (moment.tookPartInActivity()) {
			if (moment.members().isEmpty()) {
				this.time.insertActivity(moment.organisationId(), moment.householdId(), moment.day(), moment.activity(),
						null, moment.satisfaction(), moment.id(), null, moment.activityKind());
			}
			for (UUID member : moment.members()) {
				this.time.insertActivity(moment.organisationId(), moment.householdId(), moment.day(), moment.activity(),
						member, moment.satisfaction(), moment.id(), null, moment.activityKind());
			}
		}
	}

	/**
	 * The family's contact moments, newest first; {@code author} not {@code null}: only
	 * theirs. Without the activity (it is in the family's activities).
	 */
	List<ContactMoment> ofHousehold(UUID householdId, UUID author) {
		Map<UUID, List<UUID>> with = new HashMap<>();
		this.jdbc.sql("""
				select cm.contact_moment_id, cm.member_id from contact_moment_member cm
				join contact_moment c on c.id = cm.contact_moment_id where c.household_id = :id
				""").param("id", householdId).query((rs, n) -> {
			with.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
				.add(rs.getObject(2, UUID.class));
			return null;
		}).list();
		Map<UUID, Map<SupportType, Integer>> minutes = new HashMap<>();
		this.jdbc.sql("""
				select contact_moment_id, support_type, sum(minutes) from time_entry
				where household_id = :id and contact_moment_id is not null group by contact_moment_id, support_type
				""").param("id", householdId).query((rs, n) -> {
			minutes.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new EnumMap<>(SupportType.class))
				.put(SupportType.valueOf(rs.getString(2)), rs.getInt(3));
			return null;
		}).list();
		return this.jdbc.sql("""
				select id, household_id, organisation_id, occurred_at, channel, reached, note, sensitive, author_id
				from contact_moment
				where household_id = :id and (:all or author_id = :me) order by occurred_at desc, created_at desc
				""").param("id", householdId).param("all", author == null).param("me", author).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new ContactMoment(id, rs.getObject("household_id", UUID.class),
					rs.getObject("organisation_id", UUID.class), rs.getObject("occurred_at", LocalDateTime.class),
					Channel.valueOf(rs.getString("channel")), rs.getBoolean("reached"), rs.getString("note"),
					rs.getBoolean("sensitive"), rs.getObject("author_id", UUID.class), with.getOrDefault(id, List.of()),
					minutes.getOrDefault(id, Map.of()), null, null);
		}).list();
	}

	/**
	 * The day of the family's last contact moment that reached it, {@code null} when none
	 * did.
	 */
	LocalDate lastReached(UUID householdId) {
		return lastReached(List.of(householdId)).get(householdId);
	}

	/**
	 * Per household, the day of its last contact that reached it (households without one
	 * are left out).
	 */
	Map<UUID, LocalDate> lastReached(List<UUID> householdIds) {
		Map<UUID, LocalDate> last = new HashMap<>();
		this.jdbc.sql("""
				select household_id, max(occurred_at) from contact_moment where reached and household_id in (:ids)
				group by household_id
				""").param("ids", householdIds).query((rs, n) -> {
			last.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDateTime.class).toLocalDate());
			return null;
		}).list();
		return last;
	}

	/**
	 * Per household, the contact moments that did not reach it since the last one that
	 * did (households without any are left out).
	 */
	Map<UUID, Integer> failedSinceReached(List<UUID> householdIds) {
		Map<UUID, Integer> failed = new HashMap<>();
		this.jdbc.sql("""
				select c.household_id, count(*) from contact_moment c where not c.reached and c.household_id in (:ids)
				  and c.occurred_at > coalesce((select max(r.occurred_at) from contact_moment r
				    where r.household_id = c.household_id and r.reached), '-infinity'::timestamp)
				group by c.household_id
				""").param("ids", householdIds).query((rs, n) -> {
			failed.put(rs.getObject(1, UUID.class), rs.getInt(2));
			return null;
		}).list();
		return failed;
	}

}
