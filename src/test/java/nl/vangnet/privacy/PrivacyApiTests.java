package nl.vangnet.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.Encryption;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The client's rights through the API (issue 17, items 3 and 4): a coordinator requests a
 * mother's report, reviews it and delivers it as JSON and PDF, each step in the trail; an
 * erasure needs a second coordinator, and afterwards nothing of the family can be found
 * by any page, API, export or query.
 */
@VangnetTest
class PrivacyApiTests {

	@Autowired
	private TestData data;

	@Autowired
	private ApiClient api;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Encryption encryption;

	@Autowired
	private Retention retention;

	@Autowired
	@Qualifier("flywayDataSource")
	private DataSource owner;

	@Test
	void aCoordinatorRequestsReviewsAndDeliversAMothersReport() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		PrivacyFixture family = PrivacyFixture.create(this.data, this.encryption, organisation,
				this.data.organisation(), coordinator.id(), false);
		MockHttpSession session = TestData.signIn(this.mvc, coordinator);
		String base = "/api/v1/households/" + family.household() + "/members/M1/subject-access";
		assertThat(this.api.send(get(base).param("format", "json"), "", session).getStatus()).isEqualTo(422);
		JsonNode requested = this.api.read(this.api.send(post(base), "", session, 201));
		assertThat(requested.get("status").asString()).isEqualTo("REQUESTED");
		MockHttpServletResponse early = this.api.send(get(base).param("format", "pdf"), "", session);
		assertThat(early.getStatus()).isEqualTo(422);
		assertThat(early.getContentAsString()).contains("review");
		this.api.send(post(base + "/review"), "{\"report\": true}", session, 200);
		MockHttpServletResponse json = this.api.send(get(base).param("format", "json"), "", session, 200);
		String body = json.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body)
			.contains("vangnet-subject-access/1", "\"DELIVERED\"", family.motherName(), family.address(),
					"Hoe het na vertrek ging", "Vaste woonplek", "In evenwicht")
			.doesNotContain(family.childName())
			.doesNotContain(family.contactName());
		MockHttpServletResponse pdf = this.api.send(get(base).param("format", "pdf"), "", session, 200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		assertThat(this.api.send(get(base).param("format", "xml"), "", session).getStatus()).isEqualTo(422);
		List<String> trail = this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(sql) -> sql.sql("""
						select action || ' ' || subject_detail from access_trail
						where organisation_id = :org and subject_id = :member and subject_detail like 'subject access%'
						order by id""")
					.param("org", organisation.id())
					.param("member", family.mother())
					.query(String.class)
					.list());
		assertThat(trail).containsSubsequence("CREATE subject access: requested", "UPDATE subject access: reviewed",
				"EXPORT subject access: delivered as json", "EXPORT subject access: delivered as pdf");
	}

	@Test
	void anErasureIsApprovedByASecondCoordinatorAndLeavesNothingToBeFound() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person requester = this.data.person(organisation, Role.COORDINATOR);
		TestData.Person approver = this.data.person(organisation, Role.COORDINATOR);
		TestData.Organisation recipient = this.data.organisation();
		PrivacyFixture family = PrivacyFixture.create(this.data, this.encryption, organisation, recipient,
				requester.id(), false);
		MockHttpSession first = TestData.signIn(this.mvc, requester);
		MockHttpSession second = TestData.signIn(this.mvc, approver);
		// She asked to see her data before; and her dossier was looked at.
		String base = "/api/v1/households/" + family.household();
		this.api.getJson(base, first);
		this.api.send(post(base + "/members/M1/subject-access"), "", first, 201);
		assertThat(
				this.api.send(post(base + "/erasure-requests"), "{\"reason\": \"SUBJECT_REQUEST\"}", first).getStatus())
			.isEqualTo(422);
		assertThat(this.api.send(post(base + "/erasure-requests"), "{\"reason\": \"RETENTION\"}", first).getStatus())
			.as("not closed, so not past retention")
			.isEqualTo(422);
		JsonNode request = this.api.read(this.api.send(post(base + "/erasure-requests"),
				"{\"reason\": \"SUBJECT_REQUEST\", \"note\": \"Zij wil opnieuw beginnen\"}", first, 201));
		String approval = "/api/v1/erasure-requests/" + request.get("id").asString() + "/approval";
		MockHttpServletResponse own = this.api.send(post(approval), "", first);
		assertThat(own.getStatus()).isEqualTo(422);
		assertThat(own.getContentAsString()).contains("approver");
		JsonNode erased = this.api.read(this.api.send(post(approval), "", second, 200));
		assertThat(erased.get("status").asString()).isEqualTo("ERASED");
		assertThat(erased.get("note").isNull()).isTrue();
		assertThat(this.api.send(post(approval), "", second).getStatus()).isEqualTo(422);

		// Pages, API and exports.
		assertThat(this.api.status(get(base), second)).isEqualTo(404);
		assertThat(this.api.status(get("/households/" + family.household()), second)).isEqualTo(404);
		List<String> everything = new ArrayList<>();
		for (String path : List.of("/api/v1/households?q=" + family.motherName(), "/api/v1/households",
				"/api/v1/exports", "/api/v1/access-trail", "/access-trail", "/caseload", "/households", "/worklist",
				"/retention", "/api/v1/erasure-requests")) {
			MockHttpServletResponse response = this.mvc.perform(get(path).session(second)).andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(200);
			everything.add(response.getContentAsString(StandardCharsets.UTF_8));
		}
		for (String page : everything) {
			assertThat(page).doesNotContain(family.motherName(), family.childName(), family.contactName(),
					family.externalId(), family.address(), "Zij wil opnieuw beginnen");
		}
		// Every column of every table, read as the owner of the schema (above row-level
		// security): no name, number or address of the family, and no row that still
		// names the household or its members, except the trail and the erasure's record.
		assertThat(findAnywhere(List.of(family.motherName(), family.childName(), family.contactName(),
				family.externalId(), family.address(), "Zij wil opnieuw beginnen"), List.of()))
			.isEmpty();
		assertThat(findAnywhere(
				List.of(family.household().toString(), family.mother().toString(), family.child().toString()),
				List.of("access_trail", "erasure_request")))
			.isEmpty();
		// The trail keeps that it happened, without names.
		List<String> trail = this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(sql) -> sql.sql("""
						select action || ' ' || coalesce(subject_detail, '') from access_trail
						where organisation_id = :org and subject_id = :household order by id""")
					.param("org", organisation.id())
					.param("household", family.household())
					.query(String.class)
					.list());
		assertThat(trail).anyMatch((row) -> row.startsWith("CREATE erasure: requested, reason SUBJECT_REQUEST"))
			.anyMatch((row) -> row.startsWith("DELETE erasure: approved and carried out"));
	}

	@Test
	void theRetentionIsTheOrganisationsAndTheDailyListingFindsWhatIsPastIt() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		PrivacyFixture closed = PrivacyFixture.create(this.data, this.encryption, organisation,
				this.data.organisation(), coordinator.id(), true);
		MockHttpSession session = TestData.signIn(this.mvc, coordinator);
		JsonNode policy = this.api.getJson("/api/v1/retention", session);
		assertThat(policy.get("years").asInt()).isEqualTo(7);
		assertThat(policy.get("own").asBoolean()).isFalse();
		this.retention.listPastRetention();
		assertThat(this.retention.listPastRetention()).as("listing again lists nothing new").isZero();
		JsonNode due = this.api.getJson("/api/v1/retention", session).get("due");
		assertThat(due.toString()).contains(closed.household().toString());
		// Ten years: it is not past any more for a new listing (the list keeps what it
		// listed).
		this.api.send(put("/api/v1/retention"), "{\"years\": 10, \"version\": -1}", session, 200);
		assertThat(this.api.send(put("/api/v1/retention"), "{\"years\": 12, \"version\": -1}", session).getStatus())
			.isEqualTo(409);
		assertThat(this.api.send(put("/api/v1/retention"), "{\"years\": 0, \"version\": 0}", session).getStatus())
			.isEqualTo(422);
		JsonNode now = this.api.getJson("/api/v1/retention", session);
		assertThat(now.get("years").asInt()).isEqualTo(10);
		assertThat(now.get("own").asBoolean()).isTrue();
		assertThat(this.api
			.send(post("/api/v1/households/" + closed.household() + "/erasure-requests"), "{\"reason\": \"RETENTION\"}",
					session)
			.getStatus()).as("closed 8 years ago, 10 years kept").isEqualTo(422);
	}

	/** Where any of the texts occurs in any column of any table (but those left out). */
	private List<String> findAnywhere(List<String> texts, List<String> except) {
		JdbcClient sql = JdbcClient.create(this.owner);
		List<Map<String, Object>> columns = sql.sql("""
				select c.table_name, c.column_name, c.data_type from information_schema.columns c
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
				  and c.data_type in ('text', 'character varying', 'character', 'ARRAY', 'uuid', 'bytea', 'jsonb')
				  and c.table_name <> 'flyway_schema_history'""").query().listOfRows();
		List<String> found = new ArrayList<>();
		for (Map<String, Object> column : columns) {
			String table = (String) column.get("table_name");
			if (except.contains(table)) {
				continue;
			}
			String name = "\"" + column.get("column_name") + "\"";
			String type = (String) column.get("data_type");
			for (String text : texts) {
				String condition = type.equals("bytea") ? "position(convert_to(:text, 'UTF8') in " + name + ") > 0"
						: "strpos(cast(" + name + " as text), :text) > 0";
				Integer hits = sql.sql("select count(*) from \"" + table + "\" where " + condition)
					.param("text", text)
					.query(Integer.class)
					.single();
				if (hits > 0) {
					found.add(table + "." + column.get("column_name") + " holds " + text);
				}
			}
		}
		return found;
	}

}
