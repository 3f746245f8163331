package nl.vangnet.cooperation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.TestData;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdDocument;
import nl.vangnet.household.MemberRole;
import nl.vangnet.household.TrajectoryKind;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Items 4 and 5 of issue 13 in a real browser: a shelter worker records herself as the
 * family's regie holder, records the tax office's allowances as an agency involved and
 * its miscalculation with the objection deadline; the deadline is on her worklist and on
 * the family's list of obligations.
 */
class AgenciesBrowserTest extends BrowserTestSupport {

	@Autowired
	private HouseholdApi households;

	@Test
	void aWorkerHoldsTheRegieAndKeepsTheObjectionAgainstTheTaxOfficeInView() throws Exception {
		TestData.Organisation shelter = this.data.organisation(OrganisationKind.SHELTER);
		TestData.Person worker = this.data.person(shelter, Role.PROFESSIONAL);
		UUID household = TenantScope.callAs(TenantScope.Scope.system(Set.of(shelter.id())),
				() -> this.households.register(family(worker.id())).value());
		Browser b = this.browser;

		b.signIn(worker.email(), TestData.PASSWORD);
		b.open("/households/" + household);
		waitFor(b, By.id("to-regie"));
		assertThat(b.driver().findElement(By.id("dossier-regie")).getText())
			.contains("Er is nog geen regiehouder vastgelegd.");
		b.click("Regiehouder");
		b.select("Iemand van onze organisatie", "Test professional").fill("Bereikbaar", "ma–do 9–17 uur");
		b.press(By.cssSelector("#regie-form button[type=submit]"));
		assertThat(b.driver().findElement(By.id("error-summary")).getText())
			.contains("Telefoon: vul een telefoonnummer of e-mailadres in");
		assertThat(b.field("Bereikbaar").getAttribute("value")).isEqualTo("ma–do 9–17 uur");
		b.fill("Telefoon", "040 123 45 67");
		b.press(By.cssSelector("#regie-form button[type=submit]"));
		String regie = waitFor(b, By.id("dossier-regie")).getText();
		assertThat(regie).contains("Test professional").contains("040 123 45 67");
		b.screenshot("regie-holder");

		b.click("Instanties en bezwaren");
		b.select("Soort instantie", "Toeslagen (Belastingdienst)")
			.fill("Naam", "Belastingdienst Toeslagen")
			.fill("Kenmerk van het gezin daar", "TS-2026-0042")
			.fill("Contactpersoon", "Mevr. De Vries");
		b.press(By.cssSelector("#new-agency button[type=submit]"));
		assertThat(b.text()).contains("De instantie is vastgelegd.").contains("TS-2026-0042");
		b.driver().findElement(By.xpath("//summary[normalize-space()='Er ging iets mis bij deze instantie']")).click();
		new Select(b.driver().findElement(By.id("new-issue-kind-0"))).selectByVisibleText("Fout");
		b.driver().findElement(By.id("new-issue-description-0")).sendKeys("Huurtoeslag twee jaar te laag berekend");
		LocalDate deadline = TestData.today().plusDays(20);
		((JavascriptExecutor) b.driver())
			.executeScript("document.getElementById('new-issue-deadline-0').value = arguments[0]", deadline.toString());
		b.press(By.cssSelector("#agency-0 form[action$='/issues'] button[type=submit]"));
		String shown = deadline.format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
		assertThat(b.driver().findElement(By.id("agency-0")).getText())
			.contains("Huurtoeslag twee jaar te laag berekend")
			.contains("termijn bezwaar " + shown);
		b.screenshot("agencies");

		b.open("/worklist");
		assertThat(b.driver().findElement(By.id("worklist-" + household)).getText())
			.contains("1 bezwaar bij een instantie, eerste termijn " + shown);
		b.open("/households/" + household + "/obligations");
		assertThat(b.driver().findElement(By.id("agency-deadlines")).getText()).contains("Belastingdienst Toeslagen")
			.contains("Huurtoeslag twee jaar te laag berekend");
	}

	private static HouseholdDocument family(UUID worker) {
		LocalDate opened = TestData.today().minusMonths(2);
		return new HouseholdDocument(HouseholdDocument.FORMAT, null, null, null, null, "Noord", null, null, null,
				List.of(),
				List.of(new HouseholdDocument.MemberEntry("m1", MemberRole.PARENT, true, "Anna", "Jansen", null, null,
						null, null, null)),
				List.of(new HouseholdDocument.TrajectoryEntry(TrajectoryKind.INTENSIVE, opened, null, null, null,
						worker, List.of(), List.of())),
				null, null, null, List.of(), null, null, null, null);
	}

	private static WebElement waitFor(Browser b, By by) {
		return new WebDriverWait(b.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(by));
	}

}
