package nl.vangnet.network;

import java.time.LocalDate;
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
 * The network through the API and the pages: snapshots, contacts, conflicts, gaps from
 * open help questions, the triangle, the plan, the family's copy and who may see it.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkApiTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	private TestData.Organisation organisation;

	private MockHttpSession professional;

	private MockHttpSession volunteer;

	private MockHttpSession other;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation();
		this.professional = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.PROFESSIONAL));
		this.volunteer = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.VOLUNTEER));
		this.other = TestData.signIn(this.mvc, this.data.person(this.data.organisation(), Role.PROFESSIONAL));
	}

	@Test
	void aMapIsDrawnCopiedAndComparedWithTheGapsOfOpenHelpQuestionsAndActiveGoals() throws Exception {
		Family family = family();
		helpQuestion(family, family.mother(), "FINANCES", "OPEN", null);
		helpQuestion(family, null, "HOUSING", null, null);
		helpQuestion(family, family.mother(), "HEALTH", "RESOLVED", null);
		helpQuestion(family, family.child(), "SOCIAL.PARENTING", "OPEN", null);
		goal(family, family.mother(), "PARTICIPATION.WORK", "ACTIVE");
		goal(family, family.mother(), "OTHER", "ACHIEVED");

		JsonNode intake = this.api.read(send(post("/api/v1/network/members/" + family.mother() + "/snapshots"),
				"{\"drawnOn\":\"2026-01-05\",\"label\":\"intake\"}", 201));
		String snapshot = intake.get("id").stringValue();
		JsonNode withEx = this.api.read(send(post("/api/v1/network/snapshots/" + snapshot + "/contacts"), """
				{"version":0,"name":"Ex-partner","relation":"EX_PARTNER","closeness":"MIDDLE","tie":"STRONG",
				 "support":["FINANCIAL"],"domains":["FINANCES","HOUSING"],"danger":true}""", 200));
		JsonNode withSister = this.api.read(send(post("/api/v1/network/snapshots/" + snapshot + "/contacts"), """
				{"version":1,"name":"Zus","relation":"FAMILY","closeness":"INNER","tie":"STRONG",
				 "support":["EMOTIONAL"],"domains":["SOCIAL"]}""", 200));
		assertThat(withSister.get("version").intValue()).isEqualTo(2);
		String exId = withEx.get("contacts").get(0).get("id").stringValue();

		JsonNode now = this.api.read(send(post("/api/v1/network/members/" + family.mother() + "/snapshots"),
				"{\"drawnOn\":\"2026-06-01\"}", 201));
		assertThat(now.get("contacts")).hasSize(2);
		assertThat(now.get("contacts").get(0).get("key").stringValue())
			.isEqualTo(withSister.get("contacts").get(0).get("key").stringValue());
		String nowId = now.get("id").stringValue();
		this.api.read(send(post("/api/v1/network/snapshots/" + nowId + "/contacts"),
				"""
						{"version":0,"name":"Schuldhulpmaatje","relation":"VOLUNTEER_BUDDY","closeness":"OUTER","tie":"WEAK",
						 "support":["PRACTICAL","INFORMATION"],"domains":["FINANCES"],"reciprocity":"GIVES","socialCapital":"BRIDGING"}""",
				200));

		JsonNode comparison = this.api.read(this.mvc
			.perform(get("/api/v1/network/members/" + family.mother() + "/comparison").session(this.professional))
			.andReturn()
			.getResponse());
		assertThat(comparison.get("added")).hasSize(1);
		assertThat(comparison.get("added").get(0).get("name").stringValue()).isEqualTo("Schuldhulpmaatje");
		assertThat(comparison.get("lost")).isEmpty();
		assertThat(codes(comparison.get("needed"))).containsExactly("FINANCES", "HOUSING", "PARTICIPATION.WORK");
		assertThat(codes(comparison.get("gapsFrom"))).as("the danger covers nothing")
			.containsExactly("FINANCES", "HOUSING", "PARTICIPATION.WORK");
		assertThat(codes(comparison.get("gapsTo"))).containsExactly("HOUSING", "PARTICIPATION.WORK");
		assertThat(comparison.get("circles").get(1).get("to").intValue()).as("the danger is not counted in MIDDLE")
			.isZero();
		assertThat(exId).isNotBlank();
	}

	@Test
	void aStaleVersionIsAConflictAndABadCodeNamesItsField() throws Exception {
		Family family = family();
		String snapshot = this.api
			.read(send(post("/api/v1/network/members/" + family.mother() + "/snapshots"), "{}", 201))
			.get("id")
			.stringValue();
		JsonNode added = this.api.read(send(post("/api/v1/network/snapshots/" + snapshot + "/contacts"),
				"{\"version\":0,\"name\":\"Buurvrouw\",\"relation\":\"NEIGHBOUR\",\"closeness\":\"OUTER\",\"tie\":\"WEAK\"}",
				200));
		String contact = added.get("contacts").get(0).get("id").stringValue();

		MockHttpServletResponse moved = send(
				put("/api/v1/network/snapshots/" + snapshot + "/contacts/" + contact + "/closeness"),
				"{\"version\":1,\"closeness\":\"INNER\"}", 200);
		MockHttpServletResponse stale = send(
				put("/api/v1/network/snapshots/" + snapshot + "/contacts/" + contact + "/closeness"),
				"{\"version\":1,\"closeness\":\"MIDDLE\"}", 409);
		MockHttpServletResponse invalid = send(post("/api/v1/network/snapshots/" + snapshot + "/contacts"),
				"{\"version\":2,\"name\":\"\",\"relation\":\"COUSIN\",\"closeness\":\"INNER\",\"tie\":\"STRONG\",\"domains\":[\"NOPE\"]}",
				400);

		assertThat(this.api.read(moved).get("contacts").get(0).get("closeness").stringValue()).isEqualTo("INNER");
		assertThat(stale.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode errors = this.api.read(invalid).get("errors");
		assertThat(errors.findValuesAsString("field")).contains("name", "relation", "domains");
	}

	@Test
	void aStaleFormShowsHowTheMapIsNowInsteadOfOverwritingAndTheMapSpeaksEnglish() throws Exception {
		Family family = family();
		String snapshot = this.api
			.read(send(post("/api/v1/network/members/" + family.mother() + "/snapshots"), "{}", 201))
			.get("id")
			.stringValue();
		send(post("/api/v1/network/snapshots/" + snapshot + "/contacts"),
				"{\"version\":0,\"name\":\"Marco\",\"relation\":\"EX_PARTNER\",\"closeness\":\"OUTER\",\"tie\":\"WEAK\",\"danger\":true}",
				200);

		String conflict = this.mvc
			.perform(post("/network/snapshots/" + snapshot + "/contacts").session(this.professional)
				.with(csrf())
				.param("version", "0")
				.param("name", "Zus")
				.param("relation", "FAMILY")
				.param("closeness", "INNER")
				.param("tie", "STRONG"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String english = this.mvc
			.perform(get("/network/members/" + family.mother())
				.session(TestData.signIn(this.mvc, this.data.person(this.organisation, Role.COORDINATOR)))
				.param("lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(conflict).contains("Iemand anders heeft deze kaart intussen gewijzigd")
			.contains("Marco")
			.contains("Ex-partner")
			// what was typed comes back in the form, and only there: not on the map
			.contains("name=\"name\" value=\"Zus\"");
		assertThat(conflict.replace("name=\"name\" value=\"Zus\"", "")).doesNotContain("Zus");
		assertThat(english).contains("Network of Samira").contains("Danger").contains("Integration safety net");
	}

	@Test
	void theTrianglePlacesByWeightsOrOutOfViewAndRefusesAWrongSum() throws Exception {
		Family family = family();
		String path = "/api/v1/network/members/" + family.mother() + "/triangle";
		send(post(path), "{\"placedOn\":\"2026-01-05\",\"government\":20,\"services\":70,\"society\":10}", 201);
		send(post(path), "{\"placedOn\":\"2026-03-05\",\"outOfView\":true}", 201);
		JsonNode wrong = this.api.read(send(post(path), "{\"government\":20,\"services\":20,\"society\":20}", 400));

		JsonNode points = this.api
			.read(this.mvc.perform(get(path).session(this.professional)).andReturn().getResponse());
		assertThat(points).hasSize(2);
		assertThat(points.get(1).get("outOfView").booleanValue()).isTrue();
		assertThat(wrong.get("errors").get(0).get("field").stringValue()).isEqualTo("government");
	}

	@Test
	void evaluatingStepFiveOfThePlanStartsANewSnapshot() throws Exception {
		Family family = family();
		send(post("/api/v1/network/members/" + family.mother() + "/snapshots"), "{\"drawnOn\":\"2026-01-05\"}", 201);
		for (int step = 0; step < 5; step++) {
			this.mvc
				.perform(post("/network/members/" + family.mother() + "/plan").session(this.professional)
					.with(csrf())
					.param("domain", "FINANCES")
					.param("on", LocalDate.of(2026, 2, 1 + step).toString()))
				.andReturn();
		}
		JsonNode snapshots = this.api.read(this.mvc
			.perform(get("/api/v1/network/members/" + family.mother() + "/snapshots").session(this.professional))
			.andReturn()
			.getResponse());
		assertThat(snapshots).hasSize(2);
		assertThat(snapshots.get(1).get("drawnOn").stringValue()).isEqualTo("2026-02-05");
		String page = this.mvc.perform(get("/network/members/" + family.mother()).session(this.professional))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("ronde 2");
	}

	@Test
	void theFamilysCopyIsAnSvgAndAPdfWithTheDangerSpelledOut() throws Exception {
		Family family = family();
		String snapshot = this.api
			.read(send(post("/api/v1/network/members/" + family.mother() + "/snapshots"), "{}", 201))
			.get("id")
			.stringValue();
		send(post("/api/v1/network/snapshots/" + snapshot + "/contacts"),
				"{\"version\":0,\"name\":\"Marco\",\"relation\":\"EX_PARTNER\",\"closeness\":\"OUTER\",\"tie\":\"WEAK\",\"danger\":true}",
				200);
		send(post("/api/v1/network/snapshots/" + snapshot + "/contacts"),
				"{\"version\":1,\"name\":\"Çağla 😀\",\"relation\":\"FRIEND\",\"closeness\":\"INNER\",\"tie\":\"STRONG\"}",
				200);

		MockHttpServletResponse svg = this.mvc
			.perform(get("/network/snapshots/" + snapshot + "/map.svg").session(this.professional))
			.andReturn()
			.getResponse();
		MockHttpServletResponse pdf = this.mvc
			.perform(get("/network/snapshots/" + snapshot + "/map.pdf").session(this.professional))
			.andReturn()
			.getResponse();

		assertThat(svg.getContentType()).startsWith("image/svg+xml");
		assertThat(svg.getContentAsString()).contains("<circle")
			.contains("Marco (GEVAAR)")
			.contains("stroke-dasharray");
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.getContentAsByteArray())) {
			assertThat(new PDFTextStripper().getText(document)).contains("Marco").contains("Gevaar");
			assertThat(new PDFTextStripper().getText(document)).contains("Çağla 😀").doesNotContain("#");
		}
		List<String> actions = this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())),
				(sql) -> sql.sql("select action from access_trail where subject_id = :m order by id")
					.param("m", family.mother())
					.query(String.class)
					.list());
		assertThat(actions).contains("CREATE", "UPDATE", "EXPORT");
	}

	@Test
	void volunteersAndOtherOrganisationsSeeNothingOfTheNetwork() throws Exception {
		Family family = family();
		send(post("/api/v1/network/members/" + family.mother() + "/snapshots"), "{}", 201);

		assertThat(this.mvc
			.perform(get("/api/v1/network/members/" + family.mother() + "/snapshots").session(this.volunteer))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(
				this.mvc.perform(get("/api/v1/network/members/" + family.mother() + "/snapshots").session(this.other))
					.andReturn()
					.getResponse()
					.getStatus())
			.isEqualTo(404);
	}

	@Test
	void theDossierSectionLinksEachMembersMap() throws Exception {
		Family family = family();
		String section = this.mvc.perform(get("/network/households/" + family.household()).session(this.professional))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(section).contains("id=\"network\"")
			.contains("/network/members/" + family.mother())
			.contains("/network/members/" + family.child());
	}

	// ---- Helpers

	private record Family(UUID household, UUID mother, UUID child) {
	}

	private Family family() {
		UUID household = UUID.randomUUID();
		UUID mother = UUID.randomUUID();
		UUID child = UUID.randomUUID();
		this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())), (sql) -> {
			sql.sql("insert into household (id, organisation_id, version) values (:id, :org, 0)")
				.param("id", household)
				.param("org", this.organisation.id())
				.update();
			sql.sql("""
					insert into household_member (id, household_id, organisation_id, position, ref, role, main_contact, given_name)
					values (:m, :h, :org, 0, 'M1', 'PARENT', true, 'Samira'), (:c, :h, :org, 1, 'M2', 'CHILD', false, 'Yara')
					""")
				.param("m", mother)
				.param("c", child)
				.param("h", household)
				.param("org", this.organisation.id())
				.update();
			return null;
		});
		return new Family(household, mother, child);
	}

	private void helpQuestion(Family family, UUID member, String domain, String status, LocalDate closedOn) {
		this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())), (sql) -> sql.sql("""
				insert into help_question (id, household_id, organisation_id, member_id, framework_code, domain_code,
				  monitor_code, opened_on, closed_on, status)
				values (:id, :h, :org, :m, 'MONITOR', :d, :d, date '2026-01-01', :closed, :status)
				""")
			.param("id", UUID.randomUUID())
			.param("h", family.household())
			.param("org", this.organisation.id())
			.param("m", member)
			.param("d", domain)
			.param("closed", closedOn)
			.param("status", status)
			.update());
	}

	private void goal(Family family, UUID member, String domain, String status) {
		this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())), (sql) -> sql.sql("""
				insert into plan_goal (id, household_id, organisation_id, member_id, framework_code, domain_code,
				  monitor_code, description, status, set_on)
				values (:id, :h, :org, :m, 'MONITOR', :d, :d, 'Een doel', :status, date '2026-01-01')
				""")
			.param("id", UUID.randomUUID())
			.param("h", family.household())
			.param("org", this.organisation.id())
			.param("m", member)
			.param("d", domain)
			.param("status", status)
			.update());
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String body, int expected)
			throws Exception {
		return this.api.send(request, body, this.professional, expected);
	}

	private static List<String> codes(JsonNode list) {
		return list.findValuesAsString("code");
	}

}
