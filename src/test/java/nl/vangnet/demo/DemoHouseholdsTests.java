package nl.vangnet.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.household.Family;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The demo loads its households through the households module, each in its own
 * organisation, and shows them to the right people.
 */
@VangnetTest
class DemoHouseholdsTests {

	@Autowired
	private DemoData demo;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private OrganisationApi organisations;

	@Autowired
	private HouseholdApi households;

	@Value("${vangnet.demo-password}")
	private String password;

	@Value("${vangnet.monitor.min-cell-size}")
	private int minCellSize;

	@Test
	void theDemoHasFamiliesOnCaseloadsAndKeepsTheShelterFamilysAddressConfidential() throws Exception {
		this.demo.run(new DefaultApplicationArguments("--demo"));
		this.demo.run(new DefaultApplicationArguments("--demo"));

		MockHttpSession fatima = TestData.signIn(this.mvc, "fatima@dehaven.example", this.password);
		MockHttpSession anneke = TestData.signIn(this.mvc, "anneke@dehaven.example", this.password);
		MockHttpSession ruud = TestData.signIn(this.mvc, "ruud@samensterk.example", this.password);

		String caseload = page("/caseload", fatima);
		assertThat(caseload).contains("Samira El Amrani", "Planning").doesNotContain("Havenkade");
		assertThat(page("/caseload", anneke)).contains("Samira El Amrani");
		assertThat(page("/households?status=ALL", ruud))
			.contains("Anna de Groot", "Fatma Yıldız", "Jessica Pinas", "Stabiliseren")
			.doesNotContain("Samira El Amrani");
		String households = page("/api/v1/households?size=100", fatima);
		assertThat(households).contains("Priya Ramdin").doesNotContain("Havenkade", "Anna de Groot");
	}

	@Test
	void theShelterFamilyHasQuestionsAPlanContactsAndANetworkAndTheWorklistsAndTheMonitorShowSomething()
			throws Exception {
		this.demo.run(new DefaultApplicationArguments("--demo"));
		MockHttpSession fatima = TestData.signIn(this.mvc, "fatima@dehaven.example", this.password);
		String household = householdId("Samira El Amrani", fatima);

		JsonNode questions = this.api.getJson("/api/v1/households/" + household + "/help-questions", fatima);
		assertThat(questions.size()).isGreaterThanOrEqualTo(5);
		assertThat(questions.findValues("acute").stream().filter(JsonNode::asBoolean)).hasSize(1);
		JsonNode plan = this.api.getJson("/api/v1/households/" + household + "/plan", fatima);
		assertThat(plan.get("goals").size()).isGreaterThanOrEqualTo(2);
		assertThat(plan.get("goals").findValues("actions").stream().mapToInt(JsonNode::size).sum())
			.isGreaterThanOrEqualTo(3);
		assertThat(plan.get("evaluations").size()).isEqualTo(1);
		JsonNode contacts = this.api.getJson("/api/v1/households/" + household + "/contacts", fatima);
		assertThat(contacts.size()).isGreaterThanOrEqualTo(3);
		JsonNode rhythms = this.api.getJson("/api/v1/households/" + household + "/rhythms", fatima);
		assertThat(rhythms.findValuesAsString("rhythm")).contains("WEEKLY");
		JsonNode time = this.api.getJson("/api/v1/households/" + household + "/time-summary", fatima);
		assertThat(time.toString()).contains("ARRANGING");

		UUID mother = motherOf(UUID.fromString(household));
		JsonNode snapshots = this.api.getJson("/api/v1/network/members/" + mother + "/snapshots", fatima);
		assertThat(snapshots.size()).isEqualTo(2);
		String latest = snapshots.get(1).get("id").asString();
		JsonNode snapshot = this.api.getJson("/api/v1/network/snapshots/" + latest, fatima);
		assertThat(snapshot.get("contacts").size()).isEqualTo(5);
		assertThat(snapshot.get("contacts").findValues("danger").stream().filter(JsonNode::asBoolean)).hasSize(1);

		JsonNode worklist = this.api.getJson("/api/v1/worklist", fatima).get("items");
		assertThat(worklist.findValuesAsString("householdId")).contains(household);
		MockHttpSession joost = TestData.signIn(this.mvc, "joost@dehaven.example", this.password);
		JsonNode aftercare = this.api.getJson("/api/v1/worklist", joost).get("items");
		assertThat(aftercare.size()).isEqualTo(1);
		assertThat(aftercare.get(0).get("aftercare").asBoolean()).isTrue();
		assertThat(aftercare.get(0).get("daysOverdue").asLong()).isPositive();
		assertThat(this.api
			.getJson("/api/v1/worklist", TestData.signIn(this.mvc, "sanne@samensterk.example", this.password))
			.findValuesAsString("name")).contains("Anna de Groot", "Jessica Pinas");

		MockHttpSession lotte = TestData.signIn(this.mvc, "lotte@wijkteamoost.example", this.password);
		LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
		JsonNode monitor = this.api.getJson("/api/v1/monitor?from=" + today.minusYears(1).plusDays(1) + "&to=" + today
				+ "&organisations=VOH,SST,SYN", lotte);
		assertThat(monitor.get("population").get("count").asLong()).isGreaterThanOrEqualTo(this.minCellSize);
		assertThat(monitor.get("population").has("suppressed")).isFalse();
	}

	@Test
	void theDemoPagesShowTheFamiliesStories() throws Exception {
		this.demo.run(new DefaultApplicationArguments("--demo"));
		MockHttpSession fatima = TestData.signIn(this.mvc, "fatima@dehaven.example", this.password);
		String household = householdId("Samira El Amrani", fatima);
		assertThat(html("/households/" + household, fatima)).contains("Samira El Amrani");
		assertThat(html("/households/" + household + "/plan", fatima)).contains("een eigen huis");
		assertThat(html("/households/" + household + "/help-questions", fatima)).contains("contactverbod");
		assertThat(html("/households/" + household + "/progress", fatima)).contains("Samira El Amrani");
		assertThat(html("/households/" + household + "/obligations", fatima)).contains("urgentie");
		assertThat(html("/network/members/" + motherOf(UUID.fromString(household)), fatima))
			.contains("Karim (ex-partner)", "Anneke (maatje)");
		assertThat(html("/worklist", TestData.signIn(this.mvc, "joost@dehaven.example", this.password)))
			.contains("Priya Ramdin");
		// Safety (issue 14): the contact ban on Karim ends soon, and Joost is the
		// meldcode
		// officer.
		assertThat(html("/households/" + household + "/safety", fatima)).contains("Contactverbod", "Karim (ex-partner)",
				"Intiem terrorisme");
		assertThat(html("/worklist", fatima)).contains("1 verbod loopt af");
		assertThat(html("/households/" + household + "/meldcode-cases", fatima)).contains("Meldcodezaak openen");
		MockHttpSession sanne = TestData.signIn(this.mvc, "sanne@samensterk.example", this.password);
		String anna = householdId("Anna de Groot", sanne);
		assertThat(html("/households/" + anna + "/debts", sanne)).contains("Maasoever");
		assertThat(html("/monitor", TestData.signIn(this.mvc, "lotte@wijkteamoost.example", this.password)))
			.contains("SYN");
	}

	private String html(String path, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private String householdId(String name, MockHttpSession session) throws Exception {
		for (JsonNode item : this.api.getJson("/api/v1/households?size=100", session).get("items")) {
			if (name.equals(item.get("name").asString())) {
				return item.get("id").asString();
			}
		}
		throw new AssertionError("No household " + name);
	}

	private UUID motherOf(UUID household) {
		UUID shelter = this.organisations.byCode("VOH").map(OrganisationSummary::id).orElseThrow();
		Family family = TenantScope.callAs(TenantScope.Scope.system(Set.of(shelter)),
				() -> this.households.family(nl.vangnet.household.HouseholdId.of(household)));
		return family.members().stream().filter((m) -> "m1".equals(m.ref())).findFirst().orElseThrow().id();
	}

	private String page(String path, MockHttpSession session) throws Exception {
		return this.mvc.perform(get(path).session(session)).andReturn().getResponse().getContentAsString();
	}

}
