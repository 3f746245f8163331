package nl.vangnet.household;

import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The history of a family's fixed contact persons (issue 15, item 7): kept by the
 * database with every change, whichever way it was made, and shown on the dossier and
 * through the API, newest first, with who chose them.
 */
@VangnetTest
class ContactPersonHistoryTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	@Test
	void everyChangeOfTheContactPersonIsKeptWithWhoMadeIt() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person fatima = this.data.person(organisation, Role.PROFESSIONAL);
		TestData.Person joost = this.data.person(organisation, Role.PROFESSIONAL);
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		MockHttpSession fatimaSession = TestData.signIn(this.mvc, fatima);
		MockHttpSession coordinatorSession = TestData.signIn(this.mvc, coordinator);
		MockHttpSession volunteer = TestData.signIn(this.mvc, this.data.person(organisation, Role.VOLUNTEER));
		String created = this.mvc
			.perform(post("/api/v1/households").session(fatimaSession)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"members": [{"ref": "m1", "role": "PARENT", "mainContact": true, "givenName": "Priya"}],
						 "trajectories": [{"kind": "INTENSIVE", "start": "2021-02-01", "contactPerson": "%s"}]}"""
					.formatted(fatima.id())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID household = UUID.fromString(this.json.readTree(created).get("id").stringValue());
		this.mvc.perform(get("/households/{id}", household).session(fatimaSession))
			.andExpect(content().string(not(containsString("Vaste contactpersonen door de tijd"))));

		// The coordinator hands her to Joost; the unchanged rest of a save adds nothing.
		String document = created.replace(fatima.id().toString(), joost.id().toString());
		this.mvc
			.perform(put("/api/v1/households/{id}", household).session(coordinatorSession)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(document))
			.andExpect(status().isOk());
		JsonNode again = this.json
			.readTree(this.mvc.perform(get("/api/v1/households/{id}", household).session(coordinatorSession))
				.andReturn()
				.getResponse()
				.getContentAsString());
		this.mvc
			.perform(put("/api/v1/households/{id}", household).session(coordinatorSession)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(again.toString()))
			.andExpect(status().isOk());

		JsonNode history = this.json
			.readTree(this.mvc.perform(get("/api/v1/households/{id}/contact-persons", household).session(fatimaSession))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("contactPerson").stringValue()).isEqualTo(joost.id().toString());
		assertThat(history.get(0).get("until").isNull()).isTrue();
		assertThat(history.get(0).get("setBy").stringValue()).isEqualTo("Test coordinator");
		assertThat(history.get(1).get("contactPerson").stringValue()).isEqualTo(fatima.id().toString());
		assertThat(history.get(1).get("until").stringValue()).isEqualTo(TestData.today().toString());
		assertThat(history.get(1).get("setBy").stringValue()).isEqualTo("Test professional");
		assertThat(history.get(1).get("kind").stringValue()).isEqualTo("INTENSIVE");

		this.mvc.perform(get("/households/{id}", household).session(fatimaSession))
			.andExpect(content().string(containsString("Vaste contactpersonen door de tijd")))
			.andExpect(content().string(containsString("Test coordinator")));
		this.mvc.perform(get("/api/v1/households/{id}/contact-persons", household).session(volunteer))
			.andExpect(status().isForbidden());
	}

}
