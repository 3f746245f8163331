package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

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
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Each child a client (issue 15, item 5), its first part: a progress score and an
 * experience entry may belong to a member, by the member's {@code ref}, through the
 * scores API, the progress page and the household document; the household's own stay
 * apart, and the monitor counts only those.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberScoresTests {

	private static final LocalDate FROM = LocalDate.of(2021, 1, 1);

	private static final LocalDate TO = LocalDate.of(2021, 8, 31);

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

	private MockHttpSession session;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation(OrganisationKind.SHELTER);
		this.professional = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.session = TestData.signIn(this.mvc, this.professional);
	}

	@Test
	void aChildsOwnScoresAreKeptApartFromTheFamilysThroughTheApiAndThePage() throws Exception {
		String id = household();
		MockHttpServletResponse child = this.api.send(post("/api/v1/households/" + id + "/scores"), this.json.readTree(
				"""
						{"scoredOn":"2021-03-01","member":"m2","scores":[{"domain":"SOCIAL","rater":"WORKER","score":2}]}"""),
				this.session);
		this.api.send(post("/api/v1/households/" + id + "/scores"), this.json.readTree("""
				{"scoredOn":"2021-03-01","scores":[{"domain":"SOCIAL","rater":"WORKER","score":4}]}"""), this.session);
		MockHttpServletResponse unknown = this.api
			.send(post("/api/v1/households/" + id + "/scores"), this.json.readTree(
					"""
							{"scoredOn":"2021-03-01","member":"m9","scores":[{"domain":"SOCIAL","rater":"WORKER","score":2}]}"""),
					this.session);

		assertThat(child.getStatus()).as(child.getContentAsString()).isEqualTo(201);
		assertThat(this.api.read(child).get("member").stringValue()).isEqualTo("m2");
		JsonNode theirs = this.api.getJson("/api/v1/households/" + id + "/scores?member=m2", this.session);
		assertThat(theirs.get("moments").get(0).get("scores").get(0).get("worker").intValue()).isEqualTo(2);
		JsonNode family = this.api.getJson("/api/v1/households/" + id + "/scores", this.session);
		assertThat(family.has("member")).isFalse();
		assertThat(family.get("moments").get(0).get("scores").get(0).get("worker").intValue())
			.as("the same day and domain, the family's own")
			.isEqualTo(4);
		assertThat(unknown.getStatus()).isEqualTo(400);
		assertThat(this.api.read(unknown).get("errors").get(0).get("field").stringValue()).isEqualTo("member");
		JsonNode document = this.api.getJson("/api/v1/households/" + id, this.session);
		assertThat(document.get("progressScores").toString()).isEqualTo(
				"[{\"domain\":\"SOCIAL\",\"date\":\"2021-03-01\",\"score\":4},{\"domain\":\"SOCIAL\",\"date\":\"2021-03-01\",\"score\":2,\"member\":\"m2\"}]");

		MockHttpServletResponse page = this.mvc
			.perform(get("/households/" + id + "/progress").param("member", "m2").session(this.session))
			.andReturn()
			.getResponse();
		assertThat(page.getContentAsString()).contains("De eigen scores van Yara")
			.contains("name=\"member\" value=\"m2\"");
		MockHttpServletResponse saved = this.mvc
			.perform(post("/households/" + id + "/progress").session(this.session)
				.with(csrf())
				.param("instrument", "MONITOR_PROGRESS")
				.param("member", "m2")
				.param("scoredOn", "2021-04-01")
				.param("worker[SOCIAL]", "3"))
			.andReturn()
			.getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(saved.getRedirectedUrl()).contains("member=m2");
		assertThat(this.api.getJson("/api/v1/households/" + id + "/scores?member=m2", this.session).get("moments"))
			.hasSize(2);
		assertThat(this.api.getJson("/api/v1/households/" + id + "/scores", this.session).get("moments")).hasSize(1);
	}

	@Test
	void aChildsPageShowsHerQuestionsGoalsScoresAndTheWayToHerMapAndSafetyPlan() throws Exception {
		String id = household();
		ObjectNode document = (ObjectNode) this.api.getJson("/api/v1/households/" + id, this.session);
		document.set("helpQuestions", this.json.readTree(
				"""
						[{"member":"m2","domain":"PARTICIPATION.CHILD_DAYTIME","opened":"2021-01-10","status":"OPEN",
						  "description":"Zwemles"},
						 {"member":"m1","domain":"FINANCES","opened":"2021-01-10","status":"OPEN","description":"Huurachterstand"}]"""));
		document.set("progressScores", this.json.readTree("""
				[{"domain":"SOCIAL","date":"2021-02-01","score":3,"member":"m2"}]"""));
		document.set("experience", this.json.readTree("""
				[{"date":"2021-02-01","domain":"SOCIAL","helped":"NO","member":"m2"}]"""));
		assertThat(this.api.send(put("/api/v1/households/" + id), document, this.session).getStatus()).isEqualTo(200);
		this.api.send(post("/api/v1/households/" + id + "/goals"),
				this.json
					.readTree("{\"member\":\"m2\",\"domain\":\"SOCIAL\",\"description\":\"Een vriendin op school\"}"),
				this.session);
		String child = this.api.getJson("/api/v1/households/" + id, this.session)
			.get("members")
			.get(1)
			.get("ref")
			.stringValue();

		MockHttpServletResponse page = this.mvc
			.perform(get("/households/" + id + "/members/" + child).session(this.session))
			.andReturn()
			.getResponse();
		MockHttpServletResponse unknown = this.mvc
			.perform(get("/households/" + id + "/members/m9").session(this.session))
			.andReturn()
			.getResponse();
		String dossier = this.mvc.perform(get("/households/" + id).session(this.session))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString())
			.contains("Yara", "Zwemles", "Een vriendin op school", "rood: niet goed", "/network/members/", "/plan",
					"member=m2")
			.as("the mother's question is hers")
			.doesNotContain("Huurachterstand");
		assertThat(unknown.getStatus()).isEqualTo(404);
		MockHttpServletResponse told = this.mvc
			.perform(post("/households/" + id + "/members/m2/experience").session(this.session)
				.with(csrf())
				.param("colour", "GREEN")
				.param("domain", "PARTICIPATION")
				.param("on", "2021-03-01"))
			.andReturn()
			.getResponse();
		MockHttpServletResponse refused = this.mvc
			.perform(post("/households/" + id + "/members/m2/experience").session(this.session)
				.with(csrf())
				.param("on", TestData.today().plusDays(1).toString()))
			.andReturn()
			.getResponse();
		assertThat(told.getStatus()).isEqualTo(302);
		assertThat(this.mvc.perform(get("/households/" + id + "/members/m2").session(this.session))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("groen: goed");
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("Fout:")
			.contains("href=\"#experience-colour\"")
			.contains("href=\"#experience-domain\"")
			.contains("Datum: die dag moet nog komen.");
		assertThat(this.api.getJson("/api/v1/households/" + id, this.session).get("experience").toString())
			.contains("\"member\":\"m2\"");
		assertThat(dossier).contains("/households/" + id + "/members/m2");
	}

	@Test
	void aChildsPageShowsHerOwnNetworkAndSafetyPlanInOneTrailRowForCaseWorkOnly() throws Exception {
		String id = household();
		String mother = member(id, "m1");
		String child = member(id, "m2");
		draw(mother,
				"\"name\":\"Buurvrouw Els\",\"relation\":\"NEIGHBOUR\",\"closeness\":\"INNER\",\"support\":[\"PRACTICAL\"]");
		String page = page(id);
		assertThat(page).contains("Nog geen netwerkkaart.", "Nog geen veiligheidsplan.", "Een veiligheidsplan maken")
			.as("her mother's map is not hers")
			.doesNotContain("Buurvrouw Els");

		JsonNode map = draw(child,
				"\"name\":\"Oma\",\"relation\":\"FAMILY\",\"closeness\":\"INNER\",\"support\":[\"EMOTIONAL\"]",
				"\"name\":\"Juf Anne\",\"relation\":\"PROFESSIONAL\",\"closeness\":\"MIDDLE\",\"support\":[\"INFORMATION\"]",
				"\"name\":\"Vader\",\"relation\":\"FAMILY\",\"closeness\":\"OUTER\",\"support\":[],\"danger\":true");
		String oma = map.get("contacts").get(0).get("key").stringValue();
		this.api.send(put("/api/v1/households/" + id + "/members/m2/safety-plan"), this.json.readTree("""
				{"title":"Yara's plan","peopleToCall":[{"contact":"%s","phone":"06 11112222"}],"reviewOn":"%s"}"""
			.formatted(oma, TestData.today().plusMonths(3))), this.session);

		int before = trailRows();
		page = page(id);
		assertThat(trailRows()).as("one view, one row").isEqualTo(before + 1);
		assertThat(page)
			.contains("2 mensen steunen haar", "Oma", "Juf Anne", "Vader", "1 mensen op de kaart betekenen gevaar",
					"Yara&#39;s plan", "Veiligheidsplan openen")
			.doesNotContain("Buurvrouw Els", "06 11112222", "Nog geen veiligheidsplan.");
		assertThat(
				page.substring(page.indexOf("id=\"member-circle-INNER\""), page.indexOf("id=\"member-circle-MIDDLE\"")))
			.contains("Oma")
			.doesNotContain("Juf Anne");

		// volunteers and researchers see none of it, before any lookup
		for (Role role : new Role[] { Role.VOLUNTEER, Role.RESEARCHER }) {
			MockHttpSession other = TestData.signIn(this.mvc, this.data.person(this.organisation, role));
			assertThat(this.mvc.perform(get("/households/" + id + "/members/m2").session(other))
				.andReturn()
				.getResponse()
				.getStatus()).as(role.name()).isEqualTo(403);
		}
	}

	private String page(String id) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/households/" + id + "/members/m2").session(this.session))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private String member(String household, String ref) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())),
				(sql) -> sql.sql("select id from household_member where household_id = :h and ref = :ref")
					.param("h", UUID.fromString(household))
					.param("ref", ref)
					.query(UUID.class)
					.single())
			.toString();
	}

	/**
	 * A map of the member, drawn today with these contacts; the map after the last one.
	 */
	private JsonNode draw(String member, String... contacts) throws Exception {
		String snapshot = this.api
			.read(this.api.send(post("/api/v1/network/members/" + member + "/snapshots"), this.json.readTree("{}"),
					this.session))
			.get("id")
			.stringValue();
		JsonNode drawn = null;
		for (int version = 0; version < contacts.length; version++) {
			MockHttpServletResponse added = this.api
				.send(post("/api/v1/network/snapshots/" + snapshot + "/contacts"), this.json.readTree(
						"{\"version\":" + version + "," + contacts[version] + ",\"tie\":\"STRONG\",\"domains\":[]}"),
						this.session);
			assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(200);
			drawn = this.api.read(added);
		}
		return drawn;
	}

	/** The professional's successful rows in the organisation's trail. */
	private int trailRows() {
		return this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())),
				(sql) -> sql.sql("""
						select count(*) from access_trail where organisation_id = :org and actor_id = :actor
						  and outcome = 'SUCCESS'""")
					.param("org", this.organisation.id())
					.param("actor", this.professional.id())
					.query(Integer.class)
					.single());
	}

	@Test
	void theDocumentKeepsAMembersScoresAndExperienceAndRefusesAnUnknownMember() throws Exception {
		String id = household();
		ObjectNode document = (ObjectNode) this.api.getJson("/api/v1/households/" + id, this.session);
		document.set("progressScores", this.json.readTree("""
				[{"domain":"FINANCES","date":"2021-02-01","score":2},
				 {"domain":"SOCIAL","date":"2021-02-01","score":3,"member":"m2"}]"""));
		document.set("experience", this.json.readTree("""
				[{"date":"2021-02-01","domain":"FINANCES","helped":"YES"},
				 {"date":"2021-02-01","domain":"SOCIAL","helped":"A_BIT","member":"m2"}]"""));

		MockHttpServletResponse replaced = this.api.send(put("/api/v1/households/" + id), document, this.session);
		JsonNode read = this.api.getJson("/api/v1/households/" + id, this.session);
		ObjectNode wrong = (ObjectNode) read.deepCopy();
		((ObjectNode) wrong.get("progressScores").get(1)).put("member", "m7");
		MockHttpServletResponse refused = this.api.send(put("/api/v1/households/" + id), wrong, this.session);

		assertThat(replaced.getStatus()).as(replaced.getContentAsString()).isEqualTo(200);
		assertThat(read.get("progressScores")).isEqualTo(document.get("progressScores"));
		assertThat(read.get("experience")).isEqualTo(document.get("experience"));
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("progressScores[1].member");
	}

	@Test
	void theMonitorCountsOnlyTheHouseholdsScoresAndExperience() throws Exception {
		TestData.Organisation shelter = this.data.organisation(OrganisationKind.SHELTER);
		for (int i = 0; i < 5; i++) {
			UUID household = UUID.randomUUID();
			UUID child = UUID.randomUUID();
			sql(shelter, "insert into household (id, organisation_id, version) values (?, ?, 0)", household,
					shelter.id());
			sql(shelter, """
					insert into household_member (id, household_id, organisation_id, position, ref, role, main_contact)
					values (?, ?, ?, 0, 'm2', 'CHILD', false)""", child, household, shelter.id());
			sql(shelter, """
					insert into trajectory (id, household_id, organisation_id, position, kind, start_date, phase_model)
					values (?, ?, ?, 0, 'INTENSIVE', ?, 'FLEXIBLE')""", UUID.randomUUID(), household, shelter.id(),
					LocalDate.of(2020, 6, 1));
			for (UUID member : new UUID[] { null, child }) {
				sql(shelter, """
						insert into progress_score (id, household_id, organisation_id, instrument_code, domain_code,
						  scored_on, rater, score, member_id)
						values (?, ?, ?, 'MONITOR_PROGRESS', 'FINANCES', ?, 'WORKER', ?, ?)""", UUID.randomUUID(),
						household, shelter.id(), LocalDate.of(2021, 3, 1), (member == null) ? 4 : 1, member);
				sql(shelter, """
						insert into experience (id, household_id, organisation_id, experienced_on, monitor_code, helped,
						  member_id)
						values (?, ?, ?, ?, 'FINANCES', ?, ?)""", UUID.randomUUID(), household, shelter.id(),
						LocalDate.of(2021, 3, 1), (member == null) ? "YES" : "NO", member);
			}
		}
		MockHttpSession researcher = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.RESEARCHER));
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/monitor").session(researcher)
				.param("from", FROM.toString())
				.param("to", TO.toString())
				.param("organisations", shelter.code()))
			.andReturn()
			.getResponse();
		JsonNode monitor = this.json.readTree(response.getContentAsString());
		JsonNode finances = monitor.get("progress").get(0);
		assertThat(finances.get("domain").stringValue()).isEqualTo("FINANCES");
		assertThat(finances.get("households").get("count").intValue()).isEqualTo(5);
		assertThat(finances.get("distribution").get("4").get("count").intValue()).isEqualTo(5);
		assertThat(finances.get("distribution").get("1").get("count").intValue()).isZero();
		JsonNode experience = monitor.get("experience").get(0);
		assertThat(experience.get("YES").get("count").intValue()).isEqualTo(5);
		assertThat(experience.get("NO").get("count").intValue()).as("a child's own experience").isZero();
	}

	private void sql(TestData.Organisation organisation, String sql, Object... params) {
		this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())), (jdbc) -> {
			var statement = jdbc.sql(sql);
			for (Object param : params) {
				statement = statement.param(param);
			}
			return statement.update();
		});
	}

	private String household() throws Exception {
		JsonNode document = this.json.readTree(
				"""
						{"members": [
						   {"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Samira", "familyName": "El Amrani"},
						   {"ref": "m2", "role": "CHILD", "givenName": "Yara", "birthDate": "2016-09-12"}],
						 "trajectories": [{"kind": "INTENSIVE", "start": "2020-07-01", "contactPerson": "%s"}]}"""
					.formatted(this.professional.id()));
		MockHttpServletResponse created = this.api.send(post("/api/v1/households"), document, this.session);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return this.json.readTree(created.getContentAsString()).get("id").stringValue();
	}

}
