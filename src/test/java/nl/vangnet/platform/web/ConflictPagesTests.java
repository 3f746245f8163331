package nl.vangnet.platform.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every page that refuses a change someone else overtook answers 409 with the one
 * conflict box: the fields that differ named in the user's language, codes in words, what
 * the user had and what it is now, and a way to redo; htmx is configured to show such an
 * answer.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConflictPagesTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private ApiClient api;

	@Autowired
	private JsonMapper json;

	private TestData.Organisation organisation;

	private TestData.Person professional;

	private MockHttpSession session;

	private MockHttpSession admin;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation();
		this.professional = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.session = TestData.signIn(this.mvc, this.professional);
		this.admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
	}

	@Test
	void aStaleHouseholdEditAnswers409WithTheChangedFieldsInWordsAndKeepsWhatWasTyped() throws Exception {
		UUID id = household();
		assertThat(perform(edit(id, "Bergpolder", "NO", 0)).getStatus()).isEqualTo(302);

		MockHttpServletResponse stale = perform(edit(id, "Oude Noorden", "YES", 0));
		MockHttpServletResponse english = perform(edit(id, "Oude Noorden", "YES", 0).param("lang", "en"));

		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentAsString()).contains("id=\"conflict\"",
				"Iemand anders heeft dit huishouden intussen gewijzigd", "Wijk</span>: <span>Bergpolder</span>",
				"(uw versie: Oude Noorden)", "Schulden</span>: <span>Nee</span>", "(uw versie: Ja)",
				"name=\"version\" value=\"1\"", "value=\"Oude Noorden\"");
		assertThat(english.getStatus()).isEqualTo(409);
		assertThat(english.getContentAsString()).contains("Someone else has changed this household in the meantime",
				"District</span>: <span>Bergpolder</span>", "Debts</span>: <span>No</span>", "(your version: Yes)");
	}

	@Test
	void aStaleDossierActionAnswers409WithHowTheTrajectoryStandsAndARedoButton() throws Exception {
		UUID id = household();
		UUID trajectory = one("select id from trajectory where household_id = :id", id);
		assertThat(perform(move(id, trajectory, 0, "FLEXIBLE.ACQUAINTANCE")).getStatus()).isEqualTo(302);

		MockHttpServletResponse stale = perform(move(id, trajectory, 0, "FLEXIBLE.ACTIVITIES"));

		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentAsString()).contains("id=\"conflict\"",
				"Intensieve begeleiding</span>: <span>Kennismaking, stressreductie en inventarisatie", "id=\"redo\"",
				"name=\"phase\" value=\"FLEXIBLE.ACTIVITIES\"");
	}

	@Test
	void aStaleHelpQuestionAnswers409WithItsStatusInWordsAndTheTypedRevisionInTheForm() throws Exception {
		UUID id = household();
		assertThat(perform(post("/households/" + id + "/help-questions").param("member", "m1")
			.param("domain", "FINANCES")
			.param("openedOn", TODAY.toString())
			.param("description", "Lege koelkast")).getStatus()).isEqualTo(302);
		String question = getJson("/api/v1/households/" + id + "/help-questions").get(0).get("id").stringValue();
		assertThat(perform(revise(question, "Lege koelkast", "IN_PROGRESS")).getStatus()).isEqualTo(302);

		MockHttpServletResponse stale = perform(revise(question, "Koelkast weer vol", "RESOLVED"));

		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentAsString()).contains("Iemand anders heeft deze vraag intussen gewijzigd",
				"Vraag</span>: <span>Lege koelkast</span>", "(uw versie: Koelkast weer vol)",
				"Stand van zaken</span>: <span>we zijn ermee bezig</span>", "(uw versie: opgelost)",
				">Koelkast weer vol</textarea>", "value=\"RESOLVED\" selected=\"selected\"");
	}

	@Test
	void aStaleGoalAndAStaleActionAnswer409WithWhatDiffers() throws Exception {
		UUID id = household();
		assertThat(perform(post("/households/" + id + "/plan/goals").param("member", "m1")
			.param("domain", "FINANCES")
			.param("description", "Geen schulden meer")).getStatus()).isEqualTo(302);
		String goal = getJson("/api/v1/households/" + id + "/plan").get("goals").get(0).get("id").stringValue();
		assertThat(perform(adjustGoal(goal, "Overzicht over mijn geld", "ACTIVE")).getStatus()).isEqualTo(302);

		MockHttpServletResponse staleGoal = perform(adjustGoal(goal, "Geen schulden meer", "ACHIEVED"));

		assertThat(staleGoal.getStatus()).isEqualTo(409);
		assertThat(staleGoal.getContentAsString()).contains("Iemand anders heeft dit doel intussen gewijzigd",
				"Doel in de woorden van het gezin</span>: <span>Overzicht over mijn geld</span>",
				"Stand van zaken</span>: <span>we werken eraan</span>", "(uw versie: bereikt)",
				"value=\"ACHIEVED\" selected=\"selected\"");

		assertThat(perform(post("/plan/goals/" + goal + "/actions").param("description", "Schuldhulp bellen")
			.param("actor", "MEMBER")).getStatus()).isEqualTo(302);
		String action = getJson("/api/v1/households/" + id + "/plan").get("goals")
			.get(0)
			.get("actions")
			.get(0)
			.get("id")
			.stringValue();
		assertThat(perform(changeAction(action, "DONE")).getStatus()).isEqualTo(302);

		MockHttpServletResponse staleAction = perform(changeAction(action, "NOT_DONE"));

		assertThat(staleAction.getStatus()).isEqualTo(409);
		assertThat(staleAction.getContentAsString()).contains("Iemand anders heeft deze actie intussen gewijzigd",
				"Stand van zaken</span>: <span>klaar</span>", "(uw versie: niet gelukt)",
				"value=\"NOT_DONE\" selected=\"selected\"");

		MockHttpServletResponse staleEvaluation = perform(
				post("/households/" + id + "/plan/evaluations").param("evaluatedOn", "2026-11-30")
					.param("progressed", "Ze belt zelf de schuldhulp")
					.param("needed", "Hulp bij de brieven")
					.param("helped[FINANCES]", "A_BIT")
					.param("goal", goal)
					.param("goalVersion", "0")
					.param("goalText", "Rust in mijn geld"));

		assertThat(staleEvaluation.getStatus()).isEqualTo(409);
		assertThat(staleEvaluation.getContentAsString()).contains("Iemand anders heeft dit doel intussen gewijzigd",
				">Ze belt zelf de schuldhulp</textarea>", ">Hulp bij de brieven</textarea>",
				">Rust in mijn geld</textarea>", "value=\"2026-11-30\"", "value=\"A_BIT\" selected=\"selected\"");
	}

	@Test
	void aStaleObligationAndAStaleDebtAnswer409WithTheirFieldsAndStatusesInWords() throws Exception {
		UUID id = household();
		assertThat(perform(
				post("/households/" + id + "/obligations").param("kind", "LETTER").param("description", "Brief UWV"))
			.getStatus()).isEqualTo(302);
		String obligation = getJson("/api/v1/households/" + id + "/obligations").get(0).get("id").stringValue();
		assertThat(perform(changeObligation(obligation, "DONE")).getStatus()).isEqualTo(302);

		MockHttpServletResponse staleObligation = perform(changeObligation(obligation, "IN_PROGRESS"));

		assertThat(staleObligation.getStatus()).isEqualTo(409);
		assertThat(staleObligation.getContentAsString()).contains("id=\"conflict\"",
				"Iemand anders heeft dit intussen gewijzigd", "Stand</span>: <span>Gedaan</span>",
				"value=\"IN_PROGRESS\" selected=\"selected\"");

		assertThat(perform(post("/households/" + id + "/debts").param("creditor", "Telecom").param("amount", "120"))
			.getStatus()).isEqualTo(302);
		String debt = getJson("/api/v1/households/" + id + "/debts").get("debts").get(0).get("id").stringValue();
		assertThat(perform(changeDebt(debt, "100", "ARRANGEMENT")).getStatus()).isEqualTo(302);

		MockHttpServletResponse staleDebt = perform(changeDebt(debt, "90", "OPEN"));

		assertThat(staleDebt.getStatus()).isEqualTo(409);
		assertThat(staleDebt.getContentAsString()).contains("Bedrag (euro)</span>: <span>100.00</span>",
				"(uw versie: 90)", "Stand</span>: <span>Betalingsregeling</span>", "value=\"90\"");
	}

	@Test
	void aStaleNetworkChangeAnswers409WithTheContactInWordsAndARedoForAMove() throws Exception {
		UUID id = household();
		UUID mother = one("select id from household_member where household_id = :id and position = 0", id);
		String snapshot = this.json
			.readTree(api(post("/api/v1/network/members/" + mother + "/snapshots"), "{}").getContentAsString())
			.get("id")
			.stringValue();
		JsonNode added = this.json.readTree(api(post("/api/v1/network/snapshots/" + snapshot + "/contacts"),
				"{\"version\":0,\"name\":\"Marco\",\"relation\":\"EX_PARTNER\",\"closeness\":\"OUTER\",\"tie\":\"WEAK\"}")
			.getContentAsString());
		String marco = added.get("contacts").get(0).get("id").stringValue();

		MockHttpServletResponse staleAdd = perform(
				post("/network/snapshots/" + snapshot + "/contacts").param("version", "0")
					.param("name", "Oma")
					.param("relation", "FAMILY")
					.param("closeness", "INNER")
					.param("tie", "STRONG"));
		MockHttpServletResponse staleChange = perform(
				post("/network/snapshots/" + snapshot + "/contacts/" + marco).param("version", "0")
					.param("name", "Marco")
					.param("relation", "FRIEND")
					.param("closeness", "OUTER")
					.param("tie", "WEAK"));
		MockHttpServletResponse staleMove = perform(
				post("/network/snapshots/" + snapshot + "/contacts/" + marco + "/closeness").param("version", "0")
					.param("closeness", "INNER"));

		assertThat(staleAdd.getStatus()).isEqualTo(409);
		assertThat(staleAdd.getContentAsString()).contains("Iemand anders heeft deze kaart intussen gewijzigd",
				"Nu op de kaart</span>: <span>Marco</span>", "value=\"Oma\"", "name=\"version\" value=\"1\"");
		assertThat(staleChange.getStatus()).isEqualTo(409);
		assertThat(staleChange.getContentAsString()).contains("Relatie</span>: <span>Ex-partner</span>",
				"(uw versie: Vriend of vriendin)", "name=\"version\" value=\"1\"");
		assertThat(staleMove.getStatus()).isEqualTo(409);
		assertThat(staleMove.getContentAsString()).contains("Cirkel</span>: <span>Buitenste cirkel (verder weg)</span>",
				"(uw versie: Binnenste cirkel (heel dichtbij))", "id=\"redo\"", "name=\"closeness\" value=\"INNER\"");
	}

	@Test
	void aStaleOrganisationEditAnswers409WithItsKindInWords() throws Exception {
		TestData.Organisation other = this.data.organisation();
		String page = this.mvc.perform(get("/admin/organisations/{code}", other.code()).session(this.admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
		assertThat(organisation(other, "Eerste", "INFORMAL", version).getStatus()).isEqualTo(302);

		MockHttpServletResponse stale = organisation(other, "Tweede", "SHELTER", version);

		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentAsString()).contains("Naam</span>: <span>Eerste</span>", "(uw versie: Tweede)",
				"Soort</span>: <span>Informele buurtorganisatie</span>", "(uw versie: Vrouwen- of gezinsopvang)",
				"value=\"Tweede\"");
	}

	@Test
	void htmxSwapsAConflictAnswerButNoOtherError() throws Exception {
		String page = this.mvc.perform(get("/").session(this.session)).andReturn().getResponse().getContentAsString();
		String config = page.replaceAll("(?s).*<meta name=\"htmx-config\" content='([^']*)'.*", "$1")
			.replace("&quot;", "\"");

		JsonNode handling = this.json.readTree(config).get("responseHandling");

		assertThat(firstRuleFor(handling, "409").get("swap").booleanValue()).isTrue();
		assertThat(firstRuleFor(handling, "409").path("error").booleanValue()).isFalse();
		assertThat(firstRuleFor(handling, "500").get("swap").booleanValue()).isFalse();
		assertThat(firstRuleFor(handling, "404").get("swap").booleanValue()).isFalse();
		assertThat(firstRuleFor(handling, "200").get("swap").booleanValue()).isTrue();
		assertThat(firstRuleFor(handling, "204").get("swap").booleanValue()).isFalse();
	}

	/** The first rule whose code (a regular expression, as htmx reads it) matches. */
	private static JsonNode firstRuleFor(JsonNode handling, String status) {
		for (JsonNode rule : handling) {
			if (status.matches(rule.get("code").stringValue())) {
				return rule;
			}
		}
		throw new AssertionError("no rule for " + status);
	}

	// ---- Requests

	private UUID household() throws Exception {
		MockHttpServletResponse created = perform(post("/households").param("members[0].role", "PARENT")
			.param("members[0].givenName", "Fatima")
			.param("members[0].familyName", TestData.unique("Conflict"))
			.param("mainContact", "0")
			.param("composition", "ONE_PARENT")
			.param("debts", "YES")
			.param("district", "Oude Noorden")
			.param("kind", "INTENSIVE")
			.param("start", TODAY.minusDays(10).toString())
			.param("contactPerson", this.professional.id().toString())
			.param("firstPhase", "FLEXIBLE.GETTING_IN_TOUCH"));
		assertThat(created.getStatus()).as("registered").isEqualTo(302);
		return UUID.fromString(created.getRedirectedUrl().substring("/households/".length()));
	}

	private static MockHttpServletRequestBuilder edit(UUID id, String district, String debts, int version) {
		return post("/households/" + id).param("version", String.valueOf(version))
			.param("members[0].ref", "m1")
			.param("members[0].role", "PARENT")
			.param("members[0].givenName", "Fatima")
			.param("mainContact", "0")
			.param("composition", "ONE_PARENT")
			.param("debts", debts)
			.param("district", district);
	}

	private static MockHttpServletRequestBuilder move(UUID id, UUID trajectory, int version, String phase) {
		return post("/households/" + id + "/trajectories/" + trajectory + "/phases")
			.param("version", String.valueOf(version))
			.param("phase", phase)
			.param("on", TODAY.toString());
	}

	private static MockHttpServletRequestBuilder revise(String question, String description, String status) {
		return post("/help-questions/" + question).param("version", "0")
			.param("description", description)
			.param("status", status);
	}

	private static MockHttpServletRequestBuilder adjustGoal(String goal, String description, String status) {
		return post("/plan/goals/" + goal).param("version", "0")
			.param("description", description)
			.param("status", status);
	}

	private static MockHttpServletRequestBuilder changeAction(String action, String status) {
		return post("/plan/actions/" + action).param("version", "0")
			.param("description", "Schuldhulp bellen")
			.param("actor", "MEMBER")
			.param("status", status);
	}

	private static MockHttpServletRequestBuilder changeObligation(String obligation, String status) {
		return post("/obligations/" + obligation).param("version", "0")
			.param("kind", "LETTER")
			.param("description", "Brief UWV")
			.param("status", status);
	}

	private static MockHttpServletRequestBuilder changeDebt(String debt, String amount, String status) {
		return post("/debts/" + debt).param("version", "0")
			.param("creditor", "Telecom")
			.param("amount", amount)
			.param("status", status);
	}

	private MockHttpServletResponse organisation(TestData.Organisation organisation, String name, String kind,
			String version) throws Exception {
		return this.mvc
			.perform(post("/admin/organisations/{code}", organisation.code()).session(this.admin)
				.with(csrf())
				.param("name", name)
				.param("kind", kind)
				.param("version", version))
			.andReturn()
			.getResponse();
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.session(this.session).with(csrf())).andReturn().getResponse();
	}

	private MockHttpServletResponse api(MockHttpServletRequestBuilder request, String body) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(request.session(this.session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isBetween(200, 201);
		return response;
	}

	private JsonNode getJson(String path) throws Exception {
		return this.api.getJson(path, this.session);
	}

	private UUID one(String sql, UUID household) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())),
				(jdbc) -> jdbc.sql(sql).param("id", household).query(UUID.class).single());
	}

}
