package nl.vangnet.plan;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Help questions, the plan and scores through the API and the household document, on real
 * PostgreSQL through every security filter; the family's copy read back as a family would
 * read it.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApiTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	private TestData.Organisation organisation;

	private TestData.Person professional;

	private TestData.Person volunteer;

	private MockHttpSession professionalSession;

	private MockHttpSession volunteerSession;

	private MockHttpSession otherVolunteerSession;

	private MockHttpSession researcherSession;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation();
		this.professional = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.volunteer = this.data.person(this.organisation, Role.VOLUNTEER);
		this.professionalSession = TestData.signIn(this.mvc, this.professional);
		this.volunteerSession = TestData.signIn(this.mvc, this.volunteer);
		this.otherVolunteerSession = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.VOLUNTEER));
		this.researcherSession = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.RESEARCHER));
	}

	@Test
	void theDocumentsHelpQuestionsScoresAndExperienceComeBackAsTheyWereSent() throws Exception {
		String id = household();
		ObjectNode document = (ObjectNode) this.api.getJson("/api/v1/households/" + id, this.professionalSession);
		JsonNode sections = this.json.readTree(
				"""
						{
						  "helpQuestions": [
						    { "member": "m1", "domain": "FINANCES", "opened": "2020-07-01", "acute": true, "status": "OPEN",
						      "description": "Huurachterstand, dreigende ontruiming" },
						    { "domain": "SOCIAL.PARENTING", "opened": "2020-07-01", "status": "IN_PROGRESS",
						      "description": "Ruzie over bedtijden" },
						    { "member": "m2", "domain": "PARTICIPATION.CHILD_DAYTIME", "opened": "2020-08-15", "closed": "2021-01-10",
						      "acute": false, "status": "RESOLVED", "description": "Zwemles" }
						  ],
						  "progressScores": [
						    { "domain": "FINANCES", "date": "2020-07-01", "score": 2 },
						    { "domain": "HOUSING", "date": "2020-07-01", "score": null },
						    { "domain": "FINANCES", "date": "2021-06-15", "score": 4 }
						  ],
						  "experience": [ { "date": "2021-06-15", "domain": "FINANCES", "helped": "YES" },
						                  { "date": "2021-06-15", "domain": "SOCIAL.PARENTING", "helped": "A_BIT" } ]
						}""");
		sections.propertyNames().forEach((name) -> document.set(name, sections.get(name)));

		MockHttpServletResponse replaced = this.api.send(put("/api/v1/households/" + id), document,
				this.professionalSession);

		assertThat(replaced.getStatus()).as(replaced.getContentAsString()).isEqualTo(200);
		JsonNode read = this.api.getJson("/api/v1/households/" + id, this.professionalSession);
		ObjectNode expected = document.deepCopy();
		expected.put("version", read.get("version").intValue());
		assertThat(read).isEqualTo(expected);
		List<String> stored = inOrganisation((sql) -> sql
			.sql("select framework_code || ' ' || domain_code || ' ' || monitor_code from help_question"
					+ " where household_id = :h order by opened_on, monitor_code")
			.param("h", UUID.fromString(id))
			.query(String.class)
			.list());
		assertThat(stored).containsExactly("MONITOR FINANCES FINANCES", "MONITOR SOCIAL.PARENTING SOCIAL.PARENTING",
				"MONITOR PARTICIPATION.CHILD_DAYTIME PARTICIPATION.CHILD_DAYTIME");
	}

	@Test
	void aQuestionKeepsItsIdentityAndHistoryWhenADocumentChangesIt() throws Exception {
		String id = household();
		ObjectNode document = (ObjectNode) this.api.getJson("/api/v1/households/" + id, this.professionalSession);
		document.set("helpQuestions", this.json.readTree("""
				[{ "member": "m1", "domain": "HOUSING", "opened": "2021-02-01", "acute": true, "status": "OPEN",
				   "description": "Geen dak boven het hoofd" }]"""));
		JsonNode first = this.json
			.readTree(this.api.send(put("/api/v1/households/" + id), document, this.professionalSession)
				.getContentAsString());
		String questionId = this.api.getJson("/api/v1/households/" + id + "/help-questions", this.professionalSession)
			.get(0)
			.get("id")
			.stringValue();

		ObjectNode again = (ObjectNode) first.deepCopy();
		((ObjectNode) again.get("helpQuestions").get(0)).put("status", "RESOLVED").put("closed", "2021-05-01");
		assertThat(this.api.send(put("/api/v1/households/" + id), again, this.professionalSession).getStatus())
			.isEqualTo(200);

		JsonNode question = this.api.getJson("/api/v1/help-questions/" + questionId, this.professionalSession);
		assertThat(question.get("status").stringValue()).isEqualTo("RESOLVED");
		assertThat(question.get("history").findValuesAsString("field")).containsExactly("status", "closedOn", "status");
		assertThat(question.get("history").get(2).get("after").stringValue()).isEqualTo("RESOLVED");
	}

	@Test
	void aStaleVersionIsAConflictAndAWrongFieldIsNamedInTheCallersLanguage() throws Exception {
		String id = household();
		JsonNode recorded = this.json
			.readTree(this.api.send(post("/api/v1/households/" + id + "/help-questions"), this.json.readTree("""
					{"member":"m1","domain":"FINANCES","openedOn":"2021-03-01","acute":true,
					 "description":"Lege koelkast"}"""), this.professionalSession).getContentAsString());
		String questionId = recorded.get("id").stringValue();
		assertThat(recorded.get("monitorCode").stringValue()).isEqualTo("FINANCES");
		JsonNode revision = this.json
			.readTree("{\"version\":0,\"description\":\"Lege koelkast\",\"acute\":true,\"status\":\"IN_PROGRESS\"}");

		assertThat(this.api.send(put("/api/v1/help-questions/" + questionId), revision, this.professionalSession)
			.getStatus()).isEqualTo(200);
		MockHttpServletResponse stale = this.api.send(put("/api/v1/help-questions/" + questionId), revision,
				this.professionalSession);
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);

		MockHttpServletResponse wrong = this.mvc
			.perform(post("/api/v1/households/" + id + "/help-questions").session(this.professionalSession)
				.with(csrf())
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"member\":\"m9\",\"domain\":\"FINANCES\",\"description\":\"x\"}"))
			.andReturn()
			.getResponse();
		assertThat(wrong.getStatus()).isEqualTo(400);
		JsonNode errors = this.json.readTree(wrong.getContentAsString()).get("errors");
		assertThat(errors.get(0).get("field").stringValue()).isEqualTo("member");
		assertThat(errors.get(0).get("message").stringValue())
			.isEqualTo("For whom: m9 is not a member of this family.");
		MockHttpServletResponse badScore = this.api.send(post("/api/v1/households/" + id + "/scores"),
				this.json.readTree("""
						{"scoredOn":"2021-03-01","scores":[{"domain":"FINANCES","rater":"WORKER","score":7}]}"""),
				this.professionalSession);
		assertThat(this.json.readTree(badScore.getContentAsString()).get("errors").get(0).get("field").stringValue())
			.isEqualTo("scores[0].score");
	}

	@Test
	void scoresKeepNotApplicableOutOfTheMeanAndTheSelfRatingBesideTheWorkers() throws Exception {
		String id = household();
		this.api.send(post("/api/v1/households/" + id + "/scores"), this.json.readTree("""
				{"scoredOn":"2021-01-04","scores":[
				  {"domain":"FINANCES","rater":"WORKER","score":2},{"domain":"FINANCES","rater":"CLIENT","score":2},
				  {"domain":"HOUSING","rater":"WORKER","score":null},{"domain":"SOCIAL","rater":"WORKER","score":3},
				  {"domain":"SOCIAL","rater":"CLIENT","score":1}]}"""), this.professionalSession);

		JsonNode moments = this.api.getJson("/api/v1/households/" + id + "/scores", this.professionalSession)
			.get("moments");

		assertThat(moments.get(0).get("mean").doubleValue()).isEqualTo(2.5);
		JsonNode scores = moments.get(0).get("scores");
		assertThat(scores.findValuesAsString("domain")).containsExactly("FINANCES", "HOUSING", "SOCIAL");
		assertThat(scores.get(0).get("clientScored").booleanValue()).as("same as the worker").isFalse();
		assertThat(scores.get(1).get("workerScored").booleanValue()).isTrue();
		assertThat(scores.get(1).get("worker").isNull()).as("n.v.t.").isTrue();
		assertThat(scores.get(2).get("client").intValue()).isEqualTo(1);
		JsonNode document = this.api.getJson("/api/v1/households/" + id, this.professionalSession);
		assertThat(document.get("progressScores").toString()).isEqualTo(
				"[{\"domain\":\"FINANCES\",\"date\":\"2021-01-04\",\"score\":2},{\"domain\":\"HOUSING\",\"date\":\"2021-01-04\",\"score\":null},"
						+ "{\"domain\":\"SOCIAL\",\"date\":\"2021-01-04\",\"score\":3}]");
	}

	@Test
	void theFamilysCopyHasTheGoalsAndActionsButNeverTheInternalNote() throws Exception {
		String id = household();
		JsonNode goal = plan(id);
		this.api.send(post("/api/v1/households/" + id + "/notes"),
				this.json.readTree("{\"text\":\"Vertrouwelijk: ex-partner belt nog steeds\"}"),
				this.professionalSession);

		String dutch = pdfText("/households/" + id + "/plan/family-copy.pdf");
		String english = pdfText("/households/" + id + "/plan/family-copy.pdf?lang=en");

		assertThat(dutch).contains("Ons plan")
			.contains("Over een jaar heb ik geen schulden meer")
			.contains("Samen met Kees de brieven sorteren")
			.contains("Dit doet een vrijwilliger")
			.doesNotContain("Vertrouwelijk")
			.doesNotContain("ex-partner");
		assertThat(english).contains("Our plan").contains("A volunteer does this").doesNotContain("ex-partner");
		assertThat(goal.get("actions")).hasSize(1);
		List<String> trail = inOrganisation((sql) -> sql
			.sql("select action from access_trail where subject_type = 'HOUSEHOLD' and subject_id = :id order by id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.list());
		assertThat(trail).contains("EXPORT");
	}

	@Test
	void aVolunteerSeesOnlyTheVolunteersActionsOfTheirOwnFamiliesAndAResearcherNothing() throws Exception {
		String id = household();
		plan(id);
		JsonNode other = this.json.readTree(
				this.api
					.send(post("/api/v1/households/" + id + "/goals"),
							this.json.readTree("{\"description\":\"Yara gaat op zwemles\",\"member\":\"m2\"}"),
							this.professionalSession)
					.getContentAsString());
		this.api.send(post("/api/v1/goals/" + other.get("id").stringValue() + "/actions"),
				this.json.readTree("{\"description\":\"Aanmelden bij het zwembad\",\"actor\":\"MEMBER\"}"),
				this.professionalSession);
		this.api.send(post("/api/v1/households/" + id + "/notes"), this.json.readTree("{\"text\":\"Alleen voor ons\"}"),
				this.professionalSession);

		JsonNode seen = this.api.getJson("/api/v1/households/" + id + "/plan", this.volunteerSession);

		assertThat(seen.get("restricted").booleanValue()).isTrue();
		assertThat(seen.get("goals")).hasSize(1);
		assertThat(seen.get("goals").get(0).get("actions").findValuesAsString("actor")).containsExactly("VOLUNTEER");
		assertThat(seen.get("notes")).isEmpty();
		assertThat(this.api.getJson("/api/v1/households/" + id + "/plan", this.professionalSession).get("goals"))
			.hasSize(2);
		assertThat(this.api.status(get("/api/v1/households/" + id + "/help-questions"), this.volunteerSession))
			.isEqualTo(403);
		assertThat(this.api.status(get("/api/v1/households/" + id + "/plan"), this.otherVolunteerSession))
			.isEqualTo(404);
		assertThat(this.api.status(get("/api/v1/households/" + id + "/plan"), this.researcherSession)).isEqualTo(403);
	}

	@Test
	void anEvaluationKeepsTheAdjustedGoalsWordsAndTheFamilysExperience() throws Exception {
		String id = household();
		JsonNode goal = plan(id);
		JsonNode evaluation = this.json.readTree(this.api
			.send(post("/api/v1/households/" + id + "/evaluations"),
					this.json.readTree(
							"""
									{"evaluatedOn":"2021-06-15","progressed":"De brieven zijn gesorteerd","needed":"Een budgetcoach",
									 "experiences":[{"domain":"FINANCES","helped":"YES"}],
									 "goals":[{"goal":"%s","version":0,"description":"Over een jaar heb ik overzicht over mijn geld"}]}"""
								.formatted(goal.get("id").stringValue())),
					this.professionalSession)
			.getContentAsString());

		assertThat(evaluation.get("experiences").get(0).get("helped").stringValue()).isEqualTo("YES");
		JsonNode adjusted = this.api.getJson("/api/v1/households/" + id + "/plan", this.professionalSession)
			.get("goals")
			.get(0);
		assertThat(adjusted.get("description").stringValue())
			.isEqualTo("Over een jaar heb ik overzicht over mijn geld");
		assertThat(adjusted.get("revisions").get(0).get("previousText").stringValue())
			.isEqualTo("Over een jaar heb ik geen schulden meer");
		assertThat(adjusted.get("revisions").get(0).get("atEvaluation").booleanValue()).isTrue();
		JsonNode document = this.api.getJson("/api/v1/households/" + id, this.professionalSession);
		assertThat(document.get("experience").toString())
			.isEqualTo("[{\"date\":\"2021-06-15\",\"domain\":\"FINANCES\",\"helped\":\"YES\"}]");
		MockHttpServletResponse stale = this.api.send(put("/api/v1/goals/" + goal.get("id").stringValue()),
				this.json.readTree("{\"version\":0,\"description\":\"Iets anders\",\"status\":\"ACTIVE\"}"),
				this.professionalSession);
		assertThat(stale.getStatus()).isEqualTo(409);
	}

	/** A goal with one action by a volunteer; returns the goal as the API gives it. */
	private JsonNode plan(String id) throws Exception {
		MockHttpServletResponse created = this.api.send(post("/api/v1/households/" + id + "/goals"), this.json.readTree(
				"{\"description\":\"Over een jaar heb ik geen schulden meer\",\"member\":\"m1\",\"domain\":\"FINANCES\"}"),
				this.professionalSession);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String goalId = this.json.readTree(created.getContentAsString()).get("id").stringValue();
		MockHttpServletResponse action = this.api.send(post("/api/v1/goals/" + goalId + "/actions"),
				this.json.readTree("""
						{"description":"Samen met Kees de brieven sorteren","actor":"VOLUNTEER","actorName":"Kees",
						 "dueOn":"2021-09-01"}"""), this.professionalSession);
		assertThat(action.getStatus()).as(action.getContentAsString()).isEqualTo(201);
		return this.api.getJson("/api/v1/households/" + id + "/plan", this.professionalSession).get("goals").get(0);
	}

	private String household() throws Exception {
		JsonNode document = this.json.readTree(
				"""
						{"members": [
						   {"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Samira", "familyName": "El Amrani"},
						   {"ref": "m2", "role": "CHILD", "givenName": "Yara", "birthDate": "2016-09-12"}],
						 "trajectories": [{"kind": "INTENSIVE", "start": "2020-07-01", "contactPerson": "%s",
						   "involvedStaff": ["%s"]}]}"""
					.formatted(this.professional.id(), this.volunteer.id()));
		MockHttpServletResponse created = this.api.send(post("/api/v1/households"), document, this.professionalSession);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return this.json.readTree(created.getContentAsString()).get("id").stringValue();
	}

	private String pdfText(String path) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).session(this.professionalSession))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
		try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
			return new PDFTextStripper().getText(pdf);
		}
	}

	private <T> T inOrganisation(java.util.function.Function<org.springframework.jdbc.core.simple.JdbcClient, T> work) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())), work);
	}

}
