package nl.vangnet.household;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Households in the browser (through MockMvc and every security filter): registration,
 * the dossier, phases, the caseload, the coordinator's list, conflicts and closing.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdWebTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private HouseholdApi households;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	private TestData.Organisation organisation;

	private TestData.Person professional;

	private TestData.Person coordinator;

	private TestData.Person colleague;

	private MockHttpSession professionalSession;

	private MockHttpSession coordinatorSession;

	private MockHttpSession colleagueSession;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation();
		this.professional = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.coordinator = this.data.person(this.organisation, Role.COORDINATOR);
		this.colleague = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.professionalSession = TestData.signIn(this.mvc, this.professional);
		this.coordinatorSession = TestData.signIn(this.mvc, this.coordinator);
		this.colleagueSession = TestData.signIn(this.mvc, this.colleague);
	}

	@Test
	void aProfessionalRegistersAMotherWithTwoChildrenAndSeesTheWholeFamilyInTheDossier() throws Exception {
		String family = TestData.unique("Bakker");

		MockHttpServletResponse created = perform(registration(family).session(this.professionalSession));

		assertThat(created.getStatus()).isEqualTo(302);
		String dossier = page(created.getRedirectedUrl(), this.professionalSession);
		assertThat(dossier).contains("Het huishouden is aangemeld.", "Fatima " + family, "Yara " + family,
				"Hoofdcontact", "Peuter (0–3)", "8 jaar", "In contact komen", "Intensieve begeleiding",
				"Onder startkwalificatie", "Zorg voor de kinderen", "Oude Noorden", "06 1111 2222");
		assertThat(dossier).doesNotContain("Toegangslog van dit huishouden");
		String households = page("/households?q=" + family.toLowerCase(), this.coordinatorSession);
		assertThat(households).contains("Fatima " + family, "1 huishouden (pagina 1 van 1)", "Toegangslog");
	}

	@Test
	void anUnknownCharacteristicIsStoredAsUnknownNotAsNo() throws Exception {
		String family = TestData.unique("Leeg");
		MockHttpServletRequestBuilder form = post("/households").with(csrf())
			.session(this.professionalSession)
			.param("members[0].role", "PARENT")
			.param("members[0].givenName", "Noor")
			.param("members[0].familyName", family)
			.param("mainContact", "0")
			.param("kind", "NONE");

		MockHttpServletResponse created = perform(form);

		assertThat(created.getStatus()).isEqualTo(302);
		UUID id = idOf(created);
		Object[] stored = inOrganisation(() -> this.jdbc
			.sql("""
					select h.composition, h.debts, h.referral_source, cardinality(h.contact_reasons), m.education,
					  m.dutch_language, cardinality(m.day_activities), (select count(*) from trajectory t where t.household_id = h.id)
					from household h join household_member m on m.household_id = h.id where h.id = :id
					""")
			.param("id", id)
			.query((rs,
					row) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
							rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8) })
			.single());
		assertThat(stored).containsExactly(null, null, null, 0, null, null, 0, 0);
	}

	@Test
	void memberRowsAreAddedAndRemovedWithoutLosingWhatWasTyped() throws Exception {
		MockHttpServletResponse added = perform(post("/households").with(csrf())
			.session(this.professionalSession)
			.param("members[0].role", "PARENT")
			.param("members[0].givenName", "Samira")
			.param("mainContact", "0")
			.param("addMember", "CHILD"));

		assertThat(added.getStatus()).isEqualTo(200);
		String html = added.getContentAsString();
		assertThat(html).contains("id=\"member-1-givenName\"", "value=\"Samira\"").doesNotContain("member-2-givenName");
		assertThat(html).doesNotContain("class=\"error\"");
		assertThat(html).as("the place is kept: focus on the new member's first field")
			.containsPattern("id=\"member-1-role\"[^>]*autofocus");

		MockHttpServletResponse removed = perform(post("/households").with(csrf())
			.session(this.professionalSession)
			.param("members[0].role", "CHILD")
			.param("members[0].givenName", "Weg")
			.param("members[1].role", "PARENT")
			.param("members[1].givenName", "Blijft")
			.param("mainContact", "1")
			.param("removeMember", "0"));

		String after = removed.getContentAsString();
		assertThat(after).contains("value=\"Blijft\"").doesNotContain("value=\"Weg\"");
		assertThat(after).containsPattern("id=\"member-0-main\"[^>]*checked");
		assertThat(after).as("focus on the member that took the removed one's place")
			.containsPattern("id=\"member-0-role\"[^>]*autofocus");
	}

	@Test
	void theNewFamilyFormLeavesTheKindOfSupportToTheWorkerAndRefusesAHouseholdWithoutAName() throws Exception {
		String form = page("/households/new", this.professionalSession);
		assertThat(form).doesNotContainPattern("value=\"INTENSIVE\"[^>]*selected")
			.containsPattern("<option value=\"\"[^>]*selected[^>]*>Kies…</option>")
			.contains("value=\"NONE\"");

		String family = TestData.unique("Keuze");
		MockHttpServletResponse unchosen = perform(post("/households").with(csrf())
			.session(this.professionalSession)
			.param("members[0].role", "PARENT")
			.param("members[0].givenName", "Noor")
			.param("members[0].familyName", family)
			.param("mainContact", "0")
			.param("kind", ""));
		assertThat(unchosen.getStatus()).isEqualTo(400);
		assertThat(unchosen.getContentAsString())
			.contains("Soort begeleiding: kies een soort begeleiding, of &#39;Nog geen begeleiding&#39;.")
			.contains("<title>Fout: Nieuw huishouden");

		MockHttpServletResponse nameless = perform(post("/households").with(csrf())
			.session(this.professionalSession)
			.param("members[0].role", "PARENT")
			.param("mainContact", "0")
			.param("kind", "NONE"));
		assertThat(nameless.getStatus()).isEqualTo(400);
		assertThat(nameless.getContentAsString())
			.contains("Voornaam: vul de naam van ten minste één gezinslid in, of een eigen nummer van het huishouden.");

		MockHttpServletResponse numbered = perform(post("/households").with(csrf())
			.session(this.professionalSession)
			.param("members[0].role", "PARENT")
			.param("mainContact", "0")
			.param("externalId", TestData.unique("N"))
			.param("kind", "NONE"));
		assertThat(numbered.getStatus()).as("an own number is a name to find it by").isEqualTo(302);
	}

	@Test
	void validationMessagesNameTheFieldInDutchAndInEnglish() throws Exception {
		MockHttpServletRequestBuilder invalid = post("/households").with(csrf())
			.param("members[0].role", "PARENT")
			.param("members[0].givenName", "Samira")
			.param("members[1].role", "CHILD")
			.param("members[1].birthDate", TODAY.plusYears(1).toString())
			.param("email", "geen-adres")
			.param("kind", "INTENSIVE")
			.param("start", TODAY.toString())
			.param("firstPhase", "FLEXIBLE.GETTING_IN_TOUCH");

		String dutch = perform(invalid.session(this.professionalSession)).getContentAsString();
		String english = perform(invalid.session(this.professionalSession).cookie(new Cookie("vangnet-lang", "en")))
			.getContentAsString();

		assertThat(dutch).contains("Geboortedatum (gezinslid 2): deze datum ligt in de toekomst.",
				"Hoofdcontact: kies precies één gezinslid als hoofdcontact",
				"E-mailadres: vul een geldig e-mailadres in.");
		assertThat(english).contains("Date of birth (member 2): this date lies in the future.",
				"Main contact: choose exactly one family member as main contact",
				"E-mail address: enter a valid e-mail address.");
		assertThat(dutch).containsPattern("id=\"member-1-birthDate\"[^>]*aria-invalid=\"true\"");
	}

	@Test
	void aFamilyMovesThroughPhasesAndIsOnTheCaseloadWithItsCurrentPhase() throws Exception {
		String family = TestData.unique("Jansen");
		UUID id = idOf(perform(registration(family).session(this.professionalSession)));
		UUID trajectory = trajectoryOf(id);

		assertThat(move(id, trajectory, 0, "FLEXIBLE.ACQUAINTANCE", TODAY.minusDays(3)).getStatus()).isEqualTo(302);
		assertThat(move(id, trajectory, 1, "FLEXIBLE.ACTIVITIES", TODAY).getStatus()).isEqualTo(302);

		String dossier = page("/households/" + id, this.professionalSession);
		String timeline = dossier.substring(dossier.indexOf("id=\"timeline-0\""));
		timeline = timeline.substring(0, timeline.indexOf("</ol>"));
		assertThat(timeline).containsSubsequence("In contact komen", "Kennismaking, stressreductie en inventarisatie",
				"Activiteiten en interventies");
		assertThat(timeline).containsPattern("aria-current=\"step\"[^<]*<time[^>]*>[^<]*</time>\\s*<span>Activiteiten");
		String caseload = page("/caseload", this.professionalSession);
		String row = caseload.substring(caseload.indexOf("id=\"caseload-" + id + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		assertThat(row).contains("Fatima " + family, "Activiteiten en interventies", ">0<");
		assertThat(page("/", this.professionalSession)).contains("Fatima " + family);
		assertThat(page("/caseload", this.colleagueSession)).doesNotContain("Fatima " + family);
	}

	@Test
	void aPhaseThatLiesInTheFutureIsRefusedAtItsForm() throws Exception {
		UUID id = idOf(perform(registration(TestData.unique("Toekomst")).session(this.professionalSession)));

		MockHttpServletResponse refused = move(id, trajectoryOf(id), 0, "FLEXIBLE.ACTIVITIES", TODAY.plusDays(2));

		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("id=\"errors-0\"", "Datum van de fase: ligt in de toekomst.");
	}

	@Test
	void theSecondOfTwoPeopleEditingSeesWhatChangedAndCanRedoTheirChange() throws Exception {
		String family = TestData.unique("Visser");
		UUID id = idOf(perform(registration(family).session(this.professionalSession)));
		assertThat(page("/households/" + id + "/edit", this.professionalSession))
			.contains("name=\"version\" value=\"0\"");

		MockHttpServletResponse first = perform(
				edit(id, family, "Bergpolder", "YES", 0).session(this.colleagueSession));
		MockHttpServletResponse second = perform(
				edit(id, family, "Oude Noorden", "NO", 0).session(this.professionalSession));

		assertThat(first.getStatus()).isEqualTo(302);
		assertThat(second.getStatus()).isEqualTo(409);
		String conflict = second.getContentAsString();
		assertThat(conflict).contains("Iemand anders heeft dit huishouden intussen gewijzigd", "Wijk", "Bergpolder",
				"name=\"version\" value=\"1\"");
		assertThat(conflict).containsPattern("<option value=\"NO\" selected=\"selected\"");
		assertThat(page("/households/" + id, this.professionalSession)).contains("Bergpolder").doesNotContain("Nee");

		MockHttpServletResponse redone = perform(
				edit(id, family, "Oude Noorden", "NO", 1).session(this.professionalSession));
		assertThat(redone.getStatus()).isEqualTo(302);
		assertThat(page("/households/" + id, this.professionalSession)).contains("Oude Noorden");
	}

	@Test
	void aStaleActionShowsTheConflictPageThatCanRedoIt() throws Exception {
		UUID id = idOf(perform(registration(TestData.unique("Smit")).session(this.professionalSession)));
		UUID trajectory = trajectoryOf(id);
		assertThat(move(id, trajectory, 0, "FLEXIBLE.ACQUAINTANCE", TODAY).getStatus()).isEqualTo(302);

		MockHttpServletResponse stale = move(id, trajectory, 0, "FLEXIBLE.ACTIVITIES", TODAY);

		assertThat(stale.getStatus()).isEqualTo(409);
		String html = stale.getContentAsString();
		assertThat(html).contains("Iemand anders heeft dit huishouden intussen gewijzigd",
				"Kennismaking, stressreductie en inventarisatie", "name=\"version\" value=\"1\"",
				"name=\"phase\" value=\"FLEXIBLE.ACTIVITIES\"", "id=\"redo\"");
		assertThat(move(id, trajectory, 1, "FLEXIBLE.ACTIVITIES", TODAY).getStatus()).as("redo").isEqualTo(302);
	}

	@Test
	void aHouseholdRegisteredThroughTheApiIsInTheListAndOneRegisteredInTheBrowserIsInTheApi() throws Exception {
		String family = TestData.unique("Api");
		UUID viaApi = inOrganisation(
				() -> this.households
					.register(
							new HouseholdDocument(null, null, null, null, null, "Centrum", Composition.ONE_PARENT, null,
									null, null, List.of(new HouseholdDocument.MemberEntry(null, MemberRole.PARENT, true,
											"Amina", family, null, null, null, null, null)),
									null, null, null, null))
					.value());
		UUID viaBrowser = idOf(perform(registration(family).session(this.professionalSession)));

		assertThat(page("/households?q=" + family, this.coordinatorSession)).contains("Amina " + family,
				"Fatima " + family, "/households/" + viaApi);
		String document = this.mvc.perform(get("/api/v1/households/" + viaBrowser).session(this.professionalSession))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(document).contains("\"givenName\":\"Fatima\"", "\"familyName\":\"" + family + "\"",
				"\"phase\":\"FLEXIBLE.GETTING_IN_TOUCH\"", "\"contactPerson\":\"" + this.professional.id() + "\"");
	}

	@Test
	void theListFiltersSearchesAndPagesAndServesOnlyTheResultsToHtmx() throws Exception {
		TestData.Organisation own = this.data.organisation();
		TestData.Person worker = this.data.person(own, Role.PROFESSIONAL);
		TestData.Person other = this.data.person(own, Role.PROFESSIONAL);
		MockHttpSession session = TestData.signIn(this.mvc, this.data.person(own, Role.COORDINATOR));
		for (int i = 0; i < 22; i++) {
			String kind = (i < 3) ? "SHORT" : "INTENSIVE";
			String district = (i % 2 == 0) ? "Noord" : "Zuid";
			UUID contact = (i < 5) ? other.id() : worker.id();
			List<String> phases = (i < 4) ? List.of("FLEXIBLE.GETTING_IN_TOUCH", "FLEXIBLE.STABILISING")
					: List.of("FLEXIBLE.GETTING_IN_TOUCH");
			registerInOrganisation(own, "Gezin" + String.format("%02d", i), district, kind, contact, phases);
		}

		String first = page("/households", session);
		assertThat(first).contains("22 huishoudens (pagina 1 van 2)", "id=\"next-page\"", "<html");
		String second = this.mvc.perform(get("/households?page=1").session(session).header("HX-Request", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second.strip()).startsWith("<section id=\"households\"");
		assertThat(second).doesNotContain("<html", "id=\"filters\"").contains("pagina 2 van 2", "Gezin21");
		assertThat(count(page("/households?district=Noord", session))).isEqualTo(11);
		assertThat(count(page("/households?kind=SHORT", session))).isEqualTo(3);
		assertThat(count(page("/households?contactPerson=" + other.id(), session))).isEqualTo(5);
		assertThat(count(page("/households?phase=FLEXIBLE.STABILISING", session))).isEqualTo(4);
		assertThat(count(page("/households?phase=FLEXIBLE.STABILISING&district=Noord&kind=SHORT", session)))
			.isEqualTo(2);
		assertThat(count(page("/households?q=GEZIN0", session))).isEqualTo(10);
		assertThat(count(page("/households?status=CLOSED", session))).isZero();
	}

	@Test
	void aCoordinatorReassignsTheContactPersonFromTheList() throws Exception {
		String family = TestData.unique("Toewijs");
		UUID id = idOf(perform(registration(family).session(this.professionalSession)));
		UUID trajectory = trajectoryOf(id);

		MockHttpServletResponse response = perform(
				post("/households/" + id + "/trajectories/" + trajectory + "/contact-person").with(csrf())
					.session(this.coordinatorSession)
					.header("HX-Request", "true")
					.param("version", "0")
					.param("from", "list")
					.param("assignee", this.colleague.id().toString())
					.param("q", family));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString().strip()).startsWith("<section id=\"households\"");
		assertThat(response.getContentAsString()).contains("De vaste contactpersoon is gewijzigd.", "1 huishouden (");
		assertThat(page("/caseload", this.colleagueSession)).contains("Fatima " + family);
		assertThat(page("/caseload", this.professionalSession)).doesNotContain("Fatima " + family);
		assertThat(perform(post("/households/" + id + "/trajectories/" + trajectory + "/contact-person").with(csrf())
			.session(this.professionalSession)
			.param("version", "1")
			.param("assignee", this.professional.id().toString())).getStatus()).as("professionals do not reassign")
			.isEqualTo(403);
	}

	@Test
	void aClosedHouseholdIsKeptListedAsClosedAndNoLongerChanged() throws Exception {
		String family = TestData.unique("Dicht");
		UUID id = idOf(perform(registration(family).session(this.professionalSession)));

		MockHttpServletResponse closed = perform(post("/households/" + id + "/closing").with(csrf())
			.session(this.professionalSession)
			.param("version", "0")
			.param("closedOn", TODAY.toString())
			.param("closingReason", "Doelen bereikt, nazorg afgerond"));

		assertThat(closed.getStatus()).isEqualTo(302);
		assertThat(page("/households/" + id, this.professionalSession)).contains("Doelen bereikt, nazorg afgerond")
			.doesNotContain("id=\"edit-household\"");
		assertThat(count(page("/households?q=" + family, this.coordinatorSession))).isZero();
		assertThat(count(page("/households?status=CLOSED&q=" + family, this.coordinatorSession))).isEqualTo(1);
		assertThat(perform(edit(id, family, "Zuid", "NO", 1).session(this.professionalSession)).getContentAsString())
			.contains("Dit huishouden is afgesloten");
		assertThat(page("/caseload", this.professionalSession)).doesNotContain("Fatima " + family);
	}

	@Test
	void theCoordinatorChoosesThePhaseModelForNewSupport() throws Exception {
		TestData.Organisation shelter = this.data.organisation();
		MockHttpSession coordinatorOfShelter = TestData.signIn(this.mvc, this.data.person(shelter, Role.COORDINATOR));
		assertThat(page("/phase-model", coordinatorOfShelter)).containsPattern("id=\"model-FLEXIBLE\"[^>]*checked")
			.contains("Aanmelding, intake en opname", "Opstart");

		MockHttpServletResponse chosen = perform(
				post("/phase-model").with(csrf()).session(coordinatorOfShelter).param("model", "SHELTER"));

		assertThat(chosen.getStatus()).isEqualTo(302);
		String form = page("/households/new", coordinatorOfShelter);
		assertThat(form).contains("value=\"SHELTER.INTAKE\"").doesNotContain("FLEXIBLE.GETTING_IN_TOUCH");
		assertThat(page("/phase-model", this.professionalSession)).isNull();
	}

	@Test
	void everyViewSearchCreationAndChangeInTheBrowserIsInTheAccessTrailWhichTheCoordinatorOpensFromTheDossier()
			throws Exception {
		String family = TestData.unique("Spoor");
		UUID id = idOf(perform(registration(family).session(this.professionalSession)));
		page("/households/" + id, this.professionalSession);
		page("/households?q=" + family, this.professionalSession);
		move(id, trajectoryOf(id), 0, "FLEXIBLE.ACTIVITIES", TODAY);

		List<String> actions = inOrganisation(() -> this.jdbc
			.sql("select action from access_trail"
					+ " where subject_id = :id or subject_ids @> array[cast(:id as uuid)] order by id")
			.param("id", id)
			.query(String.class)
			.list());

		assertThat(actions).containsExactly("CREATE", "VIEW", "SEARCH", "UPDATE");
		String dossier = page("/households/" + id, this.coordinatorSession);
		assertThat(dossier).contains("href=\"/access-trail?subject=" + id + "\"");
		assertThat(page("/access-trail?subject=" + id, this.coordinatorSession)).contains("bekeken", "gezocht",
				"aangemaakt", "gewijzigd");
	}

	@Test
	void theDossierOfAnotherOrganisationDoesNotExist() throws Exception {
		UUID id = idOf(perform(registration(TestData.unique("Ander")).session(this.professionalSession)));
		MockHttpSession outsider = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.COORDINATOR));

		assertThat(perform(get("/households/" + id).session(outsider)).getStatus()).isEqualTo(404);
		assertThat(perform(get("/households/" + id + "/edit").session(outsider)).getStatus()).isEqualTo(404);
	}

	@Test
	void theDossiersTrajectoryFormsLinkEachErrorToItsFieldAndMarkTheFieldWithoutAnyScript() throws Exception {
		UUID id = idOf(perform(registration(TestData.unique("Link")).session(this.professionalSession)));
		UUID trajectory = trajectoryOf(id);

		MockHttpServletResponse ended = perform(
				post("/households/" + id + "/trajectories/" + trajectory + "/end").with(csrf())
					.session(this.professionalSession)
					.param("version", "0")
					.param("end", TODAY.minusYears(1).toString())
					.param("closingReason", "Verhuisd"));
		assertThat(ended.getStatus()).isEqualTo(400);
		org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(ended.getContentAsString());
		assertSummaryLinksTo(page, "end-0");
		assertThat(page.getElementById("end-0").closest("details").hasAttr("open")).isTrue();
		assertThat(page.getElementById("end-reason-0").attr("value")).isEqualTo("Verhuisd");
		assertThat(page.getElementById("end-reason-0").hasAttr("aria-invalid")).isFalse();

		org.jsoup.nodes.Document moved = org.jsoup.Jsoup
			.parse(move(id, trajectory, 0, "FLEXIBLE.ACQUAINTANCE", TODAY.minusYears(1)).getContentAsString());
		assertSummaryLinksTo(moved, "phase-on-0");

		MockHttpServletResponse started = perform(post("/households/" + id + "/trajectories").with(csrf())
			.session(this.professionalSession)
			.param("version", "0")
			.param("kind", "SHORT")
			.param("start", "geen datum")
			.param("firstPhase", "FLEXIBLE.GETTING_IN_TOUCH"));
		assertThat(started.getStatus()).isEqualTo(400);
		org.jsoup.nodes.Document start = org.jsoup.Jsoup.parse(started.getContentAsString());
		assertSummaryLinksTo(start, "start-date");
		assertThat(start.select("#error-summary li")).as("each message once").hasSize(1);
		assertThat(start.getElementById("start-kind").closest("details").hasAttr("open")).isTrue();
	}

	@Test
	void theListsContactPersonFormAnswersHtmxWithTheErrorSummaryLinkedToTheRowsChoice() throws Exception {
		String family = TestData.unique("Kies");
		UUID id = idOf(perform(registration(family).session(this.professionalSession)));
		UUID trajectory = trajectoryOf(id);

		MockHttpServletResponse htmx = perform(
				post("/households/" + id + "/trajectories/" + trajectory + "/contact-person").with(csrf())
					.session(this.coordinatorSession)
					.header("HX-Request", "true")
					.param("version", "0")
					.param("from", "list")
					.param("assignee", UUID.randomUUID().toString())
					.param("q", family));

		assertThat(htmx.getStatus()).isEqualTo(200);
		assertThat(htmx.getContentAsString().strip()).startsWith("<section id=\"households\"");
		org.jsoup.nodes.Document partial = org.jsoup.Jsoup.parse(htmx.getContentAsString());
		assertSummaryLinksTo(partial, "assignee-" + id);
		assertThat(partial.select("#households #error-summary")).hasSize(1);
		assertThat(partial.getElementById("error-summary").text()).contains("Vaste contactpersoon");

		MockHttpServletResponse full = perform(
				post("/households/" + id + "/trajectories/" + trajectory + "/contact-person").with(csrf())
					.session(this.coordinatorSession)
					.param("version", "0")
					.param("from", "list")
					.param("assignee", UUID.randomUUID().toString())
					.param("q", family));
		assertThat(full.getStatus()).isEqualTo(400);
		org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(full.getContentAsString());
		assertThat(page.select("#error-summary")).as("one summary, at the top").hasSize(1);
		assertSummaryLinksTo(page, "assignee-" + id);
	}

	/**
	 * The summary's first entry links to the field as rendered, and the field is invalid
	 * and described by that entry's message: no script needed.
	 */
	static void assertSummaryLinksTo(org.jsoup.nodes.Document page, String field) {
		org.jsoup.nodes.Element link = page.selectFirst("#error-summary li a");
		assertThat(link).as("the summary links its entry").isNotNull();
		assertThat(link.attr("href")).isEqualTo("#" + field);
		org.jsoup.nodes.Element message = link.selectFirst(".error[id]");
		assertThat(message).isNotNull();
		org.jsoup.nodes.Element target = page.getElementById(field);
		assertThat(target).as(field).isNotNull();
		assertThat(target.attr("aria-invalid")).isEqualTo("true");
		assertThat(target.attr("aria-describedby").split(" ")).contains(message.id());
		assertThat(page.select("#error-summary li")).allMatch((entry) -> entry.selectFirst("a[href^=#]") != null);
	}

	// ---- helpers

	private MockHttpServletRequestBuilder registration(String family) {
		return post("/households").with(csrf())
			.param("members[0].role", "PARENT")
			.param("members[0].givenName", "Fatima")
			.param("members[0].familyName", family)
			.param("members[0].birthDate", "1990-05-17")
			.param("members[1].role", "CHILD")
			.param("members[1].givenName", "Yara")
			.param("members[1].familyName", family)
			.param("members[1].birthDate", TODAY.minusYears(8).minusDays(3).toString())
			.param("members[2].role", "CHILD")
			.param("members[2].givenName", "Sami")
			.param("members[2].familyName", family)
			.param("members[2].ageGroup", "TODDLER")
			.param("mainContact", "0")
			.param("education", "BELOW_START_QUALIFICATION")
			.param("dayActivities", "CARE_FOR_CHILDREN")
			.param("composition", "ONE_PARENT")
			.param("debts", "YES")
			.param("contactReasons", "FINANCES", "HOUSING")
			.param("district", "Oude Noorden")
			.param("phone", "06 1111 2222")
			.param("kind", "INTENSIVE")
			.param("start", TODAY.minusDays(10).toString())
			.param("contactPerson", this.professional.id().toString())
			.param("firstPhase", "FLEXIBLE.GETTING_IN_TOUCH");
	}

	private MockHttpServletRequestBuilder edit(UUID id, String family, String district, String debts, int version) {
		return post("/households/" + id).with(csrf())
			.param("version", String.valueOf(version))
			.param("members[0].ref", "m1")
			.param("members[0].role", "PARENT")
			.param("members[0].givenName", "Fatima")
			.param("members[0].familyName", family)
			.param("members[1].ref", "m2")
			.param("members[1].role", "CHILD")
			.param("members[1].givenName", "Yara")
			.param("members[2].ref", "m3")
			.param("members[2].role", "CHILD")
			.param("members[2].ageGroup", "TODDLER")
			.param("mainContact", "0")
			.param("composition", "ONE_PARENT")
			.param("debts", debts)
			.param("district", district);
	}

	private MockHttpServletResponse move(UUID id, UUID trajectory, int version, String phase, LocalDate on)
			throws Exception {
		return perform(post("/households/" + id + "/trajectories/" + trajectory + "/phases").with(csrf())
			.session(this.professionalSession)
			.param("version", String.valueOf(version))
			.param("phase", phase)
			.param("on", on.toString()));
	}

	private void registerInOrganisation(TestData.Organisation own, String name, String district, String kind,
			UUID contact, List<String> phases) {
		List<HouseholdDocument.PhaseEntry> entries = phases.stream()
			.map((p) -> new HouseholdDocument.PhaseEntry(p, TODAY.minusDays(30 - phases.indexOf(p))))
			.toList();
		TenantScope.runAs(TenantScope.Scope.system(Set.of(own.id())),
				() -> this.households.register(new HouseholdDocument(null, null, null, null, null, district, null, null,
						null, null,
						List.of(new HouseholdDocument.MemberEntry(null, MemberRole.PARENT, true, name, "Test", null,
								null, null, null, null)),
						List.of(new HouseholdDocument.TrajectoryEntry(TrajectoryKind.valueOf(kind), TODAY.minusDays(60),
								null, null, "FLEXIBLE", contact, null, entries)),
						null, null, null)));
	}

	private static int count(String html) {
		return (int) html.lines().filter((line) -> line.contains("<tr id=\"row-")).count();
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse();
	}

	/** The page, or {@code null} when it is refused. */
	private String page(String path, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = perform(get(path).session(session));
		if (response.getStatus() == 403) {
			return null;
		}
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private static UUID idOf(MockHttpServletResponse created) {
		assertThat(created.getStatus()).as("registered").isEqualTo(302);
		return UUID.fromString(created.getRedirectedUrl().substring("/households/".length()));
	}

	private UUID trajectoryOf(UUID household) {
		return inOrganisation(() -> this.jdbc.sql("select id from trajectory where household_id = :id")
			.param("id", household)
			.query(UUID.class)
			.single());
	}

	private <T> T inOrganisation(java.util.function.Supplier<T> work) {
		return TenantScope.callAs(TenantScope.Scope.system(Set.of(this.organisation.id())),
				() -> this.transactions.execute((status) -> work.get()));
	}

}
