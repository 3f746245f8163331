package nl.vangnet.organisation;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An administrator sets Vangnet up through the JSON API: organisations, locations, teams
 * and users.
 */
@VangnetTest
class AdministratorApiTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	private MockHttpSession admin;

	@BeforeEach
	void signInAsAdministrator() throws Exception {
		this.admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
	}

	@Test
	void registersAnOrganisationAndFindsItByItsCode() throws Exception {
		String code = TestData.unique("O");
		this.mvc.perform(json(post("/api/v1/organisations"), """
				{"code":"%s","name":"Gezinnen van Noord","kind":"INFORMAL","districts":["Oude Noorden","Agniese"],
				 "monitorParticipant":true}""".formatted(code.toLowerCase())))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "http://localhost/api/v1/organisations/" + code))
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.kind").value("INFORMAL"))
			.andExpect(jsonPath("$.districts[1]").value("Agniese"))
			.andExpect(jsonPath("$.monitorParticipant").value(true));
		this.mvc.perform(get("/api/v1/organisations/{code}", code).session(this.admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Gezinnen van Noord"));
		this.mvc.perform(get("/api/v1/organisations").session(this.admin))
			.andExpect(jsonPath("$[*].code", hasItem(code)));
	}

	@Test
	void monitorParticipationIsOffUnlessSaid() throws Exception {
		String code = TestData.unique("O");
		this.mvc.perform(json(post("/api/v1/organisations"), """
				{"code":"%s","name":"Wijkteam Zuid","kind":"MUNICIPAL_TEAM"}""".formatted(code)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.monitorParticipant").value(false))
			.andExpect(jsonPath("$.districts").isEmpty());
	}

	@Test
	void invalidInputNamesEveryFieldInTheCallersLanguage() throws Exception {
		this.mvc.perform(json(post("/api/v1/organisations"), """
				{"code":"x","name":"","kind":null}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message")
				.value("Naam: vul de naam van de organisatie in."))
			.andExpect(jsonPath("$.errors[?(@.field == 'kind')].message")
				.value("Soort: kies wat voor organisatie het is."));
		this.mvc.perform(json(post("/api/v1/organisations"), """
				{"code":"x","name":"Iets","kind":"SHELTER"}""").header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"))
			.andExpect(jsonPath("$.errors[0].message").value("Code: use 2 to 16 capitals, digits, - or _."));
		this.mvc.perform(json(post("/api/v1/organisations"), """
				{"code":"ABC","name":"Iets","kind":"CHURCH"}""").header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("kind"));
	}

	@Test
	void aCodeIsUsedOnlyOnce() throws Exception {
		TestData.Organisation existing = this.data.organisation();
		this.mvc.perform(json(post("/api/v1/organisations"), """
				{"code":"%s","name":"Dubbel","kind":"OTHER"}""".formatted(existing.code())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("code"));
	}

	@Test
	void aStaleVersionIsAConflictThatShowsWhatChanged() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		int read = com.jayway.jsonpath.JsonPath
			.read(this.mvc.perform(get("/api/v1/organisations/{code}", organisation.code()).session(this.admin))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.version");
		String change = """
				{"name":"%s","kind":"INFORMAL","districts":["Centrum"],"monitorParticipant":true,"version":%d}""";
		this.mvc
			.perform(json(put("/api/v1/organisations/{code}", organisation.code()),
					change.formatted("Nieuwe naam", read)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(read + 1));
		this.mvc
			.perform(json(put("/api/v1/organisations/{code}", organisation.code()),
					change.formatted("Andere naam", read)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentVersion").value(read + 1))

			.andExpect(jsonPath("$.changes[0].field").value("name"))
			.andExpect(jsonPath("$.changes[0].now").value("Nieuwe naam"));
	}

	@Test
	void aSecretAddressIsNeverShownToTheAdministrator() throws Exception {
		TestData.Organisation organisation = this.data.organisation(OrganisationKind.SHELTER);
		this.mvc.perform(json(post("/api/v1/organisations/{code}/locations", organisation.code()), """
				{"name":"Opvanghuis","district":"Noord","address":"Geheimstraat 1","secretAddress":true}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.secretAddress").value(true))
			.andExpect(jsonPath("$.address").value(nullValue()));
		this.mvc.perform(json(post("/api/v1/organisations/{code}/locations", organisation.code()), """
				{"name":"Inloop","address":"Marktplein 1"}""")).andExpect(jsonPath("$.address").value("Marktplein 1"));
		this.mvc.perform(get("/api/v1/organisations/{code}", organisation.code()).session(this.admin))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("Geheimstraat"))))
			.andExpect(jsonPath("$.locations[*].name", hasItem("Opvanghuis")));
		this.mvc.perform(get("/admin/organisations/{code}", organisation.code()).session(this.admin))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("Geheimstraat"))));

		MockHttpSession professional = TestData.signIn(this.mvc, this.data.person(organisation, Role.PROFESSIONAL));
		this.mvc.perform(get("/organisation").session(professional))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Geheimstraat 1")));
		MockHttpSession volunteer = TestData.signIn(this.mvc, this.data.person(organisation, Role.VOLUNTEER));
		this.mvc.perform(get("/organisation").session(volunteer))
			.andExpect(status().isOk())
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("Geheimstraat"))));
		MockHttpSession outsider = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.COORDINATOR));
		this.mvc.perform(get("/organisation").session(outsider))
			.andExpect(content().string(not(org.hamcrest.Matchers.containsString("Geheimstraat"))));
	}

	@Test
	void opensAnAccountThatCanSignInAndListsIt() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		String team = com.jayway.jsonpath.JsonPath
			.read(this.mvc.perform(json(post("/api/v1/organisations/{code}/teams", organisation.code()), """
					{"name":"Team Noord"}"""))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
		String email = TestData.unique("nieuw").toLowerCase() + "@test.example";
		String id = com.jayway.jsonpath.JsonPath.read(this.mvc
			.perform(json(post("/api/v1/users"),
					"""
							{"email":"%s","displayName":"Fatima Yilmaz","organisation":"%s","role":"PROFESSIONAL",
							 "password":"%s","team":"%s"}""".formatted(email.toUpperCase(), organisation.code(),
							TestData.PASSWORD, team)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.email").value(email))
			.andExpect(jsonPath("$.organisation").value(organisation.code()))
			.andExpect(jsonPath("$.team").value(team))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.password").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		this.mvc.perform(get("/api/v1/users").param("organisation", organisation.code()).session(this.admin))
			.andExpect(jsonPath("$[*].id", hasItem(id)));
		this.mvc.perform(get("/api/v1/users/{id}", id).session(this.admin))
			.andExpect(jsonPath("$.role").value("PROFESSIONAL"));
		TestData.signIn(this.mvc, email, TestData.PASSWORD);
	}

	@Test
	void refusesWeakPasswordsAndAdministratorsWithAnOrganisation() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		this.mvc.perform(json(post("/api/v1/users"), """
				{"email":"kort@test.example","displayName":"Kort","organisation":"%s","role":"PROFESSIONAL",
				 "password":"kort"}""".formatted(organisation.code())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"))
			.andExpect(jsonPath("$.errors[0].message").value("Wachtwoord: gebruik minstens 12 tekens."));
		this.mvc.perform(json(post("/api/v1/users"), """
				{"email":"gewoon@test.example","displayName":"Gewoon","organisation":"%s","role":"PROFESSIONAL",
				 "password":"password1234"}""".formatted(organisation.code())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("te makkelijk")));
		this.mvc.perform(json(post("/api/v1/users"), """
				{"email":"beheer2@test.example","displayName":"Beheer","organisation":"%s","role":"ADMINISTRATOR",
				 "password":"%s"}""".formatted(organisation.code(), TestData.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("organisation"));
		this.mvc
			.perform(json(post("/api/v1/users"),
					"""
							{"email":"los@test.example","displayName":"Los","role":"PROFESSIONAL","password":"%s"}"""
						.formatted(TestData.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("organisation"));
		this.mvc
			.perform(json(post("/api/v1/users"),
					"""
							{"email":"onbekend@test.example","displayName":"X","organisation":"BESTAATNIET","role":"PROFESSIONAL",
							 "password":"%s"}"""
						.formatted(TestData.PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.errors[0].message").value("Organisatie: er is geen organisatie met code BESTAATNIET."));
	}

	@Test
	void anUnknownPathOrMethodIsAProblemDetailInTheApiAndAFriendlyPageInTheBrowser() throws Exception {
		this.mvc.perform(get("/api/v1/bestaat-niet").session(this.admin))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/users")
				.session(this.admin)
				.with(csrf()))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/bestaat-niet").session(this.admin))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Deze pagina bestaat niet")));
	}

	@Test
	void anUnknownAccountIsNotFound() throws Exception {

		this.mvc.perform(get("/api/v1/users/{id}", java.util.UUID.randomUUID()).session(this.admin))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.session(this.admin).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
	}

}
