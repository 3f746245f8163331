package nl.vangnet.monitor;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.platform.tenancy.TenantScope;

/**
 * Builds monitor fixtures by inserting rows with plain SQL into the tables of
 * V2__households.sql and V4__registration.sql, within the organisation's tenant scope.
 */
final class MonitorFixture {

	private final TestData data;

	private final UUID organisation;

	MonitorFixture(TestData data, UUID organisation) {
		this.data = data;
		this.organisation = organisation;
	}

	private void sql(String sql, Object... params) {
		this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation)), (jdbc) -> {
			var statement = jdbc.sql(sql);
			for (Object param : params) {
				statement = statement.param(param);
			}
			return statement.update();
		});
	}

	/** Any change, as SQL, in the organisation's scope. */
	void change(String sql, Object... params) {
		sql(sql, params);
	}

	UUID household(String composition, String debts, String referral) {
		UUID id = UUID.randomUUID();
		sql("insert into household (id, organisation_id, composition, debts, referral_source, version) values (?, ?, ?, ?, ?, 0)",
				id, this.organisation, composition, debts, referral);
		return id;
	}

	UUID household() {
		return household(null, null, null);
	}

	void member(UUID household, String role, boolean mainContact, LocalDate birthDate, String ageGroup,
			String education, String dutch, List<String> dayActivities) {
		String ref = "m" + UUID.randomUUID().toString().substring(0, 8);
		sql("""
				insert into household_member (id, household_id, organisation_id, position, ref, role, main_contact,
				  birth_date, age_group, education, dutch_language, day_activities)
				values (?, ?, ?, (select count(*) from household_member where household_id = ?), ?, ?, ?, ?, ?, ?, ?,
				  string_to_array(?, ',')::varchar[])
				""", UUID.randomUUID(), household, this.organisation, household, ref, role, mainContact, birthDate,
				ageGroup, education, dutch, String.join(",", dayActivities));
	}

	void child(UUID household, LocalDate birthDate, String ageGroup) {
		member(household, "CHILD", false, birthDate, ageGroup, null, null, List.of());
	}

	void trajectory(UUID household, String kind, LocalDate start, LocalDate end) {
		sql("""
				insert into trajectory (id, household_id, organisation_id, position, kind, start_date, end_date, phase_model)
				values (?, ?, ?, (select count(*) from trajectory where household_id = ?), ?, ?, ?, 'FLEXIBLE')
				""",
				UUID.randomUUID(), household, this.organisation, household, kind, start, end);
	}

	UUID intensive(LocalDate start, LocalDate end) {
		UUID id = household();
		trajectory(id, "INTENSIVE", start, end);
		return id;
	}

	void question(UUID household, String code, LocalDate opened) {
		sql("""
				insert into help_question (id, household_id, organisation_id, framework_code, domain_code, monitor_code, opened_on)
				values (?, ?, ?, 'MONITOR', ?, ?, ?)
				""",
				UUID.randomUUID(), household, this.organisation, code, code, opened);
	}

	void time(UUID household, LocalDate date, String type, int minutes) {
		sql("insert into time_entry (id, household_id, organisation_id, entry_date, support_type, minutes) values (?, ?, ?, ?, ?, ?)",
				UUID.randomUUID(), household, this.organisation, date, type, minutes);
	}

	void score(UUID household, String domain, LocalDate date, Integer score) {
		score(household, domain, date, score, "MONITOR_PROGRESS", "WORKER");
	}

	void score(UUID household, String domain, LocalDate date, Integer score, String instrument, String rater) {
		sql("""
				insert into progress_score (id, household_id, organisation_id, instrument_code, domain_code, scored_on, rater, score)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""",
				UUID.randomUUID(), household, this.organisation, instrument, domain, date, rater, score);
	}

	void experience(UUID household, String code, LocalDate date, String helped) {
		sql("insert into experience (id, household_id, organisation_id, experienced_on, monitor_code, helped) values (?, ?, ?, ?, ?, ?)",
				UUID.randomUUID(), household, this.organisation, date, code, helped);
	}

	void activity(UUID household, LocalDate date, String satisfaction) {
		sql("insert into activity_participation (id, household_id, organisation_id, activity_date, name, satisfaction) values (?, ?, ?, ?, 'Wijkmaaltijd', ?)",
				UUID.randomUUID(), household, this.organisation, date, satisfaction);
	}

}
