package nl.vangnet.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import nl.vangnet.ApiClient;
import nl.vangnet.MovableClock;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.Encryption;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The client's rights among the most sensitive acts (issue 17, item 2): delivering her
 * report (API and the page's download), requesting an erasure and approving one ask for
 * the password or a code again when the last check is older than ten minutes; the API
 * answers 401 {@code reauthentication-required}, a page goes to the re-authentication
 * page and back, and nothing is delivered, requested or erased in between.
 */
@VangnetTest
@Import(MovableClock.Configuration.class)
class PrivacyReauthenticationTests {

	private static final Duration STALE = Duration.ofMinutes(11);

	@Autowired
	private TestData data;

	@Autowired
	private ApiClient api;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Encryption encryption;

	@Autowired
	private MovableClock clock;

	@Test
	void herReportIsDeliveredOnlyAfterARecentCheckThroughTheApiAndThePagesDownload() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		PrivacyFixture family = PrivacyFixture.create(this.data, this.encryption, organisation,
				this.data.organisation(), coordinator.id(), false);
		MockHttpSession session = TestData.signIn(this.mvc, coordinator);
		String base = "/api/v1/households/" + family.household() + "/members/M1/subject-access";
		String download = "/households/" + family.household() + "/members/M1/subject-access/download";
		this.api.send(post(base), "", session, 201);
		this.api.send(post(base + "/review"), "{\"report\": true}", session, 200);
		MockHttpServletResponse page = this.mvc
			.perform(get("/households/" + family.household() + "/members/M1/subject-access").session(session))
			.andReturn()
			.getResponse();
		assertThat(page.getContentAsString()).contains(download + "?format=pdf", download + "?format=json");
		this.api.send(get(base).param("format", "json"), "", session, 200);
		assertThat(deliveries(organisation, family)).isEqualTo(1);

		this.clock.advance(STALE);
		MockHttpServletResponse refused = this.api.send(get(base).param("format", "pdf"), "", session, 401);
		assertThat(this.api.read(refused).get("type").stringValue()).isEqualTo("reauthentication-required");
		assertThat(refused.getContentAsString()).doesNotContain(family.motherName());
		MvcResult pageRefused = this.mvc.perform(get(download + "?format=pdf").session(session)).andReturn();
		assertThat(pageRefused.getResponse().getRedirectedUrl()).isEqualTo("/account/reauthentication");
		assertThat(deliveries(organisation, family)).as("nothing delivered without the check").isEqualTo(1);

		// the re-authentication page returns to the download itself
		MvcResult renewed = this.mvc.perform(
				post("/account/reauthentication").param("password", TestData.PASSWORD).with(csrf()).session(session))
			.andReturn();
		assertThat(renewed.getResponse().getRedirectedUrl()).isEqualTo(download + "?format=pdf");
		MockHttpServletResponse pdf = this.mvc.perform(get(download + "?format=pdf").session(session))
			.andReturn()
			.getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		MockHttpServletResponse json = this.mvc.perform(get(download + "?format=json").session(session))
			.andReturn()
			.getResponse();
		assertThat(json.getContentAsString(StandardCharsets.UTF_8)).contains("vangnet-subject-access/1",
				family.motherName());
		assertThat(deliveries(organisation, family)).isEqualTo(3);

		// a format the page does not offer: the report's page with the reason, no 5xx
		MockHttpServletResponse xml = this.mvc.perform(get(download + "?format=xml").session(session))
			.andReturn()
			.getResponse();
		assertThat(xml.getStatus()).isEqualTo(422);
		assertThat(xml.getContentAsString()).contains("Fout:");
	}

	@Test
	void anErasureIsRequestedAndApprovedOnlyAfterARecentCheckAndNothingIsErasedInBetween() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person requester = this.data.person(organisation, Role.COORDINATOR);
		TestData.Person approver = this.data.person(organisation, Role.COORDINATOR);
		PrivacyFixture family = PrivacyFixture.create(this.data, this.encryption, organisation,
				this.data.organisation(), requester.id(), false);
		MockHttpSession first = TestData.signIn(this.mvc, requester);
		MockHttpSession second = TestData.signIn(this.mvc, approver);
		String requests = "/api/v1/households/" + family.household() + "/erasure-requests";
		String body = "{\"reason\": \"SUBJECT_REQUEST\", \"note\": \"Zij wil opnieuw beginnen\"}";

		this.clock.advance(STALE);
		MockHttpServletResponse refused = this.api.send(post(requests), body, first, 401);
		assertThat(this.api.read(refused).get("type").stringValue()).isEqualTo("reauthentication-required");
		MvcResult form = this.mvc
			.perform(post("/households/" + family.household() + "/erasure-requests").param("reason", "SUBJECT_REQUEST")
				.param("note", "Zij wil opnieuw beginnen")
				.header("Referer", "http://localhost/households/" + family.household() + "/privacy")
				.with(csrf())
				.session(first))
			.andReturn();
		assertThat(form.getResponse().getRedirectedUrl()).isEqualTo("/account/reauthentication");
		assertThat(erasureRequests(organisation, family)).as("nothing requested without the check").isZero();

		MvcResult back = this.mvc
			.perform(post("/account/reauthentication").param("password", TestData.PASSWORD).with(csrf()).session(first))
			.andReturn();
		assertThat(back.getResponse().getRedirectedUrl()).as("back to the page the form was on")
			.isEqualTo("/households/" + family.household() + "/privacy");
		JsonNode request = this.api.read(this.api.send(post(requests), body, first, 201));
		String approval = "/api/v1/erasure-requests/" + request.get("id").asString() + "/approval";

		// the second coordinator signed in more than ten minutes ago
		MockHttpServletResponse notYet = this.api.send(post(approval), "", second, 401);
		assertThat(this.api.read(notYet).get("type").stringValue()).isEqualTo("reauthentication-required");
		MvcResult approvalPage = this.mvc
			.perform(post("/erasure-requests/" + request.get("id").asString() + "/approval")
				.header("Referer", "http://localhost/retention")
				.with(csrf())
				.session(second))
			.andReturn();
		assertThat(approvalPage.getResponse().getRedirectedUrl()).isEqualTo("/account/reauthentication");
		assertThat(this.api.status(get("/api/v1/households/" + family.household()), first))
			.as("nothing erased without the check")
			.isEqualTo(200);

		this.api.send(post("/api/v1/me/reauthentication"), "{\"password\":\"" + TestData.PASSWORD + "\"}", second, 204);
		JsonNode erased = this.api.read(this.api.send(post(approval), "", second, 200));
		assertThat(erased.get("status").asString()).isEqualTo("ERASED");
		assertThat(this.api.status(get("/api/v1/households/" + family.household()), second)).isEqualTo(404);
	}

	private int deliveries(TestData.Organisation organisation, PrivacyFixture family) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())), (sql) -> sql
			.sql("""
					select count(*) from access_trail
					where organisation_id = :org and subject_id = :member and subject_detail like 'subject access: delivered%'""")
			.param("org", organisation.id())
			.param("member", family.mother())
			.query(Integer.class)
			.single());
	}

	private int erasureRequests(TestData.Organisation organisation, PrivacyFixture family) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(sql) -> sql.sql("select count(*) from erasure_request where household_id = :household")
					.param("household", family.household())
					.query(Integer.class)
					.single());
	}

}
