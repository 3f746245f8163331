package nl.vangnet.cooperation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.household.HelpQuestionStatus;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdDocument;
import nl.vangnet.household.MemberRole;
import nl.vangnet.household.TrajectoryKind;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story of issue 13 in a real browser: a shelter worker records the mother's consent
 * and refers her to the neighbourhood team for her debts; the team's coordinator sees
 * only the consented sections, accepts and records the first contact; the shelter sees
 * the feedback; the mother withdraws her consent and the team loses the shared view at
 * once, keeping its own registration.
 */
class CooperationBrowserTest extends BrowserTestSupport {

	@Autowired
	private HouseholdApi households;

	@Test
	void consentReferralFeedbackAndWithdrawalBetweenAShelterAndANeighbourhoodTeam() throws Exception {
		TestData.Organisation shelter = this.data.organisation(OrganisationKind.SHELTER);
		TestData.Organisation team = this.data.organisation(OrganisationKind.MUNICIPAL_TEAM);
		TestData.Person worker = this.data.person(shelter, Role.PROFESSIONAL);
		TestData.Person coordinator = this.data.person(team, Role.COORDINATOR);
		UUID household = TenantScope.callAs(TenantScope.Scope.system(Set.of(shelter.id())),
				() -> this.households.register(family(worker.id())).value());
		Browser b = this.browser;

		b.signIn(worker.email(), TestData.PASSWORD);
		b.open("/households/" + household);
		waitFor(b, By.id("to-consents"));
		assertThat(b.driver().findElement(By.id("cooperation")).getText())
			.contains("Er is nog geen toestemming vastgelegd");
		b.click("Toestemming");
		b.select("Wie geeft toestemming", "Samira El Amrani (Ouder of verzorger)")
			.select("Met wie mag gedeeld worden", "Testorganisatie " + team.code())
			.check("samenvatting en contactpersoon")
			.check("hulpvragen")
			.check("Financiën")
			.fill("Waarvoor", "Hulp bij schulden");
		b.click("Opslaan");
		assertThat(b.text()).contains("De toestemming is vastgelegd.").contains("geldig");
		b.screenshot("cooperation-consent");

		b.open("/households/" + household);
		waitFor(b, By.id("to-refer"));
		b.click("Verwijzen");
		b.select("Op grond van de toestemming", "Testorganisatie " + team.code() + " · Hulp bij schulden")
			.select("Naar", "Testorganisatie " + team.code())
			.select("Leefgebied", "Financiën")
			.fill("Reden", "Schulden, dreigende afsluiting van de energie");
		b.press(By.id("send-referral"));
		assertThat(b.text()).contains("De verwijzing is verstuurd.").contains("verstuurd");
		String referral = b.path();
		b.signOut();

		b.signIn(coordinator.email(), TestData.PASSWORD);
		b.click("Verwijzingen");
		assertThat(b.driver().findElement(By.id("inbox")).getText()).contains("Schulden, dreigende afsluiting");
		b.click("Testorganisatie " + shelter.code());
		String shared = b.driver().findElement(By.id("shared-sections")).getText();
		assertThat(shared).contains("Samira")
			.contains("Huurachterstand bij de woningcorporatie")
			.doesNotContain("Yara luistert niet");
		b.screenshot("cooperation-inbox");
		b.select("Wat is er gebeurd", "aangenomen");
		b.press(By.id("save-event"));
		assertThat(b.text()).contains("Ons eigen dossier van dit gezin");
		b.select("Wat is er gebeurd", "eerste contact").fill("Notitie", "Samen koffie gedronken in het buurthuis");
		b.press(By.id("save-event"));
		assertThat(b.driver().findElement(By.id("referral-events")).getText()).contains("eerste contact")
			.contains("Samen koffie gedronken");
		b.signOut();

		b.signIn(worker.email(), TestData.PASSWORD);
		b.click("Verwijzingen");
		assertThat(b.driver().findElement(By.id("outgoing")).getText()).contains("eerste contact");
		b.open("/households/" + household + "/consents");
		b.fill("Waarom (mag leeg)", "Ze wil het zelf regelen");
		b.press(By.id("withdraw-0"));
		assertThat(b.text()).contains("De toestemming is ingetrokken; het delen is gestopt.");
		b.signOut();

		b.signIn(coordinator.email(), TestData.PASSWORD);
		b.open(referral);
		assertThat(b.driver().findElement(By.id("shared-ended")).getText())
			.isEqualTo("De toestemming is ingetrokken: er wordt niets meer gedeeld.");
		assertThat(b.text()).doesNotContain("Huurachterstand");
		b.screenshot("cooperation-withdrawn");
		b.click("Ons eigen dossier van dit gezin");
		assertThat(b.heading()).contains("Samira");
	}

	private static HouseholdDocument family(UUID worker) {
		LocalDate opened = TestData.today().minusMonths(2);
		return new HouseholdDocument(HouseholdDocument.FORMAT, null, null, null, null, "Noord", null, null, null,
				List.of(),
				List.of(new HouseholdDocument.MemberEntry("m1", MemberRole.PARENT, true, "Samira", "El Amrani", null,
						null, null, null, null),
						new HouseholdDocument.MemberEntry("m2", MemberRole.CHILD, null, "Yara", "El Amrani",
								TestData.today().minusYears(8), null, null, null, null)),
				List.of(new HouseholdDocument.TrajectoryEntry(
						TrajectoryKind.INTENSIVE, opened, null, null, null, worker, List.of(), List.of())),
				null, null, null,
				List.of(new HouseholdDocument.HelpQuestionEntry("m1", "FINANCES", opened, null, true,
						HelpQuestionStatus.OPEN, "Huurachterstand bij de woningcorporatie"),
						new HouseholdDocument.HelpQuestionEntry("m2", "SOCIAL.PARENTING", opened, null, false,
								HelpQuestionStatus.OPEN, "Yara luistert niet")),
				null, null, null, null);
	}

	private static WebElement waitFor(Browser b, By by) {
		return new WebDriverWait(b.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(by));
	}

}
