package nl.vangnet.monitor;

import java.time.LocalDate;
import java.util.List;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The monitor page explains itself (issue 18, item 10): a table whose every cell is
 * suppressed says why and offers the participants' total, a researcher whose own
 * organisation does not take part reads why it is not listed, and a date that is no date
 * is a field error on the form, not the general error page; numbers in the reader's
 * language (item 5).
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorPageTests {

	private static final LocalDate FROM = LocalDate.of(2021, 1, 1);

	private static final LocalDate TO = LocalDate.of(2021, 8, 31);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private OrganisationApi organisations;

	private MockHttpSession coordinator;

	@BeforeAll
	void smallOrganisation() throws Exception {
		TestData.Organisation small = this.data.organisation(OrganisationKind.SHELTER);
		MonitorFixture f = new MonitorFixture(this.data, small.id());
		f.intensive(LocalDate.of(2020, 6, 1), null);
		f.intensive(LocalDate.of(2020, 6, 1), null);
		this.coordinator = TestData.signIn(this.mvc, this.data.person(small, Role.COORDINATOR));
	}

	@Test
	void aTableWhoseEveryCellIsSuppressedSaysWhyAndOffersTheParticipantsTotal() throws Exception {
		String page = page("/monitor?from=" + FROM + "&to=" + TO, this.coordinator).getContentAsString();
		assertThat(page).contains("id=\"suppressed-reach\"")
			.contains("Elke cel van deze tabel telt minder dan 5 gezinnen en is daarom afgeschermd")
			.contains("Bekijk het totaal van alle deelnemende organisaties");
	}

	@Test
	void aDateThatIsNoDateIsAFieldErrorOnTheForm() throws Exception {
		MockHttpServletResponse response = page("/monitor?from=abc&to=" + TO, this.coordinator);
		assertThat(response.getStatus()).isEqualTo(400);
		String page = response.getContentAsString();
		assertThat(page).contains("<title>Fout: Monitor")
			.contains("id=\"error-summary\"")
			.contains("Van: vul een geldige datum in")
			.containsPattern("id=\"from\"[^>]*value=\"abc\"")
			.containsPattern("id=\"from\"[^>]*aria-invalid=\"true\"");
		MockHttpServletResponse english = page("/monitor?from=abc&to=" + TO + "&lang=en", this.coordinator);
		assertThat(english.getContentAsString()).contains("<title>Error: Monitor").contains("From: enter a valid date");
	}

	@Test
	void aResearcherSeesWhyHerOwnOrganisationIsNotInTheList() throws Exception {
		String code = TestData.unique("R");
		java.util.UUID id = this.organisations.register(code, "Onderzoeksbureau " + code, OrganisationKind.INFORMAL,
				List.of("Centrum"), false);
		MockHttpSession researcher = TestData.signIn(this.mvc,
				this.data.person(new TestData.Organisation(id, code), Role.RESEARCHER));
		String page = page("/monitor?from=" + FROM + "&to=" + TO, researcher).getContentAsString();
		assertThat(page).contains("id=\"not-participating\"")
			.contains("Onderzoeksbureau " + code + ", uw eigen organisatie, staat niet in de lijst");
	}

	@Test
	void percentagesAreWrittenInTheReadersLanguage() throws Exception {
		assertThat(MonitorTables.localise("58.7%", java.util.Locale.forLanguageTag("nl"))).isEqualTo("58,7%");
		assertThat(MonitorTables.localise("58.7%", java.util.Locale.ENGLISH)).isEqualTo("58.7%");
		assertThat(MonitorTables.localise("3.8", java.util.Locale.forLanguageTag("nl"))).isEqualTo("3,8");
		assertThat(MonitorExports.sheetName(3, "Tabel 1.1 en Figuur 1.6. Hulpvragen per leefgebied"))
			.isEqualTo("3 Tabel 1.1 en Figuur 1.6");
	}

	private MockHttpServletResponse page(String path, MockHttpSession session) throws Exception {
		return this.mvc.perform(get(path).session(session)).andReturn().getResponse();
	}

}
