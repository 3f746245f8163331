package nl.vangnet.contact;

import java.time.Duration;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.MovableClock;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door stays open (issue 15), in a real browser: Priya's trajectory ends and the
 * pilot-light rhythm is proposed and kept; three months later by the application's clock
 * her 3-month check is on the worklist and is recorded; she comes back with a new
 * question and her dossier is reopened.
 */
@Import(MovableClock.Configuration.class)
class FollowUpBrowserTest extends BrowserTestSupport {

	@Autowired
	private MovableClock clock;

	@Test
	void priyasTrajectoryEndsHerThreeMonthCheckIsRecordedAndHerDossierIsReopened() throws Exception {
		Browser b = this.browser;
		TestData.Person professional = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		String family = TestData.unique("Ramdin");
		b.signIn(professional.email(), TestData.PASSWORD);
		b.click("Huishoudens").click("Nieuw huishouden");
		b.fill("Voornaam", "Priya").fill("Achternaam", family).select("Soort begeleiding", "Intensieve begeleiding");
		b.click("Opslaan");
		assertThat(b.text()).contains("Het huishouden is aangemeld.");
		String dossier = b.path();

		// Her trajectory ends: the pilot-light rhythm is proposed, and kept.
		b.driver().findElement(By.xpath("//summary[normalize-space()='Begeleiding afsluiten']")).click();
		assertThat(
				b.driver().findElement(By.xpath("//label[contains(., 'Waakvlamcontact houden')]//input")).isSelected())
			.isTrue();
		b.fill("Reden van afsluiten", "Eigen woning gevonden");
		b.select("Waar gaat zij heen", "Sociale huurwoning (urgentie)");
		b.select("Woonsituatie bij vertrek", "Vaste woonplek");
		b.select("Inkomen bij vertrek", "Uitkering");
		b.screenshot("follow-up-end-form");
		b.click("Begeleiding afsluiten");
		assertThat(b.text()).contains("De begeleiding is afgesloten.");
		b.driver().findElement(By.xpath("//summary[starts-with(normalize-space(), 'Eerdere begeleiding')]")).click();
		assertThat(b.text()).contains("Vertrokken naar", "Sociale huurwoning (urgentie)", "Vaste woonplek");
		b.driver().findElement(By.xpath("//summary[normalize-space()='Huishouden afsluiten']")).click();
		b.driver().findElement(By.id("closingReason")).sendKeys("Begeleiding afgerond, nazorg loopt");
		b.press(By.id("close-household"));
		assertThat(b.text()).contains("Het huishouden is afgesloten.");
		b.signOut();

		// Three months later her 3-month check is due.
		this.clock.advance(Duration.ofDays(93));
		b.signIn(professional.email(), TestData.PASSWORD);
		b.click("Wie heeft contact nodig?");
		String worklist = b.driver().findElement(By.id("worklist")).getText();
		assertThat(worklist).contains("Priya " + family, "nazorgcheck na 3 maanden", "nazorg");
		b.screenshot("follow-up-worklist");
		b.click("Priya " + family);
		assertThat(b.driver().findElement(By.id("follow-up")).getText()).contains("Check na 3 maanden",
				"nu aan de beurt", "Sociale huurwoning (urgentie)");
		b.select("Woonsituatie", "Vaste woonplek");
		b.select("Voelt zij zich veilig", "Ja");
		// who she sees: a quick update of her network map
		assertThat(b.driver().findElement(By.id("followup-network")).getText())
			.contains("Zij heeft nog geen netwerkkaart.");
		b.fill("Naam (nieuw 1)", "Zus Anjali");
		b.select("Relatie (nieuw 1)", "Familie");
		b.select("Wat doet die voor haar (nieuw 1)", "Oppassen op de kinderen");
		b.select("Voelt zij zich geholpen", "ja");
		b.click("Check vastleggen");
		assertThat(b.text()).contains("De check is vastgelegd.");
		assertThat(b.driver().findElement(By.id("follow-up")).getText()).contains("gedaan", "Bereikt op",
				"Aantal mensen die haar steunen: 1", "Ziet zij Zus Anjali nog");
		b.screenshot("follow-up-recorded");

		// She comes back with a new question: her dossier is reopened.
		b.open(dossier);
		b.driver().findElement(By.xpath("//summary[normalize-space()='Huishouden heropenen']")).click();
		b.fill("Reden (de nieuwe vraag)", "Nieuwe vraag: schulden bij de energieleverancier");
		b.press(By.id("reopen-household"));
		assertThat(b.text()).contains("Het huishouden is heropend.", "Eerder afgesloten en heropend",
				"Nieuwe vraag: schulden bij de energieleverancier");
		b.screenshot("follow-up-reopened");
		b.signOut();
	}

}
