package nl.vangnet.cooperation;

import java.util.List;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Regions on real PostgreSQL: an administrator defines, changes and removes them (page
 * and API), and they decide which partners of the who-does-what map an organisation sees
 * (the policy on {@code partner}).
 */
@VangnetTest
class RegionTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	@Autowired
	private OrganisationApi organisations;

	@Test
	void regionsDecideWhichPartnersAnOrganisationSeesFromDefinitionToRemoval() throws Exception {
		String north = TestData.unique("Noordwijk ");
		String south = TestData.unique("Zuidwijk ");
		MockHttpSession northCoordinator = coordinator(north);
		MockHttpSession southCoordinator = coordinator(south);
		MockHttpSession elsewhere = coordinator(TestData.unique("Elders "));
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		String word = TestData.unique("regiotest").toLowerCase();
		String northPartner = partner("Noord " + word, northCoordinator);
		String southPartner = partner("Zuid " + word, southCoordinator);
		assertThat(seen(word, elsewhere)).as("no region yet: the whole installation")
			.contains(northPartner, southPartner);

		MockHttpServletResponse defined = send(post("/api/v1/regions"),
				"{\"name\": \"%s\", \"districts\": [\"%s\"]}".formatted(TestData.unique("Regio "), north), admin);
		assertThat(defined.getStatus()).as(defined.getContentAsString()).isEqualTo(201);
		JsonNode region = this.json.readTree(defined.getContentAsString());
		String id = region.get("id").stringValue();
		assertThat(region.get("partners").intValue()).isEqualTo(1);
		assertThat(region.get("organisations")).hasSize(1);
		assertThat(seen(word, northCoordinator)).containsExactlyInAnyOrder(northPartner, southPartner);
		assertThat(seen(word, southCoordinator)).containsExactly(southPartner);
		assertThat(seen(word, elsewhere)).containsExactly(southPartner);

		MockHttpServletResponse changed = send(put("/api/v1/regions/" + id), """
				{"name": "%s", "districts": ["%s", "%s"], "version": 0}""".formatted(region.get("name").stringValue(),
				north, south), admin);
		assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
		assertThat(this.json.readTree(changed.getContentAsString()).get("partners").intValue()).isEqualTo(2);
		assertThat(seen(word, southCoordinator)).containsExactlyInAnyOrder(northPartner, southPartner);
		assertThat(seen(word, elsewhere)).isEmpty();
		MockHttpServletResponse stale = send(put("/api/v1/regions/" + id),
				"{\"name\": \"Anders\", \"districts\": [\"%s\"], \"version\": 0}".formatted(north), admin);
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentAsString()).contains("Anders");

		MockHttpServletResponse twice = send(post("/api/v1/regions"),
				"{\"name\": \"%s\", \"districts\": [\"%s\"]}".formatted(TestData.unique("Regio "), south), admin);
		assertThat(twice.getStatus()).isEqualTo(400);
		assertThat(this.json.readTree(twice.getContentAsString()).get("errors").findValuesAsString("field"))
			.containsExactly("districts[0]");
		MockHttpServletResponse empty = send(post("/api/v1/regions"), "{\"name\": \" \", \"districts\": []}", admin);
		assertThat(this.json.readTree(empty.getContentAsString()).get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("name", "districts");
		assertThat(send(post("/api/v1/regions"), "{\"name\": \"X\", \"districts\": [\"Y\"]}", northCoordinator)
			.getStatus()).isEqualTo(403);
		assertThat(this.mvc.perform(get("/api/v1/regions").session(northCoordinator))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);

		String page = html("/admin/regions", admin);
		assertThat(page).contains(region.get("name").stringValue()).contains(north);
		MockHttpServletResponse refused = this.mvc
			.perform(post("/admin/regions").session(admin)
				.with(csrf())
				.param("name", "Getypte naam")
				.param("districts", south))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("<title>Fout: Regio&#39;s")
			.contains("value=\"Getypte naam\"")
			.contains("hoort al bij de regio");
		assertThat(html("/admin/regions/" + id, admin)).contains(south).contains("Regio verwijderen");

		assertThat(this.mvc.perform(delete("/api/v1/regions/" + id).session(admin).with(csrf()).param("version", "0"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(409);
		assertThat(this.mvc.perform(delete("/api/v1/regions/" + id).session(admin).with(csrf()).param("version", "1"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(204);
		assertThat(seen(word, elsewhere)).as("the whole installation again")
			.containsExactlyInAnyOrder(northPartner, southPartner);
		assertThat(this.mvc.perform(get("/api/v1/regions/" + id).session(admin)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	private MockHttpSession coordinator(String district) throws Exception {
		String code = TestData.unique("R");
		this.organisations.register(code, "Regio-organisatie " + code, OrganisationKind.INFORMAL, List.of(district),
				true);
		return TestData.signIn(this.mvc, this.data.person(
				new TestData.Organisation(this.organisations.byCode(code).orElseThrow().id(), code), Role.COORDINATOR));
	}

	private String partner(String name, MockHttpSession coordinator) throws Exception {
		MockHttpServletResponse added = send(post("/api/v1/partners"),
				"{\"name\": \"%s\", \"kind\": \"FOOD_BANK\"}".formatted(name), coordinator);
		assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
		return this.json.readTree(added.getContentAsString()).get("id").stringValue();
	}

	private List<String> seen(String word, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/api/v1/partners").param("q", word).session(session))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return this.json.readTree(response.getContentAsString()).findValuesAsString("id");
	}

	private String html(String path, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String body, MockHttpSession session)
			throws Exception {
		return this.mvc
			.perform(request.session(session).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andReturn()
			.getResponse();
	}

}
