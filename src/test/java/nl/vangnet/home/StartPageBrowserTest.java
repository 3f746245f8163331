package nl.vangnet.home;

import nl.vangnet.Browser;
import nl.vangnet.BrowserTestSupport;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation's main story, in a real browser: an administrator sets up an
 * organisation and its people, and every role signs in to its own start page.
 */
class StartPageBrowserTest extends BrowserTestSupport {

	@Test
	void anAdministratorSetsUpAnOrganisationAndEveryRoleSignsInToItsOwnStartPage() throws Exception {
		Browser b = this.browser;
		b.driver().manage().deleteAllCookies();
		b.signIn("admin@test.example", "zeven-zeeen-en-een-vuurtoren");

		assertThat(b.heading()).isEqualTo("Welkom, Beheerder");
		assertThat(b.hasLink("Organisaties")).isTrue();

		String code = TestData.unique("B");
		b.click("Organisaties").click("Nieuwe organisatie");
		b.click("Opslaan");
		assertThat(b.text()).contains("Naam: vul de naam van de organisatie in.");

		b.fill("Code", code)
			.fill("Naam", "Buurtkracht Oost")
			.select("Soort", "Informele buurtorganisatie")
			.fill("Wijken", "Kralingen, Crooswijk")
			.check("Doet mee aan de gezamenlijke monitor")
			.click("Opslaan");
		assertThat(b.heading()).contains("Buurtkracht Oost").contains(code);
		b.fill("Naam van het team", "Team Kralingen").click("Team toevoegen");
		assertThat(b.text()).contains("Team Kralingen");

		String email = TestData.unique("fatima").toLowerCase() + "@test.example";
		b.click("Gebruikers").click("Nieuwe gebruiker");
		b.fill("Naam", "Fatima Yilmaz")
			.fill("E-mailadres", email)
			.select("Rol", "Professional")
			.select("Organisatie", "Buurtkracht Oost")
			.fill("Eerste wachtwoord", "wachtwoord")
			.click("Opslaan");

		assertThat(b.text()).contains("Wachtwoord: gebruik minstens 12 tekens.");
		b.fill("Eerste wachtwoord", TestData.PASSWORD).click("Opslaan");
		assertThat(b.text()).contains("De gebruiker is aangemaakt.").contains(email);
		b.screenshot("administrator-users");
		b.signOut();
		assertThat(b.text()).contains("U bent afgemeld.");

		b.signIn(email, TestData.PASSWORD);
		assertThat(b.heading()).isEqualTo("Welkom, Fatima Yilmaz");
		assertThat(b.text()).contains("Buurtkracht Oost");
		assertThat(b.hasLink("Organisaties")).isFalse();
		b.signOut();

		TestData.Organisation organisation = this.data.organisation();
		for (Role role : Role.values()) {
			TestData.Person person = this.data.person((role == Role.ADMINISTRATOR) ? null : organisation, role);
			b.signIn(person.email(), TestData.PASSWORD);
			assertThat(b.path()).isEqualTo("/");
			assertThat(b.heading()).isEqualTo("Welkom, Test " + role.name().toLowerCase());
			assertThat(b.hasLink("Gebruikers")).isEqualTo(role == Role.ADMINISTRATOR);
			assertThat(b.hasLink("Toegangslog")).isEqualTo(role == Role.COORDINATOR);
			assertThat(b.hasLink("Mijn organisatie")).isEqualTo(role.seesClientData());
			b.screenshot("start-" + role.name().toLowerCase());
			b.signOut();
		}
	}

	@Test
	void aWrongPasswordGetsAClearMessageAndEnglishIsOneClickAway() throws Exception {
		Browser b = this.browser;
		b.driver().manage().deleteAllCookies();
		b.signIn("niemand@test.example", "verkeerd-wachtwoord-123");

		assertThat(b.text()).contains("Dat e-mailadres en wachtwoord horen niet bij elkaar.");
		b.click("English");
		assertThat(b.heading()).isEqualTo("Sign in");
		b.click("Nederlands");
		assertThat(b.heading()).isEqualTo("Aanmelden");
	}

}
