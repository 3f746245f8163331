package nl.vangnet.contact;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The worklist paged and filtered (issue 16, item 1): overdue first in the order of the
 * rhythms' next due day, then the families on it for other reasons; filtered by reason,
 * worker and team; the count of each reason; only the page's families in the access
 * trail; and the next due day kept by the database exactly as the code computes it.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorklistPagingTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	private TestData.Organisation organisation;

	private TestData.Person worker;

	private TestData.Person colleague;

	private TestData.Person coordinator;

	private MockHttpSession workerSession;

	private MockHttpSession colleagueSession;

	private MockHttpSession coordinatorSession;

	private UUID team;

	private final List<String> overdue = new java.util.ArrayList<>();

	private String failed;

	private String acute;

	private String fine;

	@BeforeAll
	void families() throws Exception {
		this.organisation = this.data.organisation();
		this.worker = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.colleague = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.coordinator = this.data.person(this.organisation, Role.COORDINATOR);
		this.workerSession = TestData.signIn(this.mvc, this.worker);
		this.colleagueSession = TestData.signIn(this.mvc, this.colleague);
		this.coordinatorSession = TestData.signIn(this.mvc, this.coordinator);
		this.team = UUID.randomUUID();
		system((sql) -> {
			sql.sql("insert into team (id, organisation_id, name, version) values (:id, :o, 'Oost', 0)")
				.param("id", this.team)
				.param("o", this.organisation.id())
				.update();
			return sql.sql("update account set team_id = :t where id = :a")
				.param("t", this.team)
				.param("a", this.colleague.id())
				.update();
		});
		LocalDate today = TestData.today();
		// Five overdue families, the first the longest: weekly, last reached 20 … 16 days
		// ago.
		for (int i = 0; i < 5; i++) {
			String family = family(this.worker, "Overdue" + i);
			weekly(family);
			contact(family, today.minusDays(20 - i).atTime(10, 0), true);
			this.overdue.add(family);
		}
		this.failed = family(this.colleague, "Failed");
		contact(this.failed, today.minusDays(4).atTime(10, 0), true);
		contact(this.failed, today.minusDays(2).atTime(10, 0), false);
		this.acute = family(this.worker, "Acute");
		system((sql) -> sql.sql("""
				insert into help_question (id, household_id, organisation_id, framework_code, domain_code, monitor_code,
				  opened_on, acute, status) values (:id, :h, :o, 'MONITOR', 'FINANCES', 'FINANCES', :on, true, 'OPEN')
				""")
			.param("id", UUID.randomUUID())
			.param("h", UUID.fromString(this.acute))
			.param("o", this.organisation.id())
			.param("on", today.minusDays(1))
			.update());
		this.fine = family(this.worker, "Fine");
		weekly(this.fine);
		contact(this.fine, today.minusDays(1).atTime(10, 0), true);
	}

	@Test
	void aCoordinatorPagesOverdueFirstThenTheOtherReasonsWithTheCountOfEach() throws Exception {
		JsonNode first = page("?size=2");
		JsonNode second = page("?size=2&page=1");
		JsonNode third = page("?size=2&page=2");
		JsonNode fourth = page("?size=2&page=3");

		assertThat(ids(first)).containsExactly(this.overdue.get(0), this.overdue.get(1));
		assertThat(first.get("items").get(0).get("daysOverdue").longValue()).isEqualTo(13);
		assertThat(ids(second)).containsExactly(this.overdue.get(2), this.overdue.get(3));
		assertThat(ids(third)).containsExactly(this.overdue.get(4), this.failed);
		assertThat(ids(fourth)).containsExactly(this.acute);
		assertThat(first.get("more").booleanValue()).isTrue();
		assertThat(third.get("more").booleanValue()).isTrue();
		assertThat(fourth.get("more").booleanValue()).isFalse();
		assertThat(first.get("total").longValue()).isEqualTo(7);
		assertThat(first.get("totalAtLeast").booleanValue()).isFalse();
		assertThat(first.get("size").intValue()).isEqualTo(2);
		assertThat(first.get("counts").get("OVERDUE").get("count").longValue()).isEqualTo(5);
		assertThat(first.get("counts").get("FAILED_ATTEMPTS").get("count").longValue()).isEqualTo(1);
		assertThat(first.get("counts").get("ACUTE_QUESTIONS").get("count").longValue()).isEqualTo(1);
		assertThat(first.get("counts").get("OBLIGATIONS_DUE").get("count").longValue()).isZero();
		assertThat(first.get("counts").get("FOLLOW_UP").get("count").longValue()).isZero();
		assertThat(ids(page(""))).as("one page of 50 unless asked otherwise")
			.containsExactly(this.overdue.get(0), this.overdue.get(1), this.overdue.get(2), this.overdue.get(3),
					this.overdue.get(4), this.failed, this.acute)
			.doesNotContain(this.fine);
	}

	@Test
	void theFiltersChooseAReasonAWorkerOrATeam() throws Exception {
		assertThat(ids(page("?reason=FAILED_ATTEMPTS"))).containsExactly(this.failed);
		assertThat(ids(page("?reason=ACUTE_QUESTIONS"))).containsExactly(this.acute);
		JsonNode overdueOnly = page("?reason=OVERDUE&size=3");
		assertThat(ids(overdueOnly)).containsExactly(this.overdue.get(0), this.overdue.get(1), this.overdue.get(2));
		assertThat(overdueOnly.get("total").longValue()).isEqualTo(5);
		assertThat(overdueOnly.get("more").booleanValue()).isTrue();
		assertThat(ids(page("?worker=" + this.colleague.id()))).containsExactly(this.failed);
		assertThat(ids(page("?team=" + this.team))).containsExactly(this.failed);
		JsonNode workers = page("?worker=" + this.worker.id() + "&reason=OVERDUE");
		assertThat(ids(workers)).hasSize(5);
		assertThat(workers.get("counts").get("FAILED_ATTEMPTS").get("count").longValue())
			.as("the counts are those of the worker's list")
			.isZero();
		JsonNode own = this.api.getJson("/api/v1/worklist?size=3", this.workerSession);
		assertThat(ids(own)).containsExactly(this.overdue.get(0), this.overdue.get(1), this.overdue.get(2));
		assertThat(own.get("total").longValue()).isEqualTo(6);
		assertThat(ids(this.api.getJson("/api/v1/worklist", this.colleagueSession))).containsExactly(this.failed);
	}

	@Test
	void aFilterThatIsNotRightIsAFieldError() throws Exception {
		assertField("/api/v1/worklist?worker=" + this.colleague.id(), this.workerSession, "worker");
		assertField("/api/v1/worklist?team=" + this.team, this.workerSession, "team");
		assertField("/api/v1/worklist?worker=" + UUID.randomUUID(), this.coordinatorSession, "worker");
		assertField("/api/v1/worklist?team=" + UUID.randomUUID(), this.coordinatorSession, "team");
		assertField("/api/v1/worklist?worker=abc", this.coordinatorSession, "worker");
		assertField("/api/v1/worklist?reason=SOON", this.coordinatorSession, "reason");
		assertField("/api/v1/worklist?page=abc", this.coordinatorSession, "page");
		MockHttpServletResponse web = this.mvc
			.perform(get("/worklist").param("worker", UUID.randomUUID().toString()).session(this.coordinatorSession))
			.andReturn()
			.getResponse();
		assertThat(web.getStatus()).isEqualTo(400);
		assertThat(web.getContentAsString()).contains("Medewerker: kies iemand van uw organisatie.")
			.contains("href=\"#worklist-worker\"")
			.contains(this.overdue.get(0));
	}

	@Test
	void thePageFiltersAndPagesWithLinksAndOnlyItsFamiliesAreInTheTrail() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/worklist").param("reason", "OVERDUE").session(this.coordinatorSession))
			.andReturn()
			.getResponse();
		String page = response.getContentAsString();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(page).contains("te laat of vandaag (5)")
			.contains("niet bereikt (1)")
			.contains("5 gezinnen (pagina 1 van 1)")
			.contains(this.overdue.get(4))
			.doesNotContain(this.failed);
		String english = this.mvc
			.perform(get("/worklist").param("team", this.team.toString())
				.param("lang", "en")
				.session(this.coordinatorSession))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("1 family (page 1 of 1)").contains(this.failed);

		page("?size=2");
		assertThat(lastSearch(this.coordinator.id())).as("a page's families are its trail, not the whole list")
			.containsExactlyInAnyOrder(this.overdue.get(0), this.overdue.get(1));
	}

	@Test
	void theDatabaseKeepsTheNextDueDayAsTheCodeComputesIt() throws Exception {
		LocalDate today = TestData.today();
		// In an organisation of its own: the family becomes overdue.
		TestData.Organisation elsewhere = this.data.organisation();
		TestData.Person other = this.data.person(elsewhere, Role.COORDINATOR);
		MockHttpSession session = TestData.signIn(this.mvc, other);
		String family = family(other, "Monthly", session);
		UUID id = UUID.fromString(family);
		String trajectory = this.api.getJson("/api/v1/households/" + family + "/rhythms", session)
			.get(0)
			.get("trajectoryId")
			.stringValue();
		assertThat(this.api
			.send(put("/api/v1/households/" + family + "/trajectories/" + trajectory + "/rhythm"),
					this.json.createObjectNode().put("rhythm", "MONTHLY"), session)
			.getStatus()).isEqualTo(200);
		assertThat(nextDue(elsewhere, id)).isEqualTo(Rhythm.MONTHLY.next(today));
		// A monthly rhythm that started on the 31st: due on the last day of the next
		// month.
		LocalDate start = LocalDate.of(2026, 1, 31);
		system(elsewhere, (sql) -> sql.sql(
				"update follow_up_rhythm set rhythm = 'MONTHLY', started_on = :s where household_id = :h and ended_on is null")
			.param("s", start)
			.param("h", id)
			.update());
		assertThat(nextDue(elsewhere, id)).isEqualTo(Rhythm.MONTHLY.next(start)).isEqualTo(LocalDate.of(2026, 2, 28));

		LocalDateTime reached = today.minusDays(3).atTime(9, 0);
		contact(family, reached, true, session);
		contact(family, today.minusDays(1).atTime(9, 0), false, session);
		assertThat(nextDue(elsewhere, id)).isEqualTo(Rhythm.MONTHLY.next(reached.toLocalDate()));
		assertThat(state(elsewhere, id)).containsExactly(reached.toLocalDate().toString(), "1");

		// Changed and deleted moments change the state too, whoever writes them.
		system(elsewhere,
				(sql) -> sql.sql("update contact_moment set reached = true where household_id = :h and not reached")
					.param("h", id)
					.update());
		assertThat(state(elsewhere, id)).containsExactly(today.minusDays(1).toString(), "0");
		assertThat(nextDue(elsewhere, id)).isEqualTo(Rhythm.MONTHLY.next(today.minusDays(1)));
		system(elsewhere,
				(sql) -> sql.sql("delete from contact_moment where household_id = :h").param("h", id).update());
		assertThat(state(elsewhere, id)).as("no moments, no state").containsExactly("none");
		assertThat(nextDue(elsewhere, id)).isEqualTo(Rhythm.MONTHLY.next(start));
		MockHttpServletResponse changed = this.api.send(
				put("/api/v1/households/" + family + "/trajectories/" + trajectory + "/rhythm"),
				this.json.createObjectNode().put("rhythm", "EVERY_THREE_MONTHS"), session);
		assertThat(changed.getStatus()).isEqualTo(200);
		assertThat(nextDue(elsewhere, id)).isEqualTo(Rhythm.EVERY_THREE_MONTHS.next(start));
		assertThat(
				this.api.getJson("/api/v1/households/" + family + "/rhythms", session).get(0).get("due").stringValue())
			.as("the page's due day is the database's")
			.isEqualTo(nextDue(elsewhere, id).toString());
	}

	private void assertField(String url, MockHttpSession session, String field) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get(url).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(url + ": " + response.getContentAsString()).isEqualTo(400);
		assertThat(this.json.readTree(response.getContentAsString()).get("errors").findValuesAsString("field")).as(url)
			.contains(field);
	}

	private JsonNode page(String query) throws Exception {
		return this.api.getJson("/api/v1/worklist" + query, this.coordinatorSession);
	}

	private static List<String> ids(JsonNode page) {
		return page.get("items").findValuesAsString("householdId");
	}

	private LocalDate nextDue(TestData.Organisation in, UUID household) {
		return system(in,
				(sql) -> sql.sql("select next_due from follow_up_rhythm where household_id = :h and ended_on is null")
					.param("h", household)
					.query(LocalDate.class)
					.single());
	}

	private List<String> state(TestData.Organisation in, UUID household) {
		return system(in, (sql) -> sql.sql(
				"select coalesce(last_reached::text, 'null'), failed_since_reached::text from contact_state where household_id = :h")
			.param("h", household)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.optional()
			.orElse(List.of("none")));
	}

	private List<String> lastSearch(UUID actor) {
		return system((sql) -> sql.sql("""
				select unnest(coalesce(subject_ids, array[subject_id]))::text from access_trail
				where id = (select max(id) from access_trail where actor_id = :a and action = 'SEARCH')
				""").param("a", actor).query(String.class).list());
	}

	private <T> T system(java.util.function.Function<org.springframework.jdbc.core.simple.JdbcClient, T> work) {
		return system(this.organisation, work);
	}

	private <T> T system(TestData.Organisation in,
			java.util.function.Function<org.springframework.jdbc.core.simple.JdbcClient, T> work) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(in.id())), work);
	}

	private String family(TestData.Person contactPerson, String name) throws Exception {
		return family(contactPerson, name, this.coordinatorSession);
	}

	private String family(TestData.Person contactPerson, String name, MockHttpSession session) throws Exception {
		String start = TestData.today().minusDays(200).toString();
		String text = """
				{ "format": "vangnet-household/1", "composition": "ONE_PARENT",
				  "members": [ { "ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "%s", "familyName": "%s" } ],
				  "trajectories": [ { "kind": "INTENSIVE", "start": "%s",
				    "phaseModel": "FLEXIBLE", "contactPerson": "%s",
				    "phases": [ { "phase": "FLEXIBLE.GETTING_IN_TOUCH", "date": "%s" } ] } ] }
				"""
			.formatted(name, TestData.unique("Fam"), start, contactPerson.id(), start);
		MockHttpServletResponse response = this.api.send(post("/api/v1/households"), this.json.readTree(text), session);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return this.json.readTree(response.getContentAsString()).get("id").stringValue();
	}

	private void weekly(String household) throws Exception {
		String trajectory = this.api.getJson("/api/v1/households/" + household + "/rhythms", this.coordinatorSession)
			.get(0)
			.get("trajectoryId")
			.stringValue();
		MockHttpServletResponse response = this.api.send(
				put("/api/v1/households/" + household + "/trajectories/" + trajectory + "/rhythm"),
				this.json.createObjectNode().put("rhythm", "WEEKLY"), this.coordinatorSession);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
	}

	private void contact(String household, LocalDateTime at, boolean reached) throws Exception {
		contact(household, at, reached, this.coordinatorSession);
	}

	private void contact(String household, LocalDateTime at, boolean reached, MockHttpSession session)
			throws Exception {
		ObjectNode body = this.json.createObjectNode()
			.put("occurredAt", at.withNano(0).toString())
			.put("channel", reached ? "HOME_VISIT" : "OUTREACH_ATTEMPT")
			.put("reached", reached)
			.put("sensitive", false);
		MockHttpServletResponse response = this.api.send(post("/api/v1/households/" + household + "/contacts"), body,
				session);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
	}

}
