package nl.vangnet.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.lifedomain.Framework;
import nl.vangnet.lifedomain.LifeDomainApi;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A domain of an organisation's framework may count for several monitor codes (issue 15,
 * item 6): a help question chooses one, its domain's default preselected, and the monitor
 * counts what was chosen. A shelter's "Sociaal functioneren" no longer lands entirely in
 * {@code SOCIAL.NETWORK}.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorCodeChoiceTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	@Autowired
	private LifeDomainApi lifeDomains;

	private TestData.Organisation shelter;

	private TestData.Person professional;

	private MockHttpSession session;

	@BeforeAll
	void shelterWorksWithTheEightDomains() throws Exception {
		this.shelter = this.data.organisation();
		this.professional = this.data.person(this.shelter, Role.PROFESSIONAL);
		this.session = TestData.signIn(this.mvc, this.professional);
		MockHttpSession coordinator = TestData.signIn(this.mvc, this.data.person(this.shelter, Role.COORDINATOR));
		this.mvc.perform(
				post("/organisation/framework").session(coordinator).with(csrf()).param("framework", "EIGHT_DOMAINS"))
			.andExpect(redirectedUrl("/organisation/framework"));
	}

	@Test
	void theShelterDomainsMayCountForTheMonitorCodesTheirQuestionsBelongTo() {
		Framework eight = this.lifeDomains.framework("EIGHT_DOMAINS");
		Framework.Domain social = eight.domain("SOCIAL").orElseThrow();
		assertThat(social.monitorCodes()).containsExactly("SOCIAL.NETWORK", "SOCIAL.PARENTING",
				"SOCIAL.DOMESTIC_RELATIONS", "OTHER");
		assertThat(social.countsFor("SOCIAL.PARENTING")).isTrue();
		assertThat(social.countsFor("FINANCES")).isFalse();
		assertThat(eight.domain("FINANCES").orElseThrow().monitorCodes()).containsExactly("FINANCES");
		List<String> monitorCodes = this.lifeDomains.monitorFramework()
			.domains()
			.stream()
			.map(Framework.Domain::code)
			.toList();
		for (Framework framework : this.lifeDomains.frameworks()) {
			assertThat(framework.domains()).as(framework.code())
				.allSatisfy((domain) -> assertThat(monitorCodes).containsAll(domain.monitorCodes()));
		}
		// The monitor framework's own domains count for themselves only.
		assertThat(this.lifeDomains.monitorFramework().domains())
			.allSatisfy((domain) -> assertThat(domain.otherMonitorCodes()).isEmpty());
	}

	@Test
	void aQuestionCountsForTheChosenCodeOrItsDomainsDefaultAndTheMonitorCountsWhatWasChosen() throws Exception {
		List<UUID> households = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			UUID household = household();
			households.add(household);
			JsonNode question = question(household, """
					{"domain": "SOCIAL", "monitorCode": "SOCIAL.PARENTING", "openedOn": "2021-03-01",
					 "description": "Opvoedvragen over de oudste"}""");
			assertThat(question.get("monitorCode").stringValue()).isEqualTo("SOCIAL.PARENTING");
		}
		JsonNode byDefault = question(households.get(0), """
				{"domain": "SOCIAL", "openedOn": "2021-03-01", "description": "Weinig mensen om zich heen"}""");
		assertThat(byDefault.get("monitorCode").stringValue()).isEqualTo("SOCIAL.NETWORK");

		// The household document carries the chosen monitor code.
		this.mvc.perform(get("/api/v1/households/{id}", households.get(1)).session(this.session))
			.andExpect(jsonPath("$.helpQuestions[0].domain").value("SOCIAL.PARENTING"));

		MockHttpSession researcher = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.RESEARCHER));
		String body = this.mvc
			.perform(get("/api/v1/monitor").session(researcher)
				.param("from", "2021-01-01")
				.param("to", "2021-06-30")
				.param("organisations", this.shelter.code()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode parenting = null;
		for (JsonNode domain : this.json.readTree(body).get("domains")) {
			if ("SOCIAL.PARENTING".equals(domain.get("code").stringValue())) {
				parenting = domain;
			}
		}
		assertThat(parenting).as("the monitor counts parenting questions").isNotNull();
		assertThat(parenting.get("questions").get("count").asInt()).isEqualTo(6);
		assertThat(parenting.get("households").get("count").asInt()).isEqualTo(6);
	}

	@Test
	void aQuestionsMonitorCodeIsRevisedOnItsVersionAndTheMonitorCountsTheRevisedCode() throws Exception {
		TestData.Organisation shelter = this.data.organisation();
		TestData.Person professional = this.data.person(shelter, Role.PROFESSIONAL);
		MockHttpSession worker = TestData.signIn(this.mvc, professional);
		this.mvc
			.perform(post("/organisation/framework")
				.session(TestData.signIn(this.mvc, this.data.person(shelter, Role.COORDINATOR)))
				.with(csrf())
				.param("framework", "EIGHT_DOMAINS"))
			.andExpect(redirectedUrl("/organisation/framework"));
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			JsonNode question = question(household(worker, professional.id()), worker, """
					{"domain": "SOCIAL", "openedOn": "2021-03-01", "description": "Ruzie thuis"}""");
			assertThat(question.get("monitorCode").stringValue()).isEqualTo("SOCIAL.NETWORK");
			ids.add(question.get("id").stringValue());
		}
		assertThat(questions(shelter, "SOCIAL.NETWORK")).isEqualTo(6);

		// it turns out to be about domestic relations: revised on the version read
		for (String id : ids) {
			revise(id, worker, 0, "\"SOCIAL.DOMESTIC_RELATIONS\"").andExpect(status().isOk())
				.andExpect(jsonPath("$.monitorCode").value("SOCIAL.DOMESTIC_RELATIONS"))
				.andExpect(jsonPath("$.version").value(1))
				.andExpect(jsonPath("$.history[?(@.field == 'monitorCode')].after").value("SOCIAL.DOMESTIC_RELATIONS"));
		}
		assertThat(questions(shelter, "SOCIAL.DOMESTIC_RELATIONS")).isEqualTo(6);
		assertThat(questions(shelter, "SOCIAL.NETWORK")).as("no longer counted there").isNotEqualTo(6);

		String first = ids.get(0);
		// stale: someone else changed it, here is what changed
		revise(first, worker, 0, "\"OTHER\"").andExpect(status().isConflict())
			.andExpect(content().string(containsString("monitorCode")));
		// a code its domain may not count for
		revise(first, worker, 1, "\"FINANCES\"").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("monitorCode"));
		// left out, it stays
		revise(first, worker, 1, "null").andExpect(status().isOk())
			.andExpect(jsonPath("$.monitorCode").value("SOCIAL.DOMESTIC_RELATIONS"));
		this.mvc.perform(get("/api/v1/help-questions/{id}", first).session(worker))
			.andExpect(jsonPath("$.version").value(1));
	}

	@Test
	void theRevisionFormOffersTheDomainsCodesAndRefusesOneItMayNotCountFor() throws Exception {
		UUID household = household();
		JsonNode question = question(household, """
				{"domain": "SOCIAL", "openedOn": "2021-03-01", "description": "Omgangsregeling"}""");
		String id = question.get("id").stringValue();
		this.mvc.perform(get("/households/{id}/help-questions", household).session(this.session))
			.andExpect(content().string(containsString("id=\"revise-monitor-code-0\"")))
			.andExpect(content().string(org.hamcrest.Matchers
				.matchesPattern("(?s).*<option value=\"SOCIAL.NETWORK\"\\s+selected=\"selected\">.*")));
		this.mvc
			.perform(post("/help-questions/{id}", id).session(this.session)
				.with(csrf())
				.param("version", "0")
				.param("description", "Omgangsregeling en de advocaat")
				.param("status", "OPEN")
				.param("monitorCode", "FINANCES"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("href=\"#revise-monitor-code-0\"")))
			.andExpect(content().string(containsString("Omgangsregeling en de advocaat")));
		this.mvc
			.perform(post("/help-questions/{id}", id).session(this.session)
				.with(csrf())
				.param("version", "0")
				.param("description", "Omgangsregeling en de advocaat")
				.param("status", "OPEN")
				.param("monitorCode", "OTHER"))
			.andExpect(redirectedUrl("/households/" + household + "/help-questions"));
		this.mvc.perform(get("/api/v1/help-questions/{id}", id).session(this.session))
			.andExpect(jsonPath("$.monitorCode").value("OTHER"))
			.andExpect(jsonPath("$.version").value(1));
		this.mvc.perform(get("/households/{id}/help-questions", household).session(this.session))
			.andExpect(content().string(
					org.hamcrest.Matchers.matchesPattern("(?s).*<option value=\"OTHER\"\\s+selected=\"selected\">.*")));
	}

	private org.springframework.test.web.servlet.ResultActions revise(String id, MockHttpSession worker, int version,
			String monitorCode) throws Exception {
		return this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/help-questions/{id}", id)
			.session(worker)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"version": %d, "description": "Ruzie thuis", "status": "OPEN", "monitorCode": %s}"""
				.formatted(version, monitorCode)));
	}

	/**
	 * The monitor's count of questions on a code for the organisation in the first half
	 * of 2021.
	 */
	private int questions(TestData.Organisation organisation, String code) throws Exception {
		MockHttpSession researcher = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.RESEARCHER));
		String body = this.mvc
			.perform(get("/api/v1/monitor").session(researcher)
				.param("from", "2021-01-01")
				.param("to", "2021-06-30")
				.param("organisations", organisation.code()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (JsonNode domain : this.json.readTree(body).get("domains")) {
			if (code.equals(domain.get("code").stringValue())) {
				JsonNode count = domain.get("questions").get("count");
				return (count == null || count.isNull()) ? 0 : count.asInt();
			}
		}
		return 0;
	}

	@Test
	void aCodeTheDomainMayNotCountForIsAFieldErrorInTheUsersLanguageAndNothingIsSaved() throws Exception {
		UUID household = household();
		this.mvc
			.perform(post("/api/v1/households/{id}/help-questions", household).session(this.session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"domain": "SOCIAL", "monitorCode": "FINANCES", "description": "Schulden"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("monitorCode"))
			.andExpect(jsonPath("$.errors[0].message")
				.value(containsString("een vraag over Sociaal functioneren kan alleen meetellen als één van: "
						+ "Sociaal netwerk, Opvoeding, Huiselijke relaties, Overig")));
		this.mvc
			.perform(post("/api/v1/households/{id}/help-questions", household).session(this.session)
				.with(csrf())
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"domain": "SOCIAL", "monitorCode": "NOTHING", "description": "Schulden"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("monitorCode"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Counts in the monitor as")));
		this.mvc.perform(get("/api/v1/households/{id}/help-questions", household).session(this.session))
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void theFormOffersTheCodesOfEachDomainAndComesBackWithWhatWasTyped() throws Exception {
		UUID household = household();
		this.mvc.perform(get("/households/{id}/help-questions", household).session(this.session))
			.andExpect(content().string(containsString("id=\"question-monitor-code\"")))
			.andExpect(content().string(containsString("data-follows=\"question-domain\"")))
			.andExpect(content()
				.string(containsString("<optgroup label=\"Sociaal functioneren\" data-domain=\"SOCIAL\">")))
			.andExpect(content().string(containsString("Sociaal netwerk (standaard)")))
			.andExpect(content().string(not(containsString("data-domain=\"FINANCES\""))));
		this.mvc
			.perform(post("/households/{id}/help-questions", household).session(this.session)
				.with(csrf())
				.param("domain", "FINANCES")
				.param("monitorCode", "SOCIAL.PARENTING")
				.param("description", "Hulp bij de post"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Telt in de monitor als: een vraag over Financiën")))
			.andExpect(content().string(containsString("Hulp bij de post")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		this.mvc
			.perform(post("/households/{id}/help-questions", household).session(this.session)
				.with(csrf())
				.param("domain", "SOCIAL")
				.param("monitorCode", "OTHER")
				.param("description", "Advocaat voor de omgangsregeling"))
			.andExpect(redirectedUrl("/households/" + household + "/help-questions"));
		this.mvc.perform(get("/api/v1/households/{id}/help-questions", household).session(this.session))
			.andExpect(jsonPath("$[0].monitorCode").value("OTHER"));
	}

	@Test
	void anAdministratorGivesADomainSeveralCodesAndThePageShowsThem() throws Exception {
		String code = TestData.unique("MEER_");
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		this.mvc
			.perform(post("/admin/frameworks").session(admin)
				.with(csrf())
				.param("code", code)
				.param("nameNl", "Onze leefgebieden")
				.param("domains",
						"SOCIAAL | Sociaal | Social | SOCIAL.NETWORK, SOCIAL.PARENTING, OTHER\n"
								+ "GELD | Geld | Money | FINANCES"))
			.andExpect(redirectedUrl("/admin/frameworks/" + code));
		Framework.Domain social = this.lifeDomains.framework(code).domain("SOCIAAL").orElseThrow();
		assertThat(social.monitorCode()).isEqualTo("SOCIAL.NETWORK");
		assertThat(social.otherMonitorCodes()).containsExactly("SOCIAL.PARENTING", "OTHER");
		this.mvc.perform(get("/admin/frameworks/{code}", code).session(admin))
			.andExpect(content().string(containsString("of, bij een hulpvraag te kiezen:")))
			.andExpect(content().string(containsString("Opvoeding</span>, <span>Overig (o.a. juridisch)")));
		this.mvc
			.perform(post("/api/v1/frameworks").session(admin)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"code": "%s", "nameNl": "Fout", "domains": [
						  {"code": "A", "labelNl": "A", "monitorCode": "FINANCES", "otherMonitorCodes": ["NIETS"]}]}"""
					.formatted(TestData.unique("FOUT_"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("domains"));
	}

	private UUID household() throws Exception {
		return household(this.session, this.professional.id());
	}

	private UUID household(MockHttpSession worker, UUID contactPerson) throws Exception {
		String document = """
				{"members": [{"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Noor"}],
				 "trajectories": [{"kind": "INTENSIVE", "start": "2020-07-01", "contactPerson": "%s"}]}"""
			.formatted(contactPerson);
		String body = this.mvc
			.perform(post("/api/v1/households").session(worker)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(document))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(this.json.readTree(body).get("id").stringValue());
	}

	private JsonNode question(UUID household, String body) throws Exception {
		return question(household, this.session, body);
	}

	private JsonNode question(UUID household, MockHttpSession worker, String body) throws Exception {
		String answer = this.mvc
			.perform(post("/api/v1/households/{id}/help-questions", household).session(worker)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return this.json.readTree(answer);
	}

}
