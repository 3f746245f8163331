package nl.vangnet.organisation;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The administrator's pages: forms that name what is wrong, in Dutch and English, and
 * never half-save; a conflict shows what someone else changed.
 */
@VangnetTest
@ExtendWith(OutputCaptureExtension.class)
class AdministratorPagesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private OrganisationApi organisations;

	@Autowired
	private TestData data;

	private MockHttpSession admin;

	@BeforeEach
	void signIn() throws Exception {
		this.admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
	}

	@Test
	void anIncompleteOrganisationFormNamesEveryMissingField() throws Exception {
		this.mvc
			.perform(post("/admin/organisations").session(this.admin)
				.with(csrf())
				.param("code", "")
				.param("name", "")
				.param("kind", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Naam: vul de naam van de organisatie in.")))
			.andExpect(content().string(containsString("Soort: kies wat voor organisatie het is.")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		this.mvc
			.perform(post("/admin/organisations").session(this.admin)
				.with(csrf())
				.param("lang", "en")
				.param("code", "?")
				.param("name", "Ergens")
				.param("kind", "OTHER"))
			.andExpect(content().string(containsString("Code: use 2 to 16 capitals, digits, - or _.")));
	}

	@Test
	void registersAnOrganisationWithATeamAndALocation() throws Exception {
		String code = TestData.unique("P");
		this.mvc
			.perform(post("/admin/organisations").session(this.admin)
				.with(csrf())
				.param("code", code)
				.param("name", "Moeders van West")
				.param("kind", "INFORMAL")
				.param("districts", "Oost, West ,"))
			.andExpect(redirectedUrl("/admin/organisations/" + code));
		this.mvc
			.perform(post("/admin/organisations/{code}/teams", code).session(this.admin)
				.with(csrf())
				.param("name", "Team West"))
			.andExpect(redirectedUrl("/admin/organisations/" + code));
		this.mvc
			.perform(post("/admin/organisations/{code}/locations", code).session(this.admin)
				.with(csrf())
				.param("name", "")
				.param("address", "Ergens 1"))
			.andExpect(content().string(containsString("Naam: vul de naam van de locatie in.")));
		this.mvc.perform(get("/admin/organisations/{code}", code).session(this.admin))
			.andExpect(content().string(containsString("Team West")))
			.andExpect(content().string(containsString("value=\"Oost, West\"")))
			.andExpect(content().string(not(containsString("Ergens 1"))));
	}

	@Test
	void aStaleEditShowsWhatSomeoneElseChangedAndSavesNothing() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		String page = this.mvc.perform(get("/admin/organisations/{code}", organisation.code()).session(this.admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
		this.mvc
			.perform(post("/admin/organisations/{code}", organisation.code()).session(this.admin)
				.with(csrf())
				.param("name", "Eerste wijziging")
				.param("kind", "INFORMAL")
				.param("version", version))
			.andExpect(redirectedUrl("/admin/organisations/" + organisation.code()));
		this.mvc
			.perform(post("/admin/organisations/{code}", organisation.code()).session(this.admin)
				.with(csrf())
				.param("name", "Tweede wijziging")
				.param("kind", "SHELTER")
				.param("version", version))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Iemand anders heeft dit intussen gewijzigd")))
			.andExpect(content().string(containsString("Eerste wijziging")));
		this.mvc.perform(get("/api/v1/organisations/{code}", organisation.code()).session(this.admin))
			.andExpect(content().string(containsString("\"name\":\"Eerste wijziging\"")));
	}

	@Test
	void theAccountListFiltersByOrganisationAsAWholePageOrAsAnHtmxPartial() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person person = this.data.person(organisation, Role.VOLUNTEER);
		this.mvc.perform(get("/admin/users").param("organisation", organisation.code()).session(this.admin))
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString(person.email())));
		this.mvc
			.perform(get("/admin/users").param("organisation", organisation.code())
				.header("HX-Request", "true")
				.session(this.admin))
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("id=\"accounts\"")))
			.andExpect(content().string(containsString(person.email())));
	}

	@Test
	void anAccountJoinsATeamOfItsOwnOrganisationOnly(CapturedOutput output) throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Organisation other = this.data.organisation();
		java.util.UUID otherTeam = this.organisations.formTeam(other.code(), "Team Elders");
		java.util.UUID ownTeam = this.organisations.formTeam(organisation.code(), "Team Hier");
		this.mvc.perform(get("/admin/users/new").session(this.admin))
			.andExpect(content().string(containsString("Team Hier")))
			.andExpect(content().string(containsString("Team Elders")));
		String email = TestData.unique("team").toLowerCase() + "@test.example";
		this.mvc
			.perform(post("/admin/users").session(this.admin)
				.with(csrf())
				.param("displayName", "Nadia Bakker")
				.param("email", email)
				.param("role", "PROFESSIONAL")
				.param("organisation", organisation.code())
				.param("team", otherTeam.toString())
				.param("password", TestData.PASSWORD))
			.andExpect(content().string(containsString("Team: dit team hoort niet bij de gekozen organisatie.")));
		this.mvc
			.perform(post("/admin/users").session(this.admin)
				.with(csrf())
				.param("displayName", "Nadia Bakker")
				.param("email", email)
				.param("role", "PROFESSIONAL")
				.param("organisation", organisation.code())
				.param("team", ownTeam.toString())
				.param("password", TestData.PASSWORD))
			.andExpect(redirectedUrl("/admin/users?organisation=" + organisation.code()));
		assertThat(output.getAll()).doesNotContain(email).doesNotContain("Nadia").doesNotContain(TestData.PASSWORD);
	}

	@Test
	void anAccountFormWithAWeakPasswordSavesNothing(CapturedOutput output) throws Exception {

		TestData.Organisation organisation = this.data.organisation();
		String email = TestData.unique("zwak").toLowerCase() + "@test.example";
		this.mvc
			.perform(post("/admin/users").session(this.admin)
				.with(csrf())
				.param("displayName", "Zwak Wachtwoord")
				.param("email", email)
				.param("role", "PROFESSIONAL")
				.param("organisation", organisation.code())
				.param("password", "welkom123456"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Wachtwoord: dit wachtwoord is te makkelijk te raden.")));
		this.mvc.perform(get("/admin/users").param("organisation", organisation.code()).session(this.admin))
			.andExpect(content().string(not(containsString(email))));
		assertThat(output.getAll()).as("nothing personal in the log")
			.doesNotContain(email)
			.doesNotContain("welkom123456");
	}

}
