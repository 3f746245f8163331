package nl.vangnet.safety;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Issue 14, item 3 on real PostgreSQL: a safety plan per member, empty until written;
 * people to call from her network map and never a danger-marked one; the printed copy and
 * PDF with the neutral title and without an address; a stale version answers 409.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetyPlanTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private ApiClient api;

	private TestData.Person professional;

	private MockHttpSession worker;

	private MockHttpSession volunteer;

	@BeforeAll
	void signIn() throws Exception {
		TestData.Organisation shelter = this.data.organisation(OrganisationKind.SHELTER);
		this.professional = this.data.person(shelter, Role.PROFESSIONAL);
		this.worker = TestData.signIn(this.mvc, this.professional);
		this.volunteer = TestData.signIn(this.mvc, this.data.person(shelter, Role.VOLUNTEER));
	}

	@Test
	void aMemberWithoutAPlanReadsAnEmptyOneAndAVolunteerNone() throws Exception {
		SafetyFamily family = SafetyFamily.register(this.api, this.data, this.professional, this.worker);
		String path = "/api/v1/households/" + family.household() + "/members/m1/safety-plan";
		JsonNode empty = this.api.getJson(path, this.worker);
		assertThat(empty.get("exists").asBoolean()).isFalse();
		assertThat(empty.get("peopleToCall")).isEmpty();
		assertThat(empty.get("emergencyNumbers").toString()).contains("112").contains("0800-2000");
		assertThat(this.api.status(get(path), this.volunteer)).isEqualTo(403);
		assertThat(this.api.status(get("/api/v1/households/" + family.household() + "/members/m9/safety-plan"),
				this.worker))
			.isEqualTo(404);
	}

	@Test
	void herSisterIsOnThePlanAndTheExPartnerCanNeverBe() throws Exception {
		SafetyFamily family = SafetyFamily.register(this.api, this.data, this.professional, this.worker);
		String path = "/api/v1/households/" + family.household() + "/members/m1/safety-plan";
		MockHttpServletResponse refused = this.api.send(put(path), """
				{"title":"Boodschappen","peopleToCall":[{"contact":"%s","phone":"06 1"},{"contact":"%s"}]}"""
			.formatted(family.sisterKey(), family.exPartnerKey()), this.worker);
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(this.api.read(refused).get("errors").get(0).get("field").stringValue()).isEqualTo("peopleToCall");
		assertThat(this.api.getJson(path, this.worker).get("exists").asBoolean()).as("nothing half-saved").isFalse();
		JsonNode plan = this.api.read(this.api.send(put(path), """
				{"title":"Boodschappen","warningSigns":"Hij belt steeds","safePlaces":"Bij Nadia",
				 "peopleToCall":[{"contact":"%s","phone":"06 12345678"}],"signalWord":"appeltaart",
				 "signalAgreedWith":"buurvrouw","readyItems":"Paspoort bij Nadia","leaving":"Via de achterdeur"}"""
			.formatted(family.sisterKey()), this.worker, 200));
		assertThat(plan.get("peopleToCall").get(0).get("name").stringValue()).isEqualTo("Zus Nadia");
		assertThat(plan.get("version").asInt()).isZero();
		String page = this.mvc.perform(get("/safety/members/" + family.mother() + "/plan").session(this.worker))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Ex-partner Karim").doesNotContain("value=\"" + family.exPartnerKey() + "\"");
		MockHttpServletResponse stale = this.api.send(put(path), "{\"title\":\"Lijstje\",\"version\":7}", this.worker);
		assertThat(stale.getStatus()).isEqualTo(409);
	}

	@Test
	void thePrintedPlanCarriesTheNeutralTitleAndNoAddress() throws Exception {
		SafetyFamily family = SafetyFamily.register(this.api, this.data, this.professional, this.worker);
		this.api.send(put("/api/v1/households/" + family.household() + "/members/m1/safety-plan"),
				"""
						{"title":"Mijn boodschappen","safePlaces":"Bij Nadia","peopleToCall":[{"contact":"%s","phone":"06 1"}]}"""
					.formatted(family.sisterKey()),
				this.worker, 200);
		String print = this.mvc.perform(get("/safety/members/" + family.mother() + "/plan/print").session(this.worker))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(print).contains("<title>Mijn boodschappen</title>")
			.contains("Zus Nadia")
			.contains("112")
			.contains("0800-2000")
			.doesNotContain("Vangnet")
			.doesNotContain("Veiligheidsplan")
			.doesNotContain("adres");
		MockHttpServletResponse pdf = this.mvc
			.perform(get("/api/v1/households/" + family.household() + "/members/m1/safety-plan.pdf")
				.session(this.worker))
			.andReturn()
			.getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5)).isEqualTo("%PDF-");
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader
			.loadPDF(pdf.getContentAsByteArray())) {
			// Small enough to fold into a wallet: A6, 105 × 148 mm.
			for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
				assertThat(page.getMediaBox().getWidth() * 25.4 / 72).as("width in mm")
					.isCloseTo(105, org.assertj.core.data.Offset.offset(1.0));
				assertThat(page.getMediaBox().getHeight() * 25.4 / 72).as("height in mm")
					.isCloseTo(148, org.assertj.core.data.Offset.offset(1.0));
			}
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("Zus Nadia").contains("0800-2000").doesNotContain("Vangnet");
		}
		String english = this.mvc
			.perform(get("/safety/members/" + family.mother() + "/plan/print").session(this.worker).param("lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("The people I call");
	}

	@Test
	void aChildsPlanIsAgeAppropriate() throws Exception {
		SafetyFamily family = SafetyFamily.register(this.api, this.data, this.professional, this.worker);
		this.api.send(put("/api/v1/households/" + family.household() + "/members/m2/safety-plan"),
				"{\"title\":\"Yara haar lijstje\",\"safePlaces\":\"De buurvrouw\",\"readyItems\":\"niet voor kinderen\"}",
				this.worker, 200);
		String print = this.mvc.perform(get("/safety/members/" + family.child() + "/plan/print").session(this.worker))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(print).contains("Hier ga ik naartoe")
			.contains("Je mag ook altijd Veilig Thuis bellen")
			.doesNotContain("niet voor kinderen");
	}

}
