package nl.vangnet.contact;

import java.time.Clock;
import java.time.LocalDate;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

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

/**
 * The contacts pages in the browser's shape: forms post, redirect and show what was
 * saved; the dossier section and the worklist come as htmx partials too.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactWebTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private Clock clock;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	private MockHttpSession professional;

	private MockHttpSession volunteer;

	private TestData.Person volunteerPerson;

	private TestData.Person professionalPerson;

	@BeforeAll
	void signIn() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		this.professionalPerson = this.data.person(organisation, Role.PROFESSIONAL);
		this.volunteerPerson = this.data.person(organisation, Role.VOLUNTEER);
		this.professional = TestData.signIn(this.mvc, this.professionalPerson);
		this.volunteer = TestData.signIn(this.mvc, this.volunteerPerson);
	}

	@Test
	void aContactWithMinutesPerTypeIsRecordedFromTheFormAndShownWithTheTimeSummary() throws Exception {
		String id = family();
		String today = LocalDate.now(this.clock).toString();

		MockHttpServletResponse saved = perform(post("/households/" + id + "/contacts").param("date", today)
			.param("time", "00:05")
			.param("channel", "HOME_VISIT")
			.param("reached", "true")
			.param("note", "Post doorgenomen")
			.param("conversation", "30")
			.param("arranging", "45"), this.professional);
		MockHttpServletResponse page = perform(get("/households/" + id + "/contacts"), this.professional);

		assertThat(saved.getStatus()).as(errors(saved)).isEqualTo(302);
		assertThat(saved.getRedirectedUrl()).endsWith("/households/" + id + "/contacts");
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Post doorgenomen", "Huisbezoek", "Tijd per week", "Regelzaken",
				"5,6 min per week");
	}

	@Test
	void anActivityOnItsOwnSaysItsKindFromTheForm() throws Exception {
		String id = family();

		MockHttpServletResponse saved = perform(
				post("/households/" + id + "/activities").param("date", TestData.today().toString())
					.param("name", "Knutselmiddag")
					.param("kind", "CHILD_ACTIVITY")
					.param("satisfaction", "GREEN"),
				this.professional);
		MockHttpServletResponse page = perform(get("/households/" + id + "/contacts"), this.professional);

		assertThat(saved.getStatus()).as(errors(saved)).isEqualTo(302);
		assertThat(page.getContentAsString()).contains("Knutselmiddag", "(Activiteit voor kinderen)",
				"id=\"activity-kind\"");
	}

	@Test
	void aContactWithoutChannelIsRefusedOnTheForm() throws Exception {
		String id = family();

		MockHttpServletResponse refused = perform(
				post("/households/" + id + "/contacts").param("date", LocalDate.now(this.clock).toString())
					.param("reached", "true"),
				this.professional);

		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("Hoe: kies hoe het contact was.");
	}

	@Test
	void theDossierLoadsTheContactSectionAndTheSectionShowsTheFiguresWithLinks() throws Exception {
		String id = family();
		perform(post("/households/" + id + "/debts").param("creditor", "Woningcorporatie")
			.param("amount", "850.25")
			.param("status", "OPEN"), this.professional);
		perform(post("/households/" + id + "/obligations").param("kind", "FORM")
			.param("description", "Formulier terugsturen")
			.param("agency", "Gemeente")
			.param("dueOn", LocalDate.now(this.clock).plusDays(3).toString()), this.professional);

		String dossier = perform(get("/households/" + id), this.professional).getContentAsString();
		MockHttpServletResponse section = perform(
				get("/households/" + id + "/contact-summary").header("HX-Request", "true"), this.professional);

		assertThat(dossier).contains("hx-get=\"/households/" + id + "/contact-summary\"", "hx-trigger=\"load\"");
		assertThat(section.getContentAsString())
			.contains("id=\"contact-summary\"", "€ 850,25", "/households/" + id + "/obligations",
					"/households/" + id + "/debts")
			.doesNotContain("<html");
	}

	@Test
	void theObligationsPrintForTheFamilyInPlainLanguage() throws Exception {
		String id = family();
		perform(post("/households/" + id + "/obligations").param("kind", "BENEFIT_RENEWAL")
			.param("description", "Huurtoeslag verlengen")
			.param("agency", "Belastingdienst")
			.param("dueOn", "2030-06-01"), this.professional);
		perform(post("/households/" + id + "/obligations").param("kind", "LETTER")
			.param("description", "Brief van Çiğdem 😀 lezen"), this.professional);

		String print = perform(get("/households/" + id + "/obligations/print"), this.professional).getContentAsString();

		assertThat(print).contains("Wat moet ik doen?", "Huurtoeslag verlengen", "Naar: Belastingdienst",
				"Uw uitkering of toeslag moet verlengd worden.", "/css/print.css");
		MockHttpServletResponse pdf = perform(get("/households/" + id + "/obligations.pdf"), this.professional);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader
			.loadPDF(pdf.getContentAsByteArray())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("Wat moet ik doen?", "Huurtoeslag verlengen", "Naar: Belastingdienst");
			assertThat(text).contains("Brief van Çiğdem 😀 lezen", "☐ Gedaan").doesNotContain("#");
		}
	}

	@Test
	void aStaleDebtChangeShowsWhatSomeoneElseChanged() throws Exception {
		String id = family();
		perform(post("/households/" + id + "/debts").param("creditor", "Telecom").param("amount", "120"),
				this.professional);
		String page = perform(get("/households/" + id + "/debts"), this.professional).getContentAsString();
		String debtId = page.replaceAll("(?s).*action=\"/debts/([0-9a-f-]{36})\".*", "$1");
		perform(post("/debts/" + debtId).param("version", "0")
			.param("creditor", "Telecom")
			.param("amount", "100")
			.param("status", "ARRANGEMENT"), this.professional);

		MockHttpServletResponse stale = perform(post("/debts/" + debtId).param("version", "0")
			.param("creditor", "Telecom")
			.param("amount", "90")
			.param("status", "OPEN"), this.professional);

		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentAsString()).contains("Iemand anders heeft dit intussen gewijzigd",
				"Stand</span>: <span>Betalingsregeling</span>", "Bedrag (euro)</span>: <span>100.00</span>");
	}

	@Test
	void theWorklistIsAPageAndAnHtmxPartial() throws Exception {
		String full = perform(get("/worklist"), this.professional).getContentAsString();
		String partial = perform(get("/worklist").header("HX-Request", "true"), this.professional).getContentAsString();

		assertThat(full).contains("<html", "Wie heeft contact nodig?", "id=\"worklist\"");
		assertThat(partial).contains("id=\"worklist\"").doesNotContain("<html");
		assertThat(perform(get("/"), this.professional).getContentAsString()).contains("hx-get=\"/worklist\"");
	}

	@Test
	void aVolunteerSeesTheContactPageWithoutTimeObligationsOrDebts() throws Exception {
		String id = family();

		MockHttpServletResponse page = perform(get("/households/" + id + "/contacts"), this.volunteer);
		String section = perform(get("/households/" + id + "/contact-summary"), this.volunteer).getContentAsString();

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Contact vastleggen").doesNotContain("Tijd per week");
		assertThat(section).doesNotContain("Schulden");
		assertThat(perform(get("/households/" + id + "/debts"), this.volunteer).getStatus()).isEqualTo(403);
	}

	@Test
	void theRhythmFormsLinkTheirErrorToTheFieldOfTheirTrajectoryWithoutAnyScript() throws Exception {
		String id = family();
		String trajectory = this.json
			.readTree(perform(get("/api/v1/households/" + id + "/rhythms"), this.professional).getContentAsString())
			.get(0)
			.get("trajectoryId")
			.stringValue();

		MockHttpServletResponse refused = perform(
				post("/households/" + id + "/trajectories/" + trajectory + "/rhythm").param("rhythm", "ELKE_DAG"),
				this.professional);

		assertThat(refused.getStatus()).isEqualTo(400);
		org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(refused.getContentAsString());
		org.jsoup.nodes.Element link = page.selectFirst("#error-summary li a");
		assertThat(link).isNotNull();
		assertThat(link.attr("href")).isEqualTo("#rhythm-choice-0");
		org.jsoup.nodes.Element choice = page.getElementById("rhythm-choice-0");
		assertThat(choice.attr("aria-invalid")).isEqualTo("true");
		assertThat(choice.attr("aria-describedby")).isEqualTo(link.selectFirst(".error[id]").id());

		perform(post("/households/" + id + "/trajectories/" + trajectory + "/rhythm").param("rhythm", "WEEKLY"),
				this.professional);
		MockHttpServletResponse noReason = perform(
				post("/households/" + id + "/trajectories/" + trajectory + "/rhythm/end").param("reason", ""),
				this.professional);
		assertThat(noReason.getStatus()).isEqualTo(400);
		org.jsoup.nodes.Document ending = org.jsoup.Jsoup.parse(noReason.getContentAsString());
		assertThat(ending.selectFirst("#error-summary li a").attr("href")).isEqualTo("#rhythm-reason-0");
		org.jsoup.nodes.Element reason = ending.getElementById("rhythm-reason-0");
		assertThat(reason.attr("aria-invalid")).isEqualTo("true");
		assertThat(reason.closest("details").hasAttr("open")).isTrue();
	}

	private String family() throws Exception {
		String start = LocalDate.now(this.clock).minusDays(30).toString();
		String text = """
				{ "format": "vangnet-household/1",
				  "members": [ { "ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Fenna", "familyName": "%s" } ],
				  "trajectories": [ { "kind": "INTENSIVE", "start": "%s", "phaseModel": "FLEXIBLE",
				    "contactPerson": "%s", "involvedStaff": ["%s"],
				    "phases": [ { "phase": "FLEXIBLE.GETTING_IN_TOUCH", "date": "%s" } ] } ] }
				"""
			.formatted(TestData.unique("Fam"), start, this.professionalPerson.id(), this.volunteerPerson.id(), start);
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/households").session(this.professional)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(text))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return this.json.readTree(response.getContentAsString()).get("id").stringValue();
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, MockHttpSession session)
			throws Exception {
		return this.mvc.perform(request.session(session).with(csrf())).andReturn().getResponse();
	}

	private static String errors(MockHttpServletResponse response) throws Exception {
		return String.join(" / ",
				response.getContentAsString()
					.lines()
					.filter((line) -> line.contains("class=\"error\""))
					.map(String::strip)
					.toList());
	}

}
