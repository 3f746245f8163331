package nl.vangnet.account;

import java.util.UUID;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The number a family calls (issue 18, item 6): the worker's own work phone, set by her,
 * by a coordinator of her organisation or by an administrator, else the organisation's
 * general number; named with the contact person on the family's plan and its list of
 * letters and appointments, as the family reads them in the PDF, and never an address.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkPhoneTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	private TestData.Organisation organisation;

	private TestData.Person professional;

	private MockHttpSession professionalSession;

	private MockHttpSession coordinatorSession;

	private MockHttpSession administratorSession;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation();
		this.professional = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.professionalSession = TestData.signIn(this.mvc, this.professional);
		this.coordinatorSession = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.COORDINATOR));
		this.administratorSession = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
	}

	@Test
	void theFamilysPlanAndListNameTheContactPersonAndHerOwnWorkPhone() throws Exception {
		MockHttpServletResponse saved = this.api.send(put("/api/v1/me/work-phone"), "{\"workPhone\":\" 06-12345678 \"}",
				this.professionalSession);
		assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
		assertThat(this.api.read(saved).get("workPhone").stringValue()).isEqualTo("06-12345678");
		String id = household(this.professional);

		String plan = pdfText("/households/" + id + "/plan/family-copy.pdf", this.professionalSession);
		String list = pdfText("/households/" + id + "/obligations.pdf", this.professionalSession);
		String english = pdfText("/households/" + id + "/plan/family-copy.pdf?lang=en", this.professionalSession);

		assertThat(plan.replaceAll("\\s+", " "))
			.contains("Bel of app uw vaste contactpersoon: Test professional, op 06-12345678.");
		assertThat(list.replaceAll("\\s+", " "))
			.contains("Bel of app uw begeleider, Test professional, op 06-12345678.");
		assertThat(english.replaceAll("\\s+", " ")).contains("Test professional, on 06-12345678");
		Document page = Jsoup.parse(html("/households/" + id + "/obligations/print", this.professionalSession));
		assertThat(page.getElementById("print-help").text()).contains("Test professional").contains("06-12345678");
	}

	@Test
	void withoutAWorkPhoneThePapersGiveTheOrganisationsNumberAndNeverItsSecretAddress() throws Exception {
		TestData.Organisation shelter = this.data.organisation();
		TestData.Person worker = this.data.person(shelter, Role.PROFESSIONAL);
		JsonNode current = this.api.getJson("/api/v1/organisations/" + shelter.code(), this.administratorSession);
		MockHttpServletResponse described = this.api.send(put("/api/v1/organisations/" + shelter.code()),
				"{\"name\":\"Opvang\",\"kind\":\"SHELTER\",\"phone\":\"+31 10 123 45 67\",\"version\":"
						+ current.get("version").intValue() + "}",
				this.administratorSession);
		assertThat(described.getStatus()).as(described.getContentAsString()).isEqualTo(200);
		assertThat(this.api.read(described).get("phone").stringValue()).isEqualTo("+31 10 123 45 67");
		assertThat(this.api
			.send(post("/api/v1/organisations/" + shelter.code() + "/locations"),
					"{\"name\":\"Opvanghuis\",\"address\":\"Geheime Gracht 7\",\"secretAddress\":true}",
					this.administratorSession)
			.getStatus()).isEqualTo(201);
		MockHttpSession session = TestData.signIn(this.mvc, worker);
		String id = household(worker, session);

		String plan = pdfText("/households/" + id + "/plan/family-copy.pdf", session).replaceAll("\\s+", " ");
		String list = pdfText("/households/" + id + "/obligations.pdf", session).replaceAll("\\s+", " ");

		assertThat(plan).contains("Test professional, op +31 10 123 45 67.").doesNotContain("Gracht");
		assertThat(list).contains("Test professional, op +31 10 123 45 67.").doesNotContain("Gracht");
	}

	@Test
	void aNumberThatIsNoneIsRefusedNamingTheFieldInTheUsersLanguage() throws Exception {
		for (String wrong : new String[] { "12345", "06-1234abcd", "+31 6 1234 5678 9012 34", "0612345678;" }) {
			MockHttpServletResponse refused = this.api.send(put("/api/v1/me/work-phone"),
					"{\"workPhone\":\"" + wrong + "\"}", this.professionalSession);
			assertThat(refused.getStatus()).as(wrong).isIn(400, 422);
			JsonNode problem = this.api.read(refused);
			assertThat(problem.get("errors").get(0).get("field").stringValue()).isEqualTo("workPhone");
			assertThat(problem.get("errors").get(0).get("message").stringValue()).startsWith("Werktelefoon:");
		}
		MockHttpServletResponse english = this.api.send(put("/api/v1/me/work-phone").header("Accept-Language", "en"),
				"{\"workPhone\":\"12345\"}", this.professionalSession);
		assertThat(this.api.read(english).get("errors").get(0).get("message").stringValue()).startsWith("Work phone:");
		JsonNode current = this.api.getJson("/api/v1/organisations/" + this.organisation.code(),
				this.administratorSession);
		MockHttpServletResponse organisation = this.api.send(put("/api/v1/organisations/" + this.organisation.code()),
				"{\"name\":\"X\",\"kind\":\"INFORMAL\",\"phone\":\"bel ons\",\"version\":"
						+ current.get("version").intValue() + "}",
				this.administratorSession);
		assertThat(organisation.getStatus()).isIn(400, 422);
		assertThat(this.api.read(organisation).get("errors").get(0).get("field").stringValue()).isEqualTo("phone");
		for (String right : new String[] { "0612345678", "06 12 34 56 78", "+31 6 12345678", "010-123 45 67", "" }) {
			assertThat(this.api
				.send(put("/api/v1/me/work-phone"), "{\"workPhone\":\"" + right + "\"}", this.professionalSession)
				.getStatus()).as(right).isEqualTo(200);
		}
	}

	@Test
	void theAccountPageKeepsAWrongNumberWithTheErrorSummaryLinkedToTheField() throws Exception {
		MockHttpServletResponse refused = this.mvc.perform(
				post("/account/work-phone").with(csrf()).session(this.professionalSession).param("workPhone", "bel me"))
			.andReturn()
			.getResponse();

		assertThat(refused.getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(refused.getContentAsString());
		assertThat(page.title()).startsWith("Fout:");
		assertThat(page.select("#error-summary li")).as("each message once").hasSize(1);
		assertThat(page.selectFirst("#error-summary li a").attr("href")).isEqualTo("#workPhone");
		assertThat(page.getElementById("error-summary").text()).contains("Werktelefoon:");
		assertThat(page.getElementById("workPhone").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.getElementById("workPhone").attr("aria-describedby")).isNotBlank();
		assertThat(page.getElementById("workPhone").attr("value")).isEqualTo("bel me");

		MockHttpServletResponse saved = this.mvc
			.perform(post("/account/work-phone").with(csrf())
				.session(this.professionalSession)
				.param("workPhone", "06-87654321"))
			.andReturn()
			.getResponse();
		assertThat(saved.getRedirectedUrl()).endsWith("/account/password");
		assertThat(Jsoup.parse(html("/account/password", this.professionalSession))
			.getElementById("workPhone")
			.attr("value")).isEqualTo("06-87654321");
	}

	@Test
	void aCoordinatorSetsAColleaguesNumberOnlyInHerOwnOrganisation() throws Exception {
		TestData.Person colleague = this.data.person(this.organisation, Role.PROFESSIONAL);
		TestData.Person elsewhere = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		TestData.Person volunteer = this.data.person(this.organisation, Role.VOLUNTEER);

		MockHttpServletResponse own = this.api.send(put("/api/v1/users/" + colleague.id() + "/work-phone"),
				"{\"workPhone\":\"06-11112222\"}", this.coordinatorSession);
		MockHttpServletResponse other = this.api.send(put("/api/v1/users/" + elsewhere.id() + "/work-phone"),
				"{\"workPhone\":\"06-11112222\"}", this.coordinatorSession);
		MockHttpServletResponse unknown = this.api.send(put("/api/v1/users/" + UUID.randomUUID() + "/work-phone"),
				"{\"workPhone\":\"06-11112222\"}", this.coordinatorSession);
		MockHttpServletResponse noContactPerson = this.api.send(put("/api/v1/users/" + volunteer.id() + "/work-phone"),
				"{\"workPhone\":\"06-11112222\"}", this.coordinatorSession);
		MockHttpServletResponse byProfessional = this.api.send(put("/api/v1/users/" + colleague.id() + "/work-phone"),
				"{\"workPhone\":\"06-33334444\"}", this.professionalSession);
		MockHttpServletResponse byAdministrator = this.api.send(put("/api/v1/users/" + elsewhere.id() + "/work-phone"),
				"{\"workPhone\":\"06-55556666\"}", this.administratorSession);

		assertThat(own.getStatus()).isEqualTo(200);
		assertThat(this.api.read(own).get("workPhone").stringValue()).isEqualTo("06-11112222");
		assertThat(other.getStatus()).as("as unknown as an id that names nothing").isEqualTo(404);
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(noContactPerson.getStatus()).isIn(400, 422);
		assertThat(byProfessional.getStatus()).isEqualTo(403);
		assertThat(byAdministrator.getStatus()).isEqualTo(200);
		assertThat(this.api.getJson("/api/v1/users/" + elsewhere.id(), this.administratorSession)
			.get("workPhone")
			.stringValue()).isEqualTo("06-55556666");
	}

	@Test
	void anAdministratorSetsANumberOnTheAccountsPageAndAWrongOneComesBackAtItsField() throws Exception {
		TestData.Person colleague = this.data.person(this.organisation, Role.PROFESSIONAL);

		MockHttpServletResponse refused = this.mvc
			.perform(post("/admin/users/" + colleague.id() + "/work-phone").with(csrf())
				.session(this.administratorSession)
				.param("workPhone", "123"))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		Document page = Jsoup.parse(refused.getContentAsString());
		String field = "workPhone-" + colleague.id();
		assertThat(page.title()).startsWith("Fout:");
		assertThat(page.selectFirst("#error-summary li a").attr("href")).isEqualTo("#" + field);
		assertThat(page.getElementById(field).attr("aria-invalid")).isEqualTo("true");
		assertThat(page.getElementById(field).attr("aria-describedby")).isEqualTo("error-summary-1");
		assertThat(page.getElementById(field).attr("value")).isEqualTo("123");

		MockHttpServletResponse saved = this.mvc
			.perform(post("/admin/users/" + colleague.id() + "/work-phone").with(csrf())
				.session(this.administratorSession)
				.param("workPhone", "06 98 76 54 32"))
			.andReturn()
			.getResponse();
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(this.api.getJson("/api/v1/users/" + colleague.id(), this.administratorSession)
			.get("workPhone")
			.stringValue()).isEqualTo("06 98 76 54 32");
	}

	// ---- helpers

	private String household(TestData.Person contactPerson) throws Exception {
		return household(contactPerson, this.professionalSession);
	}

	private String household(TestData.Person contactPerson, MockHttpSession session) throws Exception {
		JsonNode document = this.json.readTree("""
				{"members": [{"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Noor"}],
				 "trajectories": [{"kind": "INTENSIVE", "start": "2024-03-01", "contactPerson": "%s"}]}"""
			.formatted(contactPerson.id()));
		MockHttpServletResponse created = this.api.send(post("/api/v1/households"), document, session);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return this.json.readTree(created.getContentAsString()).get("id").stringValue();
	}

	private String html(String path, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private String pdfText(String path, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(path).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
		try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
			// in reading order: the number is drawn after the rest of its line
			PDFTextStripper text = new PDFTextStripper();
			text.setSortByPosition(true);
			return text.getText(pdf);
		}
	}

}
