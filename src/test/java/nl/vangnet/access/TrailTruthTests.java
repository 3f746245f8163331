package nl.vangnet.access;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantPrincipal;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The access trail tells the truth (NEN 7513): one view is one row, a list is one row
 * with the ids it showed, refusals are recorded, and the coordinator reads it all with
 * names, filters and pages, and exports it.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrailTruthTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

	private static final Pattern COVER = Pattern
		.compile("hx-headers=\"\\{&quot;Vangnet-Trail-Cover&quot;: &quot;([0-9a-f-]{36})&quot;\\}\"");

	private static final List<String> SECTIONS = List.of("/households/%s/plan-summary",
			"/households/%s/contact-summary", "/network/households/%s", "/households/%s/cooperation");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private AccessTrail trail;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JsonMapper json;

	private TestData.Organisation organisation;

	private TestData.Person professional;

	private TestData.Person coordinator;

	private MockHttpSession professionalSession;

	private MockHttpSession colleagueSession;

	private MockHttpSession coordinatorSession;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation();
		this.professional = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.coordinator = this.data.person(this.organisation, Role.COORDINATOR);
		this.professionalSession = TestData.signIn(this.mvc, this.professional);
		this.colleagueSession = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.PROFESSIONAL));
		this.coordinatorSession = TestData.signIn(this.mvc, this.coordinator);
	}

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	// ---- One view is one row

	@Test
	void openingADossierWithItsFourSectionsIsOneView() throws Exception {
		UUID id = register(TestData.unique("Dossier"));
		int before = views(id);

		MockHttpServletResponse page = perform(get("/households/" + id).session(this.professionalSession));
		assertThat(page.getStatus()).isEqualTo(200);
		String cover = cover(page.getContentAsString());
		assertThat(page.getContentAsString()).as("each of the four sections carries the cover")
			.containsPattern("(?s)(Vangnet-Trail-Cover.*){4}");
		for (String section : SECTIONS) {
			assertThat(perform(section(section, id, this.professionalSession).header(AccessTrail.COVER_HEADER, cover))
				.getStatus()).as(section).isEqualTo(200);
		}

		assertThat(views(id)).as("the page and its sections").isEqualTo(before + 1);
	}

	@Test
	void aSectionFetchedOnItsOwnOrAgainOrByAnotherOrTooLateIsAViewOfItsOwn() throws Exception {
		UUID id = register(TestData.unique("Los"));
		String cover = cover(perform(get("/households/" + id).session(this.professionalSession)).getContentAsString());
		String contactSummary = SECTIONS.get(1);
		int before = views(id);

		perform(section(contactSummary, id, this.professionalSession));
		assertThat(views(id)).as("without the cover").isEqualTo(before + 1);

		perform(section(contactSummary, id, this.professionalSession).header(AccessTrail.COVER_HEADER, cover));
		assertThat(views(id)).as("the first fetch with the cover is part of the page").isEqualTo(before + 1);
		perform(section(contactSummary, id, this.professionalSession).header(AccessTrail.COVER_HEADER, cover));
		assertThat(views(id)).as("a second fetch with the same cover").isEqualTo(before + 2);

		perform(section(SECTIONS.get(0), id, this.colleagueSession).header(AccessTrail.COVER_HEADER, cover));
		assertThat(views(id)).as("another person with someone else's cover").isEqualTo(before + 3);

		perform(section(SECTIONS.get(0), id, this.professionalSession).header(AccessTrail.COVER_HEADER,
				UUID.randomUUID().toString()));
		perform(section(SECTIONS.get(0), id, this.professionalSession).header(AccessTrail.COVER_HEADER, "not-a-token"));
		assertThat(views(id)).as("a made-up cover").isEqualTo(before + 5);

		UUID other = register(TestData.unique("Ander"));
		int otherBefore = views(other);
		perform(section(SECTIONS.get(0), other, this.professionalSession).header(AccessTrail.COVER_HEADER, cover));
		assertThat(views(other)).as("the cover of another household").isEqualTo(otherBefore + 1);

		inOrganisation((sql) -> sql
			.sql("update trail_cover set expires_at = clock_timestamp() - interval '1 second'"
					+ " where token = :token")
			.param("token", UUID.fromString(cover))
			.update());
		perform(section(SECTIONS.get(0), id, this.professionalSession).header(AccessTrail.COVER_HEADER, cover));
		assertThat(views(id)).as("too late").isEqualTo(before + 6);
	}

	@Test
	void theContactsPageIsOneView() throws Exception {
		UUID id = register(TestData.unique("Contact"));
		int before = views(id);

		assertThat(perform(get("/households/" + id + "/contacts").session(this.professionalSession)).getStatus())
			.isEqualTo(200);

		assertThat(views(id)).isEqualTo(before + 1);
	}

	@Test
	void aListIsOneSearchRowWithTheIdsItShowed() throws Exception {
		String family = TestData.unique("Lijst");
		UUID first = register(family);
		UUID second = register(family);
		long last = lastRow();

		assertThat(perform(get("/households").param("q", family).session(this.professionalSession)).getStatus())
			.isEqualTo(200);

		List<Map<String, Object>> rows = inOrganisation((sql) -> sql.sql(
				"select action, subject_id, subject_ids::text as ids from access_trail where id > :last and actor_id = :me")
			.param("last", last)
			.param("me", this.professional.id())
			.query()
			.listOfRows());
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("action", "SEARCH").containsEntry("subject_id", null);
		assertThat(rows.get(0).get("ids").toString()).contains(first.toString(), second.toString());
		assertThat(this.json.readTree(perform(get("/api/v1/access-trail").param("subject", first.toString())
			.param("action", "SEARCH")
			.session(this.coordinatorSession)).getContentAsString()))
			.as("the household's own trail shows the list that showed it")
			.hasSize(1);
	}

	// ---- Refusals

	@Test
	void aRequestRefusedByTheRulesLeavesADeniedRow() throws Exception {
		UUID id = register(TestData.unique("Geweigerd"));
		TestData.Person volunteer = this.data.person(this.organisation, Role.VOLUNTEER);
		MockHttpSession session = TestData.signIn(this.mvc, volunteer);

		assertThat(perform(get("/api/v1/households/" + id + "/help-questions").session(session)).getStatus())
			.isEqualTo(403);
		assertThat(perform(get("/network/households/" + id).session(session)).getStatus()).isEqualTo(403);

		List<Map<String, Object>> denied = inOrganisation((sql) -> sql
			.sql("select action, subject_type, subject_id, subject_detail, occurred_at from access_trail"
					+ " where actor_id = :me and outcome = 'DENIED' order by id")
			.param("me", volunteer.id())
			.query()
			.listOfRows());
		assertThat(denied).hasSize(2);
		assertThat(denied.get(0)).containsEntry("action", "VIEW")
			.containsEntry("subject_type", "HOUSEHOLD")
			.containsEntry("subject_id", id)
			.containsEntry("subject_detail", "GET /api/v1/households/" + id + "/help-questions");
		assertThat(denied.get(0).get("occurred_at")).isNotNull();
		assertThat(denied.get(1)).containsEntry("subject_detail", "GET /network/households/" + id);
	}

	@Test
	void aRefusalByAModuleIsRecordedInItsOwnTransactionWhileTheRefusedWorkRollsBack() throws Exception {
		UUID household = UUID.randomUUID();
		signInAs(this.professional);
		DeniedAttempts filter = new DeniedAttempts(this.trail);

		MockHttpServletRequest thrown = request("POST", "/households/" + household);
		assertThatThrownBy(() -> filter.doFilter(thrown, new MockHttpServletResponse(), new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
					throws ServletException {
				TenantScope.runAs(TenantScope.current(),
						() -> TrailTruthTests.this.transactions.executeWithoutResult((status) -> {
							TrailTruthTests.this.trail.record(AccessAction.UPDATE, AccessSubject.household(household));
							throw new AccessDeniedException("not for this role");
						}));
			}
		})).isInstanceOf(AccessDeniedException.class);

		MockHttpServletRequest answered = request("GET", "/api/v1/households/" + household + "/rhythms");
		MockHttpServletResponse forbidden = new MockHttpServletResponse();
		filter.doFilter(answered, forbidden, new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
				((MockHttpServletResponse) response).setStatus(403);
			}
		});

		List<String> rows = inOrganisation((sql) -> sql
			.sql("select action || ' ' || outcome || ' ' || subject_detail from access_trail where subject_id = :id"
					+ " order by id")
			.param("id", household)
			.query(String.class)
			.list());
		assertThat(rows).containsExactly("UPDATE DENIED POST /households/" + household,
				"VIEW DENIED GET /api/v1/households/" + household + "/rhythms");
	}

	// ---- The coordinator's page, the API and the export

	@Test
	void theTrailPageNamesTheFamilyAndThePersonAndFiltersByPersonActionAndPeriod() throws Exception {
		String family = TestData.unique("Naam");
		UUID id = register(family);
		perform(get("/households/" + id).session(this.professionalSession));
		inOrganisation((sql) -> {
			this.trail.recordSystem(this.organisation.id(), AccessAction.VIEW, new AccessSubject("MONITOR", null));
			return null;
		});

		String page = perform(get("/access-trail").session(this.coordinatorSession)).getContentAsString();
		assertThat(page).contains("Fatima " + family, "Test professional", "de geanonimiseerde monitor")
			.doesNotContain("??");

		JsonNode byPerson = api(get("/api/v1/access-trail").param("person", this.professional.id().toString()));
		assertThat(byPerson).isNotEmpty();
		byPerson.forEach((e) -> assertThat(e.get("actorId").asString()).isEqualTo(this.professional.id().toString()));
		assertThat(byPerson.get(0).get("actorName").asString()).isEqualTo("Test professional");

		JsonNode created = api(get("/api/v1/access-trail").param("action", "CREATE").param("subject", id.toString()));
		assertThat(created).hasSize(1);
		assertThat(created.get(0).get("subjectName").asString()).isEqualTo("Fatima " + family);

		assertThat(api(get("/api/v1/access-trail").param("subject", id.toString())
			.param("from", TODAY.minusDays(1).toString())
			.param("to", TODAY.plusDays(1).toString()))).hasSize(3);
		assertThat(api(get("/api/v1/access-trail").param("subject", id.toString())
			.param("from", TODAY.plusDays(2).toString()))).isEmpty();
		assertThat(api(
				get("/api/v1/access-trail").param("subject", id.toString()).param("to", TODAY.minusDays(2).toString())))
			.isEmpty();

		String filtered = perform(get("/access-trail").param("person", this.professional.id().toString())
			.param("action", "CREATE")
			.param("from", TODAY.toString())
			.session(this.coordinatorSession)).getContentAsString();
		assertThat(filtered).contains("Fatima " + family).doesNotContain("de geanonimiseerde monitor");
	}

	@Test
	void wrongFiltersAreNamedAndKeptOnThePageAndInTheApi() throws Exception {
		MockHttpServletResponse page = perform(get("/access-trail").param("from", "21112020")
			.param("to", "1850-01-01")
			.session(this.coordinatorSession));
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("Fout: controleer de filters", "value=\"21112020\"",
				"Vul een datum in als 2026-12-31.", "Vul een datum in tussen 1900 en " + (TODAY.getYear() + 10) + ".");

		MockHttpServletResponse api = perform(get("/api/v1/access-trail").param("from", "2026-02-30")
			.param("action", "STEAL")
			.session(this.coordinatorSession));
		assertThat(api.getStatus()).isEqualTo(400);
		assertThat(this.json.readTree(api.getContentAsString()).get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("from", "action");
		assertThat(perform(get("/api/v1/access-trail/export").param("to", "x").session(this.coordinatorSession))
			.getStatus()).isEqualTo(400);
	}

	@Test
	void pagesGoThroughEverythingOnce() throws Exception {
		TestData.Organisation small = this.data.organisation();
		MockHttpSession coordinator = TestData.signIn(this.mvc, this.data.person(small, Role.COORDINATOR));
		List<UUID> subjects = new ArrayList<>();
		this.data.inScope(TenantScope.Scope.system(Set.of(small.id())), (sql) -> {
			for (int i = 0; i < 57; i++) {
				UUID subject = UUID.randomUUID();
				subjects.add(subject);
				this.trail.recordSystem(small.id(), AccessAction.VIEW, AccessSubject.household(subject));
			}
			return null;
		});

		List<String> seen = new ArrayList<>();
		String next = "/api/v1/access-trail?action=VIEW&limit=20";
		int pages = 0;
		while (next != null) {
			MockHttpServletResponse answer = perform(get(next).session(coordinator));
			this.json.readTree(answer.getContentAsString()).forEach((e) -> seen.add(e.get("subjectId").asString()));
			String link = answer.getHeader("Link");
			next = (link != null) ? link.substring(link.indexOf('<') + 1, link.indexOf('>')) : null;
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(seen).hasSize(57).doesNotHaveDuplicates();
		List<String> newestFirst = new ArrayList<>(subjects.stream().map(UUID::toString).toList());
		java.util.Collections.reverse(newestFirst);
		assertThat(seen).isEqualTo(newestFirst);

		String first = perform(get("/access-trail").param("action", "VIEW").session(coordinator)).getContentAsString();
		Matcher older = Pattern.compile("id=\"trail-next\" href=\"([^\"]+)\"").matcher(first);
		assertThat(older.find()).as("a link to older rows").isTrue();
		String second = perform(get(older.group(1).replace("&amp;", "&")).session(coordinator)).getContentAsString();
		assertThat(second).doesNotContain("id=\"trail-next\"").contains("id=\"trail-newest\"");
		assertThat(second).contains(subjects.get(0).toString()).doesNotContain(subjects.get(56).toString());
	}

	@Test
	void thePrivacyOfficerExportsAPeriodAsCsvAndTheExportIsInTheTrail() throws Exception {
		String family = TestData.unique("Export");
		UUID id = register(family);

		MockHttpServletResponse csv = perform(get("/api/v1/access-trail/export").param("from", TODAY.toString())
			.param("to", TODAY.toString())
			.param("subject", id.toString())
			.session(this.coordinatorSession));

		assertThat(csv.getStatus()).isEqualTo(200);
		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(csv.getHeader("Content-Disposition")).contains("attachment", ".csv");
		String[] lines = csv.getContentAsString(StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines[0]).startsWith("regel,tijdstip,medewerker,account,rol,handeling,uitkomst");
		assertThat(lines).as("the household's row, and the export's own").hasSize(3);
		assertThat(lines[1])
			.contains(",Test coordinator," + this.coordinator.email() + ",COORDINATOR,EXPORT,SUCCESS,TRAIL,");
		assertThat(lines[2]).contains(",Test professional," + this.professional.email()
				+ ",PROFESSIONAL,CREATE,SUCCESS,HOUSEHOLD," + id + ",Fatima " + family + ",");
		List<String> exports = inOrganisation((sql) -> sql
			.sql("select subject_detail from access_trail where actor_id = :me"
					+ " and action = 'EXPORT' and subject_type = 'TRAIL' and subject_id = :id")
			.param("me", this.coordinator.id())
			.param("id", id)
			.query(String.class)
			.list());
		assertThat(exports).containsExactly("CSV;from=" + TODAY + ";to=" + TODAY + ";subject=" + id);

		MockHttpServletResponse fromPage = perform(
				get("/access-trail/export").param("from", TODAY.toString()).session(this.coordinatorSession));
		assertThat(fromPage.getStatus()).isEqualTo(200);
		assertThat(fromPage.getContentAsString(StandardCharsets.UTF_8)).contains("Fatima " + family);
	}

	@Test
	void aCellThatASpreadsheetWouldRunIsDefused() {
		assertThat(TrailCsv.line(List.of("=HYPERLINK(\"x\")", "a,b", "-1", "plain")))
			.isEqualTo("\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",'-1,plain\r\n");
	}

	// ---- Helpers

	private UUID register(String family) throws Exception {
		MockHttpServletResponse created = perform(post("/households").with(csrf())
			.param("members[0].role", "PARENT")
			.param("members[0].givenName", "Fatima")
			.param("members[0].familyName", family)
			.param("members[0].birthDate", "1990-05-17")
			.param("mainContact", "0")
			.param("kind", "INTENSIVE")
			.param("start", TODAY.minusDays(10).toString())
			.param("contactPerson", this.professional.id().toString())
			.param("firstPhase", "FLEXIBLE.GETTING_IN_TOUCH")
			// Two families of the same name on purpose: past the duplicate check (issue
			// 15).
			.param("duplicatesChecked", "true")
			.session(this.professionalSession));
		assertThat(created.getStatus()).as("registered").isEqualTo(302);
		return UUID.fromString(created.getRedirectedUrl().substring("/households/".length()));
	}

	private static String cover(String page) {
		Matcher matcher = COVER.matcher(page);
		assertThat(matcher.find()).as("the dossier hands its sections a cover").isTrue();
		return matcher.group(1);
	}

	private static MockHttpServletRequestBuilder section(String section, UUID id, MockHttpSession session) {
		return get(section.formatted(id)).header("HX-Request", "true").session(session);
	}

	private int views(UUID household) {
		return inOrganisation((sql) -> sql
			.sql("select count(*) from access_trail where subject_id = :id and action = 'VIEW' and outcome = 'SUCCESS'")
			.param("id", household)
			.query(Integer.class)
			.single());
	}

	private long lastRow() {
		return inOrganisation(
				(sql) -> sql.sql("select coalesce(max(id), 0) from access_trail").query(Long.class).single());
	}

	private JsonNode api(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = perform(request.session(this.coordinatorSession));
		assertThat(response.getStatus()).isEqualTo(200);
		return this.json.readTree(response.getContentAsString());
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private <T> T inOrganisation(java.util.function.Function<org.springframework.jdbc.core.simple.JdbcClient, T> work) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())), work);
	}

	private void signInAs(TestData.Person person) {
		TenantPrincipal principal = new TenantPrincipal() {
			@Override
			public TenantScope.Scope tenantScope() {
				return new TenantScope.Scope(Set.of(person.organisation().id()), person.role().name(), person.id());
			}

			@Override
			public UUID userId() {
				return person.id();
			}

			@Override
			public String actorLabel() {
				return person.email();
			}

			@Override
			public String roleName() {
				return person.role().name();
			}

			@Override
			public UUID organisationId() {
				return person.organisation().id();
			}
		};
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
	}

	private static MockHttpServletRequest request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		return request;
	}

}
