package nl.vangnet.cooperation;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
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
 * The regie holder and the agencies involved with a family (issue 13, items 4 and 5) on
 * real PostgreSQL: who shares the family sees the regie holder while the consent holds
 * and not a day longer; agencies and their issues stay with the owning organisation; open
 * issues with a deadline reach the worklist and the family's obligations list.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegieAndAgencyTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	@Autowired
	private ApiClient api;

	private TestData.Organisation shelter;

	private TestData.Organisation team;

	private TestData.Organisation third;

	private TestData.Person shelterWorker;

	private MockHttpSession worker;

	private MockHttpSession shelterCoordinator;

	private MockHttpSession shelterVolunteer;

	private MockHttpSession teamCoordinator;

	private MockHttpSession thirdCoordinator;

	@BeforeAll
	void signIn() throws Exception {
		this.shelter = this.data.organisation(OrganisationKind.SHELTER);
		this.team = this.data.organisation(OrganisationKind.MUNICIPAL_TEAM);
		this.third = this.data.organisation();
		this.shelterWorker = this.data.person(this.shelter, Role.PROFESSIONAL);
		this.worker = TestData.signIn(this.mvc, this.shelterWorker);
		this.shelterCoordinator = TestData.signIn(this.mvc, this.data.person(this.shelter, Role.COORDINATOR));
		this.shelterVolunteer = TestData.signIn(this.mvc, this.data.person(this.shelter, Role.VOLUNTEER));
		this.teamCoordinator = TestData.signIn(this.mvc, this.data.person(this.team, Role.COORDINATOR));
		this.thirdCoordinator = TestData.signIn(this.mvc, this.data.person(this.third, Role.COORDINATOR));
	}

	// ---- The regie holder

	@Test
	void everyOrganisationThatSharesTheFamilySeesWhoHoldsTheRegieUntilTheConsentEnds() throws Exception {
		String household = household();
		MockHttpServletResponse recorded = send(put("/api/v1/households/" + household + "/regie"), """
				{"account": "%s", "phone": "040 123 45 67", "reachable": "ma–do 9–17 uur"}"""
			.formatted(this.shelterWorker.id()), this.worker);
		assertThat(recorded.getStatus()).as(recorded.getContentAsString()).isEqualTo(200);
		JsonNode regie = this.json.readTree(recorded.getContentAsString());
		assertThat(regie.get("name").stringValue()).isEqualTo("Test professional");
		assertThat(regie.get("worksAt").stringValue()).startsWith("Testorganisatie " + this.shelter.code());
		assertThat(regie.get("sharedBy").isNull()).isTrue();
		assertThat(getJson("/api/v1/households/" + household + "/regie", this.shelterCoordinator).get("phone")
			.stringValue()).isEqualTo("040 123 45 67");

		// Nobody else sees it without a share.
		assertThat(status(get("/api/v1/households/" + household + "/regie"), this.teamCoordinator)).isEqualTo(404);
		assertThat((Integer) inScope(this.team,
				(sql) -> sql.sql("select count(*) from regie_holder where household_id = :h")
					.param("h", UUID.fromString(household))
					.query(Integer.class)
					.single()))
			.isZero();

		String consent = consent(household, this.team);
		String referral = refer(household, consent);
		JsonNode read = getJson("/api/v1/referrals/" + referral, this.teamCoordinator);
		assertThat(read.get("regie").get("name").stringValue()).isEqualTo("Test professional");
		assertThat(read.get("regie").get("sharedBy").isNull()).isTrue();
		assertThat(read.get("regie").get("household").isNull()).as("the referrer's household id is not shown").isTrue();
		assertThat(read.get("shared").has("regie")).as("regie is no consent section").isFalse();
		MockHttpServletResponse accepted = send(post("/api/v1/referrals/" + referral + "/events"),
				"{\"status\": \"ACCEPTED\"}", this.teamCoordinator);
		assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(200);
		String own = this.json.readTree(accepted.getContentAsString()).get("household").stringValue();
		JsonNode atTheTeam = getJson("/api/v1/households/" + own + "/regie", this.teamCoordinator);
		assertThat(atTheTeam.get("phone").stringValue()).isEqualTo("040 123 45 67");
		assertThat(atTheTeam.get("sharedBy").stringValue()).isEqualTo(this.shelter.code());
		MockHttpServletResponse second = send(put("/api/v1/households/" + own + "/regie"),
				"{\"name\": \"Iemand van het wijkteam\", \"phone\": \"010 2\"}", this.teamCoordinator);
		assertThat(second.getStatus()).as("one family, one regie holder").isEqualTo(400);
		assertThat(second.getContentAsString()).contains("Test professional").contains(this.shelter.code());
		String dossier = this.mvc.perform(get("/households/" + own + "/cooperation").session(this.teamCoordinator))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dossier).contains("040 123 45 67").contains("Test professional");
		List<String> ownerTrail = inScope(this.shelter,
				(sql) -> sql.sql("""
						select subject_detail from access_trail
						where organisation_id = :org and subject_id = :h and action = 'VIEW_SHARED'""")
					.param("org", this.shelter.id())
					.param("h", UUID.fromString(household))
					.query(String.class)
					.list());
		assertThat(ownerTrail).anySatisfy((detail) -> assertThat(detail).contains("(regie)"));
		assertThat(status(get("/api/v1/households/" + household + "/regie"), this.thirdCoordinator)).isEqualTo(404);

		assertThat(send(post("/api/v1/consents/" + consent + "/withdrawal"), "{}", this.worker).getStatus())
			.isEqualTo(200);
		assertThat(getJson("/api/v1/referrals/" + referral, this.teamCoordinator).get("regie").isNull()).isTrue();
		assertThat(status(get("/api/v1/households/" + own + "/regie"), this.teamCoordinator)).isEqualTo(404);
	}

	@Test
	void theRegieHolderNeedsAWayToBeReachedAndAStaleChangeAnswersWithWhatChanged() throws Exception {
		String household = household();
		MockHttpServletResponse unreachable = send(put("/api/v1/households/" + household + "/regie"),
				"{\"name\": \"Marieke\", \"email\": \"geen-adres\", \"since\": \"%s\"}"
					.formatted(TestData.today().plusDays(3)),
				this.worker);
		assertThat(unreachable.getStatus()).as(unreachable.getContentAsString()).isEqualTo(400);
		assertThat(this.json.readTree(unreachable.getContentAsString()).get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("email", "since");
		MockHttpServletResponse noWay = send(put("/api/v1/households/" + household + "/regie"),
				"{\"name\": \"Marieke\"}", this.worker);
		assertThat(this.json.readTree(noWay.getContentAsString()).get("errors").findValuesAsString("field"))
			.containsExactly("phone");
		MockHttpServletResponse stranger = send(put("/api/v1/households/" + household + "/regie"),
				"{\"account\": \"%s\", \"phone\": \"1\"}".formatted(UUID.randomUUID()), this.worker);
		assertThat(this.json.readTree(stranger.getContentAsString()).get("errors").findValuesAsString("field"))
			.contains("account");

		String body = """
				{"name": "%s", "worksAt": "Wijkteam Oost", "phone": "010 1", "version": %s}""";
		assertThat(
				send(put("/api/v1/households/" + household + "/regie"), body.formatted("Marieke", "null"), this.worker)
					.getStatus())
			.isEqualTo(200);
		assertThat(send(put("/api/v1/households/" + household + "/regie"), body.formatted("Fatima", "0"),
				this.shelterCoordinator)
			.getStatus()).isEqualTo(200);
		MockHttpServletResponse stale = send(put("/api/v1/households/" + household + "/regie"),
				body.formatted("Marieke", "0"), this.worker);
		assertThat(stale.getStatus()).as(stale.getContentAsString()).isEqualTo(409);
		assertThat(stale.getContentAsString()).contains("Fatima");
		assertThat(status(put("/api/v1/households/" + household + "/regie"), this.shelterVolunteer)).isEqualTo(403);
		assertThat(
				send(put("/api/v1/households/" + household + "/regie"), body.formatted("X", "1"), this.thirdCoordinator)
					.getStatus())
			.isEqualTo(404);
	}

	// ---- Agencies and their issues

	@Test
	void anOpenIssueWithADeadlineIsOnTheWorklistAndTheObligationsListUntilItIsPutRight() throws Exception {
		String household = household();
		MockHttpServletResponse added = send(post("/api/v1/households/" + household + "/agencies"), """
				{"kind": "TAX_ALLOWANCES", "name": "Belastingdienst Toeslagen", "reference": "TS-2026-0042",
				 "contactName": "Mevr. De Vries", "contactPhone": "0800 0543"}""", this.worker);
		assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
		JsonNode agency = this.json.readTree(added.getContentAsString());
		String agencyId = agency.get("id").stringValue();
		assertThat(agency.get("reference").stringValue()).isEqualTo("TS-2026-0042");
		LocalDate deadline = TestData.today().plusDays(30);
		MockHttpServletResponse issue = send(post("/api/v1/agencies/" + agencyId + "/issues"), """
				{"kind": "ERROR", "description": "Huurtoeslag twee jaar te laag berekend",
				 "noticedOn": "%s", "objectionDeadline": "%s"}""".formatted(TestData.today().minusDays(2), deadline),
				this.worker);
		assertThat(issue.getStatus()).as(issue.getContentAsString()).isEqualTo(201);
		JsonNode opened = this.json.readTree(issue.getContentAsString());
		assertThat(opened.get("status").stringValue()).isEqualTo("OPEN");
		String issueId = opened.get("id").stringValue();

		JsonNode listed = getJson("/api/v1/households/" + household + "/agencies", this.worker);
		assertThat(listed.get(0).get("issues").findValuesAsString("description"))
			.containsExactly("Huurtoeslag twee jaar te laag berekend");
		JsonNode item = worklistItem(household);
		assertThat(item).isNotNull();
		assertThat(item.get("agencyIssues").intValue()).isEqualTo(1);
		assertThat(item.get("firstAgencyDeadline").stringValue()).isEqualTo(deadline.toString());
		String page = this.mvc.perform(get("/households/" + household + "/obligations").session(this.worker))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"agency-deadlines\"").contains("Huurtoeslag twee jaar te laag berekend");
		String print = this.mvc.perform(get("/households/" + household + "/obligations/print").session(this.worker))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(print).contains("print-agency-deadlines").contains("Belastingdienst Toeslagen");
		MockHttpServletResponse pdf = this.mvc
			.perform(get("/households/" + household + "/obligations.pdf").session(this.worker))
			.andReturn()
			.getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentAsByteArray().length).isGreaterThan(1000);
		String worklistPage = this.mvc.perform(get("/worklist").session(this.shelterCoordinator))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(worklistPage).contains("worklist-" + household);

		MockHttpServletResponse resolved = send(put("/api/v1/agency-issues/" + issueId), """
				{"kind": "ERROR", "description": "Huurtoeslag twee jaar te laag berekend", "noticedOn": "%s",
				 "objectionDeadline": "%s", "objectionFiledOn": "%s", "status": "RESOLVED", "amountRecovered": 2480.50,
				 "version": 0}""".formatted(TestData.today().minusDays(2), deadline, TestData.today()), this.worker);
		assertThat(resolved.getStatus()).as(resolved.getContentAsString()).isEqualTo(200);
		assertThat(this.json.readTree(resolved.getContentAsString()).get("amountRecovered").decimalValue())
			.isEqualByComparingTo("2480.50");
		JsonNode after = worklistItem(household);
		assertThat((after == null) ? 0 : after.get("agencyIssues").intValue()).isZero();
		assertThat(this.mvc.perform(get("/households/" + household + "/obligations").session(this.worker))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("id=\"agency-deadlines\"");
	}

	@Test
	void agenciesStayWithTheOwningOrganisationEvenWhenTheFamilyIsShared() throws Exception {
		String household = household();
		String agencyId = this.json
			.readTree(send(post("/api/v1/households/" + household + "/agencies"),
					"{\"kind\": \"HOUSING\", \"name\": \"Woonbedrijf\"}", this.worker)
				.getContentAsString())
			.get("id")
			.stringValue();
		String referral = refer(household, consent(household, this.team));
		assertThat(getJson("/api/v1/referrals/" + referral, this.teamCoordinator).toString())
			.doesNotContain("Woonbedrijf");
		assertThat(status(get("/api/v1/households/" + household + "/agencies"), this.teamCoordinator)).isEqualTo(404);
		assertThat(send(put("/api/v1/agencies/" + agencyId), "{\"kind\": \"HOUSING\", \"name\": \"X\", \"version\": 0}",
				this.teamCoordinator)
			.getStatus()).isEqualTo(404);
		assertThat(send(post("/api/v1/agencies/" + agencyId + "/issues"),
				"{\"kind\": \"ERROR\", \"description\": \"x\", \"noticedOn\": \"%s\"}".formatted(TestData.today()),
				this.thirdCoordinator)
			.getStatus()).isEqualTo(404);
		String count = "select (select count(*) from agency_involved where household_id = :h) || ' ' "
				+ "|| (select count(*) from agency_issue where household_id = :h)";
		Function<JdbcClient, String> whileSharing = (sql) -> {
			sql.sql("select set_config('vangnet.referral', :r, true), set_config('vangnet.today', :t, true)")
				.param("r", referral)
				.param("t", TestData.today().toString())
				.query()
				.listOfRows();
			return sql.sql(count).param("h", UUID.fromString(household)).query(String.class).single();
		};
		assertThat((String) inScope(this.team, whileSharing)).isEqualTo("0 0");
		assertThat((String) inScope(this.shelter, whileSharing)).isEqualTo("1 0");
		assertThat(status(get("/api/v1/households/" + household + "/agencies"), this.shelterVolunteer)).isEqualTo(403);
		assertThat(status(get("/households/" + household + "/agencies"), this.shelterVolunteer)).isEqualTo(403);
	}

	@Test
	void badAgencyInputIsRefusedFieldByFieldAndAStaleChangeAnswersWithWhatChanged() throws Exception {
		String household = household();
		MockHttpServletResponse bad = send(post("/api/v1/households/" + household + "/agencies"),
				"{\"kind\": \"BANK\", \"contactEmail\": \"nope\", \"partner\": \"%s\"}".formatted(UUID.randomUUID()),
				this.worker);
		assertThat(bad.getStatus()).as(bad.getContentAsString()).isEqualTo(400);
		assertThat(this.json.readTree(bad.getContentAsString()).get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("kind", "name", "contactEmail", "partner");
		JsonNode agency = this.json.readTree(send(post("/api/v1/households/" + household + "/agencies"),
				"{\"kind\": \"BENEFITS\", \"name\": \"Gemeente, Werk en Inkomen\"}", this.worker)
			.getContentAsString());
		String id = agency.get("id").stringValue();
		MockHttpServletResponse badIssue = send(post("/api/v1/agencies/" + id + "/issues"), """
				{"kind": "OOPS", "noticedOn": "%s", "objectionFiledOn": "%s", "status": "OBJECTION_FILED",
				 "amountRecovered": -5}""".formatted(TestData.today().plusDays(1), TestData.today().plusDays(2)),
				this.worker);
		assertThat(badIssue.getStatus()).as(badIssue.getContentAsString()).isEqualTo(400);
		assertThat(this.json.readTree(badIssue.getContentAsString()).get("errors").findValuesAsString("field"))
			.contains("kind", "description", "noticedOn", "objectionFiledOn", "amountRecovered");
		assertThat((Integer) inScope(this.shelter,
				(sql) -> sql.sql("select count(*) from agency_issue where agency_id = :a")
					.param("a", UUID.fromString(id))
					.query(Integer.class)
					.single()))
			.isZero();

		String change = "{\"kind\": \"BENEFITS\", \"name\": \"%s\", \"version\": 0}";
		assertThat(send(put("/api/v1/agencies/" + id), change.formatted("Gemeente Eindhoven"), this.shelterCoordinator)
			.getStatus()).isEqualTo(200);
		MockHttpServletResponse stale = send(put("/api/v1/agencies/" + id), change.formatted("UWV"), this.worker);
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentAsString()).contains("Gemeente Eindhoven");
		MockHttpServletResponse form = this.mvc
			.perform(post("/agencies/" + id).session(this.worker)
				.with(csrf())
				.param("version", "0")
				.param("kind", "BENEFITS")
				.param("name", "UWV"))
			.andReturn()
			.getResponse();
		assertThat(form.getStatus()).isEqualTo(409);
		assertThat(form.getContentAsString()).contains("id=\"conflict\"").contains("Gemeente Eindhoven");
		MockHttpServletResponse typed = this.mvc
			.perform(post("/households/" + household + "/agencies").session(this.worker)
				.with(csrf())
				.param("kind", "SCHOOL")
				.param("name", "")
				.param("reference", "LL-77")
				.param("contactEmail", "juf@"))
			.andReturn()
			.getResponse();
		assertThat(typed.getStatus()).isEqualTo(400);
		assertThat(typed.getContentAsString()).contains("value=\"LL-77\"")
			.contains("Vul de naam van de instantie in.")
			.contains("Dit is geen e-mailadres.");
		long views = inScope(this.shelter,
				(sql) -> sql.sql("select count(*) from access_trail where subject_id = :h and action = 'VIEW'")
					.param("h", UUID.fromString(household))
					.query(Long.class)
					.single());
		this.mvc.perform(get("/api/v1/households/" + household + "/agencies").session(this.worker));
		long after = inScope(this.shelter,
				(sql) -> sql.sql("select count(*) from access_trail where subject_id = :h and action = 'VIEW'")
					.param("h", UUID.fromString(household))
					.query(Long.class)
					.single());
		assertThat(after).isEqualTo(views + 1);
	}

	// ---- Helpers

	private JsonNode worklistItem(String household) throws Exception {
		for (JsonNode item : getJson("/api/v1/worklist", this.shelterCoordinator).get("items")) {
			if (household.equals(item.get("householdId").stringValue())) {
				return item;
			}
		}
		return null;
	}

	private String household() throws Exception {
		String document = """
				{"members": [
				   {"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Anna", "familyName": "Jansen"},
				   {"ref": "m2", "role": "CHILD", "givenName": "Sem", "birthDate": "%s"}],
				 "trajectories": [{"kind": "INTENSIVE", "start": "%s", "contactPerson": "%s"}]}"""
			.formatted(TestData.today().minusYears(7), TestData.today().minusMonths(3), this.shelterWorker.id());
		MockHttpServletResponse created = send(post("/api/v1/households"), document, this.worker);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return this.json.readTree(created.getContentAsString()).get("id").stringValue();
	}

	private String consent(String household, TestData.Organisation to) throws Exception {
		MockHttpServletResponse given = send(post("/api/v1/households/" + household + "/consents"), """
				{"member": "m1", "recipient": {"organisation": "%s"}, "sections": ["SUMMARY"],
				 "purpose": "Hulp bij schulden", "form": "WRITTEN", "givenOn": "%s", "validUntil": "%s"}"""
			.formatted(to.code(), TestData.today(), TestData.today().plusMonths(6)), this.worker);
		assertThat(given.getStatus()).as(given.getContentAsString()).isEqualTo(201);
		return this.json.readTree(given.getContentAsString()).get("id").stringValue();
	}

	private String refer(String household, String consent) throws Exception {
		MockHttpServletResponse sent = send(post("/api/v1/households/" + household + "/referrals"), """
				{"format": "vangnet-referral/1", "consent": "%s", "to": {"organisation": "%s"}, "domain": "FINANCES",
				 "reason": "Schulden"}""".formatted(consent, this.team.code()), this.worker);
		assertThat(sent.getStatus()).as(sent.getContentAsString()).isEqualTo(201);
		return this.json.readTree(sent.getContentAsString()).get("id").stringValue();
	}

	private <T> T inScope(TestData.Organisation organisation, Function<JdbcClient, T> work) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())), work);
	}

	/** The status of a request with an empty JSON body and the CSRF token. */
	private int status(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
		return this.api.send(request, "{}", session).getStatus();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String body, MockHttpSession session)
			throws Exception {
		return this.api.send(request, body, session);
	}

	private JsonNode getJson(String path, MockHttpSession session) throws Exception {
		return this.api.getJson(path, session);
	}

}
