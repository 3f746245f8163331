package nl.vangnet.safety;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The safety story of issue 14 in a real browser: a professional screens Samira (orange),
 * makes a safety plan with her sister as a person to call (the ex-partner cannot be
 * chosen), prints it (no address on it), opens a meldcode case for Yara after the
 * Kindcheck, consults the meldcode officer, walks the five steps and decides to report; a
 * volunteer of the same family sees none of it.
 */
class SafetyBrowserTest extends BrowserTestSupport {

	@Test
	void aProfessionalScreensSamiraMakesHerSafetyPlanAndWalksTheMeldcodeForYaraWhileHerBuddySeesNoneOfIt()
			throws Exception {
		Browser b = this.browser;
		TestData.Organisation shelter = this.data.organisation();
		TestData.Person professional = this.data.person(shelter, Role.PROFESSIONAL);
		TestData.Person volunteer = this.data.person(shelter, Role.VOLUNTEER);
		TestData.Person officer = this.data.person(shelter, Role.PROFESSIONAL);
		UUID household = family(shelter, volunteer, officer);
		b.signIn(professional.email(), TestData.PASSWORD);

		// Screen Samira: the answers lead to orange, on top of the dossier in words and
		// colour.
		b.open("/households/" + household);
		wait(b).until(ExpectedConditions.presenceOfElementLocated(By.id("safety-link")));
		b.press(By.id("safety-link"));
		assertThat(b.heading()).startsWith("Veiligheid");
		b.press(By.id("screen-now"));
		for (String yes : new String[] { "V1", "V3", "T3" }) {
			b.driver().findElement(By.id("answer-" + yes + "-YES")).click();
		}
		for (String no : new String[] { "V2", "V4", "T1", "T2", "O1", "O2", "S1", "S2", "S3", "C1", "C2", "C3" }) {
			b.driver().findElement(By.id("answer-" + no + "-NO")).click();
		}
		b.press(By.id("screening-save"));
		assertThat(b.text()).contains("De risicoscreening is vastgelegd.").contains("Oranje: verhoogd risico");
		b.open("/households/" + household);
		wait(b).until(ExpectedConditions.presenceOfElementLocated(By.id("latest-risk")));
		assertThat(b.driver().findElement(By.cssSelector("#latest-risk .risk.risk-ORANGE")).getText())
			.isEqualTo("Oranje: verhoogd risico");
		b.screenshot("safety-dossier");

		// The safety plan: her sister to call, the ex-partner not choosable.
		b.press(By.id("safety-link"));
		b.press(By.id("plan-M1"));
		assertThat(b.driver().findElements(By.xpath("//label[normalize-space()='Karim (ex-partner)']"))).isEmpty();
		assertThat(b.driver().findElement(By.id("people-to-call")).getText()).contains("Karim (ex-partner)")
			.contains("kan nooit gekozen worden");
		b.fill("Titel op de uitdraai", "Boodschappen");
		b.fill("Veilige plekken", "Bij Nadia, of de bibliotheek");
		b.driver().findElement(By.xpath("//label[normalize-space()='Nadia (zus)']")).click();
		b.driver().findElement(By.cssSelector("input[name^='phone.']")).sendKeys("06 12345678");
		b.fill("Signaalwoord", "appeltaart");
		b.press(By.id("plan-save"));
		assertThat(b.text()).contains("Het veiligheidsplan is opgeslagen.");
		b.press(By.id("print-plan"));
		assertThat(b.driver().getTitle()).isEqualTo("Boodschappen");
		String printed = b.text();
		assertThat(printed).contains("Boodschappen")
			.contains("Nadia (zus) 06 12345678")
			.contains("112")
			.contains("0800-2000")
			.doesNotContain("Geheime Gracht")
			.doesNotContain("Karim")
			.doesNotContain("Vangnet");
		b.screenshot("safety-plan-print");

		// The meldcode for Yara: the Kindcheck, the officer, five steps, the decision.
		b.open("/households/" + household + "/meldcode-cases");
		b.select("Over wie gaat de zorg", "Yara El Amrani");
		b.fill("De zorg", "Yara vertelt dat haar vader haar pijn deed");
		b.press(By.id("open-case"));
		assertThat(b.text()).contains("De meldcodezaak is geopend.");
		b.fill("Feiten (wat gezien of gehoord)", "Blauwe plek op de arm van Yara; zij zegt: papa deed het");
		b.select("Kindcheck: zijn er minderjarige kinderen, ook van een partner?", "Ja");
		b.select("Kindcheck: zijn zij veilig?", "Nee");
		b.press(By.id("save-step"));
		b.select("Overlegd met", "De aandachtsfunctionaris");
		b.select("Aandachtsfunctionaris", "Test professional");
		b.fill("Advies", "Gesprek met Samira, daarna wegen; Veilig Thuis anoniem om advies gevraagd");
		b.press(By.id("save-step"));
		b.fill("Het gesprek met de cliënt", "Samira is geschrokken en wil dat Yara veilig is");
		b.press(By.id("save-step"));
		String[] answers = { "YES", "YES", "NO", "NO", "NO" };
		for (int q = 1; q <= 5; q++) {
			b.driver().findElement(By.id("answer-" + q + "-" + answers[q - 1])).click();
			b.driver().findElement(By.id("reason-" + q)).sendKeys("Reden bij vraag " + q);
		}
		b.press(By.id("save-step"));
		b.select("Besluit", "Melden bij Veilig Thuis");
		((JavascriptExecutor) b.driver()).executeScript(
				"document.getElementById('step-followUpOn').value = arguments[0]",
				TestData.today().plusDays(14).toString());
		b.press(By.id("save-step"));
		String decided = b.text();
		assertThat(decided).contains("Melden bij Veilig Thuis").doesNotContain("nog te doen");
		assertThat(b.driver().findElements(By.id("step-form"))).isEmpty();
		b.screenshot("safety-meldcode");
		b.signOut();

		// Her buddy, a volunteer of the same family, sees none of it.
		b.signIn(volunteer.email(), TestData.PASSWORD);
		b.open("/households/" + household);
		assertThat(b.heading()).contains("Samira");
		assertThat(b.driver().findElements(By.id("safety-summary"))).isEmpty();
		assertThat(b.text()).doesNotContain("Veiligheid").doesNotContain("Oranje");
		b.open("/households/" + household + "/safety");
		assertThat(b.text()).doesNotContain("Risicoscreening").doesNotContain("Boodschappen");
		b.open("/api/v1/households/" + household + "/meldcode-cases");
		assertThat(b.text()).contains("403").doesNotContain("Yara vertelt");
	}

	/**
	 * On a phone (390 × 844) the safety pages fit the screen, their tables stack, and a
	 * contact ban is recorded by keyboard alone: Tab to each field, type, Enter.
	 */
	@Test
	void onAPhoneAProfessionalRecordsAContactBanByKeyboardAlone() throws Exception {
		Browser b = this.browser;
		TestData.Organisation shelter = this.data.organisation();
		TestData.Person professional = this.data.person(shelter, Role.PROFESSIONAL);
		UUID household = family(shelter, this.data.person(shelter, Role.VOLUNTEER),
				this.data.person(shelter, Role.PROFESSIONAL));
		b.signIn(professional.email(), TestData.PASSWORD);
		JavascriptExecutor js = (JavascriptExecutor) b.driver();
		b.driver().manage().window().setSize(new Dimension(390, 844));
		try {
			long chrome = ((Number) js.executeScript("return window.outerHeight - window.innerHeight")).longValue();
			b.driver().manage().window().setSize(new Dimension(390, 844 + (int) chrome));
			b.open("/households/" + household + "/safety");
			assertFitsThePhone(b, "the safety page");

			tabTo(b, "order-kind");
			type(b, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
			tabTo(b, "order-contact");
			type(b, Keys.ARROW_DOWN);
			tabTo(b, "order-issuer");
			type(b, "Rechter, kort geding");
			tabTo(b, "order-startsOn");
			type(b, asTyped(b, TestData.today().minusDays(5)));
			assertThat(active(b).getDomProperty("value")).isEqualTo(TestData.today().minusDays(5).toString());
			tabTo(b, "order-endsOn");
			type(b, asTyped(b, TestData.today().plusDays(10)));
			assertThat(active(b).getDomProperty("value")).isEqualTo(TestData.today().plusDays(10).toString());
			WebElement page = b.driver().findElement(By.tagName("html"));
			tabTo(b, "order-save");
			type(b, Keys.ENTER);
			b.awaitReplaced(page);
			assertThat(b.text()).contains("Het verbod is vastgelegd.");
			WebElement order = b.driver().findElement(By.cssSelector("#orders table tbody tr"));
			assertThat(order.getText()).contains("Contactverbod")
				.contains("Karim (ex-partner)")
				.contains("Rechter, kort geding")
				.contains("loopt bijna af");
			assertFitsThePhone(b, "the safety page with its orders, stacked");

			b.press(By.id("plan-M1"));
			assertFitsThePhone(b, "the safety plan form");
			b.open("/households/" + household + "/meldcode-cases");
			assertFitsThePhone(b, "the meldcode cases");
			b.open("/households/" + household + "/risk-screenings/new");
			assertFitsThePhone(b, "the risk screening");
			b.audit();
			b.signOut();
		}
		finally {
			b.driver().manage().window().setSize(new Dimension(1280, 900));
			b.driver().manage().deleteAllCookies();
		}
	}

	/** Types into whatever has the focus, as a keyboard does. */
	private static void type(Browser b, CharSequence... keys) {
		new Actions(b.driver()).sendKeys(keys).perform();
	}

	/**
	 * A date as a person types it into this browser's date field: day, month and year in
	 * the order of the browser's locale (headless Chromium follows the system's, not
	 * {@code --lang}).
	 */
	private static String asTyped(Browser b, LocalDate date) {
		String order = (String) ((JavascriptExecutor) b.driver())
			.executeScript("return new Intl.DateTimeFormat().formatToParts(new Date(2001, 1, 3))"
					+ ".filter(p => p.type !== 'literal').map(p => p.type.charAt(0)).join('')");
		StringBuilder typed = new StringBuilder();
		for (char part : order.toCharArray()) {
			typed.append(switch (part) {
				case 'd' -> date.format(DateTimeFormatter.ofPattern("dd"));
				case 'm' -> date.format(DateTimeFormatter.ofPattern("MM"));
				default -> date.format(DateTimeFormatter.ofPattern("yyyy"));
			});
		}
		return typed.toString();
	}

	private static void assertFitsThePhone(Browser b, String what) {
		JavascriptExecutor js = (JavascriptExecutor) b.driver();
		long width = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
		long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
		assertThat(width).as(what + " is no wider than the phone").isLessThanOrEqualTo(viewport);
	}

	private static WebElement active(Browser b) {
		return b.driver().switchTo().activeElement();
	}

	/** Presses Tab until the field has the focus: it is reachable by keyboard. */
	private static void tabTo(Browser b, String id) {
		for (int i = 0; i < 120; i++) {
			if (id.equals(active(b).getAttribute("id"))) {
				return;
			}
			type(b, Keys.TAB);
		}
		throw new AssertionError("Tab never reaches #" + id);
	}

	private static WebDriverWait wait(Browser b) {
		return new WebDriverWait(b.driver(), Duration.ofSeconds(20));
	}

	/**
	 * Samira and Yara with a running trajectory (the volunteer as buddy on it), a network
	 * map with her sister and her ex-partner marked as a danger, and a meldcode officer.
	 */
	private UUID family(TestData.Organisation organisation, TestData.Person volunteer, TestData.Person officer) {
		UUID household = UUID.randomUUID();
		UUID mother = UUID.randomUUID();
		UUID trajectory = UUID.randomUUID();
		UUID snapshot = UUID.randomUUID();
		this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())), (sql) -> {
			sql.sql("insert into household (id, organisation_id, version) values (:id, :org, 0)")
				.param("id", household)
				.param("org", organisation.id())
				.update();
			sql.sql("""
					insert into household_member (id, household_id, organisation_id, position, ref, role, main_contact,
					  given_name, family_name, birth_date)
					values (:m, :h, :org, 0, 'M1', 'PARENT', true, 'Samira', 'El Amrani', date '1989-04-02'),
					       (:c, :h, :org, 1, 'M2', 'CHILD', false, 'Yara', 'El Amrani', date '2016-09-12')
					""")
				.param("m", mother)
				.param("c", UUID.randomUUID())
				.param("h", household)
				.param("org", organisation.id())
				.update();
			sql.sql("""
					insert into trajectory (id, household_id, organisation_id, position, kind, start_date, phase_model)
					values (:t, :h, :org, 0, 'INTENSIVE', current_date - 30, 'FLEXIBLE')""")
				.param("t", trajectory)
				.param("h", household)
				.param("org", organisation.id())
				.update();
			sql.sql("""
					insert into trajectory_staff (trajectory_id, organisation_id, account_id, position)
					values (:t, :org, :buddy, 0)""")
				.param("t", trajectory)
				.param("org", organisation.id())
				.param("buddy", volunteer.id())
				.update();
			sql.sql("""
					insert into network_snapshot (id, organisation_id, household_id, member_id, drawn_on, label, version)
					values (:s, :org, :h, :m, current_date - 10, 'intake', 1)""")
				.param("s", snapshot)
				.param("org", organisation.id())
				.param("h", household)
				.param("m", mother)
				.update();
			sql.sql("""
					insert into network_contact (id, snapshot_id, organisation_id, contact_key, position, name, relation,
					  closeness, tie, danger)
					values (gen_random_uuid(), :s, :org, gen_random_uuid(), 0, 'Nadia (zus)', 'FAMILY', 'INNER', 'STRONG', false),
					       (gen_random_uuid(), :s, :org, gen_random_uuid(), 1, 'Karim (ex-partner)', 'EX_PARTNER', 'OUTER', 'WEAK', true)
					""")
				.param("s", snapshot)
				.param("org", organisation.id())
				.update();
			return sql.sql("update account set meldcode_officer = true where id = :id")
				.param("id", officer.id())
				.update();
		});
		return household;
	}

}
