package nl.vangnet.demo;

import nl.vangnet.TestData;
import nl.vangnet.account.TotpCodes;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.organisation.OrganisationSummary;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * {@code --demo} gives a shelter with a secret address, an informal organisation and a
 * municipal team, with people of every role who can sign in; loading it twice changes
 * nothing.
 */
@SpringBootTest(properties = "vangnet.demo=true")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(nl.vangnet.MockMvcSessions.class)
class DemoDataTests {

	@Autowired
	private OrganisationApi organisations;

	@Autowired
	private DemoData demo;

	@Autowired
	private MockMvc mvc;

	@Test
	void theDemoHasThreeKindsOfOrganisationAndPeopleOfEveryRole() throws Exception {
		this.demo.run(new DefaultApplicationArguments("--demo"));
		assertThat(this.organisations.byCode("VOH")).map(OrganisationSummary::kind).contains(OrganisationKind.SHELTER);
		assertThat(this.organisations.byCode("SST")).map(OrganisationSummary::kind).contains(OrganisationKind.INFORMAL);
		assertThat(this.organisations.byCode("WTO")).map(OrganisationSummary::kind)
			.contains(OrganisationKind.MUNICIPAL_TEAM);
		for (String email : new String[] { "beheer@demo.vangnet.example", "marieke@dehaven.example",
				"fatima@dehaven.example", "anneke@dehaven.example", "lotte@wijkteamoost.example" }) {
			TestData.signIn(this.mvc, email, "welkom-in-het-vangnet");
		}
		this.mvc
			.perform(get("/organisation")
				.session(TestData.signIn(this.mvc, "fatima@dehaven.example", "welkom-in-het-vangnet")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Havenkade 12")));
	}

	@Test
	void theDemoAdministratorSignsInWithTheSecondFactorWhoseSecretTheReadmePrints() throws Exception {
		this.demo.run(new DefaultApplicationArguments("--demo"));
		MvcResult password = this.mvc
			.perform(post("/login").param("username", "beheer@demo.vangnet.example")
				.param("password", "welkom-in-het-vangnet")
				.with(csrf()))
			.andReturn();
		assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
		MockHttpSession half = (MockHttpSession) password.getRequest().getSession(false);
		MvcResult code = this.mvc
			.perform(post("/login/second-factor").param("code", TotpCodes.now(DemoData.ADMINISTRATOR_TOTP_SECRET))
				.session(half)
				.with(csrf()))
			.andReturn();
		assertThat(code.getResponse().getRedirectedUrl()).isEqualTo("/");
		this.mvc.perform(get("/admin/organisations").session((MockHttpSession) code.getRequest().getSession(false)))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("De Haven")));
	}

}
