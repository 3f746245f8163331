package nl.vangnet.platform.web;

import java.util.List;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed save cannot go unnoticed (issue 18, item 1): the error summary sits at the top
 * of the page with focus on it, "Fout:" stands in the title, each entry names the field's
 * label and links to the field, and the field is marked invalid and tied to its own
 * message, which the page shows once.
 */
class ErrorSummaryBrowserTest extends BrowserTestSupport {

	@Test
	void aFailedRegistrationShowsTheSummaryAtTheTopFocusedAndLinkedToTheField() {
		Browser b = this.browser;
		b.driver().manage().deleteAllCookies();
		TestData.Person professional = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		b.signIn(professional.email(), TestData.PASSWORD);
		b.open("/households/new");
		b.fill("Voornaam", "Mira").fill("E-mailadres", "geen-adres");
		b.click("Opslaan");

		assertThat(b.driver().getTitle()).startsWith("Fout: Nieuw huishouden");
		WebElement summary = b.driver().findElement(By.id("error-summary"));
		assertThat(focused(b)).isEqualTo("error-summary");
		assertThat(summary.getRect().getY()).as("the summary is in the first screen").isLessThan(400);
		assertThat(summary.findElement(By.xpath("ancestor::main"))).isNotNull();
		WebElement link = summary.findElement(By.cssSelector("a[data-field='email']"));
		assertThat(link.getText()).as("named once").isEqualTo("E-mailadres: vul een geldig e-mailadres in.");
		WebElement email = b.field("E-mailadres");
		assertThat(link.getAttribute("href")).endsWith("#" + email.getAttribute("id"));
		assertThat(email.getAttribute("aria-invalid")).isEqualTo("true");
		String described = email.getAttribute("aria-describedby");
		assertThat(described).isNotBlank();
		WebElement own = b.driver().findElement(By.id(described.split(" ")[0]));
		assertThat(own.getText()).isEqualTo("E-mailadres: vul een geldig e-mailadres in.");
		assertThat(
				occurrences(b.driver().findElement(By.id("household-form")).getText(), "vul een geldig e-mailadres in"))
			.as("the form shows the message once")
			.isEqualTo(1);
		assertThat(email.getAttribute("value")).isEqualTo("geen-adres");

		link.click();
		assertThat(focused(b)).isEqualTo(email.getAttribute("id"));
		b.signOut();
	}

	@Test
	void aFutureHelpQuestionDateIsMarkedInvalidAndAMessageWithoutTheLabelGetsItFromThePage() {
		Browser b = this.browser;
		b.driver().manage().deleteAllCookies();
		TestData.Person professional = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		b.signIn(professional.email(), TestData.PASSWORD);
		b.open("/households/new");
		b.fill("Voornaam", "Mira").select("Soort begeleiding", "Nog geen begeleiding");
		b.click("Opslaan");
		b.click("Hulpvragen");
		new org.openqa.selenium.support.ui.Select(b.field("Leefgebied")).selectByIndex(1);
		b.fill("Wat vraagt het gezin?", "Hulp bij de post");
		date(b, "question-opened", TestData.today().plusMonths(2).toString());
		b.click("Hulpvraag vastleggen");
		assertThat(b.driver().getTitle()).startsWith("Fout: ");
		WebElement opened = b.driver().findElement(By.id("question-opened"));
		assertThat(opened.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(
				b.driver().findElement(By.cssSelector("#error-summary a[data-field='openedOn']")).getAttribute("href"))
			.endsWith("#question-opened");

		date(b, "question-opened", "1899-12-31");
		b.click("Hulpvraag vastleggen");
		WebElement link = b.driver().findElement(By.cssSelector("#error-summary a[data-field='openedOn']"));
		assertThat(link.getText()).as("the label from the page, then the message")
			.startsWith("Gevraagd op: Vul een geldige datum in");
		assertThat(b.driver().findElement(By.id("question-opened")).getAttribute("aria-describedby")).isNotBlank();
		b.signOut();
	}

	@Test
	void inEnglishTheTitleSaysError() {
		Browser b = this.browser;
		b.driver().manage().deleteAllCookies();
		TestData.Person professional = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		b.signIn(professional.email(), TestData.PASSWORD);
		b.open("/households/new?lang=en");
		b.fill("Given name", "Mira").fill("E-mail address", "nope");
		b.click("Save");
		assertThat(b.driver().getTitle()).startsWith("Error: New household");
		assertThat(b.driver().findElement(By.id("error-summary-title")).getText()).isEqualTo("There is a problem");
		b.open("/?lang=nl");
		b.signOut();
	}

	@Test
	void axeCoreFindsAViolationWhenThereIsOne() {
		Browser b = this.browser;
		b.open("/login");
		((JavascriptExecutor) b.driver()).executeScript(
				"var i = document.createElement('input'); i.type = 'text'; document.querySelector('main').appendChild(i);");
		b.audit();
		List<String> found = b.violations();
		b.open("/login");
		b.forgetViolations();
		assertThat(found).anyMatch((v) -> v.contains("label"));
	}

	@Test
	void theConsoleCheckSeesAnInlineStyleThatThePolicyRefuses() {
		Browser b = this.browser;
		b.open("/login");
		b.policyViolations();
		((JavascriptExecutor) b.driver()).executeScript(
				"document.querySelector('main').insertAdjacentHTML('beforeend', '<p style=\\'color: red\\'>x</p>');");
		assertThat(b.policyViolations()).isNotEmpty();
	}

	private static void date(Browser b, String id, String value) {
		((JavascriptExecutor) b.driver()).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
				id, value);
	}

	private static String focused(Browser b) {
		return (String) ((JavascriptExecutor) b.driver()).executeScript("return document.activeElement.id");
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

}
