package nl.vangnet.cooperation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The cooperation module's pages and fragments in the access trail (issue 12, item 4):
 * one view is one row, a list is one row with what it showed, a shared view is one row in
 * each of the two organisations, and a refusal is a DENIED row.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CooperationTrailTests {

	private static final Pattern COVER = Pattern
		.compile("hx-headers=\"\\{&quot;Vangnet-Trail-Cover&quot;: &quot;([0-9a-f-]{36})&quot;\\}\"");

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

	private TestData.Person shelterWorker;

	private TestData.Person teamCoordinator;

	private TestData.Person volunteer;

	private MockHttpSession worker;

	private MockHttpSession receiver;

	private MockHttpSession volunteerSession;

	@BeforeAll
	void signIn() throws Exception {
		this.shelter = this.data.organisation(OrganisationKind.SHELTER);
		this.team = this.data.organisation(OrganisationKind.MUNICIPAL_TEAM);
		this.shelterWorker = this.data.person(this.shelter, Role.PROFESSIONAL);
		this.teamCoordinator = this.data.person(this.team, Role.COORDINATOR);
		this.volunteer = this.data.person(this.shelter, Role.VOLUNTEER);
		this.worker = TestData.signIn(this.mvc, this.shelterWorker);
		this.receiver = TestData.signIn(this.mvc, this.teamCoordinator);
		this.volunteerSession = TestData.signIn(this.mvc, this.volunteer);
	}

	@Test
	void theDossiersCooperationSectionIsPartOfItsOneViewUnlessFetchedOnItsOwn() throws Exception {
		UUID household = household();
		MockHttpServletResponse page = perform(get("/households/" + household).session(this.worker));
		assertThat(page.getStatus()).isEqualTo(200);
		Matcher cover = COVER.matcher(page.getContentAsString());
		assertThat(cover.find()).isTrue();
		int before = rows(this.shelter, household, "VIEW");

		assertThat(perform(section(household).header(AccessTrail.COVER_HEADER, cover.group(1))).getStatus())
			.isEqualTo(200);
		assertThat(rows(this.shelter, household, "VIEW")).as("loaded with the dossier").isEqualTo(before);

		assertThat(perform(section(household)).getStatus()).isEqualTo(200);
		assertThat(rows(this.shelter, household, "VIEW")).as("fetched on its own").isEqualTo(before + 1);
	}

	@Test
	void theConsentPagesAreOneViewEachAndThePrintedFormAnExport() throws Exception {
		UUID household = household();
		UUID consent = consent(household);
		int views = rows(this.shelter, household, "VIEW");
		int exports = rows(this.shelter, household, "EXPORT");

		assertThat(perform(get("/households/" + household + "/consents").session(this.worker)).getStatus())
			.isEqualTo(200);
		assertThat(rows(this.shelter, household, "VIEW")).as("the consents page").isEqualTo(views + 1);
		assertThat(perform(get("/consents/" + consent + "/form").session(this.worker)).getStatus()).isEqualTo(200);
		assertThat(rows(this.shelter, household, "VIEW")).as("the printable form shows the family")
			.isEqualTo(views + 2);
		assertThat(perform(get("/consents/" + consent + "/form.pdf").session(this.worker)).getStatus()).isEqualTo(200);
		assertThat(rows(this.shelter, household, "EXPORT")).as("the form as a PDF").isEqualTo(exports + 1);
		assertThat(rows(this.shelter, household, "VIEW")).isEqualTo(views + 2);
	}

	@Test
	void aListOfReferralsIsOneSearchRowWithWhatItShowedOnEachSide() throws Exception {
		UUID household = household();
		UUID referral = refer(household, consent(household));
		UUID second = refer(household, consent(household));
		long shelterLast = lastRow(this.shelter);
		long teamLast = lastRow(this.team);

		assertThat(perform(get("/referrals").session(this.worker)).getStatus()).isEqualTo(200);
		List<Map<String, Object>> outgoing = rowsSince(this.shelter, shelterLast, this.shelterWorker);
		assertThat(outgoing).hasSize(1);
		assertThat(outgoing.get(0)).containsEntry("action", "SEARCH")
			.containsEntry("subject_type", "REFERRAL")
			.containsEntry("subject_id", null);
		assertThat(outgoing.get(0).get("ids").toString()).as("the family once, though referred twice")
			.contains(household.toString())
			.doesNotContain(referral.toString());

		assertThat(perform(get("/api/v1/referrals").param("direction", "incoming").session(this.receiver)).getStatus())
			.isEqualTo(200);
		List<Map<String, Object>> incoming = rowsSince(this.team, teamLast, this.teamCoordinator);
		assertThat(incoming).hasSize(1);
		assertThat(incoming.get(0)).containsEntry("action", "SEARCH").containsEntry("subject_type", "REFERRAL");
		assertThat(incoming.get(0).get("ids").toString()).as("another organisation's family: the referrals")
			.contains(referral.toString(), second.toString())
			.doesNotContain(household.toString());
	}

	@Test
	void aSharedViewIsOneRowInEachOfTheTwoOrganisations() throws Exception {
		UUID household = household();
		UUID referral = refer(household, consent(household));
		long shelterLast = lastRow(this.shelter);
		long teamLast = lastRow(this.team);

		MockHttpServletResponse page = perform(get("/referrals/" + referral).session(this.receiver));
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Samira");

		List<Map<String, Object>> own = rowsSince(this.team, teamLast, this.teamCoordinator);
		assertThat(own).hasSize(1);
		assertThat(own.get(0)).containsEntry("action", "VIEW_SHARED")
			.containsEntry("subject_type", "REFERRAL")
			.containsEntry("subject_id", referral);
		List<Map<String, Object>> owner = rowsSince(this.shelter, shelterLast, this.teamCoordinator);
		assertThat(owner).as("in the trail of the family's own organisation").hasSize(1);
		assertThat(owner.get(0)).containsEntry("action", "VIEW_SHARED")
			.containsEntry("subject_type", "HOUSEHOLD")
			.containsEntry("subject_id", household);
		assertThat(owner.get(0).get("subject_detail").toString()).startsWith("reader organisation " + this.team.code());

		long sent = lastRow(this.shelter);
		assertThat(perform(get("/referrals/" + referral).session(this.worker)).getStatus()).isEqualTo(200);
		List<Map<String, Object>> referrer = rowsSince(this.shelter, sent, this.shelterWorker);
		assertThat(referrer).as("the referrer's own view of the referral").hasSize(1);
		assertThat(referrer.get(0)).containsEntry("action", "VIEW").containsEntry("subject_id", household);
	}

	@Test
	void cooperationRefusalsAreDeniedRows() throws Exception {
		UUID household = household();
		UUID consent = consent(household);
		UUID referral = refer(household, consent);
		long last = lastRow(this.shelter);

		assertThat(perform(get("/api/v1/households/" + household + "/consents").session(this.volunteerSession))
			.getStatus()).as("consents are case work").isEqualTo(403);
		assertThat(perform(get("/referrals/" + referral).session(this.volunteerSession)).getStatus()).isEqualTo(403);
		assertThat(perform(get("/consents/" + consent + "/form").session(this.volunteerSession)).getStatus())
			.isEqualTo(403);

		List<Map<String, Object>> denied = rowsSince(this.shelter, last, this.volunteer);
		assertThat(denied).extracting((row) -> row.get("outcome")).containsOnly("DENIED");
		assertThat(denied)
			.extracting((row) -> row.get("action") + " " + row.get("subject_type") + " " + row.get("subject_id") + " "
					+ row.get("subject_detail"))
			.containsExactly("VIEW HOUSEHOLD " + household + " GET /api/v1/households/" + household + "/consents",
					"VIEW REFERRAL " + referral + " GET /referrals/" + referral,
					"VIEW CONSENT " + consent + " GET /consents/" + consent + "/form");
	}

	// ---- Helpers

	private MockHttpServletRequestBuilder section(UUID household) {
		return get("/households/" + household + "/cooperation").header("HX-Request", "true").session(this.worker);
	}

	private UUID household() throws Exception {
		MockHttpServletResponse created = send(post("/api/v1/households"), """
				{"members": [{"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Samira",
				              "familyName": "%s"}],
				 "trajectories": [{"kind": "INTENSIVE", "start": "%s", "contactPerson": "%s"}]}"""
			.formatted(TestData.unique("Spoor"), TestData.today().minusDays(30), this.shelterWorker.id()));
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return UUID.fromString(this.json.readTree(created.getContentAsString()).get("id").stringValue());
	}

	private UUID consent(UUID household) throws Exception {
		MockHttpServletResponse given = send(post("/api/v1/households/" + household + "/consents"), """
				{"member": "m1", "recipient": {"organisation": "%s"}, "sections": ["SUMMARY"],
				 "purpose": "Hulp bij schulden", "form": "WRITTEN", "givenOn": "%s", "validUntil": "%s"}"""
			.formatted(this.team.code(), TestData.today().minusDays(1), TestData.today().plusMonths(6)));
		assertThat(given.getStatus()).as(given.getContentAsString()).isEqualTo(201);
		return UUID.fromString(this.json.readTree(given.getContentAsString()).get("id").stringValue());
	}

	private UUID refer(UUID household, UUID consent) throws Exception {
		MockHttpServletResponse sent = send(post("/api/v1/households/" + household + "/referrals"), """
				{"format": "vangnet-referral/1", "consent": "%s", "to": {"organisation": "%s"},
				 "reason": "Schulden"}""".formatted(consent, this.team.code()));
		assertThat(sent.getStatus()).as(sent.getContentAsString()).isEqualTo(201);
		return UUID.fromString(this.json.readTree(sent.getContentAsString()).get("id").stringValue());
	}

	private int rows(TestData.Organisation organisation, UUID subject, String action) {
		return inScope(organisation,
				(sql) -> sql
					.sql("select count(*) from access_trail where organisation_id = :org and subject_id = :s"
							+ " and action = :action and outcome = 'SUCCESS'")
					.param("org", organisation.id())
					.param("s", subject)
					.param("action", action)
					.query(Integer.class)
					.single());
	}

	private long lastRow(TestData.Organisation organisation) {
		return inScope(organisation,
				(sql) -> sql.sql("select coalesce(max(id), 0) from access_trail").query(Long.class).single());
	}

	private List<Map<String, Object>> rowsSince(TestData.Organisation organisation, long last, TestData.Person actor) {
		return inScope(organisation, (sql) -> sql.sql("""
				select action, outcome, subject_type, subject_id, subject_ids::text as ids, subject_detail
				from access_trail where organisation_id = :org and id > :last and actor_id = :actor order by id""")
			.param("org", organisation.id())
			.param("last", last)
			.param("actor", actor.id())
			.query()
			.listOfRows());
	}

	private <T> T inScope(TestData.Organisation organisation, Function<JdbcClient, T> work) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())), work);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String body) throws Exception {
		return this.api.send(request, body, this.worker);
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse();
	}

}
