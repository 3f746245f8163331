package nl.vangnet.household;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The import report as a coordinator reads it (issue 18, item 9): every error of a line,
 * in words, naming the field by its label (the API keeps the path); a preview of what
 * each line of a valid file will do; and after the import a link to each family's
 * dossier.
 */
@VangnetTest
class ImportPageTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	/**
	 * A line with four errors: a code that does not exist, a birth date in the future, a
	 * field the contract does not know and a trajectory that ends before it starts.
	 */
	private static String badLine(String organisation) {
		return """
				{"format":"vangnet-household/1","externalId":"E-2","organisation":"%s","composition":"THREE_PARENT",\
				"members":[{"ref":"m1","role":"PARENT","mainContact":true,"givenName":"Noor","birthDate":"2999-01-01"}],\
				"colour":"red","trajectories":[{"kind":"INTENSIVE","start":"2024-03-01","end":"2024-02-01"}]}"""
			.formatted(organisation);
	}

	private Document preview(MockHttpSession session, String content) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(multipart("/imports/preview").file(new MockMultipartFile("file", "gezinnen.jsonl",
					"application/x-ndjson", content.getBytes(StandardCharsets.UTF_8)))
				.session(session)
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	@Test
	void everyErrorOfALineIsReportedInWordsNamingTheFieldByItsLabel() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		MockHttpSession coordinator = TestData.signIn(this.mvc, this.data.person(organisation, Role.COORDINATOR));
		String file = HouseholdFilesTests.line(organisation.code(), "E-1", "ONE_PARENT", "") + "\n"
				+ badLine(organisation.code());

		Document page = preview(coordinator, file);

		assertThat(page.select("#import-summary").text()).contains("1 regel heeft een fout");
		List<String> rows = new ArrayList<>();
		for (Element row : page.select("#import-report tr.import-error")) {
			rows.add(row.select("td").get(0).text() + " | " + row.select("td").get(1).text() + " | "
					+ row.select("td").get(2).text());
		}
		assertThat(rows).hasSize(4).allMatch((r) -> r.startsWith("2 | "));
		assertThat(rows).anyMatch((r) -> r.startsWith("2 | Samenstelling | Samenstelling: \"THREE_PARENT\""));
		assertThat(rows).anyMatch((r) -> r.startsWith("2 | Gezinslid 1, geboortedatum | Geboortedatum (gezinslid 1)"));
		assertThat(rows).anyMatch((r) -> r.startsWith("2 | Veld \"colour\" | Veld \"colour\": dit veld bestaat niet"));
		assertThat(rows).anyMatch((r) -> r.startsWith("2 | Begeleiding 1, einddatum | Einddatum"));
		assertThat(page.select("#import-report").text()).doesNotContain("members[").doesNotContain("trajectories[");
		assertThat(page.select("#confirm")).isEmpty();

		MockHttpServletResponse api = this.mvc
			.perform(post("/api/v1/imports").session(coordinator)
				.with(csrf())
				.header("Accept-Language", "en")
				.contentType("application/x-ndjson")
				.content(file.getBytes(StandardCharsets.UTF_8)))
			.andReturn()
			.getResponse();
		assertThat(api.getStatus()).isEqualTo(422);
		List<String> fields = new ArrayList<>();
		this.json.readTree(api.getContentAsString())
			.get("errors")
			.forEach((e) -> fields.add(e.get("field").asString() + " = " + e.get("message").asString()));
		assertThat(fields).hasSize(4)
			.anyMatch((f) -> f.startsWith("members[0].birthDate = "))
			.anyMatch((f) -> f.startsWith("composition = Composition: \"THREE_PARENT\""))
			.anyMatch((f) -> f.startsWith("trajectories[0].end = "));
	}

	@Test
	void aLineWithErrorsInItsHouseholdAndInItsSectionsReportsThemAllAtOnce() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		MockHttpSession coordinator = TestData.signIn(this.mvc, this.data.person(organisation, Role.COORDINATOR));
		String line = """
				{"format":"vangnet-household/1","externalId":"S-1","organisation":"%s","composition":"THREE_PARENT",\
				"members":[{"ref":"m1","role":"PARENT","mainContact":true,"givenName":"Noor"}],\
				"helpQuestions":[{"member":"m1","domain":"FINANCES","opened":"2021-03-01","closed":"2021-01-10",\
				"acute":false,"status":"RESOLVED","description":"Huurachterstand"}],\
				"progressScores":[{"domain":"FINANCES","date":"2021-06-15","score":2},\
				{"domain":"FINANCES","date":"2021-06-15","score":3}],\
				"timeEntries":[{"date":"2021-02-01","type":"CONVERSATION","minutes":2000,"member":"m1"}]}"""
			.formatted(organisation.code());

		Document page = preview(coordinator, line);

		List<String> labels = page.select("#import-report tr.import-error td:nth-child(2)").eachText();
		assertThat(labels).containsExactlyInAnyOrder("Samenstelling", "Hulpvraag 1, afgerond op", "Score 2, datum",
				"Tijdregel 1, minuten");
		assertThat(page.select("#import-summary").text()).contains("1 regel heeft een fout");
		assertThat(page.select("#import-report").text()).doesNotContain("helpQuestions[")
			.doesNotContain("progressScores[")
			.doesNotContain("timeEntries[");

		Document other = preview(coordinator, line.replace(organisation.code(), "NIET-BESTAAND"));
		assertThat(other.select("#import-report tr.import-error td:nth-child(2)").eachText()).contains("Organisatie",
				"Samenstelling", "Hulpvraag 1, afgerond op", "Score 2, datum");
	}

	@Test
	void anEmptyFileSaysSoWithoutCountingALineOrNamingLineZero() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		MockHttpSession coordinator = TestData.signIn(this.mvc, this.data.person(organisation, Role.COORDINATOR));

		Document page = preview(coordinator, "\n\n");

		assertThat(page.select("#import-summary").text())
			.isEqualTo("Er is niets opgeslagen: het bestand zelf klopt niet.");
		assertThat(page.select("#import-report tr.import-error")).hasSize(1);
		assertThat(page.select("#import-report tr.import-error td").eachText()).containsExactly("—", "—",
				"Het bestand bevat geen gezinnen.");
		assertThat(page.select("#import-report").text()).doesNotContain("Regel 0").doesNotContain("regels");
	}

	@Test
	void aLineForAnotherOrganisationIsCheckedToTheEndToo() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Organisation other = this.data.organisation();
		MockHttpSession coordinator = TestData.signIn(this.mvc, this.data.person(organisation, Role.COORDINATOR));

		Document page = preview(coordinator, badLine(other.code()));

		List<String> labels = page.select("#import-report tr.import-error td:nth-child(2)").eachText();
		assertThat(labels).contains("Organisatie", "Samenstelling", "Veld \"colour\"");
	}

	@Test
	void aValidFileShowsPerLineWhatWillBeCreatedOrReplacedBeforeItIsConfirmed() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		MockHttpSession coordinator = TestData.signIn(this.mvc, this.data.person(organisation, Role.COORDINATOR));
		String first = HouseholdFilesTests.line(organisation.code(), "P-1", "ONE_PARENT", "");
		assertThat(this.mvc
			.perform(post("/api/v1/imports").session(coordinator)
				.with(csrf())
				.contentType("application/x-ndjson")
				.content(first.getBytes(StandardCharsets.UTF_8)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		String file = first + "\n\n"
				+ """
						{"format":"vangnet-household/1","externalId":"P-2","organisation":"%s","composition":"TWO_PARENT",\
						"members":[{"ref":"m1","role":"PARENT","mainContact":true,"givenName":"Priya","familyName":"Ramdin"}]}"""
					.formatted(organisation.code());

		Document page = preview(coordinator, file);

		assertThat(page.select("#import-report [role=status]").text())
			.isEqualTo("Alle 2 regels zijn goed: 1 nieuw gezin, 1 bestaand gezin wordt bijgewerkt.");
		List<String> rows = new ArrayList<>();
		for (Element row : page.select("#import-preview tbody tr")) {
			rows.add(String.join(" | ", row.select("td").eachText()));
		}
		assertThat(rows).containsExactly(
				"1 | Samira El Amrani | 3 gezinsleden, waarvan 2 kinderen | Intensieve begeleiding vanaf 01-07-2020 | Bestaand gezin wordt bijgewerkt",
				"3 | Priya Ramdin | 1 gezinslid, geen kinderen | Nog geen begeleiding | Nieuw gezin");
		assertThat(page.select("#confirm")).hasSize(1);
		assertThat(households(organisation)).isEqualTo(1);
	}

	@Test
	void afterTheImportThePageLinksToTheDossierOfEveryImportedFamily() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		MockHttpSession coordinator = TestData.signIn(this.mvc, this.data.person(organisation, Role.COORDINATOR));
		String file = HouseholdFilesTests.line(organisation.code(), "L-1", "ONE_PARENT", "") + "\n" + """
				{"format":"vangnet-household/1","externalId":"L-2","organisation":"%s","composition":"UNKNOWN",\
				"members":[{"ref":"m1","role":"CHILD","ageGroup":"TODDLER"}]}""".formatted(organisation.code());
		Document page = preview(coordinator, file);
		String token = page.select("input[name=token]").attr("value");

		MvcResult confirmed = this.mvc
			.perform(post("/imports/confirm").session(coordinator).with(csrf()).param("token", token))
			.andReturn();
		assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/imports");
		Document after = Jsoup
			.parse(this.mvc.perform(get("/imports").session(coordinator).flashAttrs(confirmed.getFlashMap()))
				.andReturn()
				.getResponse()
				.getContentAsString());

		List<String> links = new ArrayList<>();
		for (Element link : after.select("#imported a")) {
			links.add(link.text() + " -> " + link.attr("href"));
		}
		UUID samira = idOf(organisation, "L-1");
		UUID child = idOf(organisation, "L-2");
		assertThat(links).containsExactly("Dossier van Samira El Amrani -> /households/" + samira,
				"Dossier van Gezin met eigen nummer L-2 -> /households/" + child);
		assertThat(this.mvc.perform(get("/households/" + child).session(coordinator))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);

		JsonNode api = this.json.readTree(
				this.mvc
					.perform(post("/api/v1/imports").session(coordinator)
						.with(csrf())
						.contentType("application/x-ndjson")
						.content(file.getBytes(StandardCharsets.UTF_8)))
					.andReturn()
					.getResponse()
					.getContentAsString());
		assertThat(api.get("households").get(0).get("id").asString()).isEqualTo(samira.toString());
		assertThat(api.get("households").get(1).get("replaced").asBoolean()).isTrue();
	}

	private long households(TestData.Organisation organisation) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(jdbc) -> jdbc.sql("select count(*) from household").query(Long.class).single());
	}

	private UUID idOf(TestData.Organisation organisation, String externalId) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(jdbc) -> jdbc.sql("select id from household where external_id = :e")
					.param("e", externalId)
					.query(UUID.class)
					.single());
	}

}
