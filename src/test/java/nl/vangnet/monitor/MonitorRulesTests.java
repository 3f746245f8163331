package nl.vangnet.monitor;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each semantic rule of vangnet-monitor/1 (EXCHANGE.md section 2) on its edges, counted
 * by the monitor's SQL before suppression, on fixtures inserted with SQL.
 */
@VangnetTest
class MonitorRulesTests {

	private static final LocalDate FROM = LocalDate.of(2020, 1, 1);

	private static final LocalDate TO = LocalDate.of(2020, 12, 31);

	private static final List<String> CODES = List.of("FINANCES", "HEALTH", "HOUSING", "SOCIAL",
			"SOCIAL.DOMESTIC_RELATIONS", "SOCIAL.PARENTING", "SOCIAL.NETWORK", "PARTICIPATION", "OTHER");

	@Autowired
	private TestData data;

	@Autowired
	private MonitorQueries queries;

	@Autowired
	private org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	private org.springframework.transaction.PlatformTransactionManager transactionManager;

	private RawFigures count(TestData.Organisation organisation) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(jdbc) -> this.queries.count(Set.of(organisation.id()), FROM, TO, CODES));
	}

	/** The rows of a summary (V45, V46) of these households of the organisation. */
	private long rows(String summary, TestData.Organisation organisation, java.util.UUID... households) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(jdbc) -> jdbc.sql("select count(*) from " + summary + " where household_id = any (?)")
					.param(households)
					.query(Long.class)
					.single());
	}

	@Test
	void countedOnOneConnectionOrOnFourTheFiguresAreTheSame() {
		TestData.Organisation organisation = this.data.organisation();
		MonitorFixture f = new MonitorFixture(this.data, organisation.id());
		Random random = new Random(16);
		for (int i = 0; i < 40; i++) {
			LocalDate start = FROM.minusDays(random.nextInt(400));
			var household = f.intensive(start, (i % 3 == 0) ? null : start.plusDays(200 + random.nextInt(300)));
			f.child(household, LocalDate.of(2010 + random.nextInt(10), 1 + random.nextInt(12), 1), null);
			f.question(household, CODES.get(random.nextInt(CODES.size())), FROM.plusDays(random.nextInt(300)));
			f.time(household, start.plusDays(random.nextInt(50)), "CONVERSATION", 30 + random.nextInt(60));
			f.score(household, "FINANCES", FROM.plusDays(random.nextInt(300)), 1 + random.nextInt(5));
			f.experience(household, "FINANCES", FROM.plusDays(random.nextInt(300)), (i % 2 == 0) ? "YES" : "NO");
			f.activity(household, FROM.plusDays(random.nextInt(300)), (i % 2 == 0) ? "GREEN" : "RED");
		}
		Map<String, Object> one = report(organisation, 1);
		Map<String, Object> four = report(organisation, 4);
		assertThat(((Cell) one.get("population")).count()).isGreaterThan(30);
		assertThat(four).usingRecursiveComparison().isEqualTo(one);
	}

	private Map<String, Object> report(TestData.Organisation organisation, int connections) {
		MonitorQueries counting = new MonitorQueries(this.jdbc, this.transactionManager, connections);
		try {
			RawFigures raw = this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
					(sql) -> counting.count(Set.of(organisation.id()), FROM, TO, CODES));
			return MonitorReport.of(raw, 1, CODES, List.of(organisation.code()));
		}
		finally {
			counting.destroy();
		}
	}

	@Test
	void theIntensivePopulationIsEveryTrajectoryOverlappingThePeriodBoundariesIncluded() {
		TestData.Organisation organisation = this.data.organisation();
		MonitorFixture f = new MonitorFixture(this.data, organisation.id());
		f.intensive(LocalDate.of(2019, 1, 1), FROM); // ends on the first day: in
		f.intensive(TO, null); // starts on the last day: in
		f.intensive(LocalDate.of(2018, 1, 1), null); // ongoing: in
		f.intensive(LocalDate.of(2019, 1, 1), FROM.minusDays(1)); // ended the day before:
																	// out
		f.intensive(TO.plusDays(1), null); // starts the day after: out
		var twice = f.intensive(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 3, 1));
		f.trajectory(twice, "INTENSIVE", LocalDate.of(2020, 6, 1), null); // counted once
		var shortOnly = f.household();
		f.trajectory(shortOnly, "SHORT", LocalDate.of(2020, 5, 1), LocalDate.of(2020, 5, 20));
		f.trajectory(twice, "SHORT", LocalDate.of(2020, 5, 1), null); // intensive too:
																		// not short
		var shortBefore = f.household();
		f.trajectory(shortBefore, "SHORT", LocalDate.of(2019, 5, 1), LocalDate.of(2019, 12, 31));
		var aftercare = f.household();
		f.trajectory(aftercare, "AFTERCARE", LocalDate.of(2020, 5, 1), null);

		RawFigures raw = count(organisation);

		assertThat(raw.intensive).containsExactly(Map.entry(organisation.code(), 4L));
		assertThat(raw.shortOnly).containsExactly(Map.entry(organisation.code(), 1L));
	}

	@Test
	void durationIsOfTheLatestOverlappingTrajectoryInWholeMonthsAsPeriodBetweenWithFinishedOnlyWhenEndedByTo() {
		TestData.Organisation organisation = this.data.organisation();
		MonitorFixture f = new MonitorFixture(this.data, organisation.id());
		// Latest trajectory: 2020-06-15 until 2020-12-14 = 5 months 29 days: finished, 5
		// months.
		var household = f.intensive(LocalDate.of(2019, 1, 1), LocalDate.of(2020, 2, 1));
		f.trajectory(household, "INTENSIVE", LocalDate.of(2020, 6, 15), LocalDate.of(2020, 12, 14));
		// Ends after to: ongoing, counted to `to`: 2020-06-30 → 2020-12-31 = 6 months.
		f.intensive(LocalDate.of(2020, 6, 30), LocalDate.of(2021, 3, 1));
		// Ongoing since 2017-12-31: 36 months on 2020-12-31.
		f.intensive(LocalDate.of(2017, 12, 31), null);
		// Finished on `to` itself, 2019-12-31 → 2020-12-31: 12 months.
		f.intensive(LocalDate.of(2019, 12, 31), TO);

		RawFigures raw = count(organisation);

		assertThat(raw.durationMonths.get(true)).containsOnly(Map.entry(5, 1L), Map.entry(12, 1L));
		assertThat(raw.durationMonths.get(false)).containsOnly(Map.entry(6, 1L), Map.entry(36, 1L));
		assertThat(MonitorReport.bin(5)).isEqualTo("0-5");
		assertThat(MonitorReport.bin(6)).isEqualTo("6-11");
		assertThat(MonitorReport.bin(11)).isEqualTo("6-11");
		assertThat(MonitorReport.bin(12)).isEqualTo("12-17");
		assertThat(MonitorReport.bin(17)).isEqualTo("12-17");
		assertThat(MonitorReport.bin(18)).isEqualTo("18-23");
		assertThat(MonitorReport.bin(23)).isEqualTo("18-23");
		assertThat(MonitorReport.bin(24)).isEqualTo("24-35");
		assertThat(MonitorReport.bin(35)).isEqualTo("24-35");
		assertThat(MonitorReport.bin(36)).isEqualTo("36+");
	}

	@Test
	void theDatabaseCountsWholeMonthsExactlyAsJavaTimePeriodDoes() {
		Random random = new Random(42);
		StringBuilder pairs = new StringBuilder();
		List<LocalDate[]> dates = new java.util.ArrayList<>();
		for (int i = 0; i < 400; i++) {
			LocalDate start = LocalDate.of(2016, 1, 1).plusDays(random.nextInt(2000));
			LocalDate stop = (i % 10 == 0) ? start.minusDays(random.nextInt(90)) : start.plusDays(random.nextInt(1500));
			if (i < 8) {
				start = List
					.of(LocalDate.of(2020, 1, 31), LocalDate.of(2020, 2, 29), LocalDate.of(2019, 3, 31),
							LocalDate.of(2020, 8, 31))
					.get(i % 4);
				stop = List
					.of(LocalDate.of(2020, 2, 29), LocalDate.of(2021, 2, 28), LocalDate.of(2019, 4, 30),
							LocalDate.of(2021, 2, 28))
					.get(i % 4);
			}
			dates.add(new LocalDate[] { start, stop });
			pairs.append((i > 0) ? "," : "")
				.append("('")
				.append(start)
				.append("'::date,'")
				.append(stop)
				.append("'::date)");
		}
		List<Integer> database = this.data.inScope(TenantScope.Scope.NONE,
				(jdbc) -> jdbc.sql("select vangnet_whole_months(a, b) from (values " + pairs + ") as v(a, b)")
					.query(Integer.class)
					.list());
		for (int i = 0; i < dates.size(); i++) {
			assertThat(database.get(i)).as("%s → %s", dates.get(i)[0], dates.get(i)[1])
				.isEqualTo((int) Period.between(dates.get(i)[0], dates.get(i)[1]).toTotalMonths());
		}
	}

	@Test
	void backgroundCountsUnknownForWhatIsOmittedAndDerivesAgeGroupsFromBirthDatesOnTo() {
		TestData.Organisation organisation = this.data.organisation();
		MonitorFixture f = new MonitorFixture(this.data, organisation.id());
		var a = f.household("ONE_PARENT", "YES", "OWN_NETWORK");
		f.trajectory(a, "INTENSIVE", LocalDate.of(2020, 1, 1), null);
		f.member(a, "PARENT", true, null, null, "HIGHER", "GOOD_OR_SUFFICIENT", List.of("WORK", "EDUCATION"));
		f.child(a, LocalDate.of(2016, 12, 31), "TODDLER"); // 4 on `to`: primary school,
															// not as given
		f.child(a, LocalDate.of(2017, 1, 1), null); // 3 on `to`: toddler
		f.child(a, null, "ADOLESCENT"); // as given
		f.child(a, null, null); // unknown
		f.child(a, LocalDate.of(2021, 2, 1), null); // born after `to`: unknown
		f.child(a, LocalDate.of(2002, 12, 31), null); // 18 on `to`
		var b = f.household();
		f.trajectory(b, "INTENSIVE", LocalDate.of(2020, 1, 1), null);
		f.member(b, "PARENT", true, null, null, null, null, List.of());

		RawFigures raw = count(organisation);

		assertThat(raw.background.get("composition")).containsOnly(Map.entry("ONE_PARENT", 1L),
				Map.entry("UNKNOWN", 1L));
		assertThat(raw.background.get("debts")).containsOnly(Map.entry("YES", 1L), Map.entry("UNKNOWN", 1L));
		assertThat(raw.background.get("education")).containsOnly(Map.entry("HIGHER", 1L), Map.entry("UNKNOWN", 1L));
		assertThat(raw.background.get("dayActivities")).containsOnly(Map.entry("WORK", 1L), Map.entry("EDUCATION", 1L),
				Map.entry("UNKNOWN", 1L));
		assertThat(raw.background.get("childrenPerHousehold")).containsOnly(Map.entry("5+", 1L), Map.entry("0", 1L));
		assertThat(raw.background.get("childAgeGroups")).containsOnly(Map.entry("PRIMARY_SCHOOL", 1L),
				Map.entry("TODDLER", 1L), Map.entry("ADOLESCENT", 1L), Map.entry("UNKNOWN", 2L),
				Map.entry("ADULT_AT_HOME", 1L));
	}

	@Test
	void theBackgroundFollowsEveryChangeOfTheMembersAsSoonAsItIsCommitted() {
		TestData.Organisation organisation = this.data.organisation();
		MonitorFixture f = new MonitorFixture(this.data, organisation.id());
		var a = f.household();
		f.trajectory(a, "INTENSIVE", LocalDate.of(2020, 1, 1), null);
		f.member(a, "PARENT", true, null, null, "HIGHER", "GOOD_OR_SUFFICIENT", List.of("WORK"));
		f.child(a, LocalDate.of(2017, 1, 1), null);
		f.child(a, LocalDate.of(2017, 1, 1), null);
		var b = f.household();
		f.trajectory(b, "INTENSIVE", LocalDate.of(2020, 1, 1), null);

		f.change(
				"update household_member set education = 'START_QUALIFICATION' where household_id = ? and main_contact",
				a);
		f.change(
				"""
						update household_member set household_id = ?
						 where id = (select id from household_member where household_id = ? and role = 'CHILD' order by id limit 1)
						""",
				b, a);
		RawFigures moved = count(organisation);
		assertThat(moved.background.get("education")).containsOnly(Map.entry("START_QUALIFICATION", 1L),
				Map.entry("UNKNOWN", 1L));
		assertThat(moved.background.get("childrenPerHousehold")).containsOnly(Map.entry("1", 2L));
		assertThat(moved.background.get("childAgeGroups")).containsOnly(Map.entry("TODDLER", 2L));

		f.change("update household_member set birth_date = ? where household_id = ?", LocalDate.of(2010, 6, 1), b);
		f.change("delete from household_member where household_id = ? and role = 'CHILD'", a);
		RawFigures removed = count(organisation);
		assertThat(removed.background.get("childrenPerHousehold")).containsOnly(Map.entry("0", 1L), Map.entry("1", 1L));
		assertThat(removed.background.get("childAgeGroups")).containsOnly(Map.entry("PRIMARY_SCHOOL", 1L));

		f.change("delete from household_member where household_id = ?", a);
		RawFigures none = count(organisation);
		assertThat(none.background.get("education")).containsOnly(Map.entry("UNKNOWN", 2L));
		assertThat(none.background.get("dayActivities")).containsOnly(Map.entry("UNKNOWN", 2L));
		assertThat(none.background.get("childrenPerHousehold")).containsOnly(Map.entry("0", 1L), Map.entry("1", 1L));
	}

	@Test
	void theBackgroundFollowsEveryChangeOfTheHouseholdItselfAsSoonAsItIsCommitted() {
		TestData.Organisation organisation = this.data.organisation();
		MonitorFixture f = new MonitorFixture(this.data, organisation.id());
		var a = f.household("ONE_PARENT", "YES", null);
		f.trajectory(a, "INTENSIVE", LocalDate.of(2020, 1, 1), null);
		var b = f.household();
		f.trajectory(b, "INTENSIVE", LocalDate.of(2020, 1, 1), null);
		RawFigures before = count(organisation);
		assertThat(before.background.get("composition")).containsOnly(Map.entry("ONE_PARENT", 1L),
				Map.entry("UNKNOWN", 1L));
		assertThat(before.contactReasons).containsOnly(Map.entry("UNKNOWN", 2L));

		f.change(
				"update household set composition = 'TWO_PARENT', debts = 'NO', referral_source = 'OWN_NETWORK' where id = ?",
				a);
		f.change("update household set contact_reasons = '{FINANCES,HOUSING}' where id = ?", b);
		f.change("update household set version = version + 1 where id = ?", a); // nothing
																				// the
																				// summary
																				// holds
		RawFigures after = count(organisation);
		assertThat(after.background.get("composition")).containsOnly(Map.entry("TWO_PARENT", 1L),
				Map.entry("UNKNOWN", 1L));
		assertThat(after.background.get("debts")).containsOnly(Map.entry("NO", 1L), Map.entry("UNKNOWN", 1L));
		assertThat(after.background.get("referralSource")).containsOnly(Map.entry("OWN_NETWORK", 1L),
				Map.entry("UNKNOWN", 1L));
		assertThat(after.contactReasons).containsOnly(Map.entry("FINANCES", 1L), Map.entry("HOUSING", 1L),
				Map.entry("UNKNOWN", 1L));
	}

	@Test
	void theDomainsTimeAndProgressFollowEveryChangeOfQuestionsEntriesAndScoresAsSoonAsItIsCommitted() {
		TestData.Organisation organisation = this.data.organisation();
		MonitorFixture f = new MonitorFixture(this.data, organisation.id());
		var a = f.intensive(LocalDate.of(2020, 1, 1), null);
		var b = f.intensive(LocalDate.of(2020, 3, 1), LocalDate.of(2020, 9, 30));
		f.question(a, "FINANCES", LocalDate.of(2020, 2, 1));
		f.time(a, LocalDate.of(2020, 1, 10), "CONVERSATION", 30);
		f.time(a, TO.minusDays(10), "CONVERSATION", 20);
		RawFigures before = count(organisation);
		assertThat(before.domainHouseholds).containsEntry("FINANCES", 1L).containsEntry("HOUSING", 0L);
		assertThat(before.domainQuestions).containsOnly(Map.entry("FINANCES", 1L));
		assertThat(before.time).containsOnly(Map.entry("CONVERSATION", new RawFigures.Time(1, 30, 1, 20)));

		f.change("update help_question set monitor_code = 'HOUSING' where household_id = ?", a);
		f.change("update time_entry set minutes = 45 where household_id = ? and entry_date = ?", a,
				LocalDate.of(2020, 1, 10));
		f.time(a, LocalDate.of(2020, 1, 11), "CONVERSATION", 15);
		f.change("delete from time_entry where household_id = ? and entry_date = ?", a, TO.minusDays(10));
		f.time(b, LocalDate.of(2020, 9, 30), "ARRANGING", 5); // b's last day: its recent
																// window
		RawFigures changed = count(organisation);
		assertThat(changed.domainHouseholds).containsEntry("FINANCES", 0L).containsEntry("HOUSING", 1L);
		assertThat(changed.domainQuestions).containsOnly(Map.entry("HOUSING", 1L));
		assertThat(changed.time).containsOnly(Map.entry("CONVERSATION", new RawFigures.Time(1, 60, 0, 0)),
				Map.entry("ARRANGING", new RawFigures.Time(0, 0, 1, 5)));

		f.score(a, "FINANCES", LocalDate.of(2020, 2, 1), 2);
		f.score(a, "FINANCES", LocalDate.of(2020, 5, 1), null); // n.v.t. supersedes the 2
		f.score(a, "HOUSING", LocalDate.of(2020, 5, 1), 4);
		f.score(a, "HOUSING", TO.plusDays(1), 1); // after to: not counted
		assertThat(count(organisation).progress).containsOnly(Map.entry("HOUSING", Map.of(4, 1L)));
		f.change("delete from progress_score where household_id = ? and score is null", a);
		f.change(
				"update progress_score set score = 5 where household_id = ? and scored_on = ? and domain_code = 'HOUSING'",
				a, LocalDate.of(2020, 5, 1));
		assertThat(count(organisation).progress).containsOnly(Map.entry("FINANCES", Map.of(2, 1L)),
				Map.entry("HOUSING", Map.of(5, 1L)));

		f.change("update help_question set household_id = ? where household_id = ?", b, a);
		f.change("update time_entry set household_id = ?, entry_date = ? where household_id = ?", b,
				LocalDate.of(2020, 3, 1), a);
		RawFigures moved = count(organisation);
		assertThat(moved.domainHouseholds).containsEntry("HOUSING", 1L);
		assertThat(moved.time).containsOnly(Map.entry("CONVERSATION", new RawFigures.Time(1, 60, 0, 0)),
				Map.entry("ARRANGING", new RawFigures.Time(0, 0, 1, 5)));

		f.change("delete from help_question where household_id = ?", b);
		f.change("delete from time_entry where household_id = ?", b);
		f.change("delete from progress_score where household_id = ?", a);
		RawFigures none = count(organisation);
		assertThat(none.domainHouseholds).containsEntry("HOUSING", 0L);
		assertThat(none.domainQuestions).isEmpty();
		assertThat(none.time).isEmpty();
		assertThat(none.progress).isEmpty();
		assertThat(rows("household_question_summary", organisation, a, b)).isZero();
		assertThat(rows("household_time_summary", organisation, a, b)).isZero();
		assertThat(rows("household_progress_summary", organisation, a, b)).isZero();
	}

	@Test
	void aHouseholdWithQuestionsEntriesAndScoresOfTwoOrganisationsIsCountedOnceFromWhatEachShows() {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Organisation other = this.data.organisation();
		MonitorFixture f = new MonitorFixture(this.data, organisation.id());
		MonitorFixture g = new MonitorFixture(this.data, other.id());
		var a = f.intensive(LocalDate.of(2020, 1, 1), null);
		f.question(a, "SOCIAL.PARENTING", LocalDate.of(2020, 2, 1));
		g.question(a, "SOCIAL.NETWORK", LocalDate.of(2020, 2, 1));
		f.time(a, LocalDate.of(2020, 1, 10), "CONVERSATION", 30);
		g.time(a, LocalDate.of(2020, 1, 12), "CONVERSATION", 10);
		f.score(a, "FINANCES", LocalDate.of(2020, 3, 1), 3);
		g.score(a, "HOUSING", LocalDate.of(2020, 3, 1), 4);
		g.score(a, "FINANCES", LocalDate.of(2020, 4, 1), 1); // the other's later score is
																// the latest

		RawFigures both = this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id(), other.id())),
				(jdbc) -> this.queries.count(Set.of(organisation.id(), other.id()), FROM, TO, CODES));
		assertThat(both.domainHouseholds).containsEntry("SOCIAL", 1L)
			.containsEntry("SOCIAL.PARENTING", 1L)
			.containsEntry("SOCIAL.NETWORK", 1L);
		assertThat(both.domainQuestions).containsEntry("SOCIAL", 2L);
		assertThat(both.time).containsOnly(Map.entry("CONVERSATION", new RawFigures.Time(1, 40, 0, 0)));
		assertThat(both.progress).containsOnly(Map.entry("FINANCES", Map.of(1, 1L)),
				Map.entry("HOUSING", Map.of(4, 1L)));

		RawFigures own = count(organisation);
		assertThat(own.domainHouseholds).containsEntry("SOCIAL", 1L).containsEntry("SOCIAL.NETWORK", 0L);
		assertThat(own.domainQuestions).containsEntry("SOCIAL", 1L);
		assertThat(own.time).containsOnly(Map.entry("CONVERSATION", new RawFigures.Time(1, 30, 0, 0)));
		assertThat(own.progress).containsOnly(Map.entry("FINANCES", Map.of(3, 1L)));
	}

	@Test
	void aSubCodeCountsForItsParentAndOnlyQuestionsOpenedByToCount() {
		TestData.Organisation organisation = this.data.organisation();
		MonitorFixture f = new MonitorFixture(this.data, organisation.id());
		var a = f.intensive(LocalDate.of(2020, 1, 1), null);
		f.question(a, "SOCIAL.PARENTING", LocalDate.of(2020, 2, 1));
		f.question(a, "SOCIAL.NETWORK", LocalDate.of(2020, 2, 1));
		f.question(a, "FINANCES", TO);
		f.question(a, "HOUSING", TO.plusDays(1)); // after to: not counted
		var b = f.intensive(LocalDate.of(2020, 1, 1), null);
		f.question(b, "SOCIAL", LocalDate.of(2019, 2, 1)); // before from, but opened by
															// to: counted
		var outside = f.household();
		f.trajectory(outside, "SHORT", LocalDate.of(2020, 1, 1), null);
		f.question(outside, "FINANCES", LocalDate.of(2020, 2, 1)); // not in P

		RawFigures raw = count(organisation);

		assertThat(raw.domainHouseholds).containsEntry("SOCIAL", 2L)
			.containsEntry("SOCIAL.PARENTING", 1L)
			.containsEntry("FINANCES", 1L)
			.containsEntry("HOUSING", 0L);
		assertThat(raw.domainQuestions).containsEntry("SOCIAL", 3L).containsEntry("SOCIAL.NETWORK", 1L);
		assertThat(raw.allQuestions).isEqualTo(4);
	}

	@Test
	void timeWindowsAreTheFirst56DaysFromTheStartAndThe56DaysUpToTheStop() {
		TestData.Organisation organisation = this.data.organisation();
		MonitorFixture f = new MonitorFixture(this.data, organisation.id());
		LocalDate start = LocalDate.of(2020, 3, 1);
		LocalDate end = LocalDate.of(2020, 10, 31);
		var a = f.intensive(start, end);
		f.time(a, start, "ARRANGING", 100); // first day: start window
		f.time(a, start.plusDays(55), "ARRANGING", 60); // day 56: start window
		f.time(a, start.plusDays(56), "ARRANGING", 1000); // day 57: outside
		f.time(a, start.minusDays(1), "ARRANGING", 1000); // before the start: outside
		f.time(a, end, "CONVERSATION", 80); // stop day: recent window
		f.time(a, end.minusDays(55), "CONVERSATION", 80); // stop − 55: recent
		f.time(a, end.minusDays(56), "CONVERSATION", 1000); // stop − 56: outside
		f.time(a, end.plusDays(1), "CONVERSATION", 1000); // after the stop: outside
		var b = f.intensive(LocalDate.of(2020, 11, 20), null); // ongoing: stop is `to`
		f.time(b, TO, "ARRANGING", 40); // in both windows of b
		f.time(b, TO.plusDays(1), "ARRANGING", 1000); // start window (56 days from the
														// start), not recent

		RawFigures raw = count(organisation);

		assertThat(raw.time.get("ARRANGING")).isEqualTo(new RawFigures.Time(2, 1200, 1, 40));
		assertThat(raw.time.get("CONVERSATION")).isEqualTo(new RawFigures.Time(0, 0, 1, 160));
	}

	@Test
	void progressTakesEachHouseholdsLatestWorkerScoreByToAndALatestNotApplicableIsNotScored() {
		TestData.Organisation organisation = this.data.organisation();
		MonitorFixture f = new MonitorFixture(this.data, organisation.id());
		var a = f.intensive(LocalDate.of(2020, 1, 1), null);
		f.score(a, "FINANCES", LocalDate.of(2020, 2, 1), 2);
		f.score(a, "FINANCES", LocalDate.of(2020, 6, 1), 4); // latest by to
		f.score(a, "FINANCES", TO.plusDays(1), 1); // after to
		f.score(a, "HOUSING", LocalDate.of(2020, 2, 1), 3);
		f.score(a, "HOUSING", LocalDate.of(2020, 6, 1), null); // latest is n.v.t.: not
																// scored
		f.score(a, "HEALTH", LocalDate.of(2020, 6, 1), 5, "MONITOR_PROGRESS", "CLIENT"); // self-rating
		f.score(a, "HEALTH", LocalDate.of(2020, 6, 1), 5, "ZRM", "WORKER"); // another
																			// instrument
		var b = f.intensive(LocalDate.of(2020, 1, 1), null);
		f.score(b, "FINANCES", LocalDate.of(2020, 3, 1), 5);

		RawFigures raw = count(organisation);

		assertThat(raw.progress.get("FINANCES")).containsOnly(Map.entry(4, 1L), Map.entry(5, 1L));
		assertThat(raw.progress).doesNotContainKeys("HOUSING", "HEALTH");
	}

	@Test
	void experienceAndActivitiesCountEntriesInThePeriodOnly() {
		TestData.Organisation organisation = this.data.organisation();
		MonitorFixture f = new MonitorFixture(this.data, organisation.id());
		var a = f.intensive(LocalDate.of(2020, 1, 1), null);
		f.experience(a, "FINANCES", FROM, "YES");
		f.experience(a, "SOCIAL.PARENTING", TO, "A_BIT");
		f.experience(a, "FINANCES", TO.plusDays(1), "NO");
		f.activity(a, FROM, "GREEN");
		f.activity(a, TO, "RED");
		f.activity(a, FROM.minusDays(1), "GREEN");
		var b = f.intensive(LocalDate.of(2020, 1, 1), null);
		f.activity(b, LocalDate.of(2020, 5, 5), null);

		RawFigures raw = count(organisation);
		Map<String, Object> report = MonitorReport.of(raw, 1, List.of("FINANCES", "SOCIAL", "SOCIAL.PARENTING"),
				List.of(organisation.code()));

		assertThat(raw.experience).containsOnly(Map.entry("FINANCES", Map.of("YES", 1L)),
				Map.entry("SOCIAL.PARENTING", Map.of("A_BIT", 1L)));
		assertThat(report.get("experience").toString()).contains("domain=SOCIAL, YES=0, A_BIT=1, NO=0");
		assertThat(raw.activityHouseholds).isEqualTo(2);
		assertThat(raw.activities).containsOnly(Map.entry("GREEN", 1L), Map.entry("ORANGE", 0L), Map.entry("RED", 1L));
	}

}
