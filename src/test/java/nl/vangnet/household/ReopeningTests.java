package nl.vangnet.household;

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

/**
 * Reopen, never re-register (issue 15, item 1): a closed household is reopened with its
 * history kept and a new trajectory in the same dossier; at intake a likely duplicate
 * within the organisation is shown before anything is saved.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReopeningTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Amsterdam"));

	private static final LocalDate CLOSED_ON = TODAY.minusMonths(4);

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

	private TestData.Person professional;

	private MockHttpSession professionalSession;

	private MockHttpSession coordinatorSession;

	private MockHttpSession volunteerSession;

	private MockHttpSession otherOrganisationSession;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation();
		this.professional = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.professionalSession = TestData.signIn(this.mvc, this.professional);
		this.coordinatorSession = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.COORDINATOR));
		this.volunteerSession = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.VOLUNTEER));
		this.otherOrganisationSession = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.PROFESSIONAL));
	}

	@Test
	void aReopenedHouseholdKeepsItsHistoryAndStartsANewTrajectoryInTheSameDossier() throws Exception {
		String family = TestData.unique("Ramdin");
		String id = closedHousehold("Priya", family, "1990-03-12");

		MockHttpServletResponse answer = this.api.send(post("/api/v1/households/" + id + "/reopening"),
				"{\"on\": \"" + TODAY + "\", \"reason\": \"Nieuwe vraag: een brief van de woningcorporatie\"}",
				this.professionalSession, 200);

		JsonNode reopened = this.api.read(answer);
		assertThat(reopened.get("household").stringValue()).isEqualTo(id);
		JsonNode document = this.api.getJson("/api/v1/households/" + id, this.professionalSession);
		assertThat(document.has("closedOn")).isFalse();
		JsonNode trajectories = document.get("trajectories");
		assertThat(trajectories).hasSize(2);
		assertThat(trajectories.get(0).get("end").stringValue()).isEqualTo(CLOSED_ON.toString());
		assertThat(trajectories.get(1).get("kind").stringValue()).isEqualTo("INTENSIVE");
		assertThat(trajectories.get(1).get("start").stringValue()).isEqualTo(TODAY.toString());
		assertThat(trajectories.get(1).has("end")).isFalse();
		assertThat(trajectories.get(1).get("contactPerson").stringValue()).isEqualTo(this.professional.id().toString());
		assertThat(inOrganisation(() -> this.jdbc.sql("""
				select closed_on || ' ' || closing_reason || ' ' || reopened_on || ' ' || reason || ' ' || reopened_by
				from household_reopening where household_id = :id""")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.list()))
			.containsExactly(CLOSED_ON + " Vertrokken naar een eigen huis " + TODAY
					+ " Nieuwe vraag: een brief van de woningcorporatie " + this.professional.id());
		assertThat(trail(id)).containsExactly("CREATE", "UPDATE", "VIEW");

		String dossier = this.mvc.perform(get("/households/" + id).session(this.professionalSession))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dossier).contains("Eerder afgesloten en heropend", "Vertrokken naar een eigen huis",
				"Nieuwe vraag: een brief van de woningcorporatie");
	}

	@Test
	void aHouseholdIsReopenedOnTheDayItClosedButNotBeforeNorInTheFuture() throws Exception {
		String before = closedHousehold("Noor", TestData.unique("Bakker"), null);
		MockHttpServletResponse refused = this.api.send(post("/api/v1/households/" + before + "/reopening"),
				"{\"on\": \"" + CLOSED_ON.minusDays(1) + "\", \"reason\": \"Terug\"}", this.professionalSession, 400);
		assertThat(this.api.read(refused).get("errors").get(0).get("field").stringValue()).isEqualTo("on");
		MockHttpServletResponse future = this.mvc
			.perform(post("/api/v1/households/" + before + "/reopening").session(this.professionalSession)
				.with(csrf())
				.header("Accept-Language", "en")
				.contentType("application/json")
				.content("{\"on\": \"" + TODAY.plusDays(1) + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(future.getStatus()).isEqualTo(400);
		assertThat(future.getContentAsString()).contains("this date lies in the future",
				"say why the family comes back");
		JsonNode unchanged = this.api.getJson("/api/v1/households/" + before, this.professionalSession);
		assertThat(unchanged.get("closedOn").stringValue()).isEqualTo(CLOSED_ON.toString());
		assertThat(unchanged.get("trajectories")).hasSize(1);
		assertThat(reopenings(before)).isZero();

		this.api.send(post("/api/v1/households/" + before + "/reopening"),
				"{\"on\": \"" + CLOSED_ON + "\", \"reason\": \"Dezelfde dag terug\"}", this.coordinatorSession, 200);
		MockHttpServletResponse again = this.api.send(post("/api/v1/households/" + before + "/reopening"),
				"{\"on\": \"" + TODAY + "\", \"reason\": \"Nog eens\"}", this.coordinatorSession, 400);
		assertThat(again.getContentAsString()).contains("niet afgesloten");
		assertThat(reopenings(before)).isEqualTo(1);
	}

	@Test
	void onlyCoordinatorsAndProfessionalsOfTheOrganisationReopen() throws Exception {
		String id = closedHousehold("Anna", TestData.unique("Groot"), null);
		String body = "{\"on\": \"" + TODAY + "\", \"reason\": \"Terug\"}";

		assertThat(
				this.api.send(post("/api/v1/households/" + id + "/reopening"), body, this.volunteerSession).getStatus())
			.isEqualTo(403);
		assertThat(this.api.send(post("/api/v1/households/" + id + "/reopening"), body, this.otherOrganisationSession)
			.getStatus()).isEqualTo(404);
		assertThat(reopenings(id)).isZero();
	}

	@Test
	void theDossierPageReopensWithDateReasonAndWho() throws Exception {
		String id = closedHousehold("Fatma", TestData.unique("Yildiz"), null);
		int version = this.api.getJson("/api/v1/households/" + id, this.professionalSession).get("version").asInt();

		MockHttpServletResponse empty = this.mvc
			.perform(post("/households/" + id + "/reopening").session(this.professionalSession)
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("on", TODAY.toString())
				.param("reason", "")
				.param("kind", "SHORT"))
			.andReturn()
			.getResponse();
		assertThat(empty.getStatus()).isEqualTo(400);
		assertThat(empty.getContentAsString()).contains("Reden: vul in waarom het gezin terugkomt", "error-summary");
		assertThat(reopenings(id)).isZero();

		MockHttpServletResponse done = this.mvc
			.perform(post("/households/" + id + "/reopening").session(this.professionalSession)
				.with(csrf())
				.param("version", String.valueOf(version))
				.param("on", TODAY.toString())
				.param("reason", "Een vraag over de school van haar zoon")
				.param("kind", "SHORT"))
			.andReturn()
			.getResponse();
		assertThat(done.getStatus()).isEqualTo(302);
		JsonNode document = this.api.getJson("/api/v1/households/" + id, this.professionalSession);
		assertThat(document.get("trajectories").get(1).get("kind").stringValue()).isEqualTo("SHORT");
		assertThat(reopenings(id)).isEqualTo(1);
	}

	// ---- The duplicate check

	@Test
	void aSimilarNameWithTheSameBirthDateOrAMemberInCommonIsALikelyDuplicate() throws Exception {
		String family = TestData.unique("Ramdin");
		String id = closedHousehold("Priya", family, "1988-11-05");

		JsonNode typo = duplicates("Prya", family, "1988-11-05", this.professionalSession);
		assertThat(typo).hasSize(1);
		assertThat(typo.get(0).get("household").stringValue()).isEqualTo(id);
		assertThat(typo.get(0).get("closed").asBoolean()).isTrue();
		assertThat(typo.get(0).get("members").get(0).get("sameBirthDate").asBoolean()).isTrue();

		JsonNode child = duplicates("Maya", family, "2013-11-05", this.coordinatorSession);
		assertThat(child).hasSize(1);
		assertThat(child.get(0).get("members").get(0).get("ref").stringValue()).isEqualTo("m2");

		assertThat(duplicates("Jolanda", TestData.unique("Jansen"), "1975-01-01", this.professionalSession)).isEmpty();
		assertThat(duplicates("Prya", family, "1988-11-05", this.otherOrganisationSession))
			.as("candidates are of the organisation only")
			.isEmpty();
		assertThat(this.api
			.send(post("/api/v1/households/duplicates"),
					"{\"givenName\": \"Priya\", \"familyName\": \"" + family + "\"}", this.volunteerSession)
			.getStatus()).isEqualTo(403);
		assertThat(trail(id)).contains("SEARCH");
	}

	@Test
	void aDuplicateQuestionWithoutNameOrDateIsAFieldError() throws Exception {
		MockHttpServletResponse answer = this.api.send(post("/api/v1/households/duplicates"), "{}",
				this.professionalSession, 400);
		assertThat(this.api.read(answer).get("errors").get(0).get("field").stringValue()).isEqualTo("familyName");
	}

	@Test
	void theNewFamilyFormShowsALikelyDuplicateBeforeSavingWithReopeningAsTheFirstChoice() throws Exception {
		String family = TestData.unique("Ramdin");
		String id = closedHousehold("Priya", family, "1992-02-14");
		int before = households();

		MockHttpServletResponse shown = register(family, null);

		assertThat(shown.getStatus()).isEqualTo(200);
		String page = shown.getContentAsString();
		assertThat(page).contains("Kent u dit gezin al?", "/households/" + id + "?reopen=true#reopen",
				"Het is een ander gezin: toch registreren", "value=\"" + family + "\"");
		assertThat(page.indexOf("Dit is hetzelfde gezin: heropen het"))
			.isLessThan(page.indexOf("Het is een ander gezin: toch registreren"));
		assertThat(households()).as("nothing saved").isEqualTo(before);

		MockHttpServletResponse anyway = register(family, "true");
		assertThat(anyway.getStatus()).isEqualTo(302);
		assertThat(households()).isEqualTo(before + 1);
	}

	private MockHttpServletResponse register(String family, String duplicatesChecked) throws Exception {
		var request = post("/households").session(this.professionalSession)
			.with(csrf())
			.param("mainContact", "0")
			.param("members[0].role", "PARENT")
			.param("members[0].givenName", "Priya")
			.param("members[0].familyName", family)
			.param("members[0].birthDate", "1992-02-14")
			.param("kind", "NONE");
		if (duplicatesChecked != null) {
			request = request.param("duplicatesChecked", duplicatesChecked);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private JsonNode duplicates(String given, String family, String birthDate, MockHttpSession session)
			throws Exception {
		MockHttpServletResponse answer = this.api.send(post("/api/v1/households/duplicates"), """
				{"givenName": "%s", "familyName": "%s", "birthDate": "%s"}""".formatted(given, family, birthDate),
				session, 200);
		return this.api.read(answer).get("candidates");
	}

	private String closedHousehold(String given, String family, String birthDate) throws Exception {
		String born = (birthDate != null) ? ", \"birthDate\": \"" + birthDate + "\"" : "";
		String childBorn = (birthDate != null) ? LocalDate.parse(birthDate).plusYears(25).toString() : "2016-01-01";
		String body = """
				{"members": [
				  {"role": "PARENT", "mainContact": true, "givenName": "%s", "familyName": "%s"%s},
				  {"role": "CHILD", "givenName": "Maya", "familyName": "%s", "birthDate": "%s"}],
				 "trajectories": [{"kind": "INTENSIVE", "start": "%s", "end": "%s", "closingReason": "Vertrokken naar een eigen huis"}],
				 "closedOn": "%s", "closingReason": "Vertrokken naar een eigen huis"}
				"""
			.formatted(given, family, born, family, childBorn, CLOSED_ON.minusYears(1), CLOSED_ON, CLOSED_ON);
		return this.api.read(this.api.send(post("/api/v1/households"), body, this.professionalSession, 201))
			.get("id")
			.stringValue();
	}

	private int reopenings(String id) {
		return inOrganisation(() -> this.jdbc.sql("select count(*) from household_reopening where household_id = :id")
			.param("id", UUID.fromString(id))
			.query(Integer.class)
			.single());
	}

	private int households() {
		return inOrganisation(() -> this.jdbc.sql("select count(*) from household").query(Integer.class).single());
	}

	private List<String> trail(String id) {
		return inOrganisation(() -> this.jdbc
			.sql("select action from access_trail where subject_type = 'HOUSEHOLD'"
					+ " and (subject_id = :id or subject_ids @> array[cast(:id as uuid)]) order by id")
			.param("id", UUID.fromString(id))
			.query(String.class)
			.list());
	}

	private <T> T inOrganisation(java.util.function.Supplier<T> work) {
		return TenantScope.callAs(TenantScope.Scope.system(Set.of(this.organisation.id())),
				() -> this.transactions.execute((status) -> work.get()));
	}

}
