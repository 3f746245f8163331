package nl.vangnet.household;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The households list costs what it shows (issue 16, item 1): its order is kept on the
 * household in the same transaction as every change of its members (V28_1), a page is
 * read in that index's order, the name search can use the trigram index, and above
 * {@value HouseholdSearch#COUNT_LIMIT} matches the list says "more than" instead of
 * counting every household.
 */
@VangnetTest
class HouseholdListOrderTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	@Test
	void theOrderFollowsTheMainContactsNameAsItChanges() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		MockHttpSession session = TestData.signIn(this.mvc, this.data.person(organisation, Role.PROFESSIONAL));
		UUID bakker = create(session, "{\"members\": [{\"ref\": \"m1\", \"role\": \"PARENT\", \"mainContact\": true,"
				+ " \"givenName\": \"Anna\", \"familyName\": \"Bakker\"}]}");
		create(session, "{\"members\": [{\"ref\": \"m1\", \"role\": \"PARENT\", \"mainContact\": true,"
				+ " \"givenName\": \"Noor\", \"familyName\": \"Claes\"}]}");
		create(session,
				"{\"externalId\": \"A-17\", \"members\": [{\"ref\": \"m1\", \"role\": \"PARENT\", \"mainContact\": true}]}");
		assertThat(names(session)).containsExactly("A-17", "Anna Bakker", "Noor Claes");

		// Her family name changes: the household moves in the list.
		JsonNode document = this.json.readTree(this.mvc.perform(get("/api/v1/households/{id}", bakker).session(session))
			.andReturn()
			.getResponse()
			.getContentAsString());
		String changed = document.toString().replace("\"Bakker\"", "\"Dekker\"");
		this.mvc
			.perform(put("/api/v1/households/{id}", bakker).session(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(changed))
			.andExpect(status().isOk());
		assertThat(names(session)).containsExactly("A-17", "Noor Claes", "Anna Dekker");
	}

	@Test
	void aLargeOrganisationsListSaysMoreThanInsteadOfCountingThemAll() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		MockHttpSession session = TestData.signIn(this.mvc, this.data.person(organisation, Role.COORDINATOR));
		this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())), (jdbc) -> jdbc.sql("""
				insert into household (id, organisation_id, external_id, version)
				select gen_random_uuid(), ?, 'EXT-' || lpad(n::text, 5, '0'), 0 from generate_series(1, 1003) n""")
			.param(organisation.id())
			.update());
		JsonNode page = this.json
			.readTree(this.mvc.perform(get("/api/v1/households").session(session).param("size", "20"))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(page.get("total").longValue()).isEqualTo(HouseholdSearch.COUNT_LIMIT);
		assertThat(page.get("totalAtLeast").booleanValue()).isTrue();
		assertThat(page.get("more").booleanValue()).isTrue();
		assertThat(page.get("items")).hasSize(20);
		assertThat(page.get("items").get(0).get("externalId").stringValue()).isEqualTo("EXT-00001");
		this.mvc.perform(get("/households").session(session))
			.andExpect(content().string(containsString("Meer dan 1.000 huishoudens (pagina 1)")));

		// The last page: nothing after it, still found in order.
		JsonNode last = this.json.readTree(
				this.mvc.perform(get("/api/v1/households").session(session).param("size", "100").param("page", "10"))
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(last.get("items")).hasSize(3);
		assertThat(last.get("more").booleanValue()).isFalse();
		assertThat(last.get("items").get(2).get("externalId").stringValue()).isEqualTo("EXT-01003");

		// A search finds one among them, and counts exactly.
		JsonNode found = this.json
			.readTree(this.mvc.perform(get("/api/v1/households").session(session).param("q", "ext-00777"))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(found.get("total").longValue()).isEqualTo(1);
		assertThat(found.get("totalAtLeast").booleanValue()).isFalse();
	}

	@Test
	void theNameSearchAndThePageCanBeServedByTheirIndexes() {
		TestData.Organisation organisation = this.data.organisation();
		// The search's expression is the trigram index's, as PostgreSQL prints both.
		String index = this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(jdbc) -> jdbc.sql("select pg_get_indexdef('household_member_name_trigrams'::regclass)")
					.query(String.class)
					.single());
		String expression = index.substring(index.indexOf("gin (") + 5, index.lastIndexOf(" gin_trgm_ops"));
		List<String> search = plan(organisation, """
				select h.id from household h
				where h.id in (select m.household_id from household_member m
				  where lower(coalesce(m.given_name, '') || ' ' || coalesce(m.family_name, '')) like '%amrani%')
				""");
		assertThat(String.join("\n", search)).contains(expression + " ~~ '%amrani%'::text");
		List<String> page = plan(organisation, """
				select h.id from household h where h.organisation_id = '%s'
				order by h.sort_name, h.sort_given, h.id limit 21""".formatted(organisation.id()));
		assertThat(String.join("\n", page)).contains("household_list_order").doesNotContain("Sort ");
	}

	private List<String> plan(TestData.Organisation organisation, String sql) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())), (jdbc) -> {
			// Whether the indexes can serve it, whatever a nearly empty test table's
			// statistics make the planner prefer.
			jdbc.sql("set local enable_seqscan = off").update();
			jdbc.sql("set local enable_sort = off").update();
			return jdbc.sql("explain " + sql).query(String.class).list();
		});
	}

	private List<String> names(MockHttpSession session) throws Exception {
		JsonNode page = this.json.readTree(this.mvc.perform(get("/api/v1/households").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString());
		return page.get("items").valueStream().map(HouseholdListOrderTests::shown).toList();
	}

	private static String shown(JsonNode item) {
		return (item.hasNonNull("name")) ? item.get("name").stringValue() : item.get("externalId").stringValue();
	}

	private UUID create(MockHttpSession session, String document) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/households").session(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(document))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).as("the document is taken").contains("\"id\"");
		return UUID.fromString(this.json.readTree(body).get("id").stringValue());
	}

}
