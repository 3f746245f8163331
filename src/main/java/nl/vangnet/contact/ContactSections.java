package nl.vangnet.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.household.HouseholdDocument;
import nl.vangnet.household.HouseholdSections;
import nl.vangnet.household.Satisfaction;
import nl.vangnet.household.StoredHousehold;
import nl.vangnet.household.SupportType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code timeEntries} and {@code activities} sections of the household document
 * (vangnet-household/1) in the tables {@code time_entry} and
 * {@code activity_participation}. A section given replaces what was stored; entries come
 * back ordered by date, and in the document's order within a day. An empty section is
 * written as absent.
 */
@Component
class ContactSections implements HouseholdSections {

	static final String TIME_ENTRIES = "timeEntries";

	static final String ACTIVITIES = "activities";

	private final JdbcClient jdbc;

	private final TimeAndActivities time;

	ContactSections(JdbcClient jdbc, TimeAndActivities time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	@Override
	public Set<String> sections() {
		return Set.of(TIME_ENTRIES, ACTIVITIES);
	}

	@Override
	public void store(StoredHousehold household, HouseholdDocument document) {
		if (document.timeEntries() != null) {
			this.jdbc.sql("delete from time_entry where household_id = :id").param("id", household.id()).update();
			List<HouseholdDocument.TimeEntry> entries = document.timeEntries();
			for (int i = 0; i < entries.size(); i++) {
				HouseholdDocument.TimeEntry entry = entries.get(i);
				this.time.insertTime(household.organisationId(), household.id(), entry.date(), entry.type(),
						entry.minutes(), household.memberId(entry.member()), null, i);
			}
		}
		if (document.activities() != null) {
			this.jdbc.sql("delete from activity_participation where household_id = :id")
				.param("id", household.id())
				.update();
			List<HouseholdDocument.ActivityEntry> entries = document.activities();
			for (int i = 0; i < entries.size(); i++) {
				HouseholdDocument.ActivityEntry entry = entries.get(i);
				this.time.insertActivity(household.organisationId(), household.id(), entry.date(), entry.name(),
						household.memberId(entry.member()), entry.satisfaction(), null, i, entry.kind());
			}
		}
	}

	@Override
	public HouseholdDocument fill(StoredHousehold household, HouseholdDocument document) {
		List<HouseholdDocument.TimeEntry> time = this.jdbc.sql("""
				select entry_date, support_type, minutes, member_id from time_entry where household_id = :id
				order by entry_date, position nulls last, id
				""")
			.param("id", household.id())
			.query((rs, n) -> new HouseholdDocument.TimeEntry(rs.getObject(1, LocalDate.class),
					SupportType.valueOf(rs.getString(2)), rs.getInt(3), household.ref(rs.getObject(4, UUID.class))))
			.list();
		List<HouseholdDocument.ActivityEntry> activities = this.jdbc
			.sql("""
					select activity_date, name, member_id, satisfaction, kind from activity_participation where household_id = :id
					order by activity_date, position nulls last, id
					""")
			.param("id", household.id())
			.query((rs, n) -> {
				String satisfaction = rs.getString(4);
				return new HouseholdDocument.ActivityEntry(rs.getObject(1, LocalDate.class), rs.getString(2),
						household.ref(rs.getObject(3, UUID.class)),
						(satisfaction != null) ? Satisfaction.valueOf(satisfaction) : null,
						(rs.getString(5) != null) ? nl.vangnet.household.ActivityKind.valueOf(rs.getString(5)) : null);
			})
			.list();
		return document.withTimeEntries(time.isEmpty() ? null : time)
			.withActivities(activities.isEmpty() ? null : activities);
	}

}
