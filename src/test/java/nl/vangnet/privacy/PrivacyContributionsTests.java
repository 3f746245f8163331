package nl.vangnet.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.platform.Encryption;
import nl.vangnet.platform.UnprocessableException;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every module contributes its part of a person's report and erases its rows of a
 * household: the contributions, through the privacy module's services.
 */
@VangnetTest
class PrivacyContributionsTests {

	@Autowired
	private TestData data;

	@Autowired
	private Encryption encryption;

	@Autowired
	private SubjectAccess subjectAccess;

	@Autowired
	private Erasures erasures;

	@Test
	void theMothersReportHoldsEveryModulesPartWithTheOthersNamesRedacted() {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		PrivacyFixture family = PrivacyFixture.create(this.data, this.encryption, organisation,
				this.data.organisation(), coordinator.id(), false);
		TenantScope.Scope scope = new TenantScope.Scope(Set.of(organisation.id()), "COORDINATOR", coordinator.id());
		HouseholdId household = new HouseholdId(family.household());
		SubjectAccessReport report = TenantScope.callAs(scope, () -> {
			this.subjectAccess.request(household, "M1");
			return this.subjectAccess.draft(household, "M1", Locale.forLanguageTag("nl"));
		});
		assertThat(report.status()).isEqualTo("REQUESTED");
		assertThat(report.sections()).extracting(SubjectAccessReport.Section::key)
			.contains("household.registration", "household.trajectories", "plan.helpQuestions", "plan.goals",
					"plan.notes", "plan.scores", "contact.moments", "contact.time", "contact.papers", "contact.debts",
					"network.maps", "cooperation.consents", "cooperation.referrals", "cooperation.regie",
					"cooperation.agencies");
		String all = report.toString();
		assertThat(all).contains(family.motherName(), family.address(), "Huurachterstand", "[iemand anders]")
			.doesNotContain(family.childName())
			.doesNotContain(family.contactName());
		SubjectAccessReport delivered = TenantScope.callAs(scope, () -> {
			this.subjectAccess.review(household, "M1", true, Set.of(), Locale.ENGLISH);
			return this.subjectAccess.deliver(household, "M1", "json", Locale.ENGLISH);
		});
		assertThat(delivered.status()).isEqualTo("DELIVERED");
		assertThat(delivered.sections()).allMatch(SubjectAccessReport.Section::reviewed);
	}

	@Test
	void theChildsReportHoldsWhatNamesHerAndNotTheFamilysPapers() {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		PrivacyFixture family = PrivacyFixture.create(this.data, this.encryption, organisation,
				this.data.organisation(), coordinator.id(), false);
		TenantScope.Scope scope = new TenantScope.Scope(Set.of(organisation.id()), "COORDINATOR", coordinator.id());
		SubjectAccessReport report = TenantScope.callAs(scope,
				() -> this.subjectAccess.draft(new HouseholdId(family.household()), "M2", Locale.ENGLISH));
		assertThat(report.status()).isEqualTo("NOT_REQUESTED");
		assertThat(report.sections()).extracting(SubjectAccessReport.Section::key)
			.contains("household.registration", "contact.moments")
			.doesNotContain("contact.debts", "contact.papers", "plan.notes");
		assertThat(report.toString()).contains(family.childName()).doesNotContain(family.motherName());
	}

	@Test
	void anErasureNeedsASecondCoordinatorAndThenRemovesEveryModulesRows() {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person requester = this.data.person(organisation, Role.COORDINATOR);
		TestData.Person approver = this.data.person(organisation, Role.COORDINATOR);
		PrivacyFixture family = PrivacyFixture.create(this.data, this.encryption, organisation,
				this.data.organisation(), requester.id(), true);
		HouseholdId household = new HouseholdId(family.household());
		TenantScope.Scope asRequester = new TenantScope.Scope(Set.of(organisation.id()), "COORDINATOR", requester.id());
		ErasureRequest request = TenantScope.callAs(asRequester,
				() -> this.erasures.request(household, "RETENTION", null));
		assertThatThrownBy(() -> TenantScope.callAs(asRequester, () -> this.erasures.approve(request.id())))
			.isInstanceOf(UnprocessableException.class)
			.hasFieldOrPropertyWithValue("field", "approver");
		assertThat(count(organisation, "select count(*) from household where id = :id", family.household())).isOne();
		ErasureRequest erased = TenantScope.callAs(
				new TenantScope.Scope(Set.of(organisation.id()), "COORDINATOR", approver.id()),
				() -> this.erasures.approve(request.id()));
		assertThat(erased.status()).isEqualTo("ERASED");
		assertThat(erased.erasedRows()).contains("household 1", "household_member 2", "plan_note 1", "contact_moment 1",
				"network_contact 1", "consent 1", "referral 1");
		for (String table : List.of("household", "household_member", "plan_goal", "contact_moment", "debt",
				"network_snapshot", "consent", "referral", "regie_holder", "agency_involved")) {
			String column = table.equals("household") ? "id" : "household_id";
			assertThat(count(organisation, "select count(*) from " + table + " where " + column + " = :id",
					family.household()))
				.as(table)
				.isZero();
		}
	}

	private int count(TestData.Organisation organisation, String sql, UUID id) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(jdbc) -> jdbc.sql(sql).param("id", id).query(Integer.class).single());
	}

}
