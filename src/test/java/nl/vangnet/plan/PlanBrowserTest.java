package nl.vangnet.plan;

import java.time.Duration;
import java.util.Base64;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan's story in a real browser: a professional records three help questions for a
 * family (one acute) and finds the acute one at the top of the dossier, makes a plan with
 * two goals and their actions, scores the family twice (once with the mother's own
 * rating), sees the chart and the table, and opens the family's PDF.
 */
class PlanBrowserTest extends BrowserTestSupport {

	@Test
	void aProfessionalRecordsQuestionsMakesAPlanScoresProgressTwiceAndOpensTheFamilysPdf() throws Exception {
		Browser b = this.browser;
		TestData.Person professional = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		b.signIn(professional.email(), TestData.PASSWORD);
		b.click("Huishoudens").click("Nieuw huishouden");
		b.fill("Voornaam", "Samira")
			.fill("Achternaam", "El Amrani")
			.select("Soort begeleiding", "Intensieve begeleiding");
		b.click("Opslaan");
		String dossier = b.path();
		waitFor(b, By.cssSelector("#plan-summary nav"));

		b.click("Hulpvragen");
		assertThat(b.heading()).isEqualTo("Hulpvragen");
		question(b, "Financiën", "Schulden bij de energie, afsluiting dreigt", true);
		assertThat(b.text()).contains("De hulpvraag is vastgelegd.");
		question(b, "— Opvoeding", "Yara luistert niet meer", false);
		question(b, "— Sociaal netwerk", "Ik ken bijna niemand in de wijk", false);
		assertThat(b.driver().findElements(By.cssSelector("article.question"))).hasSize(3);
		assertThat(b.driver().findElement(By.cssSelector("article.question")).getText()).as("the acute question first")
			.contains("Schulden bij de energie");
		b.screenshot("plan-help-questions");

		b.open(dossier);
		WebElement acute = waitFor(b, By.id("acute-questions"));
		assertThat(acute.getText()).contains("Schulden bij de energie").doesNotContain("Yara luistert");
		String page = b.text();
		assertThat(page.indexOf("Schulden bij de energie")).as("acute question above the family's facts")
			.isLessThan(page.indexOf("In één oogopslag"));
		b.screenshot("plan-dossier-acute");

		b.click("Plan");
		assertThat(b.heading()).isEqualTo("Plan van het gezin");
		goal(b, "Over een jaar heb ik geen schulden meer", "Financiën");
		goal(b, "Ik heb iemand om mee te praten", "Sociaal");
		action(b, 0, "Samen de energieleverancier bellen", "een professional");
		action(b, 0, "Brieven sorteren met het maatje", "een vrijwilliger");
		action(b, 1, "Naar de inloop op woensdag", "het gezinslid zelf");
		assertThat(b.driver().findElement(By.id("goal-0")).getText()).contains("Samen de energieleverancier bellen")
			.contains("Brieven sorteren met het maatje");
		assertThat(b.driver().findElement(By.id("goal-1")).getText()).contains("Naar de inloop op woensdag");
		b.screenshot("plan-goals");

		b.open(dossier);
		waitFor(b, By.cssSelector("#plan-summary nav"));
		b.click("Voortgang");
		assertThat(b.heading()).isEqualTo("Voortgang per leefgebied");
		score(b, "2021-01-04", new String[] { "2", "3", "NVT", "2", "3", "" }, new String[6]);
		assertThat(b.text()).contains("De scores zijn opgeslagen.");
		score(b, "2021-06-15", new String[] { "4", "3", "NVT", "3", "4", "" },
				new String[] { "3", "", "", "", "", "" });
		WebElement charts = waitFor(b, By.cssSelector("#progress-charts[data-drawn='true']"));
		assertThat(charts.findElements(By.tagName("canvas"))).hasSize(2);
		String table = b.driver().findElement(By.id("progress-table")).getText();
		assertThat(table).contains("04-01-2021").contains("15-06-2021").contains("(cliënt: 3)").contains("n.v.t.");
		b.screenshot("plan-progress");

		b.open(dossier);
		waitFor(b, By.cssSelector("#plan-summary nav"));
		b.click("Plan");
		b.click("Plan voor het gezin (printen)");
		assertThat(b.heading()).isEqualTo("Ons plan");
		assertThat(b.text()).contains("Over een jaar heb ik geen schulden meer").contains("Dit doet een vrijwilliger");
		String pdf = pdfText(b, b.path() + ".pdf");
		assertThat(pdf).contains("Ons plan")
			.contains("Over een jaar heb ik geen schulden meer")
			.contains("Samen de energieleverancier bellen")
			.contains("Ik heb iemand om mee te praten");
		b.click("Terug naar het plan");
		b.signOut();
	}

	/**
	 * In a shelter that works with the eight life domains, "Sociaal functioneren" may
	 * count for several monitor codes: choosing the domain offers its codes (and only
	 * those), its default first; a domain with one code offers no choice.
	 */
	@Test
	void aShelterWorkerChoosesWhatAQuestionCountsForInTheMonitor() throws Exception {
		Browser b = this.browser;
		TestData.Organisation shelter = this.data.organisation();
		TestData.Person coordinator = this.data.person(shelter, Role.COORDINATOR);
		b.signIn(coordinator.email(), TestData.PASSWORD);
		b.open("/organisation/framework");
		b.check("Acht leefgebieden (vrouwenopvang)").click("Opslaan");
		assertThat(b.text()).contains("Huisvesting").contains("Sociaal functioneren");
		b.click("Huishoudens").click("Nieuw huishouden");
		b.fill("Voornaam", "Lina").fill("Achternaam", "Haddad").select("Soort begeleiding", "Intensieve begeleiding");
		b.click("Opslaan");
		waitFor(b, By.cssSelector("#plan-summary nav"));
		b.click("Hulpvragen");
		WebElement codes = b.driver().findElement(By.id("question-monitor-code"));
		assertThat(codes.isDisplayed()).as("no domain chosen yet: no choice").isFalse();
		new Select(b.driver().findElement(By.id("question-domain"))).selectByVisibleText("Sociaal functioneren");
		waitFor(b, By.id("question-monitor-code"));
		assertThat(new Select(codes).getFirstSelectedOption().getText()).isEqualTo("Zoals het leefgebied (standaard)");
		assertThat(codes.findElements(By.cssSelector("optgroup:not([hidden]) option"))).extracting(WebElement::getText)
			.containsExactly("Sociaal netwerk (standaard)", "Opvoeding", "Huiselijke relaties",
					"Overig (o.a. juridisch)");
		new Select(codes).selectByVisibleText("Opvoeding");
		new Select(b.driver().findElement(By.id("question-domain"))).selectByVisibleText("Financiën");
		assertThat(codes.isDisplayed()).as("finances count as finances only").isFalse();
		new Select(b.driver().findElement(By.id("question-domain"))).selectByVisibleText("Sociaal functioneren");
		assertThat(new Select(codes).getFirstSelectedOption().getText()).as("another domain: back to the default")
			.isEqualTo("Zoals het leefgebied (standaard)");
		new Select(codes).selectByVisibleText("Opvoeding");
		type(b, "question-description", "Hoe vertel ik de kinderen waarom we hier zijn?");
		submit(b, By.id("record-question"));
		assertThat(b.text()).contains("De hulpvraag is vastgelegd.").contains("Hoe vertel ik de kinderen");
		b.signOut();
	}

	private static void question(Browser b, String domain, String description, boolean acute) {
		new Select(b.driver().findElement(By.id("question-domain"))).selectByVisibleText(domain);
		new Select(b.driver().findElement(By.id("question-member"))).selectByVisibleText("Samira El Amrani");
		type(b, "question-description", description);
		if (acute) {
			b.driver().findElement(By.id("question-acute")).click();
		}
		submit(b, By.id("record-question"));
	}

	private static void goal(Browser b, String description, String domain) {
		type(b, "goal-description", description);
		new Select(b.driver().findElement(By.id("goal-domain"))).selectByVisibleText(domain);
		submit(b, By.id("add-goal"));
		assertThat(b.text()).contains("Het doel staat in het plan.");
	}

	private static void action(Browser b, int goal, String description, String actor) {
		b.driver()
			.findElement(By.xpath("//article[@id='goal-" + goal + "']//summary[normalize-space()='Actie toevoegen']"))
			.click();
		type(b, "new-action-description-" + goal, description);
		new Select(b.driver().findElement(By.id("new-action-actor-" + goal))).selectByVisibleText(actor);
		submit(b, By.id("add-action-" + goal));
		assertThat(b.text()).contains("De actie staat in het plan.");
	}

	private static void score(Browser b, String date, String[] worker, String[] client) {
		((JavascriptExecutor) b.driver()).executeScript("document.getElementById('scored-on').value = arguments[0]",
				date);
		for (int i = 0; i < worker.length; i++) {
			if (worker[i] != null && !worker[i].isEmpty()) {
				new Select(b.driver().findElement(By.id("worker-" + i))).selectByValue(worker[i]);
			}
			if (client[i] != null && !client[i].isEmpty()) {
				new Select(b.driver().findElement(By.id("client-" + i))).selectByValue(client[i]);
			}
		}
		submit(b, By.id("record-scores"));
	}

	private static String pdfText(Browser b, String path) throws Exception {
		Object base64 = ((JavascriptExecutor) b.driver()).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(function (r) { return r.arrayBuffer(); }).then(function (buffer) {
				  var bytes = new Uint8Array(buffer), text = '';
				  for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
				  done(btoa(text));
				});""", path);
		byte[] bytes = Base64.getDecoder().decode((String) base64);
		assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			return new PDFTextStripper().getText(pdf);
		}
	}

	private static void type(Browser b, String id, String text) {
		WebElement field = b.driver().findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	private static void submit(Browser b, By button) {
		b.press(button);
	}

	private static WebElement waitFor(Browser b, By by) {
		return new WebDriverWait(b.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

}
