package nl.vangnet.account;

import java.time.Duration;
import java.time.Instant;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.MovableClock;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second factor in a real browser: a professional of an organisation that requires
 * one enrols an authenticator app (the test reads the key off the page and computes the
 * codes as the app would), signs out, signs in with password and code, and confirms again
 * who she is before opening a confidential address a quarter of an hour later.
 */
@Import(MovableClock.Configuration.class)
class SecondFactorBrowserTest extends BrowserTestSupport {

	@Autowired
	private MovableClock clock;

	@Test
	void aProfessionalEnrolsAnAppSignsInWithACodeAndConfirmsAgainBeforeOpeningAConfidentialAddress() throws Exception {
		Browser b = this.browser;
		TestData.Organisation organisation = this.data.organisation();
		this.data.inScope(TenantScope.Scope.system(java.util.Set.of(organisation.id())),
				(sql) -> sql.sql("update organisation set second_factor = 'REQUIRED' where id = :id")
					.param("id", organisation.id())
					.update());
		TestData.Person professional = this.data.person(organisation, Role.PROFESSIONAL);

		b.signIn(professional.email(), TestData.PASSWORD);
		assertThat(b.heading()).isEqualTo("Tweede factor");
		assertThat(b.text()).contains("Stel eerst een tweede factor in.");
		b.click("Authenticator-app instellen");
		assertThat(b.heading()).isEqualTo("Authenticator-app");
		assertThat(b.driver().findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
		String secret = b.driver().findElement(By.id("totp-secret")).getText().replace(" ", "");
		b.screenshot("second-factor-enrolment");
		b.fill("Code", TotpCodes.at(secret, now(), 0)).click("Bevestigen");
		assertThat(b.path()).isEqualTo("/");
		b.signOut();

		b.signIn(professional.email(), TestData.PASSWORD);
		assertThat(b.heading()).isEqualTo("Tweede stap van het aanmelden");
		b.fill("Code", "000000").click("Aanmelden");
		assertThat(b.text()).contains("Code: deze code klopt niet");
		b.fill("Code", TotpCodes.at(secret, now(), 1)).click("Aanmelden");
		assertThat(b.path()).isEqualTo("/");

		b.click("Huishoudens").click("Nieuw huishouden");
		b.fill("Voornaam", "Samira")
			.fill("Achternaam", "Verborgen")
			.fill("Adres", "Schuilhof 7")
			.select("Soort begeleiding", "Intensieve begeleiding");
		b.check("Vertrouwelijk adres (geheim opvangadres, of het gezin houdt zich schuil)");
		b.click("Opslaan");
		String dossier = b.path();
		assertThat(dossier).startsWith("/households/");

		this.clock.advance(Duration.ofMinutes(15));
		b.click("Adres tonen");
		assertThat(b.heading()).isEqualTo("Bevestig wie u bent");
		b.screenshot("second-factor-reauthentication");
		b.fill("Wachtwoord", TestData.PASSWORD).click("Bevestigen en verder");
		assertThat(b.path()).isEqualTo(dossier);
		b.driver().findElement(By.id("open-confidential-address")).click();
		new WebDriverWait(b.driver(), Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("confidential-address-text")));
		assertThat(b.driver().findElement(By.id("confidential-address-text")).getText()).isEqualTo("Schuilhof 7");
		b.signOut();
	}

	private Instant now() {
		return this.clock.instant();
	}

}
