package nl.vangnet.cooperation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * Partners, consent and referral (vangnet-referral/1) through the API on real PostgreSQL:
 * the story of the issue, the database's policies on the shared rows, both trails, and
 * the bad input the contract names.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CooperationApiTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private ApiClient api;

	@Autowired
	private JsonMapper json;

	private TestData.Organisation shelter;

	private TestData.Organisation team;

	private TestData.Organisation third;

	private TestData.Person shelterWorker;

	private MockHttpSession worker;

	private MockHttpSession shelterCoordinator;

	private MockHttpSession teamCoordinator;

	private MockHttpSession thirdCoordinator;

	private MockHttpSession teamProfessional;

	@BeforeAll
	void signIn() throws Exception {
		this.shelter = this.data.organisation(OrganisationKind.SHELTER);
		this.team = this.data.organisation(OrganisationKind.MUNICIPAL_TEAM);
		this.third = this.data.organisation();
		this.shelterWorker = this.data.person(this.shelter, Role.PROFESSIONAL);
		this.worker = TestData.signIn(this.mvc, this.shelterWorker);
		this.shelterCoordinator = TestData.signIn(this.mvc, this.data.person(this.shelter, Role.COORDINATOR));
		this.teamCoordinator = TestData.signIn(this.mvc, this.data.person(this.team, Role.COORDINATOR));
		this.teamProfessional = TestData.signIn(this.mvc, this.data.person(this.team, Role.PROFESSIONAL));
		this.thirdCoordinator = TestData.signIn(this.mvc, this.data.person(this.third, Role.COORDINATOR));
	}

	// ---- Partners

	@Test
	void coordinatorsKeepThePartnersAndEveryoneOnStaffFindsThemByDomainDistrictAndWord() throws Exception {
		String name = TestData.unique("Kredietbank ");
		MockHttpServletResponse added = send(post("/api/v1/partners"), """
				{"name": "%s", "kind": "DEBT_HELP", "domains": ["FINANCES"], "districts": ["Noord", "Oost"],
				 "phone": "010 123 45 67", "howToRefer": "Aanmelden via het wijkteam", "languages": ["nl", "en"]}"""
			.formatted(name), this.teamCoordinator);
		assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
		JsonNode partner = this.json.readTree(added.getContentAsString());
		assertThat(partner.get("version").intValue()).isZero();
		assertThat(partner.get("organisation").isNull()).isTrue();

		String word = name.substring(name.length() - 6).toLowerCase();
		assertThat(getJson("/api/v1/partners?domain=FINANCES&district=Noord&q=" + word, this.teamProfessional)
			.findValuesAsString("name")).containsExactly(name);
		assertThat(getJson("/api/v1/partners?domain=HEALTH&q=" + word, this.teamProfessional)).isEmpty();
		assertThat(getJson("/api/v1/partners?district=West&q=" + word, this.worker)).isEmpty();
		assertThat(send(post("/api/v1/partners"), "{\"name\": \"X\", \"kind\": \"FUND\"}", this.teamProfessional)
			.getStatus()).isEqualTo(403);

		String id = partner.get("id").stringValue();
		String change = """
				{"name": "%s", "kind": "DEBT_HELP", "domains": ["FINANCES"], "version": %d}""";
		assertThat(send(put("/api/v1/partners/" + id), change.formatted(name, 0), this.teamCoordinator).getStatus())
			.isEqualTo(200);
		MockHttpServletResponse stale = send(put("/api/v1/partners/" + id), change.formatted(name, 0),
				this.shelterCoordinator);
		assertThat(stale.getStatus()).isEqualTo(409);
		MockHttpServletResponse invalid = send(post("/api/v1/partners"),
				"{\"kind\": \"NOPE\", \"domains\": [\"MONEY\"], \"languages\": [\"Dutch\"]}", this.teamCoordinator);
		assertThat(invalid.getStatus()).isEqualTo(400);
		assertThat(this.json.readTree(invalid.getContentAsString()).get("errors").findValuesAsString("field"))
			.contains("name", "kind", "domains[0]", "languages[0]");
	}

	// ---- Consent and referral: the story

	@Test
	void theTeamSeesExactlyTheConsentedSectionsUntilTheMotherWithdrawsHerConsent() throws Exception {
		String household = household();
		String consent = consent(household, """
				{"member": "m1", "recipient": {"organisation": "%s"},
				 "sections": ["SUMMARY", "HELP_QUESTIONS", "PLAN", "NETWORK", "PAPERS"], "domains": ["FINANCES"],
				 "purpose": "Hulp bij schulden", "form": "WRITTEN", "givenOn": "%s", "validUntil": "%s"}"""
			.formatted(this.team.code(), TestData.today(), TestData.today().plusMonths(6)));
		MockHttpServletResponse sent = send(post("/api/v1/households/" + household + "/referrals"), """
				{"format": "vangnet-referral/1", "consent": "%s", "to": {"organisation": "%s"}, "domain": "FINANCES",
				 "reason": "Schulden, dreigende afsluiting"}""".formatted(consent, this.team.code()), this.worker);
		assertThat(sent.getStatus()).as(sent.getContentAsString()).isEqualTo(201);
		JsonNode referral = this.json.readTree(sent.getContentAsString());
		assertThat(referral.get("status").stringValue()).isEqualTo("SENT");
		assertThat(referral.get("from").stringValue()).isEqualTo(this.shelter.code());
		assertThat(referral.get("to").get("organisation").stringValue()).isEqualTo(this.team.code());
		String id = referral.get("id").stringValue();

		assertThat(getJson("/api/v1/referrals?direction=incoming&status=SENT", this.teamCoordinator)
			.findValuesAsString("id")).contains(id);
		assertThat(getJson("/api/v1/referrals?direction=incoming", this.thirdCoordinator).findValuesAsString("id"))
			.doesNotContain(id);
		assertThat(this.mvc.perform(get("/api/v1/referrals/" + id).session(this.thirdCoordinator))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);

		JsonNode read = getJson("/api/v1/referrals/" + id, this.teamCoordinator);
		JsonNode shared = read.get("shared");
		assertThat(read.get("consentState").stringValue()).isEqualTo("ACTIVE");
		assertThat(shared.get("summary").get("members").findValuesAsString("givenName")).containsExactly("Samira",
				"Yara", "Amal");
		assertThat(shared.get("helpQuestions").findValuesAsString("domain")).containsExactly("FINANCES");
		assertThat(shared.get("plan").get("goals")).hasSize(1);
		assertThat(shared.get("plan").get("goals").get(0).get("description").stringValue())
			.isEqualTo("Schulden op een rij");
		assertThat(shared.get("plan").get("goals").get(0).get("actions").findValuesAsString("description"))
			.containsExactly("Aanmelden bij de Kredietbank");
		assertThat(shared.toString()).doesNotContain("Interne notitie").doesNotContain("Ex-partner");
		assertThat(shared.get("network").get(0).get("contacts").findValuesAsString("name"))
			.containsExactly("Zus Nadia");
		assertThat(shared.get("papers").get("debts").findValuesAsString("creditor")).containsExactly("Energiebedrijf");
		List<String> ownerTrail = inScope(this.shelter,
				(sql) -> sql.sql("""
						select actor_role || ' ' || subject_detail from access_trail
						where organisation_id = :org and subject_id = :h and action = 'VIEW_SHARED'""")
					.param("org", this.shelter.id())
					.param("h", UUID.fromString(household))
					.query(String.class)
					.list());
		assertThat(ownerTrail).singleElement()
			.asString()
			.startsWith("COORDINATOR reader organisation " + this.team.code());
		assertThat((Integer) inScope(this.team,
				(sql) -> sql
					.sql("select count(*) from access_trail where organisation_id = :org and subject_id = :r"
							+ " and action = 'VIEW_SHARED'")
					.param("org", this.team.id())
					.param("r", UUID.fromString(id))
					.query(Integer.class)
					.single()))
			.isEqualTo(1);

		JsonNode contacted = this.json.readTree(send(post("/api/v1/referrals/" + id + "/events"),
				"{\"status\": \"FIRST_CONTACT\", \"note\": \"Samen koffie gedronken\"}", this.teamCoordinator)
			.getContentAsString());
		assertThat(contacted.get("status").stringValue()).isEqualTo("FIRST_CONTACT");
		MockHttpServletResponse accepted = send(post("/api/v1/referrals/" + id + "/events"),
				"{\"status\": \"ACCEPTED\"}", this.teamCoordinator);
		assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(200);
		String own = this.json.readTree(accepted.getContentAsString()).get("household").stringValue();
		JsonNode registered = getJson("/api/v1/households/" + own, this.teamCoordinator);
		assertThat(registered.get("members").findValuesAsString("givenName")).containsExactly("Samira", "Yara", "Amal");

		JsonNode feedback = getJson("/api/v1/referrals/" + id, this.worker);
		assertThat(feedback.get("status").stringValue()).isEqualTo("ACCEPTED");
		assertThat(feedback.get("events").findValuesAsString("status")).containsExactly("SENT", "FIRST_CONTACT",
				"ACCEPTED");
		assertThat(feedback.has("shared")).isFalse();

		MockHttpServletResponse withdrawn = send(post("/api/v1/consents/" + consent + "/withdrawal"),
				"{\"on\": \"%s\", \"reason\": \"Wil het zelf regelen\"}".formatted(TestData.today()), this.worker);
		assertThat(withdrawn.getStatus()).as(withdrawn.getContentAsString()).isEqualTo(200);
		assertThat(this.json.readTree(withdrawn.getContentAsString()).get("state").stringValue())
			.isEqualTo("WITHDRAWN");
		JsonNode after = getJson("/api/v1/referrals/" + id, this.teamCoordinator);
		assertThat(after.get("shared").isNull()).isTrue();
		assertThat(after.get("consentState").stringValue()).isEqualTo("WITHDRAWN");
		assertThat(getJson("/api/v1/households/" + own, this.teamCoordinator).get("members")
			.findValuesAsString("givenName")).containsExactly("Samira", "Yara", "Amal");
	}

	@Test
	void theDatabaseShowsTheReceiverOnlyTheConsentedRowsAndOnlyWhileItReadsTheReferral() throws Exception {
		String household = household();
		String consent = consent(household,
				"""
						{"member": "m1", "recipient": {"organisation": "%s"}, "sections": ["HELP_QUESTIONS"],
						 "domains": ["FINANCES"], "purpose": "Schulden", "form": "VERBAL", "givenOn": "%s", "validUntil": "%s"}"""
					.formatted(this.team.code(), TestData.today(), TestData.today().plusMonths(1)));
		String id = refer(household, consent, "FINANCES");
		UUID h = UUID.fromString(household);
		String count = "select (select count(*) from help_question where household_id = :h) || ' '"
				+ " || (select count(*) from household where id = :h) || ' ' || (select count(*) from plan_goal where household_id = :h)"
				+ " || ' ' || (select count(*) from plan_note where household_id = :h) || ' ' || (select count(*) from debt where household_id = :h)";
		Function<JdbcClient, String> sharedCount = (sql) -> {
			// As SharedSections does: the application's day, not the database server's.
			sql.sql("select set_config('vangnet.referral', :r, true), set_config('vangnet.today', :t, true)")
				.param("r", id)
				.param("t", TestData.today().toString())
				.query()
				.listOfRows();
			return sql.sql(count).param("h", h).query(String.class).single();
		};
		assertThat((String) inScope(this.team, sharedCount)).isEqualTo("1 0 0 0 0");
		assertThat((String) inScope(this.team, (sql) -> sql.sql(count).param("h", h).query(String.class).single()))
			.isEqualTo("0 0 0 0 0");
		assertThat((String) inScope(this.third, sharedCount)).isEqualTo("0 0 0 0 0");
		assertThat(send(post("/api/v1/consents/" + consent + "/withdrawal"), "{}", this.worker).getStatus())
			.isEqualTo(200);
		assertThat((String) inScope(this.team, sharedCount)).isEqualTo("0 0 0 0 0");
		assertThat((String) inScope(this.shelter, (sql) -> sql.sql(count).param("h", h).query(String.class).single()))
			.isEqualTo("2 1 2 1 1");
	}

	// ---- Bad input

	@Test
	void aReferralWithoutACoveringConsentIsRefusedNamingTheConsentAndNothingIsStored() throws Exception {
		String household = household();
		String otherTeamConsent = consent(household, """
				{"member": "m1", "recipient": {"organisation": "%s"}, "sections": ["SUMMARY"], "domains": ["HOUSING"],
				 "purpose": "Wonen", "form": "VERBAL", "givenOn": "%s", "validUntil": "%s"}"""
			.formatted(this.third.code(), TestData.today(), TestData.today().plusMonths(1)));
		String housingConsent = consent(household, """
				{"member": "m1", "recipient": {"organisation": "%s"}, "sections": ["SUMMARY"], "domains": ["HOUSING"],
				 "purpose": "Wonen", "form": "VERBAL", "givenOn": "%s", "validUntil": "%s"}"""
			.formatted(this.team.code(), TestData.today(), TestData.today().plusMonths(1)));
		for (String consent : new String[] { null, otherTeamConsent, housingConsent, UUID.randomUUID().toString() }) {
			MockHttpServletResponse refused = send(post("/api/v1/households/" + household + "/referrals"), """
					{"consent": %s, "to": {"organisation": "%s"}, "domain": "FINANCES", "reason": "Schulden"}"""
				.formatted((consent != null) ? "\"" + consent + "\"" : "null", this.team.code()), this.worker);
			assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(422);
			assertThat(this.json.readTree(refused.getContentAsString()).get("errors").findValuesAsString("field"))
				.containsExactly("consent");
		}
		assertThat((Integer) inScope(this.shelter,
				(sql) -> sql.sql("select count(*) from referral where household_id = :h")
					.param("h", UUID.fromString(household))
					.query(Integer.class)
					.single()))
			.isZero();
	}

	@Test
	void aChildsConsentNamesTheParentWhoGaveItUnlessSheIsSixteen() throws Exception {
		String household = household();
		String child = """
				{"member": "%s", %s "recipient": {"organisation": "%s"}, "sections": ["SUMMARY"], "purpose": "School",
				 "form": "WRITTEN", "givenOn": "%s", "validUntil": "%s"}""";
		String today = TestData.today().toString();
		String later = TestData.today().plusMonths(1).toString();
		MockHttpServletResponse withoutParent = send(post("/api/v1/households/" + household + "/consents"),
				child.formatted("m2", "", this.team.code(), today, later), this.worker);
		assertThat(withoutParent.getStatus()).isEqualTo(400);
		assertThat(this.json.readTree(withoutParent.getContentAsString()).get("errors").findValuesAsString("field"))
			.containsExactly("onBehalfOf");
		MockHttpServletResponse childForChild = send(post("/api/v1/households/" + household + "/consents"),
				child.formatted("m2", "\"onBehalfOf\": \"m3\",", this.team.code(), today, later), this.worker);
		assertThat(this.json.readTree(childForChild.getContentAsString()).get("errors").findValuesAsString("field"))
			.containsExactly("onBehalfOf");
		MockHttpServletResponse byParent = send(post("/api/v1/households/" + household + "/consents"),
				child.formatted("m2", "\"onBehalfOf\": \"m1\",", this.team.code(), today, later), this.worker);
		assertThat(byParent.getStatus()).as(byParent.getContentAsString()).isEqualTo(201);
		assertThat(this.json.readTree(byParent.getContentAsString()).get("onBehalfOf").stringValue()).isEqualTo("m1");
		MockHttpServletResponse sixteen = send(post("/api/v1/households/" + household + "/consents"),
				child.formatted("m3", "", this.team.code(), today, later), this.worker);
		assertThat(sixteen.getStatus()).as(sixteen.getContentAsString()).isEqualTo(201);
		MockHttpServletResponse everything = send(post("/api/v1/households/" + household + "/consents"),
				"{\"member\": \"m9\", \"sections\": [\"SAFETY\"], \"form\": \"SIGNED\", \"givenOn\": \"%s\"}"
					.formatted(TestData.today().plusDays(2)),
				this.worker);
		assertThat(this.json.readTree(everything.getContentAsString()).get("errors").findValuesAsString("field"))
			.contains("member", "recipient", "sections[0]", "purpose", "form", "givenOn", "validUntil");
		assertThat(getJson("/api/v1/households/" + household + "/consents", this.worker)).hasSize(2);
	}

	@Test
	void eachSideRecordsOnlyItsOwnStatusesInOrder() throws Exception {
		String household = household();
		String consent = consent(household, """
				{"member": "m1", "recipient": {"organisation": "%s"}, "sections": ["SUMMARY"],
				 "purpose": "Schulden", "form": "VERBAL", "givenOn": "%s", "validUntil": "%s"}"""
			.formatted(this.team.code(), TestData.today(), TestData.today().plusMonths(1)));
		String id = refer(household, consent, "FINANCES");
		String events = "/api/v1/referrals/" + id + "/events";
		assertField(send(post(events), "{\"status\": \"ACCEPTED\"}", this.worker), 422, "status");
		assertField(send(post(events), "{\"status\": \"INTRODUCED\"}", this.teamCoordinator), 422, "status");
		assertField(send(post(events), "{\"status\": \"SENT\"}", this.worker), 422, "status");
		assertThat(
				send(post(events), "{\"status\": \"INTRODUCED\", \"note\": \"Samen gegaan\"}", this.worker).getStatus())
			.isEqualTo(200);
		assertField(send(post(events), "{\"status\": \"INTRODUCED\"}", this.worker), 422, "status");
		assertField(send(post(events), "{\"status\": \"DECLINED\"}", this.teamCoordinator), 400, "reason");
		assertThat(send(post(events), "{\"status\": \"DECLINED\", \"reason\": \"Buiten ons gebied\"}",
				this.teamCoordinator)
			.getStatus()).isEqualTo(200);
		assertField(send(post(events), "{\"status\": \"CLOSED\"}", this.worker), 422, "status");
		assertField(send(post(events), "{\"status\": \"MAYBE\"}", this.worker), 400, "status");
		JsonNode read = getJson("/api/v1/referrals/" + id, this.worker);
		assertThat(read.get("events").findValuesAsString("status")).containsExactly("SENT", "INTRODUCED", "DECLINED");
		assertThat(read.get("events").get(2).get("reason").stringValue()).isEqualTo("Buiten ons gebied");
		assertThat(getJson("/api/v1/referrals/" + id, this.teamCoordinator).get("shared").isNull()).isTrue();
	}

	// ---- A partner acts in the plan; a referral comes from a help question or plan
	// action

	@Test
	void aPartnerOfTheMapActsInAPlanActionAndTheReferralFromThatActionIsPreFilledAndLinked() throws Exception {
		String name = TestData.unique("Schuldhulp ");
		MockHttpServletResponse added = send(post("/api/v1/partners"), """
				{"name": "%s", "kind": "DEBT_HELP", "domains": ["FINANCES"], "phone": "010 999 88 77"}"""
			.formatted(name), this.shelterCoordinator);
		assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
		String partner = this.json.readTree(added.getContentAsString()).get("id").stringValue();
		String household = household();
		String goal = this.json
			.readTree(send(post("/api/v1/households/" + household + "/goals"),
					"{\"description\": \"Rust in de post\", \"domain\": \"FINANCES\"}", this.worker)
				.getContentAsString())
			.get("id")
			.stringValue();
		assertField(send(post("/api/v1/goals/" + goal + "/actions"), """
				{"description": "Bellen", "actor": "MEMBER", "partner": "%s"}""".formatted(partner), this.worker), 400,
				"partner");
		assertField(send(post("/api/v1/goals/" + goal + "/actions"), """
				{"description": "Bellen", "actor": "PARTNER", "partner": "%s"}""".formatted(UUID.randomUUID()),
				this.worker), 400, "partner");
		MockHttpServletResponse planned = send(post("/api/v1/goals/" + goal + "/actions"), """
				{"description": "Intake bij de schuldhulp", "actor": "PARTNER", "partner": "%s"}""".formatted(partner),
				this.worker);
		assertThat(planned.getStatus()).as(planned.getContentAsString()).isEqualTo(201);
		JsonNode action = this.json.readTree(planned.getContentAsString());
		assertThat(action.get("partner").stringValue()).isEqualTo(partner);
		assertThat(action.get("partnerName").stringValue()).isEqualTo(name);
		String actionId = action.get("id").stringValue();
		JsonNode plan = getJson("/api/v1/households/" + household + "/plan", this.worker);
		assertThat(plan.findValues("partnerName").stream().filter((v) -> !v.isNull()).map(JsonNode::stringValue))
			.containsExactly(name);

		MockHttpServletResponse changed = send(put("/api/v1/actions/" + actionId), """
				{"version": 0, "description": "Intake bij de schuldhulp", "actor": "PARTNER", "partner": null,
				 "actorName": "Buurtwerk", "status": "PLANNED"}""", this.worker);
		assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
		assertThat(this.json.readTree(changed.getContentAsString()).get("partner").isNull()).isTrue();
		MockHttpServletResponse back = send(put("/api/v1/actions/" + actionId), """
				{"version": 1, "description": "Intake bij de schuldhulp", "actor": "PARTNER", "partner": "%s",
				 "status": "IN_PROGRESS"}""".formatted(partner), this.worker);
		assertThat(back.getStatus()).as(back.getContentAsString()).isEqualTo(200);
		MockHttpServletResponse stale = send(put("/api/v1/actions/" + actionId), """
				{"version": 1, "description": "Intake bij de schuldhulp", "actor": "PARTNER", "status": "DONE"}""",
				this.worker);
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentAsString()).contains("\"partner\"").contains(name);

		String copy = html("/households/" + household + "/plan/family-copy", this.worker);
		assertThat(copy).contains(name).contains("010 999 88 77");
		String page = html("/households/" + household + "/plan", this.worker);
		assertThat(page).contains(name).contains("/households/" + household + "/referrals/new?planAction=" + actionId);
		assertThat(html("/households/" + household + "/help-questions", this.worker))
			.contains("/households/" + household + "/referrals/new?helpQuestion=");

		String form = html("/households/" + household + "/referrals/new?planAction=" + actionId, this.worker);
		assertThat(form).contains("Intake bij de schuldhulp")
			.containsPattern("value=\"partner:" + partner + "\"\\s+selected")
			.containsPattern("value=\"FINANCES\"\\s+selected")
			.contains("name=\"planAction\" value=\"" + actionId + "\"");

		String consent = consent(household, """
				{"member": "m1", "recipient": {"partner": "%s"}, "sections": ["SUMMARY"], "purpose": "Schulden",
				 "form": "VERBAL", "givenOn": "%s", "validUntil": "%s"}""".formatted(partner, TestData.today(),
				TestData.today().plusMonths(3)));
		MockHttpServletResponse sent = send(post("/api/v1/households/" + household + "/referrals"), """
				{"consent": "%s", "to": {"partner": "%s"}, "planAction": "%s", "reason": "Schulden"}"""
			.formatted(consent, partner, actionId), this.worker);
		assertThat(sent.getStatus()).as(sent.getContentAsString()).isEqualTo(201);
		JsonNode referral = this.json.readTree(sent.getContentAsString());
		assertThat(referral.get("domain").stringValue()).isEqualTo("FINANCES");
		assertThat(referral.get("planAction").stringValue()).isEqualTo(actionId);
		assertThat(html("/referrals/" + referral.get("id").stringValue(), this.worker))
			.contains("Vanuit de actie in het plan")
			.contains("Intake bij de schuldhulp");

		String question = getJson("/api/v1/households/" + household + "/help-questions", this.worker).get(0)
			.get("id")
			.stringValue();
		String otherHousehold = household();
		assertField(send(post("/api/v1/households/" + otherHousehold + "/referrals"), """
				{"consent": "%s", "to": {"partner": "%s"}, "helpQuestion": "%s", "reason": "Schulden"}"""
			.formatted(consent, partner, question), this.worker), 400, "helpQuestion");
		assertField(send(post("/api/v1/households/" + household + "/referrals"), """
				{"consent": "%s", "to": {"partner": "%s"}, "helpQuestion": "%s", "planAction": "%s", "reason": "x"}"""
			.formatted(consent, partner, question, actionId), this.worker), 400, "planAction");
		MockHttpServletResponse fromQuestion = send(post("/api/v1/households/" + household + "/referrals"), """
				{"consent": "%s", "to": {"partner": "%s"}, "helpQuestion": "%s", "reason": "Huur"}""".formatted(consent,
				partner, question), this.worker);
		assertThat(fromQuestion.getStatus()).as(fromQuestion.getContentAsString()).isEqualTo(201);
		assertThat(this.json.readTree(fromQuestion.getContentAsString()).get("helpQuestion").stringValue())
			.isEqualTo(question);
	}

	private String html(String path, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	// ---- Helpers

	private void assertField(MockHttpServletResponse response, int status, String field) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		assertThat(this.json.readTree(response.getContentAsString()).get("errors").findValuesAsString("field"))
			.containsExactly(field);
	}

	private String refer(String household, String consent, String domain) throws Exception {
		MockHttpServletResponse sent = send(post("/api/v1/households/" + household + "/referrals"), """
				{"consent": "%s", "to": {"organisation": "%s"}, "domain": "%s", "reason": "Schulden"}"""
			.formatted(consent, this.team.code(), domain), this.worker);
		assertThat(sent.getStatus()).as(sent.getContentAsString()).isEqualTo(201);
		return this.json.readTree(sent.getContentAsString()).get("id").stringValue();
	}

	private String consent(String household, String body) throws Exception {
		MockHttpServletResponse given = send(post("/api/v1/households/" + household + "/consents"), body, this.worker);
		assertThat(given.getStatus()).as(given.getContentAsString()).isEqualTo(201);
		return this.json.readTree(given.getContentAsString()).get("id").stringValue();
	}

	/**
	 * Samira with Yara (9) and Amal (17), help questions on finances and parenting, goals
	 * on finances and health, an internal note, a debt, and a network with a danger.
	 */
	private String household() throws Exception {
		String document = """
				{"members": [
				   {"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Samira", "familyName": "El Amrani"},
				   {"ref": "m2", "role": "CHILD", "givenName": "Yara", "birthDate": "%s"},
				   {"ref": "m3", "role": "CHILD", "givenName": "Amal", "birthDate": "%s"}],
				 "trajectories": [{"kind": "INTENSIVE", "start": "2020-07-01", "contactPerson": "%s"}],
				 "helpQuestions": [
				   {"member": "m1", "domain": "FINANCES", "opened": "2020-07-01", "acute": true, "status": "OPEN",
				    "description": "Huurachterstand"},
				   {"domain": "SOCIAL.PARENTING", "opened": "2020-07-01", "status": "OPEN", "description": "Opvoeding"}]}"""
			.formatted(TestData.today().minusYears(9), TestData.today().minusYears(17), this.shelterWorker.id());
		MockHttpServletResponse created = send(post("/api/v1/households"), document, this.worker);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String id = this.json.readTree(created.getContentAsString()).get("id").stringValue();
		String goal = this.json
			.readTree(send(post("/api/v1/households/" + id + "/goals"),
					"{\"description\": \"Schulden op een rij\", \"domain\": \"FINANCES\"}", this.worker)
				.getContentAsString())
			.get("id")
			.stringValue();
		send(post("/api/v1/goals/" + goal + "/actions"),
				"{\"description\": \"Aanmelden bij de Kredietbank\", \"actor\": \"PROFESSIONAL\"}", this.worker);
		send(post("/api/v1/households/" + id + "/goals"),
				"{\"description\": \"Naar de huisarts\", \"domain\": \"HEALTH\"}", this.worker);
		send(post("/api/v1/households/" + id + "/notes"), "{\"text\": \"Interne notitie\"}", this.worker);
		MockHttpServletResponse debt = send(post("/api/v1/households/" + id + "/debts"),
				"{\"creditor\": \"Energiebedrijf\", \"amount\": 450, \"status\": \"OPEN\"}", this.worker);
		assertThat(debt.getStatus()).as(debt.getContentAsString()).isEqualTo(201);
		UUID member = inScope(this.shelter,
				(sql) -> sql.sql("select id from household_member where household_id = :h and ref = 'm1'")
					.param("h", UUID.fromString(id))
					.query(UUID.class)
					.single());
		MockHttpServletResponse snapshot = send(post("/api/v1/network/members/" + member + "/snapshots"),
				"{\"drawnOn\": \"%s\"}".formatted(TestData.today()), this.worker);
		assertThat(snapshot.getStatus()).as(snapshot.getContentAsString()).isEqualTo(201);
		JsonNode drawn = this.json.readTree(snapshot.getContentAsString());
		String snapshotId = drawn.get("id").stringValue();
		int version = drawn.get("version").intValue();
		for (String contact : new String[] {
				"{\"name\": \"Zus Nadia\", \"relation\": \"FAMILY\", \"closeness\": \"INNER\", \"tie\": \"STRONG\", \"version\": %d}",
				"{\"name\": \"Ex-partner\", \"relation\": \"EX_PARTNER\", \"closeness\": \"OUTER\", \"tie\": \"WEAK\", \"danger\": true, \"version\": %d}" }) {
			MockHttpServletResponse added = send(post("/api/v1/network/snapshots/" + snapshotId + "/contacts"),
					contact.formatted(version), this.worker);
			assertThat(added.getStatus()).as(added.getContentAsString()).isIn(200, 201);
			version = this.json.readTree(added.getContentAsString()).get("version").intValue();
		}
		return id;
	}

	private <T> T inScope(TestData.Organisation organisation, Function<JdbcClient, T> work) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())), work);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String body, MockHttpSession session)
			throws Exception {
		return this.api.send(request, body, session);
	}

	private JsonNode getJson(String path, MockHttpSession session) throws Exception {
		return this.api.getJson(path, session);
	}

}
