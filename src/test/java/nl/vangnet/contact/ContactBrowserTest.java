package nl.vangnet.contact;

import java.time.Duration;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.MovableClock;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The follow-up story in a real browser: a professional logs a home visit with the time
 * it took, closes the trajectory with a pilot-light rhythm of every three months, and —
 * three months later by the application's clock — sees the family back on the worklist.
 */
@Import(MovableClock.Configuration.class)
class ContactBrowserTest extends BrowserTestSupport {

	@Autowired
	private MovableClock clock;

	@Test
	void aProfessionalLogsAContactClosesWithAPilotLightRhythmAndSeesTheFamilyReturnWhenDue() throws Exception {
		Browser b = this.browser;
		TestData.Person professional = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		String family = TestData.unique("Vermeer");
		b.signIn(professional.email(), TestData.PASSWORD);
		b.click("Huishoudens").click("Nieuw huishouden");
		b.fill("Voornaam", "Anna").fill("Achternaam", family).select("Soort begeleiding", "Intensieve begeleiding");
		b.click("Opslaan");
		assertThat(b.text()).contains("Het huishouden is aangemeld.");

		b.click("Contact vastleggen");
		assertThat(b.heading()).contains("Contact");
		b.select("Hoe", "Huisbezoek");
		b.fill("Korte notitie", "Post gesorteerd, brief van de gemeente besproken");
		b.fill("Gesprekken met het gezin", "45");
		b.fill("Regelzaken", "30");
		b.click("Contact opslaan");
		assertThat(b.text()).contains("Het contact is vastgelegd.", "Post gesorteerd", "Huisbezoek");
		assertThat(b.driver().findElement(By.id("time-ARRANGING")).getText()).contains("30 min");
		b.screenshot("contact-logged");

		b.click("Terug naar het dossier");
		b.driver().findElement(By.xpath("//summary[normalize-space()='Begeleiding afsluiten']")).click();
		b.fill("Reden van afsluiten", "Doelen bereikt; waakvlamcontact afgesproken");
		b.click("Begeleiding afsluiten");
		assertThat(b.text()).contains("De begeleiding is afgesloten.");

		b.click("Contact vastleggen");
		b.select("Ritme", "Elke drie maanden (waakvlam)");
		b.click("Ritme vastleggen");
		assertThat(b.text()).contains("Het ritme is vastgelegd.", "Volgend contact uiterlijk");
		b.click("Wie heeft contact nodig?");
		assertThat(b.driver().findElement(By.id("worklist")).getText()).doesNotContain(family);
		b.signOut();

		this.clock.advance(Duration.ofDays(95));
		b.signIn(professional.email(), TestData.PASSWORD);
		new WebDriverWait(b.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("worklist"), family));
		b.click("Wie heeft contact nodig?");
		String worklist = b.driver().findElement(By.id("worklist")).getText();
		assertThat(worklist).contains("Anna " + family, "dagen te laat", "nazorg");
		b.screenshot("contact-worklist-due");
		b.signOut();
	}

}
