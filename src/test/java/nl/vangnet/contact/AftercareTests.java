package nl.vangnet.contact;

import java.time.LocalDate;
import java.time.ZoneId;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Aftercare by default (issue 15, item 2): ending an intensive trajectory starts the
 * pilot-light rhythm for the organisation's period unless it is declined with a reason;
 * the worklist keeps the family in view until the rhythm is ended on purpose.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AftercareTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TransactionTemplate transactions;

	private TestData.Organisation organisation;

	private MockHttpSession professional;

	private MockHttpSession coordinator;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation();
		this.professional = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.PROFESSIONAL));
		this.coordinator = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.COORDINATOR));
	}

	@Test
	void throughTheApiAnEndedIntensiveTrajectoryGetsThePilotLightRhythmForTheOrganisationsPeriod() throws Exception {
		LocalDate ended = TODAY.minusMonths(4);
		String id = household("INTENSIVE", ended, null);

		assertThat(rhythmRows(id))
			.containsExactly("EVERY_THREE_MONTHS " + ended + " " + ended.plusMonths(12) + " running false");
		JsonNode rhythms = this.api.getJson("/api/v1/households/" + id + "/rhythms", this.professional);
		assertThat(rhythms.get(0).get("due").stringValue()).isEqualTo(ended.plusMonths(3).toString());
		assertThat(
				this.api.getJson("/api/v1/worklist", this.coordinator).get("items").findValuesAsString("householdId"))
			.contains(id);
	}

	@Test
	void throughTheApiAftercareIsDeclinedOnlyWithAReasonWhichIsRecorded() throws Exception {
		LocalDate ended = TODAY.minusMonths(4);
		String id = household("INTENSIVE", ended, "Verhuist naar het buitenland");

		assertThat(rhythmRows(id)).containsExactly("EVERY_THREE_MONTHS " + ended + " null ended true");
		assertThat(
				inOrganisation(() -> this.jdbc.sql("select end_reason from follow_up_rhythm where household_id = :id")
					.param("id", UUID.fromString(id))
					.query(String.class)
					.single()))
			.isEqualTo("Verhuist naar het buitenland");
		assertThat(
				this.api.getJson("/api/v1/worklist", this.coordinator).get("items").findValuesAsString("householdId"))
			.doesNotContain(id);
	}

	@Test
	void aShortTrajectoryOrOneWhosePeriodIsOverGetsNoRhythm() throws Exception {
		assertThat(rhythmRows(household("SHORT", TODAY.minusMonths(2), null))).isEmpty();
		assertThat(rhythmRows(household("INTENSIVE", TODAY.minusMonths(13), null))).isEmpty();
		// On the last day of the period it still starts.
		LocalDate lastDay = TODAY.minusMonths(12);
		assertThat(rhythmRows(household("INTENSIVE", lastDay, null))).hasSize(1);
	}

	@Test
	void aCoordinatorSetsThePeriodPageAndApiWithFieldErrors() throws Exception {
		TestData.Organisation own = this.data.organisation();
		MockHttpSession coordinator = TestData.signIn(this.mvc, this.data.person(own, Role.COORDINATOR));
		MockHttpSession professional = TestData.signIn(this.mvc, this.data.person(own, Role.PROFESSIONAL));
		assertThat(this.api.getJson("/api/v1/organisation/aftercare", coordinator).get("months").intValue())
			.isEqualTo(12);
		assertThat(this.api.send(put("/api/v1/organisation/aftercare"), "{\"months\": 6}", professional).getStatus())
			.isEqualTo(403);
		MockHttpServletResponse zero = this.api.send(put("/api/v1/organisation/aftercare"), "{\"months\": 0}",
				coordinator, 400);
		assertThat(this.api.read(zero).get("errors").get(0).get("field").stringValue()).isEqualTo("months");
		this.api.send(put("/api/v1/organisation/aftercare"), "{\"months\": 6}", coordinator, 200);
		assertThat(this.api.getJson("/api/v1/organisation/aftercare", coordinator).get("months").intValue())
			.isEqualTo(6);

		MockHttpServletResponse page = this.mvc
			.perform(post("/organisation/aftercare").session(coordinator)
				.with(csrf())
				.header("Accept-Language", "en")
				.param("months", "zes"))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("Nazorgperiode: vul een heel aantal maanden in", "value=\"zes\"",
				"error-summary");
		assertThat(
				this.mvc.perform(post("/organisation/aftercare").session(coordinator).with(csrf()).param("months", "9"))
					.andReturn()
					.getResponse()
					.getStatus())
			.isEqualTo(302);
		assertThat(this.mvc.perform(get("/organisation/aftercare").session(coordinator))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("value=\"9\"");
		assertThat(this.mvc.perform(get("/organisation/aftercare").session(professional))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void theEndFormProposesThePilotLightRhythmAndDecliningNeedsAReasonNothingHalfSaved() throws Exception {
		String id = household("INTENSIVE", null, null);
		JsonNode document = this.api.getJson("/api/v1/households/" + id, this.professional);
		int version = document.get("version").asInt();
		String trajectory = this.api.getJson("/api/v1/households/" + id + "/rhythms", this.professional)
			.get(0)
			.get("trajectoryId")
			.stringValue();
		String dossier = this.mvc.perform(get("/households/" + id).session(this.professional))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dossier).contains("Waakvlamcontact houden", "name=\"aftercareMonths\"", "value=\"12\"");

		MockHttpServletResponse refused = this.mvc
			.perform(post("/households/" + id + "/trajectories/" + trajectory + "/end").session(this.professional)
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("end", TODAY.toString())
				.param("closingReason", "Naar een eigen huis")
				.param("aftercare", "DECLINE")
				.param("aftercareDeclined", " "))
			.andReturn()
			.getResponse();
		MockHttpServletResponse badMonths = this.mvc
			.perform(post("/households/" + id + "/trajectories/" + trajectory + "/end").session(this.professional)
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("end", TODAY.toString())
				.param("closingReason", "Naar een eigen huis")
				.param("aftercare", "KEEP")
				.param("aftercareMonths", "abc")
				.param("aftercareDeclined", "Getypt9x"))
			.andReturn()
			.getResponse();
		java.nio.file.Files.writeString(java.nio.file.Path.of("target", "aftercare-bad-months.html"),
				badMonths.getContentAsString());
		assertThat(badMonths.getStatus()).isEqualTo(400);
		assertThat(badMonths.getContentAsString()).contains("Getypt9x", "value=\"abc\"");
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString()).contains("Reden om geen nazorg te bieden: vul de reden in",
				"href=\"#aftercare-reason-0\"", "value=\"Naar een eigen huis\"");
		assertThat(
				this.api.getJson("/api/v1/households/" + id, this.professional).get("trajectories").get(0).has("end"))
			.isFalse();
		assertThat(rhythmRows(id)).isEmpty();

		// Kept, on the day of departure, for a period the worker chose.
		MockHttpServletResponse kept = this.mvc
			.perform(post("/households/" + id + "/trajectories/" + trajectory + "/end").session(this.professional)
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("end", TODAY.toString())
				.param("closingReason", "Naar een eigen huis")
				.param("destination", "SOCIAL_HOUSING")
				.param("aftercare", "KEEP")
				.param("aftercareRhythm", "EVERY_SIX_MONTHS")
				.param("aftercareMonths", "24"))
			.andReturn()
			.getResponse();
		assertThat(kept.getStatus()).isEqualTo(302);
		assertThat(rhythmRows(id))
			.containsExactly("EVERY_SIX_MONTHS " + TODAY + " " + TODAY.plusMonths(24) + " running false");
		JsonNode rhythms = this.api.getJson("/api/v1/households/" + id + "/rhythms", this.professional);
		assertThat(rhythms.get(0).get("due").stringValue()).isEqualTo(TODAY.plusMonths(6).toString());
		assertThat(this.api.getJson("/api/v1/households/" + id, this.professional)
			.get("trajectories")
			.get(0)
			.get("destination")
			.stringValue()).isEqualTo("SOCIAL_HOUSING");
		assertThat(this.mvc.perform(get("/households/" + id).session(this.professional))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Vertrokken naar", "Sociale huurwoning (urgentie)");
	}

	@Test
	void theDestinationIsOptionalInTheDocumentOnlyForAnEndedTrajectoryAndKeptWhenLeftOut() throws Exception {
		String body = """
				{"members": [{"role": "PARENT", "mainContact": true, "givenName": "Noor", "familyName": "%s"}],
				 "trajectories": [{"kind": "SHORT", "start": "%s", "destination": "ABROAD"}]}
				""".formatted(TestData.unique("Bakker"), TODAY.minusMonths(3));
		MockHttpServletResponse refused = this.api.send(post("/api/v1/households"), body, this.professional, 400);
		assertThat(this.api.read(refused).get("errors").findValuesAsString("field"))
			.contains("trajectories[0].destination");
		String unknown = body.replace("ABROAD", "MARS").replace("\"start\"", "\"end\": \"" + TODAY + "\", \"start\"");
		assertThat(this.api.read(this.api.send(post("/api/v1/households"), unknown, this.professional, 400))
			.get("errors")
			.findValuesAsString("field")).contains("trajectories[0].destination");
		String ended = body.replace("\"start\"", "\"end\": \"" + TODAY + "\", \"start\"");
		JsonNode created = this.api.read(this.api.send(post("/api/v1/households"), ended, this.professional, 201));
		assertThat(created.get("trajectories").get(0).get("destination").stringValue()).isEqualTo("ABROAD");
		tools.jackson.databind.node.ObjectNode again = (tools.jackson.databind.node.ObjectNode) created;
		((tools.jackson.databind.node.ObjectNode) again.get("trajectories").get(0)).remove("destination");
		JsonNode replaced = this.api.read(this.api.send(put("/api/v1/households/" + created.get("id").stringValue()),
				again.toString(), this.professional, 200));
		assertThat(replaced.get("trajectories").get(0).get("destination").stringValue()).isEqualTo("ABROAD");
	}

	@Test
	void declinedInTheFormWithAReasonTheRunningRhythmEndsAndTheFamilyLeavesTheWorklist() throws Exception {
		String id = household("INTENSIVE", null, null);
		int version = this.api.getJson("/api/v1/households/" + id, this.professional).get("version").asInt();
		String trajectory = this.api.getJson("/api/v1/households/" + id + "/rhythms", this.professional)
			.get(0)
			.get("trajectoryId")
			.stringValue();
		this.api.send(put("/api/v1/households/" + id + "/trajectories/" + trajectory + "/rhythm"),
				"{\"rhythm\": \"WEEKLY\"}", this.professional, 200);
		assertThat(this.mvc
			.perform(post("/households/" + id + "/trajectories/" + trajectory + "/end").session(this.professional)
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("end", TODAY.toString())
				.param("aftercare", "DECLINE")
				.param("aftercareDeclined", "Wil geen contact meer"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		assertThat(rhythmRows(id)).containsExactly("WEEKLY " + TODAY + " null ended true");
	}

	@Test
	void anActivityInTheDocumentMaySayItsKind() throws Exception {
		String body = """
				{"members": [{"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Priya", "familyName": "%s"}],
				 "trajectories": [{"kind": "INTENSIVE", "start": "%s"}],
				 "activities": [{"date": "%s", "name": "Moedergroep", "member": "m1", "kind": "PARENT_GROUP"},
				                {"date": "%s", "name": "Zonder soort", "member": "m1"}]}
				"""
			.formatted(TestData.unique("Ramdin"), TODAY.minusMonths(2), TODAY.minusDays(3), TODAY.minusDays(2));
		JsonNode created = this.api.read(this.api.send(post("/api/v1/households"), body, this.professional, 201));
		assertThat(created.get("activities").get(0).get("kind").stringValue()).isEqualTo("PARENT_GROUP");
		assertThat(created.get("activities").get(1).has("kind")).isFalse();
		MockHttpServletResponse refused = this.api.send(post("/api/v1/households"),
				body.replace("PARENT_GROUP", "PICNIC"), this.professional, 400);
		assertThat(this.api.read(refused).get("errors").findValuesAsString("field")).contains("activities[0].kind");
	}

	private String household(String kind, LocalDate end, String declined) throws Exception {
		String ending = (end != null) ? ", \"end\": \"" + end + "\"" : "";
		String decline = (declined != null) ? ", \"aftercareDeclined\": \"" + declined + "\"" : "";
		String body = """
				{"members": [{"role": "PARENT", "mainContact": true, "givenName": "Priya", "familyName": "%s"}],
				 "trajectories": [{"kind": "%s", "start": "%s"%s%s}]}
				""".formatted(TestData.unique("Ramdin"), kind, TODAY.minusYears(2), ending, decline);
		return this.api.read(this.api.send(post("/api/v1/households"), body, this.professional, 201))
			.get("id")
			.stringValue();
	}

	private List<String> rhythmRows(String id) {
		return inOrganisation(() -> this.jdbc.sql("""
				select rhythm || ' ' || started_on || ' ' || coalesce(planned_until::text, 'null') || ' '
				  || case when ended_on is null then 'running' else 'ended' end || ' ' || declined
				from follow_up_rhythm where household_id = :id order by started_on""")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.list());
	}

	private <T> T inOrganisation(java.util.function.Supplier<T> work) {
		return TenantScope.callAs(TenantScope.Scope.system(Set.of(this.organisation.id())),
				() -> this.transactions.execute((status) -> work.get()));
	}

}
