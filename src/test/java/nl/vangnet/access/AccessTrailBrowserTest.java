package nl.vangnet.access;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access trail's story in a real browser: a professional opens a family's dossier,
 * whose four sections htmx loads with the page, and the coordinator finds exactly that
 * one view, with the family's and the professional's names, by filtering the trail.
 */
class AccessTrailBrowserTest extends BrowserTestSupport {

	@Test
	void theCoordinatorFindsOneViewWithNamesForADossierAndItsSectionsOpenedInTheBrowser() throws Exception {
		Browser b = this.browser;
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person professional = this.data.person(organisation, Role.PROFESSIONAL);
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		String familyName = TestData.unique("Spoor");

		b.signIn(professional.email(), TestData.PASSWORD);
		b.click("Huishoudens").click("Nieuw huishouden");
		b.fill("Voornaam", "Samira")
			.fill("Achternaam", familyName)
			.select("Soort begeleiding", "Intensieve begeleiding");
		b.click("Opslaan");
		assertThat(b.text()).contains("Het huishouden is aangemeld.");
		UUID household = UUID.fromString(b.path().replaceAll("^/households/([0-9a-f-]{36}).*$", "$1"));
		awaitSections(b);
		assertThat(b.driver().findElements(By.cssSelector("#contact-summary, #network, #cooperation")))
			.as("the sections were loaded")
			.hasSize(3);
		b.open("/households/" + household);
		awaitSections(b);
		b.signOut();

		assertThat(views(organisation, household)).as("two openings of the dossier, each with four sections")
			.isEqualTo(2);

		b.signIn(coordinator.email(), TestData.PASSWORD);
		b.click("Toegangslog");
		new Select(b.field("Medewerker")).selectByValue(professional.id().toString());
		b.select("Handeling", "bekeken");
		b.click("Toon");
		List<WebElement> rows = b.driver().findElements(By.cssSelector("#trail-entries tbody tr"));
		assertThat(rows).hasSize(2);
		for (WebElement row : rows) {
			assertThat(row.getText()).contains("Samira " + familyName)
				.contains("Test professional")
				.contains("bekeken");
		}
		b.screenshot("access-trail-filtered");
		b.signOut();
	}

	/** Waits until htmx has swapped in every section the dossier loads with itself. */
	private static void awaitSections(Browser b) {
		new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until((driver) -> ((Long) ((JavascriptExecutor) driver)
			.executeScript("return document.querySelectorAll('[hx-headers*=\"Vangnet-Trail-Cover\"]').length;"))
			.intValue() == 0);
	}

	private int views(TestData.Organisation organisation, UUID household) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())), (sql) -> sql
			.sql("select count(*) from access_trail where subject_id = :id and action = 'VIEW' and outcome = 'SUCCESS'")
			.param("id", household)
			.query(Integer.class)
			.single());
	}

}
