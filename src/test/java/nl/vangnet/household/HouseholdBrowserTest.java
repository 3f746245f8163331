package nl.vangnet.household;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The households story in a real browser: a professional registers a mother with two
 * children, moves the family through two phases and finds it on the caseload.
 */
class HouseholdBrowserTest extends BrowserTestSupport {

	@Test
	void aProfessionalRegistersAMotherWithTwoChildrenMovesThemThroughTwoPhasesAndFindsThemOnTheCaseload()
			throws Exception {
		Browser b = this.browser;
		TestData.Person professional = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		b.signIn(professional.email(), TestData.PASSWORD);
		b.click("Huishoudens").click("Nieuw huishouden");
		assertThat(b.heading()).isEqualTo("Nieuw huishouden");
		b.fill("Voornaam", "Samira").fill("Achternaam", "El Amrani");

		b.click("Kind toevoegen");
		assertThat(focused(b)).as("the place is kept: focus on the new child's first field").isEqualTo("member-1-role");
		type(b, "member-1-givenName", "Yara");
		((JavascriptExecutor) b.driver())
			.executeScript("document.getElementById('member-1-birthDate').value = '2016-09-12'");
		b.click("Kind toevoegen");
		type(b, "member-2-givenName", "Adam");
		new Select(b.driver().findElement(By.id("member-2-ageGroup"))).selectByVisibleText("Peuter (0–3)");
		b.click("Opslaan");
		assertThat(b.driver().findElement(By.id("error-summary")).getText())
			.as("the kind of support is a deliberate choice")
			.contains("Soort begeleiding: kies een soort begeleiding");
		b.select("Soort begeleiding", "Intensieve begeleiding");
		b.click("Opslaan");

		assertThat(b.text()).contains("Het huishouden is aangemeld.");
		assertThat(b.driver().findElement(By.id("household-name")).getText()).isEqualTo("Samira El Amrani");
		assertThat(b.driver().findElement(By.id("timeline-0")).getText()).contains("In contact komen");
		assertThat(b.text()).contains("Yara").contains("Adam");

		b.click("Fase vastleggen");
		assertThat(b.text()).contains("De fase is vastgelegd.");
		assertThat(b.driver().findElement(By.id("timeline-0")).getText())
			.contains("Kennismaking, stressreductie en inventarisatie");
		b.click("Fase vastleggen");
		WebElement current = b.driver().findElement(By.cssSelector("#timeline-0 [aria-current='step']"));
		assertThat(current.getText()).contains("Activiteiten en interventies");
		b.screenshot("household-dossier");

		((JavascriptExecutor) b.driver()).executeScript("document.getElementById('phase-on-0').value = '2000-01-01'");
		b.click("Fase vastleggen");
		assertThat(focused(b)).as("the summary is focused").isEqualTo("error-summary");
		WebElement link = b.driver().findElement(By.cssSelector("#error-summary a"));
		assertThat(link.getAttribute("href")).endsWith("#phase-on-0");
		WebElement on = b.driver().findElement(By.id("phase-on-0"));
		assertThat(on.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(on.getAttribute("aria-describedby")).contains("error-summary-1");
		link.click();
		assertThat(focused(b)).as("the summary's link leads to the field").isEqualTo("phase-on-0");

		b.click("Mijn gezinnen");
		String caseload = b.driver().findElement(By.id("caseload")).getText();
		assertThat(caseload).contains("Samira El Amrani").contains("Activiteiten en interventies");
		b.screenshot("household-caseload");
		b.signOut();
	}

	private static String focused(Browser b) {
		return (String) ((JavascriptExecutor) b.driver()).executeScript("return document.activeElement.id");
	}

	private static void type(Browser b, String id, String text) {
		WebElement field = b.driver().findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

}
