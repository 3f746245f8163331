package nl.vangnet.contact;

import java.time.Clock;
import java.time.LocalDate;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The workload per worker (issue 15, item 7): a coordinator sees per worker the families
 * whose fixed contact person they are, the intensive ones and the overdue ones (as the
 * worklist counts them), and opens a worker's families to reassign them; nobody else sees
 * it.
 */
@VangnetTest
class WorkloadTests {

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

	@Test
	void aCoordinatorSeesPerWorkerTheFamiliesTheIntensiveOnesAndTheOverdueOnes() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person fatima = this.data.person(organisation, Role.PROFESSIONAL);
		TestData.Person joost = this.data.person(organisation, Role.PROFESSIONAL);
		TestData.Person idle = this.data.person(organisation, Role.PROFESSIONAL);
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		MockHttpSession fatimaSession = TestData.signIn(this.mvc, fatima);
		MockHttpSession coordinatorSession = TestData.signIn(this.mvc, coordinator);
		LocalDate today = LocalDate.now(this.clock);
		String overdue = family(fatimaSession, fatima, "INTENSIVE", null);
		weekly(overdue, fatimaSession);
		reached(overdue, fatimaSession, today.minusDays(20));
		family(fatimaSession, fatima, "INTENSIVE", null);
		family(fatimaSession, fatima, "SHORT", null);
		// Ended: no longer her load.
		family(fatimaSession, fatima, "INTENSIVE", today.minusDays(10));
		family(fatimaSession, joost, "SHORT", null);

		JsonNode workload = this.api.getJson("/api/v1/workload", coordinatorSession);
		assertThat(worker(workload, fatima).get("families").intValue()).isEqualTo(3);
		assertThat(worker(workload, fatima).get("intensive").intValue()).isEqualTo(2);
		assertThat(worker(workload, fatima).get("overdue").intValue()).isEqualTo(1);
		assertThat(worker(workload, joost).get("families").intValue()).isEqualTo(1);
		assertThat(worker(workload, joost).get("intensive").intValue()).isZero();
		assertThat(worker(workload, joost).get("overdue").intValue()).isZero();
		assertThat(worker(workload, idle).get("families").intValue()).as("someone with room for a family").isZero();
		assertThat(workload.get(0).get("id").stringValue()).as("the most families first")
			.isEqualTo(fatima.id().toString());
		assertThat(workload.toString()).as("counts only, no family").doesNotContain("householdId", "givenName");

		this.mvc.perform(get("/team/workload").session(coordinatorSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Werkverdeling")))
			.andExpect(content().string(containsString("/households?contactPerson=" + fatima.id())))
			.andExpect(content().string(not(containsString("/households?contactPerson=" + idle.id()))))
			.andExpect(content().string(containsString("/team/workload?absent=" + fatima.id())))
			.andExpect(content().string(not(containsString("id=\"absence-deputy-"))));
		// The absence form of one worker at a time: the colleagues listed once.
		this.mvc.perform(get("/team/workload").param("absent", fatima.id().toString()).session(coordinatorSession))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"absence-deputy-" + fatima.id() + "\"")))
			.andExpect(content().string(not(containsString("id=\"absence-deputy-" + joost.id() + "\""))))
			.andExpect(content().string(containsString("/team/workload?absent=" + joost.id())));
		this.mvc.perform(get("/worklist").session(coordinatorSession))
			.andExpect(content().string(containsString("href=\"/team/workload\"")));
		this.mvc.perform(get("/worklist").session(fatimaSession))
			.andExpect(content().string(not(containsString("href=\"/team/workload\""))));
		this.mvc.perform(get("/team/workload").session(fatimaSession)).andExpect(status().isForbidden());
		assertThat(this.api.status(get("/api/v1/workload"), fatimaSession)).isEqualTo(403);
	}

	private static JsonNode worker(JsonNode workload, TestData.Person person) {
		for (JsonNode worker : workload) {
			if (worker.get("id").stringValue().equals(person.id().toString())) {
				return worker;
			}
		}
		throw new AssertionError("not in the workload: " + person.id());
	}

	private String family(MockHttpSession session, TestData.Person contactPerson, String kind, LocalDate ended)
			throws Exception {
		String start = LocalDate.now(this.clock).minusDays(200).toString();
		String end = (ended != null) ? "\"" + ended + "\"" : "null";
		String reason = (ended != null) ? "\"Doelen bereikt\"" : "null";
		String text = """
				{ "format": "vangnet-household/1", "composition": "ONE_PARENT",
				  "members": [ { "ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Noor", "familyName": "%s" } ],
				  "trajectories": [ { "kind": "%s", "start": "%s", "end": %s, "closingReason": %s,
				    "contactPerson": "%s" } ] }
				"""
			.formatted(TestData.unique("Fam"), kind, start, end, reason, contactPerson.id());
		MockHttpServletResponse response = this.api.send(post("/api/v1/households"), this.json.readTree(text), session);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return this.json.readTree(response.getContentAsString()).get("id").stringValue();
	}

	private void reached(String household, MockHttpSession session, LocalDate on) throws Exception {
		MockHttpServletResponse response = this.api.send(post("/api/v1/households/" + household + "/contacts"),
				this.json.createObjectNode()
					.put("occurredAt", on.atTime(10, 0).toString() + ":00")
					.put("channel", "HOME_VISIT")
					.put("reached", true)
					.put("sensitive", false),
				session);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
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

}
