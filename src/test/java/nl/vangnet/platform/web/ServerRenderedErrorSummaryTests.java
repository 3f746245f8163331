package nl.vangnet.platform.web;

import java.time.LocalDate;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 18, item 1: the progress, help-question, network, monitor and access-trail forms
 * get their error summary from the server as the household and contact-person forms do,
 * without app.js: "Fout:" in the title, every message once at the top, each linked to its
 * field as rendered and naming it, the field marked invalid and described by its message.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerRenderedErrorSummaryTests {

	private static final String FUTURE = LocalDate.now().plusYears(1).toString();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	private MockHttpSession coordinator;

	private TestData.Organisation organisation;

	private String household;

	@BeforeAll
	void aFamily() throws Exception {
		this.organisation = this.data.organisation();
		TestData.Person person = this.data.person(this.organisation, Role.COORDINATOR);
		this.coordinator = TestData.signIn(this.mvc, person);
		JsonNode document = this.json.readTree("""
				{"members": [{"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Noor"}],
				 "trajectories": [{"kind": "INTENSIVE", "start": "2024-03-01", "contactPerson": "%s"}]}"""
			.formatted(person.id()));
		MockHttpServletResponse created = this.api.send(post("/api/v1/households"), document, this.coordinator);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		this.household = this.json.readTree(created.getContentAsString()).get("id").stringValue();
	}

	@Test
	void aScoringMomentInTheFutureWithAScoreOffTheScaleLinksToTheDateAndTheDomainsSelect() throws Exception {
		Document form = page(get("/households/" + this.household + "/progress"));
		String worker = form.getElementById("worker-0").attr("name");
		String domain = form.selectFirst("table.score-form tbody th").text();

		Document page = refused(post("/households/" + this.household + "/progress").param("scoredOn", FUTURE)
			.param("instrument", form.selectFirst("input[name=instrument]").attr("value"))
			.param(worker, "9"));

		assertLinked(page, "scored-on", "Datum");
		assertLinked(page, "worker-0", domain + ": Medewerker");
		assertThat(page.getElementById("scored-on").attr("value")).as("kept as typed").isEqualTo(FUTURE);
		assertThat(page.getElementById("worker-0").select("option[selected]").attr("value")).isEmpty();
	}

	@Test
	void aNewHelpQuestionWithoutDomainOrInTheFutureIsMarkedOnThatField() throws Exception {
		Document withoutDomain = refused(post("/households/" + this.household + "/help-questions").param("domain", "")
			.param("description", "Huur betalen"));
		Document inTheFuture = refused(
				post("/households/" + this.household + "/help-questions").param("domain", "FINANCES")
					.param("openedOn", FUTURE)
					.param("description", "Huur betalen"));

		assertLinked(withoutDomain, "question-domain", null);
		assertThat(withoutDomain.getElementById("question-description").text()).isEqualTo("Huur betalen");
		assertLinked(inTheFuture, "question-opened", null);
		assertThat(inTheFuture.getElementById("question-domain").hasAttr("aria-invalid")).isFalse();
	}

	@Test
	void aRevisionWithAStatusThatIsNoneLinksToThatQuestionsStatus() throws Exception {
		MockHttpServletResponse recorded = this.mvc
			.perform(post("/households/" + this.household + "/help-questions").with(csrf())
				.session(this.coordinator)
				.param("domain", "FINANCES")
				.param("openedOn", LocalDate.now().toString())
				.param("description", "Schulden"))
			.andReturn()
			.getResponse();
		assertThat(recorded.getStatus()).as(recorded.getContentAsString()).isEqualTo(302);
		Document questions = page(get("/households/" + this.household + "/help-questions"));
		Element revise = questions.selectFirst("form[id^=revise-]");
		String question = revise.id().substring("revise-".length());
		String index = revise.selectFirst("select[name=status]").id().substring("revise-status-".length());

		Document page = refused(post("/help-questions/" + question).param("version", "0")
			.param("description", "Schulden, nu ook de huur")
			.param("status", "VERDWENEN"));

		assertLinked(page, "revise-status-" + index, "Stand van zaken");
		assertThat(page.getElementById("revise-description-" + index).text()).isEqualTo("Schulden, nu ook de huur");
	}

	@Test
	void theAccessTrailsFilterLinksEachWrongDateToItsField() throws Exception {
		Document page = refused(get("/access-trail").param("from", "21112020").param("to", "1850-01-01"));

		assertThat(page.title()).startsWith("Fout:");
		assertLinked(page, "trail-from", "Vanaf (datum)");
		assertLinked(page, "trail-to", "Tot en met (datum)");
		assertThat(page.getElementById("trail-from").attr("aria-describedby")).contains("trail-filter-hint");
	}

	@Test
	void theMonitorsPeriodLinksTheDateThatIsNoneToItsField() throws Exception {
		Document page = refused(get("/monitor").param("from", "abc").param("to", LocalDate.now().toString()));

		assertLinked(page, "from", "Van");
		assertThat(page.getElementById("to").hasAttr("aria-invalid")).isFalse();
	}

	// ---- helpers

	/**
	 * The summary links an entry to the element with this id as rendered, names the field
	 * ({@code label}, when the message does not start with it already), and the element
	 * is invalid and described by that entry; every message once.
	 */
	private static void assertLinked(Document page, String id, String label) {
		assertThat(page.title()).startsWith("Fout:");
		Element link = page.selectFirst("#error-summary a[href=#" + id + "]");
		assertThat(link).as("a link to #%s in %s", id, page.select("#error-summary").outerHtml()).isNotNull();
		if (label != null) {
			assertThat(link.text()).startsWith(label + ":");
		}
		Element message = link.selectFirst(".error[id]");
		Element field = page.getElementById(id);
		assertThat(field).as(id).isNotNull();
		assertThat(field.attr("aria-invalid")).as(id).isEqualTo("true");
		assertThat(field.attr("aria-describedby").split(" ")).as(id).contains(message.id());
		assertThat(page.select("#error-summary li").eachText()).as("each message once").doesNotHaveDuplicates();
		assertThat(page.select("#error-summary li")).allMatch((entry) -> entry.selectFirst("a[href^=#]") != null);
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.session(this.coordinator))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString());
	}

	private Document refused(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.with(csrf()).session(this.coordinator))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
		return Jsoup.parse(response.getContentAsString());
	}

}
