package nl.vangnet.plan;

import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages of help questions, the plan and progress: forms post, redirect and show what
 * was saved; errors stand at their form; a conflict says so; the dossier's block puts
 * acute questions on top.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanWebTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	private TestData.Person professional;

	private TestData.Person volunteer;

	private MockHttpSession session;

	private MockHttpSession volunteerSession;

	@BeforeAll
	void signIn() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		this.professional = this.data.person(organisation, Role.PROFESSIONAL);
		this.volunteer = this.data.person(organisation, Role.VOLUNTEER);
		this.session = TestData.signIn(this.mvc, this.professional);
		this.volunteerSession = TestData.signIn(this.mvc, this.volunteer);
	}

	@Test
	void anAcuteQuestionStandsAtTheTopOfTheDossiersBlockAndTheListNamesMissingWords() throws Exception {
		UUID id = household();
		this.mvc
			.perform(post("/households/{id}/help-questions", id).session(this.session)
				.with(csrf())
				.param("member", "m1")
				.param("domain", "HOUSING")
				.param("description", "Geen dak boven het hoofd")
				.param("acute", "true"))
			.andExpect(redirectedUrl("/households/" + id + "/help-questions"));
		this.mvc
			.perform(post("/households/{id}/help-questions", id).session(this.session)
				.with(csrf())
				.param("domain", "SOCIAL.NETWORK")
				.param("description", "Weinig mensen om op terug te vallen"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/households/{id}/help-questions", id).session(this.session)
				.with(csrf())
				.param("domain", "FINANCES")
				.param("description", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Wat vraagt het gezin: vul de vraag in.")));

		this.mvc.perform(get("/households/{id}", id).session(this.session))
			.andExpect(content().string(containsString("hx-get=\"/households/" + id + "/plan-summary\"")));
		this.mvc.perform(get("/households/{id}/plan-summary", id).session(this.session).header("HX-Request", "true"))
			.andExpect(content().string(containsString("Geen dak boven het hoofd")))
			.andExpect(content().string(not(containsString("Weinig mensen"))))
			.andExpect(content().string(containsString("/households/" + id + "/progress")));
		this.mvc.perform(get("/households/{id}/plan-summary", id).session(this.volunteerSession))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Geen dak boven het hoofd"))))
			.andExpect(content().string(containsString("/households/" + id + "/plan")));
		this.mvc.perform(get("/households/{id}/help-questions", id).session(this.session))
			.andExpect(content().string(containsString("Weinig mensen om op terug te vallen")))
			.andExpect(content().string(containsString("Geschiedenis")));
	}

	@Test
	void aStaleRevisionOfAQuestionIsRefusedAndSaysSomeoneElseChangedIt() throws Exception {
		UUID id = household();
		this.mvc.perform(post("/households/{id}/help-questions", id).session(this.session)
			.with(csrf())
			.param("domain", "FINANCES")
			.param("description", "Lege koelkast"));
		String questionId = this.json
			.readTree(this.mvc.perform(get("/api/v1/households/{id}/help-questions", id).session(this.session))
				.andReturn()
				.getResponse()
				.getContentAsString())
			.get(0)
			.get("id")
			.stringValue();
		this.mvc
			.perform(post("/help-questions/{id}", questionId).session(this.session)
				.with(csrf())
				.param("version", "0")
				.param("description", "Lege koelkast")
				.param("status", "IN_PROGRESS"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/help-questions/{id}", questionId).session(this.session)
				.with(csrf())
				.param("version", "0")
				.param("description", "Lege koelkast")
				.param("status", "RESOLVED"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Iemand anders heeft deze vraag intussen gewijzigd")));
	}

	@Test
	void theProgressPageShowsTheTableWithNotApplicableAndTheSelfRating() throws Exception {
		UUID id = household();
		this.mvc
			.perform(post("/households/{id}/progress", id).session(this.session)
				.with(csrf())
				.param("instrument", "MONITOR_PROGRESS")
				.param("scoredOn", "2021-01-04")
				.param("worker[FINANCES]", "2")
				.param("client[FINANCES]", "4")
				.param("worker[HOUSING]", "NVT"))
			.andExpect(redirectedUrl("/households/" + id + "/progress?instrument=MONITOR_PROGRESS"));
		this.mvc.perform(get("/households/{id}/progress", id).session(this.session))
			.andExpect(content().string(containsString("id=\"progress-table\"")))
			.andExpect(content().string(containsString("(cliënt: 4)")))
			.andExpect(content().string(containsString("n.v.t.")))
			.andExpect(content().string(containsString("data-progress=")))
			.andExpect(content().string(containsString("/js/plan-progress.js")));
		this.mvc
			.perform(post("/households/{id}/progress", id).session(this.session)
				.with(csrf())
				.param("instrument", "EIGHT_DOMAINS_SELF_SUFFICIENCY")
				.param("scoredOn", "2021-01-04")
				.param("worker[FINANCES]", "NVT"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("op deze schaal bestaat n.v.t. niet")));
	}

	@Test
	void thePlanPageTakesGoalsActionsEvaluationsAndNotesAndTheCopyLeavesTheNotesOut() throws Exception {
		UUID id = household();
		this.mvc
			.perform(post("/households/{id}/plan/goals", id).session(this.session)
				.with(csrf())
				.param("description", "Een eigen huis met een slaapkamer voor de kinderen")
				.param("member", "m1")
				.param("domain", "HOUSING"))
			.andExpect(redirectedUrl("/households/" + id + "/plan"));
		this.mvc
			.perform(
					post("/households/{id}/plan/goals", id).session(this.session).with(csrf()).param("description", ""))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Doel: schrijf het doel op.")));
		this.mvc.perform(post("/households/{id}/plan/notes", id).session(this.session)
			.with(csrf())
			.param("text", "Moeder is bang voor jeugdzorg"));
		this.mvc.perform(get("/households/{id}/plan", id).session(this.session))
			.andExpect(content().string(containsString("Een eigen huis met een slaapkamer")))
			.andExpect(content().string(containsString("Moeder is bang voor jeugdzorg")));
		this.mvc.perform(get("/households/{id}/plan/family-copy", id).session(this.session))
			.andExpect(content().string(containsString("Een eigen huis met een slaapkamer")))
			.andExpect(content().string(not(containsString("jeugdzorg"))))
			.andExpect(content().string(containsString("Bel of app uw vaste contactpersoon: Test professional.")))
			.andExpect(content().string(containsString("/js/plan-print.js")));
		this.mvc.perform(get("/households/{id}/plan", id).session(this.volunteerSession))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("jeugdzorg"))))
			.andExpect(content().string(not(containsString("Een eigen huis"))));
	}

	private UUID household() throws Exception {
		String document = """
				{"members": [{"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Noor"}],
				 "trajectories": [{"kind": "INTENSIVE", "start": "2020-07-01", "contactPerson": "%s",
				   "involvedStaff": ["%s"]}]}""".formatted(this.professional.id(), this.volunteer.id());
		String body = this.mvc
			.perform(post("/api/v1/households").session(this.session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(document))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(this.json.readTree(body).get("id").stringValue());
	}

}
