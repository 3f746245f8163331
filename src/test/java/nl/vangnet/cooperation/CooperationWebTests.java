package nl.vangnet.cooperation;

import java.time.LocalDate;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.organisation.OrganisationKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The cooperation pages in both languages: forms that keep what was typed, the dossier's
 * section, the inbox with the shared sections, the consent form and the referral letter.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CooperationWebTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	private TestData.Organisation shelter;

	private TestData.Organisation team;

	private TestData.Person worker;

	private MockHttpSession workerSession;

	private MockHttpSession teamCoordinator;

	@BeforeAll
	void signIn() throws Exception {
		this.shelter = this.data.organisation(OrganisationKind.SHELTER);
		this.team = this.data.organisation(OrganisationKind.MUNICIPAL_TEAM);
		this.worker = this.data.person(this.shelter, Role.PROFESSIONAL);
		this.workerSession = TestData.signIn(this.mvc, this.worker);
		this.teamCoordinator = TestData.signIn(this.mvc, this.data.person(this.team, Role.COORDINATOR));
	}

	@Test
	void aPartnerFormWithMistakesComesBackWithWhatWasTypedAndTheErrors() throws Exception {
		MockHttpServletResponse page = this.mvc
			.perform(post("/partners").session(this.teamCoordinator)
				.with(csrf())
				.param("name", "")
				.param("kind", "DEBT_HELP")
				.param("email", "geen-adres")
				.param("howToRefer", "Bel eerst"))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("<title>Fout: ")
			.contains("Vul de naam van de partner in.")
			.contains("Dit is geen e-mailadres.")
			.contains("Bel eerst");
		String name = TestData.unique("Taalhuis ");
		MockHttpServletResponse added = this.mvc
			.perform(post("/partners").session(this.teamCoordinator)
				.with(csrf())
				.param("name", name)
				.param("kind", "LANGUAGE")
				.param("domains", "PARTICIPATION.DUTCH_LANGUAGE")
				.param("districts", "Noord, Oost")
				.param("languages", "nl, ar"))
			.andReturn()
			.getResponse();
		assertThat(added.getStatus()).isEqualTo(302);
		String list = html("/partners?domain=PARTICIPATION&q=" + name.substring(8), this.workerSession);
		assertThat(list).contains(name).contains("Nederlandse taal").contains("Noord, Oost");
		assertThat(html("/partners?lang=en", this.workerSession)).contains("Social map");
	}

	@Test
	void theStoryInThePagesFromConsentToTheInboxAndBack() throws Exception {
		String household = household();
		assertThat(html("/households/" + household + "/cooperation", this.workerSession))
			.contains("Er is nog geen toestemming vastgelegd");
		MockHttpServletResponse childWithoutParent = this.mvc
			.perform(post("/households/" + household + "/consents").session(this.workerSession)
				.with(csrf())
				.param("member", "m2")
				.param("recipient", "org:" + this.team.code())
				.param("sections", "SUMMARY")
				.param("purpose", "Hulp bij schulden voor het gezin")
				.param("form", "WRITTEN")
				.param("givenOn", TestData.today().toString())
				.param("validUntil", TestData.today().plusMonths(3).toString()))
			.andReturn()
			.getResponse();
		assertThat(childWithoutParent.getStatus()).isEqualTo(400);
		assertThat(childWithoutParent.getContentAsString()).contains("<title>Fout: Toestemming")
			.contains("geeft een ouder met gezag toestemming")
			.contains("Hulp bij schulden voor het gezin");
		MockHttpServletResponse given = this.mvc
			.perform(post("/households/" + household + "/consents").session(this.workerSession)
				.with(csrf())
				.param("member", "m1")
				.param("recipient", "org:" + this.team.code())
				.param("sections", "SUMMARY", "HELP_QUESTIONS")
				.param("domains", "FINANCES")
				.param("purpose", "Hulp bij schulden")
				.param("form", "WRITTEN")
				.param("givenOn", TestData.today().toString())
				.param("validUntil", TestData.today().plusMonths(3).toString()))
			.andReturn()
			.getResponse();
		assertThat(given.getStatus()).isEqualTo(302);
		String consent = this.json.readTree(get("/api/v1/households/" + household + "/consents", this.workerSession))
			.get(0)
			.get("id")
			.stringValue();
		assertThat(html("/consents/" + consent + "/form", this.workerSession))
			.contains("Toestemming om gegevens te delen")
			.contains("U mag uw toestemming altijd intrekken");
		MockHttpServletResponse pdf = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/consents/" + consent + "/form.pdf")
				.session(this.workerSession))
			.andReturn()
			.getResponse();
		assertThat(pdf.getContentType()).isEqualTo(MediaType.APPLICATION_PDF_VALUE);
		assertThat(new String(pdf.getContentAsByteArray(), 0, 4)).isEqualTo("%PDF");

		MockHttpServletResponse withoutConsent = this.mvc
			.perform(post("/households/" + household + "/referrals").session(this.workerSession)
				.with(csrf())
				.param("to", "org:" + this.team.code())
				.param("domain", "FINANCES")
				.param("reason", "Schulden, dreigende afsluiting"))
			.andReturn()
			.getResponse();
		assertThat(withoutConsent.getStatus()).isEqualTo(400);
		assertThat(withoutConsent.getContentAsString()).contains("<title>Fout: ")
			.contains("zonder toestemming van de cliënt")
			.contains("Schulden, dreigende afsluiting");
		MockHttpServletResponse sent = this.mvc
			.perform(post("/households/" + household + "/referrals").session(this.workerSession)
				.with(csrf())
				.param("consent", consent)
				.param("to", "org:" + this.team.code())
				.param("domain", "FINANCES")
				.param("reason", "Schulden, dreigende afsluiting"))
			.andReturn()
			.getResponse();
		assertThat(sent.getStatus()).isEqualTo(302);
		String referral = sent.getRedirectedUrl().substring("/referrals/".length());

		assertThat(html("/referrals", this.teamCoordinator)).contains("Binnengekomen")
			.contains("Schulden, dreigende afsluiting");
		String inbox = html("/referrals/" + referral, this.teamCoordinator);
		assertThat(inbox).contains("Samira").contains("Huurachterstand").doesNotContain("Opvoeding");
		assertThat(this.mvc
			.perform(post("/referrals/" + referral + "/events").session(this.teamCoordinator)
				.with(csrf())
				.param("status", "DECLINED"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Vul in waarom de verwijzing niet aangenomen wordt.");
		assertThat(this.mvc
			.perform(post("/referrals/" + referral + "/events").session(this.teamCoordinator)
				.with(csrf())
				.param("status", "FIRST_CONTACT")
				.param("note", "Koffie gedronken"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		assertThat(html("/households/" + household + "/cooperation", this.workerSession)).contains("eerste contact");
		assertThat(html("/referrals/" + referral + "?lang=en", this.workerSession)).contains("first contact");

		assertThat(this.mvc
			.perform(post("/consents/" + consent + "/withdrawal").session(this.workerSession)
				.with(csrf())
				.param("reason", "Wil het zelf regelen"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		assertThat(html("/referrals/" + referral, this.teamCoordinator))
			.contains("De toestemming is ingetrokken: er wordt niets meer gedeeld.")
			.doesNotContain("Huurachterstand");
	}

	@Test
	void aPartnerOutsideVangnetGetsALetterWithExactlyTheConsentedContent() throws Exception {
		String partner = this.json.readTree(this.mvc
			.perform(post("/api/v1/partners").session(this.teamCoordinator)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Kredietbank Test\", \"kind\": \"DEBT_HELP\", \"domains\": [\"FINANCES\"]}"))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").stringValue();
		String household = household();
		String consent = this.json.readTree(this.mvc
			.perform(post("/api/v1/households/" + household + "/consents").session(this.workerSession)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"member": "m1", "recipient": {"partner": "%s"}, "sections": ["HELP_QUESTIONS"], "domains": ["FINANCES"],
								 "purpose": "Schuldhulp", "form": "VERBAL", "givenOn": "%s", "validUntil": "%s"}"""
							.formatted(partner, TestData.today(), TestData.today().plusMonths(1))))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("id").stringValue();
		MockHttpServletResponse sent = this.mvc.perform(post("/api/v1/households/" + household + "/referrals")
			.session(this.workerSession)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"consent\": \"%s\", \"to\": {\"partner\": \"%s\"}, \"domain\": \"FINANCES\", \"reason\": \"Schulden\"}"
						.formatted(consent, partner)))
			.andReturn()
			.getResponse();
		assertThat(sent.getStatus()).as(sent.getContentAsString()).isEqualTo(201);
		String referral = this.json.readTree(sent.getContentAsString()).get("id").stringValue();
		String letter = html("/referrals/" + referral + "/letter", this.workerSession);
		assertThat(letter).contains("Kredietbank Test")
			.contains("Huurachterstand")
			.doesNotContain("Opvoeding")
			.doesNotContain("Samira");
		assertThat(this.mvc
			.perform(post("/referrals/" + referral + "/events").session(this.workerSession)
				.with(csrf())
				.param("status", "ACCEPTED"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
	}

	private String household() throws Exception {
		MockHttpServletResponse created = this.mvc
			.perform(post("/api/v1/households").session(this.workerSession)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"members": [
								   {"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Samira", "familyName": "El Amrani"},
								   {"ref": "m2", "role": "CHILD", "givenName": "Yara", "birthDate": "2016-09-12"}],
								 "trajectories": [{"kind": "INTENSIVE", "start": "2020-07-01", "contactPerson": "%s"}],
								 "helpQuestions": [
								   {"member": "m1", "domain": "FINANCES", "opened": "2020-07-01", "status": "OPEN", "description": "Huurachterstand"},
								   {"domain": "SOCIAL.PARENTING", "opened": "2020-07-01", "status": "OPEN", "description": "Opvoeding"}]}"""
							.formatted(this.worker.id())))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return this.json.readTree(created.getContentAsString()).get("id").stringValue();
	}

	private String get(String path, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).session(session))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	private String html(String path, MockHttpSession session) throws Exception {
		return get(path, session);
	}

}
