package nl.vangnet.household;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Household files (vangnet-household/1 JSON Lines) through the API: all or nothing, every
 * invalid line named, re-import replaces, export → import reproduces the documents and
 * the monitor.
 */
@VangnetTest
class HouseholdFilesTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	@Autowired
	private HouseholdFiles files;

	/** The sections that other modules keep, with a score that varies (%d). */
	private static final String SECTIONS = """
			,"helpQuestions":[{"member":"m1","domain":"FINANCES","opened":"2020-07-01","closed":null,"acute":true,\
			"status":"OPEN","description":"Huurachterstand"},{"member":"m2","domain":"SOCIAL.PARENTING",\
			"opened":"2020-08-01","closed":"2021-01-10","acute":false,"status":"RESOLVED"}],\
			"progressScores":[{"domain":"FINANCES","date":"2020-07-15","score":2},\
			{"domain":"FINANCES","date":"2021-06-15","score":%d},{"domain":"HEALTH","date":"2021-06-15","score":null}],\
			"experience":[{"date":"2021-06-15","domain":"FINANCES","helped":"YES"}],\
			"timeEntries":[{"date":"2020-07-06","type":"ARRANGING","minutes":120,"member":null},\
			{"date":"2021-02-01","type":"CONVERSATION","minutes":%d0,"member":"m1"}],\
			"activities":[{"date":"2021-03-05","name":"Wijkmaaltijd","member":"m1","satisfaction":"GREEN"}]""";

	static String line(String organisation, String externalId, String composition, String extra) {
		return """
				{"format":"vangnet-household/1","externalId":"%s","organisation":"%s","composition":"%s","debts":"YES",\
				"referralSource":"OWN_NETWORK","members":[{"ref":"m1","role":"PARENT","mainContact":true,"givenName":"Samira",\
				"familyName":"El Amrani","birthDate":"1989-04-02","education":"START_QUALIFICATION","dayActivities":["WORK"]},\
				{"ref":"m2","role":"CHILD","birthDate":"2016-09-12"},{"ref":"m3","role":"CHILD","ageGroup":"TODDLER"}],\
				"trajectories":[{"kind":"INTENSIVE","start":"2020-07-01"}]%s}"""
			.formatted(externalId, organisation, composition, extra);
	}

	private MockHttpServletResponse importFile(MockHttpSession session, String content) throws Exception {
		return this.mvc
			.perform(post("/api/v1/imports").session(session)
				.with(csrf())
				.contentType("application/x-ndjson")
				.content(content.getBytes(StandardCharsets.UTF_8)))
			.andReturn()
			.getResponse();
	}

	private long households(TestData.Organisation organisation) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(jdbc) -> jdbc.sql("select count(*) from household").query(Long.class).single());
	}

	@Test
	void theCommandLineImportsAFileForTheOrganisationsItNamesOrNothingWithExitCodeOne(@TempDir Path directory)
			throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		Path good = Files.writeString(directory.resolve("good.jsonl"),
				line(organisation.code(), "C-1", "ONE_PARENT", "") + "\n"
						+ line(organisation.code(), "C-2", "UNKNOWN", ""));
		Path bad = Files.writeString(directory.resolve("bad.jsonl"), line(organisation.code(), "C-3", "ONE_PARENT", "")
				+ "\n" + line(organisation.code(), "C-4", "THREE_PARENT", ""));

		ImportCommand badRun = new ImportCommand(this.files);
		badRun.run(new DefaultApplicationArguments("import", bad.toString()));
		assertThat(badRun.getExitCode()).isEqualTo(1);
		assertThat(households(organisation)).isZero();

		ImportCommand goodRun = new ImportCommand(this.files);
		goodRun.run(new DefaultApplicationArguments("import", good.toString()));
		assertThat(goodRun.getExitCode()).isZero();
		assertThat(households(organisation)).isEqualTo(2);
	}

	@Test
	void aValidFileIsStoredAndReImportingTheSameExternalIdsReplacesInsteadOfAdding() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		MockHttpSession coordinator = TestData.signIn(this.mvc, this.data.person(organisation, Role.COORDINATOR));
		String file = line(organisation.code(), "A-1", "ONE_PARENT", "") + "\n"
				+ line(organisation.code(), "A-2", "TWO_PARENT", "") + "\n\n";

		MockHttpServletResponse first = importFile(coordinator, file);
		assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(200);
		assertThat(this.json.readTree(first.getContentAsString()).get("created").asInt()).isEqualTo(2);

		MockHttpServletResponse again = importFile(coordinator, line(organisation.code(), "A-1", "TWO_PARENT", ""));
		assertThat(again.getStatus()).isEqualTo(200);
		JsonNode counts = this.json.readTree(again.getContentAsString());
		assertThat(counts.get("replaced").asInt()).isEqualTo(1);
		assertThat(counts.get("created").asInt()).isZero();
		assertThat(households(organisation)).isEqualTo(2);
		String composition = this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(jdbc) -> jdbc.sql("select composition from household where external_id = 'A-1'")
					.query(String.class)
					.single());
		assertThat(composition).isEqualTo("TWO_PARENT");
	}

	@Test
	void aFileWithInvalidLinesStoresNothingAndNamesEveryInvalidLineWithItsFieldAndReason() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Organisation other = this.data.organisation();
		MockHttpSession coordinator = TestData.signIn(this.mvc, this.data.person(organisation, Role.COORDINATOR));
		String file = String.join("\n", line(organisation.code(), "B-1", "ONE_PARENT", ""),
				line(organisation.code(), "B-2", "ONE_PARENT", ",\"colour\":\"red\""), "{not json",
				line(organisation.code(), "B-4", "THREE_PARENT", ""), line(other.code(), "B-5", "ONE_PARENT", ""),
				line(organisation.code(), "B-1", "ONE_PARENT", ""));

		MockHttpServletResponse response = importFile(coordinator, file);

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		JsonNode errors = this.json.readTree(response.getContentAsString()).get("errors");
		List<String> found = new ArrayList<>();
		errors.forEach((e) -> found.add(e.get("line").asInt() + " " + e.get("field").asString()));
		assertThat(found).containsExactly("2 colour", "3 ", "4 composition", "5 organisation", "6 externalId");
		errors.forEach((e) -> assertThat(e.get("message").asString()).isNotBlank());
		assertThat(errors.get(2).get("message").asString()).contains("ONE_PARENT");
		assertThat(households(organisation)).isZero();
		assertThat(households(other)).isZero();
	}

	@Test
	void exportThenImportIntoAnEmptyOrganisationReproducesTheSameDocumentsAndTheSameMonitor() throws Exception {
		TestData.Organisation source = this.data.organisation();
		TestData.Organisation target = this.data.organisation();
		MockHttpSession sourceCoordinator = TestData.signIn(this.mvc, this.data.person(source, Role.COORDINATOR));
		MockHttpSession targetCoordinator = TestData.signIn(this.mvc, this.data.person(target, Role.COORDINATOR));
		StringBuilder file = new StringBuilder();
		String[] compositions = { "ONE_PARENT", "TWO_PARENT", "UNKNOWN" };
		for (int i = 0; i < 12; i++) {
			String extra = ((i % 4 == 0) ? ",\"closedOn\":null" : "")
					+ SECTIONS.replace("%d", String.valueOf(1 + i % 5));
			file.append(line(source.code(), "R-" + i, compositions[i % 3], extra)
				.replace("\"start\":\"2020-07-01\"}",
						"\"start\":\"2020-0" + (1 + i % 9) + "-01\"" + ((i % 2 == 0) ? ",\"end\":\"2021-03-15\"" : "")
								+ "},{\"kind\":\"SHORT\",\"start\":\"2019-05-01\",\"end\":\"2019-05-20\"}"))
				.append('\n');
		}
		assertThat(importFile(sourceCoordinator, file.toString()).getStatus()).isEqualTo(200);

		String exported = export(sourceCoordinator);
		assertThat(exported.lines()).hasSize(12);
		assertThat(exported).contains("\"helpQuestions\":", "\"progressScores\":", "\"experience\":",
				"\"timeEntries\":", "\"activities\":");
		String moved = exported.replace("\"organisation\":\"" + source.code() + "\"",
				"\"organisation\":\"" + target.code() + "\"");
		MockHttpServletResponse imported = importFile(targetCoordinator, moved);
		assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
		String again = export(targetCoordinator);

		assertThat(comparable(again, target.code())).isEqualTo(comparable(exported, source.code()));
		MockHttpSession researcher = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.RESEARCHER));
		assertThat(monitor(researcher, target.code())).isEqualTo(monitor(researcher, source.code()));
	}

	private String export(MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/api/v1/exports").session(session))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The documents without what Vangnet assigns (id, version) and the organisation. */
	private List<String> comparable(String file, String organisation) {
		List<String> documents = new ArrayList<>();
		for (String text : file.lines().toList()) {
			ObjectNode node = (ObjectNode) this.json.readTree(text);
			assertThat(node.get("organisation").asString()).isEqualTo(organisation);
			node.remove(List.of("id", "version", "organisation"));
			documents.add(node.toString());
		}
		documents.sort(String::compareTo);
		return documents;
	}

	private String monitor(MockHttpSession researcher, String organisation) throws Exception {
		String body = this.mvc
			.perform(get("/api/v1/monitor").session(researcher)
				.param("from", "2019-01-01")
				.param("to", "2021-08-31")
				.param("organisations", organisation))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return body.replace(organisation, "ORG");
	}

}
