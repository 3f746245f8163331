package nl.vangnet.household;

import java.util.Set;
import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A volunteer buddy's household document carries what the volunteer's pages show (the
 * family, its trajectories, how to reach it) and none of what other modules keep for case
 * workers: help questions, scores, time, activities, experience.
 */
@VangnetTest
class VolunteerDocumentTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	@Test
	void aLinkedVolunteerGetsTheFamilyWithoutHelpQuestionsTimeOrExperience() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		MockHttpSession professional = TestData.signIn(this.mvc, this.data.person(organisation, Role.PROFESSIONAL));
		TestData.Person buddy = this.data.person(organisation, Role.VOLUNTEER);
		MockHttpServletResponse created = this.mvc.perform(post("/api/v1/households").session(professional)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"format":"vangnet-household/1","composition":"ONE_PARENT",
					 "members":[{"ref":"m1","role":"PARENT","mainContact":true,"givenName":"Samira"},
					            {"ref":"m2","role":"CHILD","givenName":"Yara","ageGroup":"PRIMARY_SCHOOL"}],
					 "trajectories":[{"kind":"INTENSIVE","start":"2026-01-05"}],
					 "helpQuestions":[{"member":"m1","domain":"SOCIAL.DOMESTIC_RELATIONS","opened":"2026-01-05",
					   "acute":true,"status":"OPEN","description":"Ex-partner zoekt haar"}],
					 "progressScores":[{"domain":"FINANCES","date":"2026-03-01","score":2}],
					 "timeEntries":[{"date":"2026-01-06","type":"ARRANGING","minutes":120}],
					 "activities":[{"date":"2026-02-05","name":"Wijkmaaltijd","member":"m1","satisfaction":"GREEN"}],
					 "experience":[{"date":"2026-03-01","domain":"FINANCES","helped":"A_BIT"}]}"""))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		UUID household = UUID.fromString(this.json.readTree(created.getContentAsString()).get("id").stringValue());
		this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(sql) -> sql.sql("""
						insert into trajectory_staff (trajectory_id, organisation_id, account_id, position)
						select id, organisation_id, :buddy, 0 from trajectory where household_id = :household""")
					.param("buddy", buddy.id())
					.param("household", household)
					.update());

		JsonNode forCaseWork = document(household, professional);
		JsonNode forBuddy = document(household, TestData.signIn(this.mvc, buddy));

		assertThat(forCaseWork.has("helpQuestions")).isTrue();
		assertThat(forCaseWork.has("timeEntries")).isTrue();
		assertThat(forCaseWork.has("experience")).isTrue();
		assertThat(forBuddy.get("members")).hasSize(2);
		assertThat(forBuddy.get("trajectories")).hasSize(1);
		assertThat(forBuddy.has("helpQuestions")).as("help questions").isFalse();
		assertThat(forBuddy.has("progressScores")).as("progress scores").isFalse();
		assertThat(forBuddy.has("timeEntries")).as("time entries").isFalse();
		assertThat(forBuddy.has("activities")).as("activities").isFalse();
		assertThat(forBuddy.has("experience")).as("experience").isFalse();
		assertThat(forBuddy.toString()).doesNotContain("Ex-partner zoekt haar");
	}

	private JsonNode document(UUID household, MockHttpSession session) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/households/{id}", household).session(session).accept(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return this.json.readTree(response.getContentAsString());
	}

}
