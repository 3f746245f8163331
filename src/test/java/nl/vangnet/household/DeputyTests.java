package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Deputy contact persons (waarnemers, issue 15, item 7): while the contact person is away
 * the deputy sees the family on their worklist and caseload, on the first and the last
 * day of the cover and not outside it; case workers arrange it for one family, a
 * coordinator for every family of an absent worker; the rules give field errors.
 */
@VangnetTest
class DeputyTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	private TestData.Person fatima;

	private TestData.Person joost;

	private MockHttpSession fatimaSession;

	private MockHttpSession joostSession;

	private MockHttpSession coordinator;

	private TestData.Organisation organisation;

	@BeforeEach
	void team() throws Exception {
		this.organisation = this.data.organisation();
		this.fatima = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.joost = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.fatimaSession = TestData.signIn(this.mvc, this.fatima);
		this.joostSession = TestData.signIn(this.mvc, this.joost);
		this.coordinator = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.COORDINATOR));
	}

	@Test
	void theDeputySeesTheFamilyOnTheirWorklistAndCaseloadOnlyWhileCovering() throws Exception {
		LocalDate today = TestData.today();
		String household = overdueFamily(this.fatimaSession, this.fatima);
		String trajectory = trajectory(household, this.fatimaSession);
		assertThat(worklist(this.joostSession)).doesNotContain(household);

		// Arranged by the contact person herself, from today (the first day counts).
		MockHttpServletResponse added = this.api.send(post("/api/v1/households/" + household + "/deputies"),
				body(trajectory, this.joost, today, today.plusDays(13)), this.fatimaSession);

		assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
		JsonNode deputy = this.api.read(added);
		assertThat(deputy.get("deputy").stringValue()).isEqualTo("Test professional");
		assertThat(deputy.get("absentId").stringValue()).isEqualTo(this.fatima.id().toString());
		assertThat(deputy.get("current").booleanValue()).isTrue();
		JsonNode items = this.api.getJson("/api/v1/worklist", this.joostSession).get("items");
		assertThat(items.findValuesAsString("householdId")).contains(household);
		assertThat(items.get(0).get("coveringUntil").stringValue()).isEqualTo(today.plusDays(13).toString());
		assertThat(this.mvc.perform(get("/worklist").session(this.joostSession))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("u neemt waar t/m");
		assertThat(this.mvc.perform(get("/caseload").session(this.joostSession))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("/households/" + household);
		assertThat(worklist(this.fatimaSession)).as("she stays the contact person").contains(household);
		assertThat(this.api.getJson("/api/v1/households/" + household, this.fatimaSession)
			.get("trajectories")
			.get(0)
			.get("contactPerson")
			.stringValue()).isEqualTo(this.fatima.id().toString());

		// Taken away again: off his list.
		assertThat(this.api
			.send(delete("/api/v1/households/" + household + "/deputies/" + deputy.get("id").stringValue()), "",
					this.fatimaSession)
			.getStatus()).isEqualTo(204);
		assertThat(worklist(this.joostSession)).doesNotContain(household);

		// Starting tomorrow: not yet.
		this.api.send(post("/api/v1/households/" + household + "/deputies"),
				body(trajectory, this.joost, today.plusDays(1), today.plusDays(5)), this.coordinator);
		assertThat(worklist(this.joostSession)).doesNotContain(household);
		assertThat(this.mvc.perform(get("/caseload").session(this.joostSession))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("/households/" + household);
		// The last day counts.
		String other = overdueFamily(this.fatimaSession, this.fatima);
		this.api.send(post("/api/v1/households/" + other + "/deputies"),
				body(trajectory(other, this.fatimaSession), this.joost, today.minusDays(3), today), this.coordinator);
		assertThat(worklist(this.joostSession)).contains(other);
		assertThat(this.api.getJson("/api/v1/households/" + household + "/deputies", this.coordinator)).hasSize(1);
	}

	@Test
	void theRulesGiveFieldErrorsAndVolunteersArrangeNoCover() throws Exception {
		LocalDate today = TestData.today();
		String household = overdueFamily(this.fatimaSession, this.fatima);
		String trajectory = trajectory(household, this.fatimaSession);
		TestData.Person volunteer = this.data.person(this.organisation, Role.VOLUNTEER);

		assertThat(field(body(trajectory, this.fatima, today, today.plusDays(3)))).isEqualTo("deputy");
		assertThat(field(body(trajectory, volunteer, today, today.plusDays(3)))).isEqualTo("deputy");
		assertThat(field(body(trajectory, null, today, today.plusDays(3)))).isEqualTo("deputy");
		assertThat(field(body(trajectory, this.joost, today, today.minusDays(1)))).isEqualTo("until");
		assertThat(field(body(trajectory, this.joost, today.plusDays(5), today.plusDays(2)))).isEqualTo("until");
		assertThat(field(body(trajectory, this.joost, today, today.plusDays(400)))).isEqualTo("until");
		assertThat(field(body(trajectory, this.joost, today.plusDays(800), today.plusDays(801)))).isEqualTo("from");
		assertThat(field(body(trajectory, this.joost, null, null))).isEqualTo("from");
		this.api.send(post("/api/v1/households/" + household + "/deputies"),
				body(trajectory, this.joost, today, today.plusDays(10)), this.coordinator);
		MockHttpServletResponse overlap = this.api.send(post("/api/v1/households/" + household + "/deputies"),
				body(trajectory, this.joost, today.plusDays(10), today.plusDays(12)), this.coordinator);
		assertThat(overlap.getStatus()).isEqualTo(400);
		assertThat(overlap.getContentAsString()).contains("al een waarnemer");

		// A volunteer arranges no cover.
		assertThat(this.api
			.send(post("/api/v1/households/" + household + "/deputies"),
					body(trajectory, this.joost, today.plusDays(20), today.plusDays(22)),
					TestData.signIn(this.mvc, volunteer))
			.getStatus()).isEqualTo(403);
		assertThat(this.api
			.send(post("/api/v1/households/" + household + "/deputies"),
					body(java.util.UUID.randomUUID().toString(), this.joost, today, today), this.coordinator)
			.getStatus()).isEqualTo(404);
		TestData.Organisation elsewhere = this.data.organisation();
		MockHttpSession stranger = TestData.signIn(this.mvc, this.data.person(elsewhere, Role.COORDINATOR));
		assertThat(this.api.status(get("/api/v1/households/" + household + "/deputies"), stranger)).isEqualTo(404);
	}

	@Test
	void aCoordinatorArrangesOneDeputyForEveryFamilyOfAnAbsentWorker() throws Exception {
		LocalDate today = TestData.today();
		String first = overdueFamily(this.fatimaSession, this.fatima);
		String second = overdueFamily(this.fatimaSession, this.fatima);
		String joosts = overdueFamily(this.joostSession, this.joost);

		MockHttpServletResponse covered = this.api.send(post("/api/v1/workload/" + this.fatima.id() + "/deputy"),
				this.json.createObjectNode()
					.put("deputy", this.joost.id().toString())
					.put("from", today.toString())
					.put("until", today.plusDays(6).toString()),
				this.coordinator);
		assertThat(covered.getStatus()).as(covered.getContentAsString()).isEqualTo(200);
		assertThat(this.api.read(covered).get("households").valueStream().map(JsonNode::stringValue).toList())
			.containsExactlyInAnyOrder(first, second);
		assertThat(worklist(this.joostSession)).contains(first, second, joosts);

		// From the workload page: already covered, nobody new; a bad period comes back at
		// the form.
		MockHttpServletResponse again = this.mvc
			.perform(post("/team/workload/" + this.fatima.id() + "/deputy").session(this.coordinator)
				.with(csrf())
				.param("deputy", this.joost.id().toString())
				.param("from", today.toString())
				.param("until", today.plusDays(6).toString()))
			.andReturn()
			.getResponse();
		assertThat(again.getStatus()).isEqualTo(302);
		assertThat(this.mvc
			.perform(get("/team/workload").session(this.coordinator).flashAttrs(java.util.Map.of("covered", 0)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Geen gezin kreeg een waarnemer");
		MockHttpServletResponse refused = this.mvc
			.perform(post("/team/workload/" + this.fatima.id() + "/deputy").session(this.coordinator)
				.with(csrf())
				.param("deputy", this.joost.id().toString())
				.param("from", today.plusDays(9).toString())
				.param("until", today.plusDays(8).toString()))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("Fout:")
			.contains("href=\"#absence-until-" + this.fatima.id() + "\"")
			.contains("kies een dag op of na de eerste dag")
			.contains("value=\"" + today.plusDays(9) + "\"");
		assertThat(this.api
			.send(post("/api/v1/workload/" + this.fatima.id() + "/deputy"),
					this.json.createObjectNode().put("deputy", this.joost.id().toString()), this.joostSession)
			.getStatus()).isEqualTo(403);
	}

	@Test
	void theDossierShowsTheDeputyAndKeepsWhatWasTypedWhenTheFormIsRefused() throws Exception {
		LocalDate today = TestData.today();
		String household = overdueFamily(this.fatimaSession, this.fatima);
		String trajectory = trajectory(household, this.fatimaSession);

		long updatesBefore = updates(household);
		MockHttpServletResponse refused = this.mvc
			.perform(post("/households/" + household + "/trajectories/" + trajectory + "/deputies")
				.session(this.fatimaSession)
				.with(csrf())
				.param("deputy", this.joost.id().toString())
				.param("from", today.toString())
				.param("until", today.minusDays(2).toString()))
			.andReturn()
			.getResponse();
		MockHttpServletResponse saved = this.mvc
			.perform(post("/households/" + household + "/trajectories/" + trajectory + "/deputies")
				.session(this.fatimaSession)
				.with(csrf())
				.param("deputy", this.joost.id().toString())
				.param("from", today.toString())
				.param("until", today.plusDays(4).toString()))
			.andReturn()
			.getResponse();
		long updatesAfter = updates(household);
		String dossier = this.mvc.perform(get("/households/" + household).session(this.fatimaSession))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String joostsView = this.mvc.perform(get("/households/" + household).session(this.joostSession))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("Fout:")
			.contains("href=\"#deputy-until-0\"")
			.contains("Tot en met: die dag is al voorbij.")
			.contains("value=\"" + today.minusDays(2) + "\"");
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(dossier).contains("Waarnemer").contains("Test professional").contains("Weghalen");
		assertThat(joostsView).as("the deputy sees who covers").contains("Test professional").contains("t/m");
		assertThat(updatesAfter - updatesBefore).as("one trail row for the one saved change, none for the refused")
			.isEqualTo(1);
	}

	private long updates(String household) {
		return this.data.inScope(
				nl.vangnet.platform.tenancy.TenantScope.Scope.system(java.util.Set.of(this.organisation.id())),
				(sql) -> sql.sql("""
						select count(*) from access_trail where organisation_id = :org and actor_id = :actor
						  and subject_id = :household and action = 'UPDATE' and outcome = 'SUCCESS'""")
					.param("org", this.organisation.id())
					.param("actor", this.fatima.id())
					.param("household", java.util.UUID.fromString(household))
					.query(Long.class)
					.single());
	}

	private String field(ObjectNode body) throws Exception {
		MockHttpServletResponse response = this.api.send(post("/api/v1/households/" + this.lastHousehold + "/deputies"),
				body, this.coordinator);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
		return this.api.read(response).get("errors").get(0).get("field").stringValue();
	}

	private String lastHousehold;

	private ObjectNode body(String trajectory, TestData.Person deputy, LocalDate from, LocalDate until) {
		ObjectNode body = this.json.createObjectNode().put("trajectory", trajectory);
		body.put("deputy", (deputy != null) ? deputy.id().toString() : null);
		body.put("from", (from != null) ? from.toString() : null);
		body.put("until", (until != null) ? until.toString() : null);
		return body;
	}

	private List<String> worklist(MockHttpSession session) throws Exception {
		return this.api.getJson("/api/v1/worklist", session).get("items").findValuesAsString("householdId");
	}

	private String trajectory(String household, MockHttpSession session) throws Exception {
		return this.api.getJson("/api/v1/households/" + household + "/rhythms", session)
			.get(0)
			.get("trajectoryId")
			.stringValue();
	}

	/** A family of the contact person with a weekly rhythm and no contact for 20 days. */
	private String overdueFamily(MockHttpSession session, TestData.Person contactPerson) throws Exception {
		LocalDate today = TestData.today();
		String text = """
				{ "format": "vangnet-household/1", "composition": "ONE_PARENT",
				  "members": [ { "ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Noor", "familyName": "%s" } ],
				  "trajectories": [ { "kind": "INTENSIVE", "start": "%s", "end": null, "closingReason": null,
				    "contactPerson": "%s" } ] }
				"""
			.formatted(TestData.unique("Fam"), today.minusDays(200), contactPerson.id());
		MockHttpServletResponse response = this.api.send(post("/api/v1/households"), this.json.readTree(text), session);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		String household = this.json.readTree(response.getContentAsString()).get("id").stringValue();
		this.api.send(
				put("/api/v1/households/" + household + "/trajectories/" + trajectory(household, session) + "/rhythm"),
				this.json.createObjectNode().put("rhythm", "WEEKLY"), session);
		MockHttpServletResponse reached = this.api.send(post("/api/v1/households/" + household + "/contacts"),
				this.json.createObjectNode()
					.put("occurredAt", today.minusDays(20).atTime(10, 0).toString() + ":00")
					.put("channel", "HOME_VISIT")
					.put("reached", true)
					.put("sensitive", false),
				session);
		assertThat(reached.getStatus()).as(reached.getContentAsString()).isEqualTo(201);
		this.lastHousehold = household;
		return household;
	}

}
