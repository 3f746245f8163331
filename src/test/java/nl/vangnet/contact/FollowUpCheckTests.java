package nl.vangnet.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Follow-up checks after departure (issue 15, item 3) and the worklist's aftercare
 * reasons (item 2): a check is due 3, 6 and 12 months after the day of departure, clamped
 * to the month's end; a check that did not reach her counts as a failed outreach attempt;
 * the planned aftercare period that is over asks the worker to end or extend it.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpCheckTests {

	private static final LocalDate TODAY = TestData.today();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	private TestData.Organisation organisation;

	private TestData.Person coordinatorPerson;

	private MockHttpSession professional;

	private MockHttpSession coordinator;

	private MockHttpSession volunteer;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation();
		this.coordinatorPerson = this.data.person(this.organisation, Role.COORDINATOR);
		this.professional = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.PROFESSIONAL));
		this.coordinator = TestData.signIn(this.mvc, this.coordinatorPerson);
		this.volunteer = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.VOLUNTEER));
	}

	@Test
	void aCheckIsDueItsMonthsAfterTheDayOfDepartureClampedToTheMonthsEnd() {
		assertThat(FollowUpChecks.due(LocalDate.of(2027, 1, 31), 3)).isEqualTo(LocalDate.of(2027, 4, 30));
		assertThat(FollowUpChecks.due(LocalDate.of(2026, 11, 30), 3)).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(FollowUpChecks.due(LocalDate.of(2027, 11, 30), 3)).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(FollowUpChecks.due(LocalDate.of(2028, 2, 29), 12)).isEqualTo(LocalDate.of(2029, 2, 28));
		assertThat(FollowUpChecks.due(LocalDate.of(2027, 8, 31), 6)).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(FollowUpChecks.due(LocalDate.of(2027, 3, 15), 3)).isEqualTo(LocalDate.of(2027, 6, 15));
	}

	@Test
	void theThreeMonthCheckIsDueOnItsDayAndOnTheWorklistUntilItIsTried() throws Exception {
		LocalDate departed = TODAY.minusMonths(3);
		String id = household(departed);
		LocalDate due = FollowUpChecks.due(departed, 3);
		assertThat(due).isBeforeOrEqualTo(TODAY);

		JsonNode departures = this.api.getJson(checks(id), this.professional);
		assertThat(departures).hasSize(1);
		assertThat(departures.get(0).get("departedOn").stringValue()).isEqualTo(departed.toString());
		JsonNode three = departures.get(0).get("checks").get(0);
		assertThat(three.get("months").intValue()).isEqualTo(3);
		assertThat(three.get("due").stringValue()).isEqualTo(due.toString());
		assertThat(three.get("status").stringValue()).isEqualTo("DUE");
		assertThat(departures.get(0).get("checks").get(1).get("status").stringValue()).isEqualTo("UPCOMING");
		JsonNode item = worklistItem(id);
		assertThat(item.get("followUp").get("checkMonths").intValue()).isEqualTo(3);
		assertThat(item.get("followUp").get("checkDue").stringValue()).isEqualTo(due.toString());
		assertThat(this.mvc.perform(get("/worklist").session(this.coordinator))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("nazorgcheck na 3 maanden");

		// The day before it is due, it is not (a departure one day later).
		LocalDate later = TODAY.plusDays(1).minusMonths(3);
		String notYet = household(later);
		boolean dueYet = !FollowUpChecks.due(later, 3).isAfter(TODAY);
		assertThat(this.api.getJson(checks(notYet), this.professional)
			.get(0)
			.get("checks")
			.get(0)
			.get("status")
			.stringValue()).isEqualTo(dueYet ? "DUE" : "UPCOMING");
		JsonNode notYetItem = worklistItem(notYet);
		if (!dueYet) {
			assertThat(notYetItem == null || notYetItem.get("followUp").get("checkMonths").isNull()).isTrue();
		}
	}

	@Test
	void afterSheCameBackOnlyTheLatestDepartureHasChecksDueAndNoneWhileTheNewTrajectoryRuns() throws Exception {
		// left seven months ago, back a month ago: the checks at 3 and 6 months passed
		// untried
		String back = householdWith(trajectory("INTENSIVE", TODAY.minusYears(2), TODAY.minusMonths(7)) + ","
				+ trajectory("INTENSIVE", TODAY.minusMonths(1), null));
		assertThat(checkMonths(back)).isNull();
		assertThat(this.api.getJson(checks(back), this.professional).get(0).get("checks").findValuesAsString("status"))
			.containsExactly("SUPERSEDED", "SUPERSEDED", "SUPERSEDED");
		assertThat(this.mvc.perform(get("/households/" + back + "/contacts").session(this.professional))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("niet meer aan de orde: zij kwam terug");

		// on the edge: back on the very day of departure, the check due today is not
		String sameDay = householdWith(trajectory("INTENSIVE", TODAY.minusYears(2), TODAY.minusMonths(3)) + ","
				+ trajectory("SHORT", TODAY.minusMonths(3), null));
		assertThat(checkMonths(sameDay)).isNull();
		// ... but aftercare after the departure is no coming back
		String aftercare = householdWith(trajectory("INTENSIVE", TODAY.minusYears(2), TODAY.minusMonths(3)) + ","
				+ trajectory("AFTERCARE", TODAY.minusMonths(3), null));
		assertThat(checkMonths(aftercare)).isEqualTo(3);

		// left fourteen months ago, back, left again three months ago: only the latest
		// departure's check is due, not the earlier one's untried checks
		LocalDate again = TODAY.minusMonths(3);
		String twice = householdWith(trajectory("INTENSIVE", TODAY.minusYears(2), TODAY.minusMonths(14)) + ","
				+ trajectory("INTENSIVE", TODAY.minusMonths(13), again));
		JsonNode item = worklistItem(twice);
		assertThat(item.get("followUp").get("checkMonths").intValue()).isEqualTo(3);
		assertThat(item.get("followUp").get("checkDue").stringValue())
			.isEqualTo(FollowUpChecks.due(again, 3).toString());
		JsonNode departures = this.api.getJson(checks(twice), this.professional);
		assertThat(departures.get(0).get("departedOn").stringValue()).isEqualTo(again.toString());
		assertThat(departures.get(0).get("checks").get(0).get("status").stringValue()).isEqualTo("DUE");
		assertThat(departures.get(1).get("checks").findValuesAsString("status")).containsExactly("SUPERSEDED",
				"SUPERSEDED", "SUPERSEDED");
	}

	@Test
	void aCheckThatDidNotReachHerCountsAsAFailedOutreachAttemptAndThenSheIsReached() throws Exception {
		LocalDate departed = TODAY.minusMonths(3).minusDays(5);
		String id = household(departed);

		this.api.send(post(checks(id)), """
				{"months": 3, "on": "%s", "reached": false, "channel": "OUTREACH_ATTEMPT"}
				""".formatted(TODAY.minusDays(1)), this.professional, 201);
		JsonNode item = worklistItem(id);
		assertThat(item.get("failedAttempts").intValue()).isEqualTo(1);
		assertThat(item.get("followUp").get("checkMonths").isNull()).isTrue();
		JsonNode three = this.api.getJson(checks(id), this.professional).get(0).get("checks").get(0);
		assertThat(three.get("status").stringValue()).isEqualTo("NOT_REACHED");
		JsonNode contacts = this.api.getJson("/api/v1/households/" + id + "/contacts", this.professional);
		assertThat(contacts).hasSize(1);
		assertThat(contacts.get(0).get("reached").booleanValue()).isFalse();
		assertThat(contacts.get(0).get("channel").stringValue()).isEqualTo("OUTREACH_ATTEMPT");

		this.api.send(post(checks(id)),
				"""
						{"months": 3, "on": "%s", "reached": true, "housing": "STABLE", "income": "BENEFITS", "debts": "YES",
						 "safe": true, "school": "ALL_AT_SCHOOL", "supportiveContacts": 5, "triangle": "BALANCED", "helped": "YES"}
						"""
					.formatted(TODAY),
				this.professional, 201);
		three = this.api.getJson(checks(id), this.professional).get(0).get("checks").get(0);
		assertThat(three.get("status").stringValue()).isEqualTo("REACHED");
		assertThat(three.get("attempts")).hasSize(2);
		JsonNode reached = three.get("attempts").get(1);
		assertThat(reached.get("housing").stringValue()).isEqualTo("STABLE");
		assertThat(reached.get("supportiveContacts").intValue()).isEqualTo(5);
		assertThat(reached.get("triangle").stringValue()).isEqualTo("BALANCED");
		JsonNode after = worklistItem(id);
		assertThat(after == null || after.get("failedAttempts").intValue() == 0).isTrue();

		// Done: a second one for the same check is refused, naming months.
		MockHttpServletResponse again = this.api.send(post(checks(id)), """
				{"months": 3, "on": "%s", "reached": false}
				""".formatted(TODAY), this.professional, 400);
		assertThat(this.api.read(again).get("errors").findValuesAsString("field")).containsExactly("months");
	}

	@Test
	void onTheDayOfDepartureACheckMayBeRecordedTheDayBeforeNot() throws Exception {
		String id = household(TODAY);
		JsonNode departures = this.api.getJson(checks(id), this.professional);
		assertThat(departures.get(0).get("checks").findValuesAsString("status")).containsExactly("UPCOMING", "UPCOMING",
				"UPCOMING");
		MockHttpServletResponse before = this.api.send(post(checks(id)), """
				{"months": 3, "on": "%s", "reached": true}
				""".formatted(TODAY.minusDays(1)), this.professional, 400);
		assertThat(this.api.read(before).get("errors").findValuesAsString("field")).containsExactly("on");
		this.api.send(post(checks(id)), """
				{"months": 3, "on": "%s", "reached": true, "safe": true}
				""".formatted(TODAY), this.professional, 201);
	}

	@Test
	void badInputGetsFieldErrorsInTheUsersLanguageAndNothingIsHalfSaved() throws Exception {
		String id = household(TODAY.minusMonths(4));
		int trail = trailRows();
		MockHttpServletResponse refused = this.mvc
			.perform(post(checks(id)).session(this.coordinator)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.header("Accept-Language", "en")
				.contentType("application/json")
				.content("""
						{"months": 4, "on": "%s", "reached": false, "housing": "STABLE", "supportiveContacts": -1}
						""".formatted(TODAY.plusDays(1))))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		JsonNode errors = this.api.read(refused).get("errors");
		assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("months", "on", "housing",
				"supportiveContacts", "supportiveContacts");
		assertThat(errors.findValuesAsString("message")).contains("Check: choose 3, 6 or 12 months.",
				"Housing: only when she was reached.");
		MockHttpServletResponse dutch = this.api.send(post(checks(id)), """
				{"months": 3, "on": "%s"}
				""".formatted(TODAY), this.professional, 400);
		assertThat(this.api.read(dutch).get("errors").get(0).get("message").stringValue())
			.isEqualTo("Bereikt: zeg of zij bereikt is.");
		assertThat(this.api.getJson("/api/v1/households/" + id + "/contacts", this.professional)).isEmpty();
		assertThat(this.api.getJson(checks(id), this.professional).get(0).get("checks").get(0).get("attempts"))
			.isEmpty();
		assertThat(trailRows()).isEqualTo(trail);

		// No departure yet: the trajectory is named.
		String running = household(null);
		MockHttpServletResponse none = this.api.send(post(checks(running)), """
				{"months": 3, "on": "%s", "reached": true}
				""".formatted(TODAY), this.professional, 400);
		assertThat(this.api.read(none).get("errors").findValuesAsString("field")).containsExactly("trajectory");
		assertThat(this.api.getJson(checks(running), this.professional)).isEmpty();
	}

	@Test
	void everyViewAndChangeWritesOneTrailRowAndVolunteersSeeNothingOfIt() throws Exception {
		String id = household(TODAY.minusMonths(3));
		int before = trailRows();
		this.api.getJson(checks(id), this.coordinator);
		assertThat(trailRows()).isEqualTo(before + 1);
		this.api.send(post(checks(id)), """
				{"months": 3, "on": "%s", "reached": true}
				""".formatted(TODAY), this.coordinator, 201);
		assertThat(trailRows()).isEqualTo(before + 2);
		assertThat(this.api.status(get(checks(id)), this.volunteer)).isEqualTo(403);
	}

	@Test
	void thePlannedAftercarePeriodOverKeepsTheFamilyOnTheWorklistToEndOrExtendIt() throws Exception {
		String id = household(TODAY.minusMonths(2));
		plannedUntil(id, TODAY);
		JsonNode onTheLastDay = worklistItem(id);
		assertThat(onTheLastDay == null || onTheLastDay.get("followUp").get("periodOverSince").isNull()).isTrue();
		String page = this.mvc.perform(get("/households/" + id + "/contacts").session(this.professional))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Nazorg gepland tot " + TestDates.dutch(TODAY))
			.doesNotContain("beëindigen of verlengen");

		plannedUntil(id, TODAY.minusDays(1));
		JsonNode over = worklistItem(id);
		assertThat(over.get("followUp").get("periodOverSince").stringValue()).isEqualTo(TODAY.minusDays(1).toString());
		assertThat(this.mvc.perform(get("/worklist").session(this.coordinator))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("nazorgperiode voorbij sinds " + TestDates.dutch(TODAY.minusDays(1)));
		assertThat(this.mvc.perform(get("/households/" + id + "/contacts").session(this.professional))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("De nazorgperiode is voorbij: beëindigen of verlengen?");
		JsonNode rhythm = this.api.getJson("/api/v1/households/" + id + "/rhythms", this.professional).get(0);
		assertThat(rhythm.get("plannedUntil").stringValue()).isEqualTo(TODAY.minusDays(1).toString());
		assertThat(rhythm.get("periodOver").booleanValue()).isTrue();
	}

	@Test
	void theEndFormRecordsHerHousingIncomeAndSchoolAtDepartureNothingHalfSavedOnBadInput() throws Exception {
		String id = household(null);
		JsonNode document = this.api.getJson("/api/v1/households/" + id, this.professional);
		int version = document.get("version").asInt();
		String trajectory = this.api.getJson("/api/v1/households/" + id + "/rhythms", this.professional)
			.get(0)
			.get("trajectoryId")
			.stringValue();
		String end = "/households/" + id + "/trajectories/" + trajectory + "/end";
		assertThat(this.mvc.perform(get("/households/" + id).session(this.professional))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("<option value=\"SOCIAL_HOUSING\">", "<option value=\"TEMPORARY\">",
					"<option value=\"BENEFITS\">", "<option value=\"ALL_AT_SCHOOL\">");
		MockHttpServletResponse refused = this.mvc
			.perform(post(end).session(this.professional)
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("end", TODAY.toString())
				.param("destination", "SOCIAL_HOUSING")
				.param("housing", "CASTLE")
				.param("aftercare", "KEEP"))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("href=\"#end-housing-0\"");
		assertThat(this.api.getJson(checks(id), this.professional)).isEmpty();

		assertThat(this.mvc
			.perform(post(end).session(this.professional)
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("end", TODAY.toString())
				.param("destination", "SOCIAL_HOUSING")
				.param("housing", "TEMPORARY")
				.param("income", "BENEFITS")
				.param("school", "ALL_AT_SCHOOL")
				.param("aftercare", "KEEP"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		JsonNode departure = this.api.getJson(checks(id), this.professional).get(0).get("departure");
		assertThat(departure.get("destination").stringValue()).isEqualTo("SOCIAL_HOUSING");
		assertThat(departure.get("housing").stringValue()).isEqualTo("TEMPORARY");
		assertThat(departure.get("income").stringValue()).isEqualTo("BENEFITS");
		assertThat(departure.get("school").stringValue()).isEqualTo("ALL_AT_SCHOOL");
		assertThat(this.mvc.perform(get("/households/" + id).session(this.professional))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Woonsituatie bij vertrek", "Tijdelijke woonplek", "Uitkering");

		// The document does not carry them: sending it back keeps them.
		JsonNode stored = this.api.getJson("/api/v1/households/" + id, this.professional);
		this.api.send(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/households/" + id),
				stored.toString(), this.professional, 200);
		assertThat(this.api.getJson(checks(id), this.professional).get(0).get("departure").get("housing").stringValue())
			.isEqualTo("TEMPORARY");
	}

	@Test
	void theDossiersShortFormRecordsACheckWithFieldErrorsAndWhatWasTyped() throws Exception {
		String id = household(TODAY.minusMonths(3));
		String page = this.mvc.perform(get("/households/" + id + "/contacts").session(this.professional))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Hoe gaat het na vertrek?", "Check na 3 maanden", "nu aan de beurt",
				"id=\"followup-save\"");
		MockHttpServletResponse refused = this.mvc
			.perform(post("/households/" + id + "/follow-up-checks").session(this.professional)
				.with(csrf())
				.param("months", "3")
				.param("on", TODAY.toString())
				.param("reached", "true")
				.param("housing", "STABLE")
				.param("addedName", "Tante Sita", "")
				.param("addedRelation", "FAMILY", "")
				.param("addedSupport", "", ""))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("error-summary", "value=\"Tante Sita\"",
				"href=\"#followup-added-0-support\"", "Steun: kies wat deze persoon voor haar doet.");
		assertThat(this.api.getJson("/api/v1/households/" + id + "/contacts", this.professional)).isEmpty();
		assertThat(snapshots(mother(id))).isZero();
		MockHttpServletResponse notReached = this.mvc
			.perform(post("/households/" + id + "/follow-up-checks").session(this.professional)
				.with(csrf())
				.param("months", "3")
				.param("on", TODAY.toString())
				.param("reached", "false")
				.param("housing", "STABLE"))
			.andReturn()
			.getResponse();
		assertThat(notReached.getStatus()).isEqualTo(400);
		assertThat(notReached.getContentAsString()).contains("Woonsituatie: alleen in te vullen als zij bereikt is.");
		assertThat(this.mvc
			.perform(post("/households/" + id + "/follow-up-checks").session(this.professional)
				.with(csrf())
				.param("months", "3")
				.param("on", TODAY.toString())
				.param("reached", "true")
				.param("channel", "HOME_VISIT")
				.param("housing", "STABLE")
				.param("safe", "true")
				.param("addedName", "Tante Sita", "")
				.param("addedRelation", "FAMILY", "")
				.param("addedSupport", "CHILDCARE", "")
				.param("triangle", "SOCIETY")
				.param("helped", "A_BIT"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		assertThat(this.mvc.perform(get("/households/" + id + "/contacts").session(this.professional))
			.andReturn()
			.getResponse()
			.getContentAsString())
			.contains("Bereikt op " + TestDates.dutch(TODAY), "gedaan", "Ziet zij Tante Sita nog");
		assertThat(this.api.getJson(checks(id), this.professional)
			.get(0)
			.get("checks")
			.get(0)
			.get("attempts")
			.get(0)
			.get("supportiveContacts")
			.intValue()).isEqualTo(1);
		assertThat(snapshots(mother(id))).isEqualTo(1);
	}

	@Test
	void theCheckCountsWhoSheSeesFromAQuickUpdateOfHerNetworkMapOnTheForm() throws Exception {
		String id = household(TODAY.minusMonths(3));
		Map<String, String> keys = drawMap(mother(id));
		String page = this.mvc.perform(get("/households/" + id + "/contacts").session(this.professional))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// the people she sees, not the danger; the map counts two who support her
		assertThat(page)
			.contains("Ziet zij Zus nog", "Ziet zij Buurvrouw nog", "Ziet zij Huisarts nog", "2 mensen steunen haar",
					"1 mensen die gevaar betekenen")
			.doesNotContain("Ziet zij Ex nog", "id=\"followup-contacts\"");

		// the neighbour is gone, a colleague is new: the map after it counts two
		assertThat(this.mvc
			.perform(post("/households/" + id + "/follow-up-checks").session(this.professional)
				.with(csrf())
				.param("months", "3")
				.param("on", TODAY.toString())
				.param("reached", "true")
				.param("listed", keys.get("Zus"), keys.get("Buurvrouw"), keys.get("Huisarts"))
				.param("kept", keys.get("Zus"), keys.get("Huisarts"))
				.param("addedName", "", "Collega, van haar werk")
				.param("addedRelation", "", "FRIEND")
				.param("addedSupport", "", "COMPANY"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		assertThat(attempt(id, 0).get("supportiveContacts").intValue()).isEqualTo(2);
		assertThat(latestNames(mother(id))).containsExactlyInAnyOrder("Zus", "Ex", "Huisarts",
				"Collega, van haar werk");
		assertThat(snapshots(mother(id))).isEqualTo(2);
	}

	@Test
	void theApiTakesTheCountFromHerMapAfterItsQuickUpdateWhenNoCountIsGiven() throws Exception {
		String id = household(TODAY.minusMonths(7));
		String mother = mother(id);
		Map<String, String> keys = drawMap(mother);

		// refused, nothing drawn: a danger cannot be taken off her map, a new person
		// needs
		// a kind of support, a count and an update are not both given, nor an update when
		// she was not reached
		MockHttpServletResponse refused = this.api.send(post(checks(id)), """
				{"months": 3, "on": "%s", "reached": true, "supportiveContacts": 4,
				 "network": {"removed": ["%s"], "added": [{"name": "Collega", "relation": "FRIEND"}]}}
				""".formatted(TODAY, keys.get("Ex")), this.professional, 400);
		assertThat(this.api.read(refused).get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("supportiveContacts", "network.removed", "network.added[0].support");
		MockHttpServletResponse notReached = this.api.send(post(checks(id)), """
				{"months": 3, "on": "%s", "reached": false, "network": {"removed": ["%s"]}}
				""".formatted(TODAY, keys.get("Buurvrouw")), this.professional, 400);
		assertThat(this.api.read(notReached).get("errors").findValuesAsString("field")).containsExactly("network");
		assertThat(snapshots(mother)).isEqualTo(1);
		assertThat(this.api.getJson("/api/v1/households/" + id + "/contacts", this.professional)).isEmpty();

		// no count, no update: counted from her map as it stands (Zus, Buurvrouw)
		this.api.send(post(checks(id)), """
				{"months": 3, "on": "%s", "reached": true}
				""".formatted(TODAY.minusDays(10)), this.professional, 201);
		assertThat(attempt(id, 0).get("supportiveContacts").intValue()).isEqualTo(2);

		// the update counts the map after it: Buurvrouw gone, two new
		this.api.send(post(checks(id)),
				"""
						{"months": 6, "on": "%s", "reached": true,
						 "network": {"removed": ["%s"], "added": [{"name": "Collega", "relation": "FRIEND", "support": "COMPANY"},
						   {"name": "Moeder van een klasgenoot", "relation": "OTHER", "support": "CHILDCARE"}]}}
						"""
					.formatted(TODAY, keys.get("Buurvrouw")),
				this.professional, 201);
		JsonNode six = this.api.getJson(checks(id), this.professional).get(0).get("checks").get(1);
		assertThat(six.get("attempts").get(0).get("supportiveContacts").intValue()).isEqualTo(3);
		assertThat(latestNames(mother)).containsExactlyInAnyOrder("Zus", "Ex", "Huisarts", "Collega",
				"Moeder van een klasgenoot");
		JsonNode drawn = this.api.getJson("/api/v1/network/members/" + mother + "/snapshots", this.professional);
		assertThat(drawn.get(drawn.size() - 1).get("drawnOn").stringValue()).isEqualTo(TODAY.toString());

		// a count given is kept as given
		this.api.send(post(checks(id)), """
				{"months": 12, "on": "%s", "reached": true, "supportiveContacts": 7}
				""".formatted(TODAY), this.professional, 201);
		assertThat(this.api.getJson(checks(id), this.professional)
			.get(0)
			.get("checks")
			.get(2)
			.get("attempts")
			.get(0)
			.get("supportiveContacts")
			.intValue()).isEqualTo(7);
	}

	@Test
	void theWorkerExtendsTheAftercarePeriodWhenItIsOverNotIntoThePast() throws Exception {
		String id = household(TODAY.minusMonths(2));
		plannedUntil(id, TODAY.minusDays(1));
		String trajectory = this.api.getJson("/api/v1/households/" + id + "/rhythms", this.professional)
			.get(0)
			.get("trajectoryId")
			.stringValue();
		String path = "/api/v1/households/" + id + "/trajectories/" + trajectory + "/rhythm";
		MockHttpServletResponse past = this.api.send(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path),
				"{\"rhythm\": \"EVERY_THREE_MONTHS\", \"plannedUntil\": \"%s\"}".formatted(TODAY.minusDays(1)),
				this.professional, 400);
		assertThat(this.api.read(past).get("errors").findValuesAsString("field")).containsExactly("plannedUntil");
		this.api.send(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path),
				"{\"rhythm\": \"EVERY_THREE_MONTHS\", \"plannedUntil\": \"%s\"}".formatted(TODAY.plusMonths(6)),
				this.professional, 200);
		JsonNode rhythm = this.api.getJson("/api/v1/households/" + id + "/rhythms", this.professional).get(0);
		assertThat(rhythm.get("plannedUntil").stringValue()).isEqualTo(TODAY.plusMonths(6).toString());
		assertThat(rhythm.get("periodOver").booleanValue()).isFalse();
		JsonNode item = worklistItem(id);
		assertThat(item == null || item.get("followUp").get("periodOverSince").isNull()).isTrue();
	}

	private String household(LocalDate end) throws Exception {
		return householdWith(trajectory("INTENSIVE", TODAY.minusYears(2), end));
	}

	private static String trajectory(String kind, LocalDate start, LocalDate end) {
		String ending = (end != null) ? ", \"end\": \"" + end + "\"" : "";
		return "{\"kind\": \"" + kind + "\", \"start\": \"" + start + "\"" + ending + "}";
	}

	/** The months of the check the worklist shows her for, {@code null} for none. */
	private Integer checkMonths(String id) throws Exception {
		JsonNode item = worklistItem(id);
		return (item == null || item.get("followUp").get("checkMonths").isNull()) ? null
				: item.get("followUp").get("checkMonths").intValue();
	}

	private String householdWith(String trajectories) throws Exception {
		String body = """
				{"members": [{"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Priya", "familyName": "%s"}],
				 "trajectories": [%s]}
				"""
			.formatted(TestData.unique("Ramdin"), trajectories);
		return this.api.read(this.api.send(post("/api/v1/households"), body, this.professional, 201))
			.get("id")
			.stringValue();
	}

	/** The main contact's member id. */
	private String mother(String household) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())),
				(sql) -> sql.sql("select id from household_member where household_id = :h and main_contact")
					.param("h", UUID.fromString(household))
					.query(UUID.class)
					.single())
			.toString();
	}

	/**
	 * Her map, drawn before the check: two who support her, one without support noted,
	 * one danger. The keys by name.
	 */
	private Map<String, String> drawMap(String member) throws Exception {
		String snapshot = this.api.read(this.api.send(post("/api/v1/network/members/" + member + "/snapshots"),
				"{\"drawnOn\":\"" + TODAY.minusMonths(8) + "\"}", this.professional, 201))
			.get("id")
			.stringValue();
		String[] contacts = { "\"name\":\"Zus\",\"relation\":\"FAMILY\",\"support\":[\"EMOTIONAL\"]",
				"\"name\":\"Buurvrouw\",\"relation\":\"NEIGHBOUR\",\"support\":[\"PRACTICAL\"]",
				"\"name\":\"Ex\",\"relation\":\"EX_PARTNER\",\"support\":[\"FINANCIAL\"],\"danger\":true",
				"\"name\":\"Huisarts\",\"relation\":\"PROFESSIONAL\",\"support\":[]" };
		JsonNode drawn = null;
		for (int version = 0; version < contacts.length; version++) {
			drawn = this.api.read(this.api.send(
					post("/api/v1/network/snapshots/" + snapshot + "/contacts"), "{\"version\":" + version + ","
							+ contacts[version] + ",\"closeness\":\"INNER\",\"tie\":\"STRONG\",\"domains\":[]}",
					this.professional, 200));
		}
		Map<String, String> keys = new java.util.HashMap<>();
		drawn.get("contacts").forEach((c) -> keys.put(c.get("name").stringValue(), c.get("key").stringValue()));
		return keys;
	}

	private List<String> latestNames(String member) throws Exception {
		JsonNode drawn = this.api.getJson("/api/v1/network/members/" + member + "/snapshots", this.professional);
		String latest = drawn.get(drawn.size() - 1).get("id").stringValue();
		List<String> names = new java.util.ArrayList<>();
		this.api.getJson("/api/v1/network/snapshots/" + latest, this.professional)
			.get("contacts")
			.forEach((c) -> names.add(c.get("name").stringValue()));
		return names;
	}

	private int snapshots(String member) throws Exception {
		return this.api.getJson("/api/v1/network/members/" + member + "/snapshots", this.professional).size();
	}

	/**
	 * The first attempt of the latest departure's check at 3 (index 0), 6 or 12 months.
	 */
	private JsonNode attempt(String id, int check) throws Exception {
		return this.api.getJson(checks(id), this.professional).get(0).get("checks").get(check).get("attempts").get(0);
	}

	private static String checks(String id) {
		return "/api/v1/households/" + id + "/follow-up-checks";
	}

	private JsonNode worklistItem(String id) throws Exception {
		for (JsonNode item : this.api.getJson("/api/v1/worklist", this.coordinator).get("items")) {
			if (item.get("householdId").stringValue().equals(id)) {
				return item;
			}
		}
		return null;
	}

	private void plannedUntil(String id, LocalDate until) {
		this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())),
				(sql) -> sql.sql("update follow_up_rhythm set planned_until = :until where household_id = :id")
					.param("until", until)
					.param("id", UUID.fromString(id))
					.update());
	}

	/** The coordinator's successful rows in the organisation's trail. */
	private int trailRows() {
		return this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())),
				(sql) -> sql.sql("""
						select count(*) from access_trail where organisation_id = :org and actor_id = :actor
						  and outcome = 'SUCCESS'""")
					.param("org", this.organisation.id())
					.param("actor", this.coordinatorPerson.id())
					.query(Integer.class)
					.single());
	}

	/** Dates as the Dutch pages show them. */
	private static final class TestDates {

		static String dutch(LocalDate day) {
			return day.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
		}

	}

}
