package nl.vangnet.safety;

import java.time.LocalDate;
import java.util.Set;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.account.AccountApi;
import nl.vangnet.account.NewAccount;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Issue 14, item 4 on real PostgreSQL: the meldcode's five steps in order, the Kindcheck
 * in step 1 for an adult, the five questions each with a reason, the decision with its
 * follow-up date on the worklist, and who sees a case: its author, the meldcode officers
 * and coordinators, nobody else; the officer is set by the administrator.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeldcodeTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private ApiClient api;

	@Autowired
	private AccountApi accounts;

	private TestData.Organisation shelter;

	private TestData.Person author;

	private MockHttpSession worker;

	private MockHttpSession colleague;

	private MockHttpSession coordinator;

	private MockHttpSession officer;

	private MockHttpSession administrator;

	private TestData.Person officerPerson;

	@BeforeAll
	void signIn() throws Exception {
		this.shelter = this.data.organisation(OrganisationKind.SHELTER);
		this.author = this.data.person(this.shelter, Role.PROFESSIONAL);
		this.worker = TestData.signIn(this.mvc, this.author);
		this.colleague = TestData.signIn(this.mvc, this.data.person(this.shelter, Role.PROFESSIONAL));
		this.coordinator = TestData.signIn(this.mvc, this.data.person(this.shelter, Role.COORDINATOR));
		this.administrator = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		this.officerPerson = this.data.person(this.shelter, Role.PROFESSIONAL);
		JsonNode designated = this.api
			.read(this.api.send(put("/api/v1/users/" + this.officerPerson.id() + "/meldcode-officer"),
					"{\"meldcodeOfficer\":true}", this.administrator, 200));
		assertThat(designated.get("meldcodeOfficer").asBoolean()).isTrue();
		this.officer = TestData.signIn(this.mvc, this.officerPerson);
	}

	@Test
	void onlyCoordinatorsAndProfessionalsCanBeMeldcodeOfficersAndTheUsersListSaysWho() throws Exception {
		TestData.Person buddy = this.data.person(this.shelter, Role.VOLUNTEER);
		MockHttpServletResponse refused = this.api.send(put("/api/v1/users/" + buddy.id() + "/meldcode-officer"),
				"{\"meldcodeOfficer\":true}", this.administrator);
		assertThat(refused.getStatus()).isEqualTo(400);
		JsonNode users = this.api.getJson("/api/v1/users?organisation=" + this.shelter.code(), this.administrator);
		int officers = 0;
		for (JsonNode user : users) {
			if (user.get("meldcodeOfficer").asBoolean()) {
				officers++;
				assertThat(user.get("id").stringValue()).isEqualTo(this.officerPerson.id().toString());
			}
		}
		assertThat(officers).isEqualTo(1);
		String email = TestData.unique("o").toLowerCase() + "@test.example";
		this.accounts.open(new NewAccount(email, "Nieuwe aandachtsfunctionaris", this.shelter.code(), Role.COORDINATOR,
				TestData.PASSWORD, null, true));
		assertThat(this.accounts.meldcodeOfficers(this.shelter.id()).stream().map((s) -> s.displayName()))
			.contains("Nieuwe aandachtsfunctionaris");
	}

	@Test
	void theFiveStepsInOrderEndInADecisionWithItsFollowUpOnTheWorklist() throws Exception {
		SafetyFamily family = SafetyFamily.register(this.api, this.data, this.author, this.worker);
		JsonNode opened = this.api
			.read(this.api.send(post("/api/v1/households/" + family.household() + "/meldcode-cases"),
					"{\"member\":\"m1\",\"concern\":\"Yara is bang voor haar vader\"}", this.worker, 201));
		String steps = "/api/v1/meldcode-cases/" + opened.get("id").stringValue() + "/steps";
		MockHttpServletResponse early = this.api.send(post(steps).header("Accept-Language", "nl"),
				"{\"step\":3,\"conversation\":\"Gesprek\"}", this.worker);
		assertThat(early.getStatus()).isEqualTo(400);
		assertThat(this.api.read(early).get("errors").get(0).get("message").stringValue()).contains("eerst stap 1")
			.contains("Signalen");
		MockHttpServletResponse noKindcheck = this.api.send(post(steps), "{\"step\":1,\"facts\":\"Blauwe plek\"}",
				this.worker);
		assertThat(this.api.read(noKindcheck).get("errors").get(0).get("field").stringValue())
			.isEqualTo("kindcheckMinors");
		this.api.send(post(steps), """
				{"step":1,"facts":"Blauwe plek op de arm van Yara","interpretations":"Mogelijk geslagen",
				 "kindcheckMinors":"YES","kindcheckSafe":"NO"}""", this.worker, 201);
		this.api.send(post(steps), """
				{"step":2,"consulted":"MELDCODE_OFFICER","officer":"%s","safeHomeAdvice":true,"safeHomeAnonymous":true,
				 "advice":"Gesprek voeren, dan wegen"}""".formatted(this.officerPerson.id()), this.worker, 201);
		this.api.send(post(steps), "{\"step\":3,\"conversation\":\"Samira vertelt over de omgang\"}", this.worker, 201);
		MockHttpServletResponse open = this.api.send(post(steps).header("Accept-Language", "en"), """
				{"step":4,"answers":[{"question":1,"answer":"YES","reason":"Blauwe plek"},
				  {"question":2,"answer":"YES"},{"question":3,"answer":"NO","reason":"Te zwaar voor ons"}]}""",
				this.worker);
		assertThat(open.getStatus()).isEqualTo(400);
		assertThat(this.api.read(open).get("errors").get(0).get("message").stringValue())
			.contains("still open: question 2, 4, 5");
		MockHttpServletResponse decisionTooSoon = this.api.send(post(steps),
				"{\"step\":5,\"decision\":\"REPORT\",\"followUpOn\":\"" + TestData.today().plusDays(3) + "\"}",
				this.worker);
		assertThat(this.api.read(decisionTooSoon).get("errors").get(0).get("message").stringValue()).contains("stap 4");
		this.api.send(post(steps),
				"""
						{"step":4,"answers":[{"question":1,"answer":"YES","reason":"Blauwe plek"},
						  {"question":2,"answer":"YES","reason":"Structureel"},{"question":3,"answer":"NO","reason":"Te zwaar"},
						  {"question":4,"answer":"NO","reason":"Vader weigert"},{"question":5,"answer":"NO","reason":"Niet te verwachten"}]}""",
				this.worker, 201);
		JsonNode decided = this.api.read(this.api.send(post(steps),
				"{\"step\":5,\"decision\":\"REPORT\",\"followUpOn\":\"" + TestData.today().plusDays(3) + "\"}",
				this.worker, 201));
		assertThat(decided.get("decision").stringValue()).isEqualTo("REPORT");
		assertThat(decided.get("nextStep").isNull()).isTrue();
		assertThat(decided.get("steps")).hasSize(5);
		assertThat(decided.get("steps").get(1).get("content").get("consultedName").stringValue())
			.isEqualTo("Test professional");
		boolean onWorklist = false;
		for (JsonNode item : this.api.getJson("/api/v1/worklist", this.worker).get("items")) {
			if (item.get("householdId").stringValue().equals(family.household())) {
				onWorklist = item.get("safety")
					.get("meldcodeFollowUp")
					.stringValue()
					.equals(TestData.today().plusDays(3).toString());
			}
		}
		assertThat(onWorklist).isTrue();
		MockHttpServletResponse pdf = this.mvc
			.perform(get("/meldcode-cases/" + opened.get("id").stringValue() + "/summary.pdf").session(this.worker))
			.andReturn()
			.getResponse();
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
	}

	@Test
	void onlyTheAuthorOfficersAndCoordinatorsSeeACaseAndEveryViewIsTrailed() throws Exception {
		SafetyFamily family = SafetyFamily.register(this.api, this.data, this.author, this.worker);
		String list = "/api/v1/households/" + family.household() + "/meldcode-cases";
		String id = this.api
			.read(this.api.send(post(list), "{\"member\":\"m2\",\"concern\":\"Zorg om Yara\"}", this.worker, 201))
			.get("id")
			.stringValue();
		assertThat(this.api.getJson(list, this.worker)).hasSize(1);
		assertThat(this.api.getJson(list, this.officer)).hasSize(1);
		assertThat(this.api.getJson(list, this.coordinator)).hasSize(1);
		assertThat(this.api.getJson(list, this.colleague)).as("a colleague gets 200 and nothing").isEmpty();
		assertThat(this.api.status(get("/api/v1/meldcode-cases/" + id), this.colleague)).isEqualTo(403);
		assertThat(this.api.status(get("/meldcode-cases/" + id), this.colleague)).isEqualTo(403);
		int views = this.data.inScope(TenantScope.Scope.system(Set.of(this.shelter.id())),
				(sql) -> sql.sql("select count(*) from access_trail where subject_id = :id and action = 'VIEW'")
					.param("id", java.util.UUID.fromString(id))
					.query(Integer.class)
					.single());
		this.api.getJson("/api/v1/meldcode-cases/" + id, this.officer);
		int after = this.data.inScope(TenantScope.Scope.system(Set.of(this.shelter.id())),
				(sql) -> sql.sql("select count(*) from access_trail where subject_id = :id and action = 'VIEW'")
					.param("id", java.util.UUID.fromString(id))
					.query(Integer.class)
					.single());
		assertThat(after - views).isEqualTo(1);
		int denied = this.data.inScope(TenantScope.Scope.system(Set.of(this.shelter.id())),
				(sql) -> sql
					.sql("select count(*) from access_trail where outcome = 'DENIED' and subject_detail like :p")
					.param("p", "%/meldcode-cases/" + id + "%")
					.query(Integer.class)
					.single());
		assertThat(denied).as("the colleague's refusals are recorded").isGreaterThanOrEqualTo(2);
	}

}
