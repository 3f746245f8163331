package nl.vangnet.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.platform.Encryption;
import nl.vangnet.platform.privacy.SubjectAccessSection;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Her safety records in her own report only, for a meldcode officer to review, with the
 * people she may call redacted; and an erasure of the household takes every safety row
 * with it (issue 17, items 3 and 4, for the safety module of issue 14).
 */
@VangnetTest
class SafetyPrivacyTests {

	private static final UUID GENERIC_INSTRUMENT = UUID.fromString("6a0f1c2e-5b1d-4e57-9a51-1d2c14000001");

	@Autowired
	private TestData data;

	@Autowired
	private Encryption encryption;

	@Autowired
	private SubjectAccess subjectAccess;

	@Autowired
	private Erasures erasures;

	@Test
	void herSafetyRecordsAreInHerReportOnlyForAMeldcodeOfficerToReviewAndAnErasureTakesThemAll() {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person requester = this.data.person(organisation, Role.COORDINATOR);
		TestData.Person approver = this.data.person(organisation, Role.COORDINATOR);
		PrivacyFixture family = PrivacyFixture.create(this.data, this.encryption, organisation,
				this.data.organisation(), requester.id(), true);
		String sister = "Zus" + TestData.unique("");
		UUID plan = UUID.randomUUID();
		UUID meldcode = UUID.randomUUID();
		this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())), (jdbc) -> {
			jdbc.sql("""
					insert into safety_plan (id, household_id, organisation_id, member_id, title, warning_signs,
					                         updated_by)
					values (:id, :h, :o, :m, 'Mijn lijstje', :warning, :by)""")
				.param("id", plan)
				.param("h", family.household())
				.param("o", organisation.id())
				.param("m", family.mother())
				.param("warning", "Als hij belt, ga ik naar " + sister)
				.param("by", requester.id())
				.update();
			jdbc.sql("""
					insert into safety_plan_person (plan_id, organisation_id, position, contact_key, name, phone)
					values (:plan, :o, 0, :key, :name, '0612345678')""")
				.param("plan", plan)
				.param("o", organisation.id())
				.param("key", UUID.randomUUID())
				.param("name", sister)
				.update();
			jdbc.sql("""
					insert into risk_screening (id, household_id, organisation_id, member_id, instrument_id,
					                            screened_on, assessor, source, answers, level, monitor_level)
					values (gen_random_uuid(), :h, :o, :m, :instrument, date '2026-11-02', :by, 'OWN', '{}',
					        'ORANGE', 'MODERATE')""")
				.param("h", family.household())
				.param("o", organisation.id())
				.param("m", family.mother())
				.param("instrument", GENERIC_INSTRUMENT)
				.param("by", requester.id())
				.update();
			jdbc.sql("""
					insert into meldcode_case (id, household_id, organisation_id, member_id, concern, opened_on, author)
					values (:id, :h, :o, :m, 'Zorg om het kind', date '2026-11-03', :by)""")
				.param("id", meldcode)
				.param("h", family.household())
				.param("o", organisation.id())
				.param("m", family.child())
				.param("by", requester.id())
				.update();
			jdbc.sql("""
					insert into meldcode_step (case_id, organisation_id, step, done_on, signed_by, content)
					values (:c, :o, 1, date '2026-11-03', :by, '{}')""")
				.param("c", meldcode)
				.param("o", organisation.id())
				.param("by", requester.id())
				.update();
			return null;
		});
		HouseholdId household = new HouseholdId(family.household());
		TenantScope.Scope asRequester = new TenantScope.Scope(Set.of(organisation.id()), "COORDINATOR", requester.id());

		SubjectAccessReport mothers = TenantScope.callAs(asRequester,
				() -> this.subjectAccess.draft(household, "M1", Locale.forLanguageTag("nl")));
		SubjectAccessReport.Section safety = mothers.sections()
			.stream()
			.filter((s) -> s.key().equals("safety"))
			.findFirst()
			.orElseThrow();
		assertThat(safety.reviewer()).isEqualTo(SubjectAccessSection.Reviewer.MELDCODE_OFFICER);
		assertThat(safety.toString()).contains("Mijn lijstje", "ORANGE", "Als hij belt, ga ik naar")
			.doesNotContain("Zorg om het kind")
			.doesNotContain("0612345678");
		assertThat(mothers.toString()).doesNotContain(sister);
		SubjectAccessReport childs = TenantScope.callAs(asRequester,
				() -> this.subjectAccess.draft(household, "M2", Locale.ENGLISH));
		assertThat(childs.toString()).contains("Zorg om het kind").doesNotContain("Mijn lijstje", "ORANGE");

		ErasureRequest request = TenantScope.callAs(asRequester,
				() -> this.erasures.request(household, "RETENTION", null));
		ErasureRequest erased = TenantScope.callAs(
				new TenantScope.Scope(Set.of(organisation.id()), "COORDINATOR", approver.id()),
				() -> this.erasures.approve(request.id()));
		assertThat(erased.status()).isEqualTo("ERASED");
		assertThat(erased.erasedRows()).contains("safety_plan 1", "safety_plan_person 1", "risk_screening 1",
				"meldcode_case 1", "meldcode_step 1");
		for (String table : List.of("safety_plan", "risk_screening", "meldcode_case", "safety_pattern",
				"protective_order", "contact_arrangement")) {
			int left = this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
					(jdbc) -> jdbc.sql("select count(*) from " + table + " where household_id = :h")
						.param("h", family.household())
						.query(Integer.class)
						.single());
			assertThat(left).as(table).isZero();
		}
	}

}
