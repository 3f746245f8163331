package nl.vangnet.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

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
import org.springframework.http.MediaType;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Contacts, time, rhythms, the worklist, obligations and debts through the API, with the
 * rules about who sees what.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactApiTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private Clock clock;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	private TestData.Organisation organisation;

	private TestData.Person professional;

	private TestData.Person volunteer;

	private MockHttpSession professionalSession;

	private MockHttpSession colleagueSession;

	private MockHttpSession coordinatorSession;

	private MockHttpSession volunteerSession;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation();
		this.professional = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.volunteer = this.data.person(this.organisation, Role.VOLUNTEER);
		this.professionalSession = TestData.signIn(this.mvc, this.professional);
		this.colleagueSession = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.PROFESSIONAL));
		this.coordinatorSession = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.COORDINATOR));
		this.volunteerSession = TestData.signIn(this.mvc, this.volunteer);
	}

	@Test
	void aSensitiveNoteIsReadOnlyByItsAuthorAndCoordinators() throws Exception {
		String household = family(this.professional, "Samira", true, null);
		contact(household, this.professionalSession, LocalDateTime.now(this.clock).minusHours(2), true,
				"Vertelde over geweld door ex", true);
		contact(household, this.professionalSession, LocalDateTime.now(this.clock).minusHours(1), true,
				"Boodschappen gedaan", false);

		JsonNode author = this.api.getJson("/api/v1/households/" + household + "/contacts", this.professionalSession);
		JsonNode coordinator = this.api.getJson("/api/v1/households/" + household + "/contacts",
				this.coordinatorSession);
		JsonNode colleague = this.api.getJson("/api/v1/households/" + household + "/contacts", this.colleagueSession);

		assertThat(author.findValuesAsString("note")).contains("Vertelde over geweld door ex", "Boodschappen gedaan");
		assertThat(coordinator.findValuesAsString("note")).contains("Vertelde over geweld door ex");
		assertThat(colleague).hasSize(2);
		assertThat(colleague.toString()).doesNotContain("geweld").contains("Boodschappen gedaan");
		assertThat(colleague.get(1).get("noteHidden").booleanValue()).isTrue();
		assertThat(colleague.get(1).get("sensitive").booleanValue()).isTrue();
	}

	@Test
	void aVolunteerRecordsContactsWithTheirFamilyButSeesOnlyTheirOwn() throws Exception {
		String involved = family(this.professional, "Noor", true, null);
		String notInvolved = family(this.professional, "Lina", false, null);
		contact(involved, this.professionalSession, LocalDateTime.now(this.clock).minusDays(1), true,
				"Gesprek met mentor", false);

		ObjectNode mine = contactBody(LocalDateTime.now(this.clock).minusHours(3), true, "Samen naar de markt", false);
		mine.putObject("minutes").put("BUDDY_SUPPORT", 90);
		MockHttpServletResponse created = this.api.send(post("/api/v1/households/" + involved + "/contacts"), mine,
				this.volunteerSession);
		JsonNode seen = this.api.getJson("/api/v1/households/" + involved + "/contacts", this.volunteerSession);

		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		assertThat(seen).hasSize(1);
		assertThat(seen.get(0).get("note").stringValue()).isEqualTo("Samen naar de markt");
		assertThat(seen.get(0).get("minutes").get("BUDDY_SUPPORT").intValue()).isEqualTo(90);
		assertThat(this.api.status(get("/api/v1/households/" + notInvolved + "/contacts"), this.volunteerSession))
			.isEqualTo(404);
		assertThat(this.api.send(post("/api/v1/households/" + notInvolved + "/contacts"), mine, this.volunteerSession)
			.getStatus()).isEqualTo(404);
		assertThat(this.api.status(get("/api/v1/households/" + involved + "/debts"), this.volunteerSession))
			.isEqualTo(403);
		assertThat(this.api.status(get("/api/v1/households/" + involved + "/time-summary"), this.volunteerSession))
			.isEqualTo(403);
		assertThat(this.api.status(get("/api/v1/worklist"), this.volunteerSession)).isEqualTo(403);
		JsonNode all = this.api.getJson("/api/v1/households/" + involved + "/contacts", this.professionalSession);
		assertThat(all).hasSize(2);
	}

	@Test
	void theWorklistShowsOverdueFirstByDaysOverdueThenFailedAttemptsAcuteQuestionsAndDueObligations() throws Exception {
		TestData.Person worker = this.data.person(this.organisation, Role.PROFESSIONAL);
		MockHttpSession session = TestData.signIn(this.mvc, worker);
		LocalDate today = LocalDate.now(this.clock);
		String longOverdue = family(worker, "Overdue Long", false, null);
		weekly(longOverdue, session);
		contact(longOverdue, session, today.minusDays(20).atTime(10, 0), true, null, false);
		String shortOverdue = family(worker, "Overdue Short", false, null);
		weekly(shortOverdue, session);
		contact(shortOverdue, session, today.minusDays(9).atTime(10, 0), true, null, false);
		String failed = family(worker, "Failed", false, null);
		contact(failed, session, today.minusDays(5).atTime(10, 0), true, null, false);
		contact(failed, session, today.minusDays(3).atTime(10, 0), false, "Niet thuis", false);
		contact(failed, session, today.minusDays(1).atTime(10, 0), false, "Telefoon uit", false);
		String acute = family(worker, "Acute", false, null);
		inOrganisation(() -> this.jdbc.sql("""
				insert into help_question (id, household_id, organisation_id, framework_code, domain_code, monitor_code,
				  opened_on, acute, status) values (:id, :h, :o, 'MONITOR', 'FINANCES', 'FINANCES', :on, true, 'OPEN')
				""")
			.param("id", UUID.randomUUID())
			.param("h", UUID.fromString(acute))
			.param("o", this.organisation.id())
			.param("on", today.minusDays(2))
			.update());
		String papers = family(worker, "Papers", false, null);
		ObjectNode obligation = this.json.createObjectNode()
			.put("kind", "FORM")
			.put("description", "Formulier huurtoeslag")
			.put("agency", "Belastingdienst")
			.put("dueOn", today.plusDays(2).toString());
		assertThat(
				this.api.send(post("/api/v1/households/" + papers + "/obligations"), obligation, session).getStatus())
			.isEqualTo(201);
		String fine = family(worker, "Fine", false, null);
		weekly(fine, session);
		contact(fine, session, today.minusDays(2).atTime(10, 0), true, null, false);
		String aftercare = family(worker, "Aftercare", false, today.minusDays(120));
		contact(aftercare, session, today.minusDays(100).atTime(10, 0), true, null, false);
		JsonNode rhythms = this.api.getJson("/api/v1/households/" + aftercare + "/rhythms", session);
		String trajectory = rhythms.get(0).get("trajectoryId").stringValue();
		ObjectNode pilotLight = this.json.createObjectNode().put("rhythm", "EVERY_THREE_MONTHS");
		assertThat(this.api
			.send(put("/api/v1/households/" + aftercare + "/trajectories/" + trajectory + "/rhythm"), pilotLight,
					session)
			.getStatus()).isEqualTo(200);

		JsonNode worklist = this.api.getJson("/api/v1/worklist", session).get("items");

		assertThat(worklist.findValuesAsString("householdId")).containsExactly(longOverdue, aftercare, shortOverdue,
				failed, acute, papers);
		long aftercareOverdue = ChronoUnit.DAYS.between(today.minusDays(100).plusMonths(3), today);
		assertThat(worklist.get(0).get("daysOverdue").longValue()).isEqualTo(13);
		assertThat(worklist.get(1).get("daysOverdue").longValue()).isEqualTo(aftercareOverdue);
		assertThat(worklist.get(1).get("aftercare").booleanValue()).isTrue();
		assertThat(worklist.get(2).get("daysOverdue").longValue()).isEqualTo(2);
		assertThat(worklist.get(3).get("failedAttempts").intValue()).isEqualTo(2);
		assertThat(worklist.get(4).get("acuteQuestions").intValue()).isEqualTo(1);
		assertThat(worklist.get(5).get("obligationsDue").intValue()).isEqualTo(1);
		assertThat(aftercareOverdue).isBetween(8L, 11L);
		JsonNode team = this.api.getJson("/api/v1/worklist", this.coordinatorSession).get("items");
		assertThat(team.findValuesAsString("householdId")).contains(longOverdue, aftercare, failed);
		JsonNode colleague = this.api.getJson("/api/v1/worklist", this.colleagueSession).get("items");
		assertThat(colleague.findValuesAsString("householdId")).doesNotContain(longOverdue, aftercare);

		ObjectNode closed = (ObjectNode) this.api.getJson("/api/v1/households/" + aftercare, session).deepCopy();
		closed.put("closedOn", today.toString()).put("closingReason", "Verhuisd naar familie");
		MockHttpServletResponse closing = this.api.send(put("/api/v1/households/" + aftercare), closed, session);
		assertThat(closing.getStatus()).as(closing.getContentAsString()).isEqualTo(200);
		assertThat(this.api.getJson("/api/v1/worklist", session).get("items").findValuesAsString("householdId"))
			.as("a closed household in aftercare stays on the worklist")
			.contains(aftercare);

		ObjectNode end = this.json.createObjectNode().put("reason", "Gaat het goed; wil geen contact meer");
		assertThat(this.api
			.send(post("/api/v1/households/" + aftercare + "/trajectories/" + trajectory + "/rhythm/end"), end, session)
			.getStatus()).isEqualTo(200);
		assertThat(this.api.getJson("/api/v1/worklist", session).get("items").findValuesAsString("householdId"))
			.doesNotContain(aftercare);
	}

	@Test
	void aGroupActivityContactRecordsTakingPartWithHowItWasExperienced() throws Exception {
		String household = family(this.professional, "Activity", false, null);
		ObjectNode body = contactBody(LocalDateTime.now(this.clock).minusHours(1), true, null, false);
		body.put("channel", "GROUP_ACTIVITY").put("activity", "Wijkmaaltijd").put("satisfaction", "GREEN");
		body.putObject("minutes").put("PARENT_GROUP_ACTIVITY", 120);

		MockHttpServletResponse response = this.api.send(post("/api/v1/households/" + household + "/contacts"), body,
				this.professionalSession);
		JsonNode activities = this.api.getJson("/api/v1/households/" + household + "/activities",
				this.professionalSession);
		JsonNode document = this.api.getJson("/api/v1/households/" + household, this.professionalSession);

		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		assertThat(activities).hasSize(1);
		assertThat(activities.get(0).get("name").stringValue()).isEqualTo("Wijkmaaltijd");
		assertThat(activities.get(0).get("satisfaction").stringValue()).isEqualTo("GREEN");
		assertThat(document.get("activities").get(0).get("satisfaction").stringValue()).isEqualTo("GREEN");
		assertThat(document.get("timeEntries").get(0).get("type").stringValue()).isEqualTo("PARENT_GROUP_ACTIVITY");
		assertThat(document.get("timeEntries").get(0).get("minutes").intValue()).isEqualTo(120);
		assertThat(activities.get(0).get("kind").stringValue()).as("parents' group time: a parents' group activity")
			.isEqualTo("PARENT_GROUP");
		assertThat(document.get("activities").get(0).get("kind").stringValue()).isEqualTo("PARENT_GROUP");
	}

	@Test
	void aChildrensGroupActivityIsCountedAsOneAndAnActivityOnItsOwnSaysItsKind() throws Exception {
		String household = family(this.professional, "Kinds", false, null);
		ObjectNode body = contactBody(LocalDateTime.now(this.clock).minusHours(1), true, null, false);
		body.put("channel", "GROUP_ACTIVITY").put("activity", "Kinderclub").put("satisfaction", "GREEN");
		body.putObject("minutes").put("CHILD_GROUP_ACTIVITY", 90);
		assertThat(this.api.send(post("/api/v1/households/" + household + "/contacts"), body, this.professionalSession)
			.getStatus()).isEqualTo(201);
		ObjectNode talk = this.json.createObjectNode()
			.put("date", TestData.today().minusDays(2).toString())
			.put("name", "Gesprek over de kinderen")
			.put("satisfaction", "ORANGE")
			.put("kind", "CONVERSATION");
		MockHttpServletResponse added = this.api.send(post("/api/v1/households/" + household + "/activities"), talk,
				this.professionalSession);
		ObjectNode unknown = talk.deepCopy().put("kind", "PICNIC");
		MockHttpServletResponse refused = this.api.send(post("/api/v1/households/" + household + "/activities"),
				unknown, this.professionalSession);

		assertThat(added.getStatus()).as(added.getContentAsString()).isLessThan(300);
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("kind");
		JsonNode activities = this.api.getJson("/api/v1/households/" + household + "/activities",
				this.professionalSession);
		assertThat(activities.findValuesAsString("kind")).containsExactlyInAnyOrder("CHILD_ACTIVITY", "CONVERSATION");
		assertThat(this.api.getJson("/api/v1/households/" + household, this.professionalSession)
			.get("activities")
			.findValuesAsString("kind")).containsExactlyInAnyOrder("CHILD_ACTIVITY", "CONVERSATION");
	}

	@Test
	void endingARhythmNeedsAReason() throws Exception {
		String household = family(this.professional, "Reason", false, LocalDate.now(this.clock).minusDays(3));
		String trajectory = this.api.getJson("/api/v1/households/" + household + "/rhythms", this.professionalSession)
			.get(0)
			.get("trajectoryId")
			.stringValue();
		this.api.send(put("/api/v1/households/" + household + "/trajectories/" + trajectory + "/rhythm"),
				this.json.createObjectNode().put("rhythm", "MONTHLY"), this.professionalSession);

		MockHttpServletResponse response = this.api.send(
				post("/api/v1/households/" + household + "/trajectories/" + trajectory + "/rhythm/end"),
				this.json.createObjectNode(), this.professionalSession);

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(this.json.readTree(response.getContentAsString()).get("errors").get(0).get("field").stringValue())
			.isEqualTo("reason");
	}

	@Test
	void theHouseholdDocumentKeepsTimeEntriesAndActivitiesAsSent() throws Exception {
		String household = family(this.professional, "Document", true, null);
		JsonNode document = this.api.getJson("/api/v1/households/" + household, this.professionalSession);
		ObjectNode changed = (ObjectNode) document.deepCopy();
		changed.putArray("timeEntries")
			.add(this.json
				.readTree("{\"date\": \"2020-07-06\", \"type\": \"ARRANGING\", \"minutes\": 120, \"member\": null}"))
			.add(this.json.readTree(
					"{\"date\": \"2020-07-06\", \"type\": \"CONVERSATION\", \"minutes\": 45, \"member\": \"m1\"}"))
			.add(this.json.readTree(
					"{\"date\": \"2020-08-01\", \"type\": \"BUDDY_SUPPORT\", \"minutes\": 90, \"member\": null}"));
		changed.putArray("activities")
			.add(this.json.readTree(
					"{\"date\": \"2021-03-05\", \"name\": \"Wijkmaaltijd\", \"member\": \"m1\", \"satisfaction\": \"GREEN\"}"))
			.add(this.json.readTree(
					"{\"date\": \"2021-03-12\", \"name\": \"Kinderclub\", \"member\": null, \"satisfaction\": null}"));

		MockHttpServletResponse saved = this.api.send(put("/api/v1/households/" + household), changed,
				this.professionalSession);
		JsonNode read = this.api.getJson("/api/v1/households/" + household, this.professionalSession);

		assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(200);
		ObjectNode expected = changed.deepCopy();
		expected.put("version", read.get("version").intValue());
		assertThat(read).isEqualTo(expected);
		JsonNode summary = this.api.getJson("/api/v1/households/" + household + "/time-summary",
				this.professionalSession);
		assertThat(summary.get("totalMinutes").longValue()).isEqualTo(255);
	}

	@Test
	void obligationsAndDebtsRefuseStaleVersionsKeepHistoryAndTotalWhatIsStillOwed() throws Exception {
		String household = family(this.professional, "Debts", false, null);
		ObjectNode debt = this.json.createObjectNode()
			.put("creditor", "Energieleverancier")
			.put("amount", 1250.50)
			.put("status", "OPEN");
		String first = created(
				this.api.send(post("/api/v1/households/" + household + "/debts"), debt, this.professionalSession));
		ObjectNode other = this.json.createObjectNode()
			.put("creditor", "Zorgverzekeraar")
			.put("amount", 300)
			.put("status", "PAID_OFF");
		created(this.api.send(post("/api/v1/households/" + household + "/debts"), other, this.professionalSession));

		ObjectNode arrangement = debt.deepCopy()
			.put("version", 0)
			.put("status", "ARRANGEMENT")
			.put("arrangement", "€ 25 per maand");
		MockHttpServletResponse changed = this.api.send(put("/api/v1/debts/" + first), arrangement,
				this.professionalSession);
		MockHttpServletResponse stale = this.api.send(put("/api/v1/debts/" + first), arrangement.put("amount", 1),
				this.colleagueSession);
		JsonNode overview = this.api.getJson("/api/v1/households/" + household + "/debts", this.professionalSession);

		assertThat(changed.getStatus()).as(changed.getContentAsString()).isEqualTo(200);
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(overview.get("total").decimalValue()).isEqualByComparingTo("1250.50");
		assertThat(overview.get("debts").get(0).get("history")).hasSize(2);
		assertThat(overview.get("debts").get(0).get("status").stringValue()).isEqualTo("ARRANGEMENT");

		ObjectNode letter = this.json.createObjectNode().put("kind", "LETTER").put("description", "Brief UWV");
		String obligation = created(this.api.send(post("/api/v1/households/" + household + "/obligations"), letter,
				this.professionalSession));
		ObjectNode done = letter.deepCopy().put("version", 0).put("status", "DONE");
		assertThat(this.api.send(put("/api/v1/obligations/" + obligation), done, this.professionalSession).getStatus())
			.isEqualTo(200);
		assertThat(this.api.send(put("/api/v1/obligations/" + obligation), done, this.professionalSession).getStatus())
			.isEqualTo(409);
		MockHttpServletResponse invalid = this.api.send(post("/api/v1/households/" + household + "/debts"),
				this.json.createObjectNode().put("creditor", "X").put("amount", -5), this.professionalSession);
		assertThat(invalid.getStatus()).isEqualTo(400);
		assertThat(this.json.readTree(invalid.getContentAsString()).get("errors").get(0).get("field").stringValue())
			.isEqualTo("amount");
		long trail = inOrganisation(() -> this.jdbc
			.sql("select count(*) from access_trail where subject_id = :id and action in ('CREATE', 'UPDATE', 'VIEW')")
			.param("id", UUID.fromString(household))
			.query(Long.class)
			.single());
		assertThat(trail).isGreaterThanOrEqualTo(6);
	}

	// ---- Helpers

	private String family(TestData.Person contactPerson, String name, boolean withVolunteer, LocalDate ended)
			throws Exception {
		String start = LocalDate.now(this.clock).minusDays(200).toString();
		String end = (ended != null) ? "\"" + ended + "\"" : "null";
		String reason = (ended != null) ? "\"Doelen bereikt\"" : "null";
		String involved = withVolunteer ? "\"" + this.volunteer.id() + "\"" : "";
		String text = """
				{ "format": "vangnet-household/1", "composition": "ONE_PARENT",
				  "members": [ { "ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "%s", "familyName": "%s" } ],
				  "trajectories": [ { "kind": "INTENSIVE", "start": "%s", "end": %s, "closingReason": %s,
				    "phaseModel": "FLEXIBLE", "contactPerson": "%s", "involvedStaff": [%s],
				    "phases": [ { "phase": "FLEXIBLE.GETTING_IN_TOUCH", "date": "%s" } ] } ] }
				"""
			.formatted(name, TestData.unique("Fam"), start, end, reason, contactPerson.id(), involved, start);
		MockHttpServletResponse response = this.api.send(post("/api/v1/households"), this.json.readTree(text),
				this.professionalSession);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return this.json.readTree(response.getContentAsString()).get("id").stringValue();
	}

	private void weekly(String household, MockHttpSession session) throws Exception {
		String trajectory = this.api.getJson("/api/v1/households/" + household + "/rhythms", session)
			.get(0)
			.get("trajectoryId")
			.stringValue();
		MockHttpServletResponse response = this.api.send(
				put("/api/v1/households/" + household + "/trajectories/" + trajectory + "/rhythm"),
				this.json.createObjectNode().put("rhythm", "WEEKLY"), session);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
	}

	private ObjectNode contactBody(LocalDateTime at, boolean reached, String note, boolean sensitive) {
		ObjectNode body = this.json.createObjectNode()
			.put("occurredAt", at.withNano(0).toString())
			.put("channel", reached ? "HOME_VISIT" : "OUTREACH_ATTEMPT")
			.put("reached", reached)
			.put("sensitive", sensitive);
		if (note != null) {
			body.put("note", note);
		}
		return body;
	}

	private void contact(String household, MockHttpSession session, LocalDateTime at, boolean reached, String note,
			boolean sensitive) throws Exception {
		MockHttpServletResponse response = this.api.send(post("/api/v1/households/" + household + "/contacts"),
				contactBody(at, reached, note, sensitive), session);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
	}

	private String created(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return this.json.readTree(response.getContentAsString()).get("id").stringValue();
	}

	private <T> T inOrganisation(Supplier<T> work) {
		return TenantScope.callAs(TenantScope.Scope.system(Set.of(this.organisation.id())),
				() -> this.transactions.execute((status) -> work.get()));
	}

	@SuppressWarnings("unused")
	private static List<String> ids(JsonNode node) {
		return node.findValuesAsString("householdId");
	}

}
