package nl.vangnet.home;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The navigation follows the role: nobody is shown a way they may not go.
 */
@VangnetTest
class RoleNavigationTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@ParameterizedTest
	@EnumSource(Role.class)
	void theStartPageShowsOnlyWhatTheRoleMayUse(Role role) throws Exception {
		TestData.Person person = this.data.person((role == Role.ADMINISTRATOR) ? null : this.data.organisation(), role);
		MockHttpSession session = TestData.signIn(this.mvc, person);
		String page = this.mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Welkom, " + "Test " + role.name().toLowerCase());
		assertThat(page.contains("href=\"/admin/organisations\"")).isEqualTo(role == Role.ADMINISTRATOR);
		assertThat(page.contains("href=\"/admin/users\"")).isEqualTo(role == Role.ADMINISTRATOR);
		assertThat(page.contains("href=\"/admin/sign-ins\"")).isEqualTo(role == Role.ADMINISTRATOR);
		assertThat(page.contains("href=\"/access-trail\"")).isEqualTo(role == Role.COORDINATOR);
		assertThat(page.contains("href=\"/organisation\"")).isEqualTo(role.seesClientData());
		assertThat(page).contains("action=\"/logout\"");
	}

	@ParameterizedTest
	@EnumSource(Role.class)
	void theStartPageSpeaksEnglishWhenAsked(Role role) throws Exception {
		TestData.Person person = this.data.person((role == Role.ADMINISTRATOR) ? null : this.data.organisation(), role);
		MockHttpSession session = TestData.signIn(this.mvc, person);
		String page = this.mvc.perform(get("/").param("lang", "en").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Welcome, ").contains("Sign out").contains("lang=\"en\"");
	}

}
