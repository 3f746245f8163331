package nl.vangnet.household;

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
import org.springframework.http.MediaType;
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
 * The households API with the exchange document vangnet-household/1, on real PostgreSQL
 * through every security filter.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdApiTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private HouseholdApi households;

	@Autowired
	private TransactionTemplate transactions;

	private TestData.Organisation organisation;

	private TestData.Person professional;

	private TestData.Person colleague;

	private TestData.Person volunteer;

	private MockHttpSession professionalSession;

	private MockHttpSession coordinatorSession;

	private MockHttpSession volunteerSession;

	private MockHttpSession otherOrganisationSession;

	private TestData.Organisation otherOrganisation;

	@BeforeAll
	void signIn() throws Exception {
		this.organisation = this.data.organisation();
		this.professional = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.colleague = this.data.person(this.organisation, Role.PROFESSIONAL);
		this.volunteer = this.data.person(this.organisation, Role.VOLUNTEER);
		this.professionalSession = TestData.signIn(this.mvc, this.professional);
		this.coordinatorSession = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.COORDINATOR));
		this.volunteerSession = TestData.signIn(this.mvc, this.volunteer);
		this.otherOrganisation = this.data.organisation();
		this.otherOrganisationSession = TestData.signIn(this.mvc,
				this.data.person(this.otherOrganisation, Role.PROFESSIONAL));
	}

	@Test
	void theDocumentComesBackAsItWasSentWithItsIdAndVersion() throws Exception {
		ObjectNode sent = samira(TestData.unique("GvN-"));

		MockHttpServletResponse created = this.api.send(post("/api/v1/households"), sent, this.professionalSession);

		assertThat(created.getStatus()).isEqualTo(201);
		JsonNode body = this.json.readTree(created.getContentAsString());
		String id = body.get("id").stringValue();
		assertThat(created.getHeader("Location")).endsWith("/api/v1/households/" + id);
		JsonNode read = this.api.getJson("/api/v1/households/" + id, this.professionalSession);
		ObjectNode expected = sent.deepCopy();
		expected.put("id", id);
		expected.put("version", 0);
		assertThat(read).isEqualTo(expected);
		assertThat(body).isEqualTo(expected);
	}

	@Test
	void omittedFieldsStayUnknownAndAreNotFilledWithDefaults() throws Exception {
		ObjectNode minimal = (ObjectNode) this.json
			.readTree("{\"members\": [{\"role\": \"PARENT\", \"mainContact\": true, \"givenName\": \"Noor\"}]}");

		JsonNode read = this.json.readTree(
				this.api.send(post("/api/v1/households"), minimal, this.professionalSession).getContentAsString());

		assertThat(read.propertyNames()).containsExactlyInAnyOrder("format", "id", "version", "members");
		assertThat(read.get("members").get(0).propertyNames()).containsExactlyInAnyOrder("ref", "role", "mainContact",
				"givenName");
		UUID id = UUID.fromString(read.get("id").stringValue());
		Object[] stored = inOrganisation(this.organisation.id(),
				() -> this.jdbc.sql("select composition, debts, referral_source from household where id = :id")
					.param("id", id)
					.query((rs, row) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3) })
					.single());
		assertThat(stored).containsOnlyNulls();
	}

	@Test
	void aStaleVersionIsAConflictWithTheCurrentVersionAndWhatDiffers() throws Exception {
		ObjectNode sent = samira(TestData.unique("GvN-"));
		JsonNode created = this.json
			.readTree(this.api.send(post("/api/v1/households"), sent, this.professionalSession).getContentAsString());
		String path = "/api/v1/households/" + created.get("id").stringValue();
		ObjectNode first = (ObjectNode) created.deepCopy();
		first.put("district", "Bergpolder");
		ObjectNode second = (ObjectNode) created.deepCopy();
		second.put("debts", "NO");

		MockHttpServletResponse accepted = this.api.send(put(path), first, this.professionalSession);
		MockHttpServletResponse refused = this.api.send(put(path), second, this.coordinatorSession);

		assertThat(accepted.getStatus()).isEqualTo(200);
		assertThat(this.json.readTree(accepted.getContentAsString()).get("version").intValue()).isEqualTo(1);
		assertThat(refused.getStatus()).isEqualTo(409);
		assertThat(refused.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JsonNode problem = this.json.readTree(refused.getContentAsString());
		assertThat(problem.get("currentVersion").intValue()).isEqualTo(1);
		assertThat(problem.get("changes").toString()).contains("\"field\":\"district\"", "\"now\":\"Bergpolder\"");
		JsonNode now = this.api.getJson(path, this.professionalSession);
		assertThat(now.get("debts").stringValue()).as("not overwritten").isEqualTo("YES");
		second.put("version", 1);
		assertThat(this.api.send(put(path), second, this.coordinatorSession).getStatus()).as("redone").isEqualTo(200);
	}

	@Test
	void anUpdateWithoutTheAdditionsKeepsPhasesContactPersonAndContactDetails() throws Exception {
		ObjectNode sent = samira(TestData.unique("GvN-"));
		JsonNode created = this.json
			.readTree(this.api.send(post("/api/v1/households"), sent, this.professionalSession).getContentAsString());
		ObjectNode plain = (ObjectNode) created.deepCopy();
		plain.remove("contact");
		ObjectNode trajectory = (ObjectNode) plain.get("trajectories").get(0);
		trajectory.remove(List.of("phaseModel", "contactPerson", "involvedStaff", "phases"));
		plain.put("district", "Bergpolder");

		JsonNode updated = this.json.readTree(this.api
			.send(put("/api/v1/households/" + created.get("id").stringValue()), plain, this.professionalSession)
			.getContentAsString());

		assertThat(updated.get("district").stringValue()).isEqualTo("Bergpolder");
		assertThat(updated.get("trajectories")).isEqualTo(created.get("trajectories"));
		assertThat(updated.get("contact")).isEqualTo(created.get("contact"));
	}

	@Test
	void unknownCodesAreRefusedNamingTheFieldAndTheAllowedValuesInTheCallersLanguage() throws Exception {
		ObjectNode sent = samira(TestData.unique("GvN-"));
		sent.put("referralSource", "FRIENDS");
		((ObjectNode) sent.get("members").get(1)).put("role", "SON");

		MockHttpServletResponse dutch = this.api.send(post("/api/v1/households"), sent, this.professionalSession);
		MockHttpServletResponse english = this.mvc
			.perform(post("/api/v1/households").session(this.professionalSession)
				.with(csrf())
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(sent.toString()))
			.andReturn()
			.getResponse();

		assertThat(dutch.getStatus()).isEqualTo(400);
		JsonNode errors = this.json.readTree(dutch.getContentAsString()).get("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0).get("field").stringValue()).isEqualTo("referralSource");
		assertThat(errors.get(0).get("message").stringValue())
			.isEqualTo("referralSource: \"FRIENDS\" is geen geldige code. Toegestaan: ORGANISATION_ACTIVITY_ADULTS, "
					+ "ORGANISATION_ACTIVITY_CHILDREN, SOCIETAL_ORGANISATION, PROFESSIONAL_ORGANISATION, OWN_NETWORK, "
					+ "OTHER, UNKNOWN.");
		assertThat(errors.get(1).get("field").stringValue()).isEqualTo("members[1].role");
		assertThat(errors.get(1).get("message").stringValue()).contains("members[1].role",
				"PARENT, CHILD, OTHER_ADULT");
		JsonNode englishErrors = this.json.readTree(english.getContentAsString()).get("errors");
		assertThat(englishErrors.get(0).get("message").stringValue())
			.startsWith("referralSource: \"FRIENDS\" is not a valid code. Allowed: ");
	}

	@Test
	void unknownFieldsAndAnotherOrganisationAreRefused() throws Exception {
		ObjectNode sent = samira(TestData.unique("GvN-"));
		sent.put("organisation", this.otherOrganisation.code());
		sent.put("colour", "blue");
		((ObjectNode) sent.get("members").get(0)).put("shoeSize", 38);

		JsonNode errors = this.json
			.readTree(this.api.send(post("/api/v1/households"), sent, this.professionalSession).getContentAsString())
			.get("errors");

		assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("colour", "members[0].shoeSize",
				"organisation");
		sent.remove("colour");
		sent.put("organisation", this.organisation.code());
		((ObjectNode) sent.get("members").get(0)).remove("shoeSize");
		assertThat(this.api.send(post("/api/v1/households"), sent, this.professionalSession).getStatus())
			.as("its own organisation may be named")
			.isEqualTo(201);
	}

	@Test
	void rulesOfTheDomainAreReportedOnTheirFields() throws Exception {
		ObjectNode sent = samira(TestData.unique("GvN-"));
		((ObjectNode) sent.get("members").get(0)).remove("mainContact");
		((ObjectNode) sent.get("members").get(1)).put("birthDate", "2999-01-01");
		ObjectNode trajectory = (ObjectNode) sent.get("trajectories").get(0);
		trajectory.put("contactPerson", UUID.randomUUID().toString());
		((ObjectNode) trajectory.get("phases").get(1)).put("phase", "SHELTER.PLANNING");

		JsonNode errors = this.json
			.readTree(this.api.send(post("/api/v1/households"), sent, this.professionalSession).getContentAsString())
			.get("errors");

		assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("members[1].birthDate", "mainContact",
				"trajectories[0].phases[1].phase", "trajectories[0].contactPerson");
	}

	@Test
	void aContactPersonMustWorkForTheOrganisation() throws Exception {
		ObjectNode sent = samira(TestData.unique("GvN-"));
		((ObjectNode) sent.get("trajectories").get(0)).put("contactPerson", this.volunteer.id().toString());

		JsonNode errors = this.json
			.readTree(this.api.send(post("/api/v1/households"), sent, this.professionalSession).getContentAsString())
			.get("errors");

		assertThat(errors.findValuesAsString("field")).containsExactly("trajectories[0].contactPerson");
	}

	@Test
	void theOwnIdIsUniqueWithinTheOrganisationOnly() throws Exception {
		String externalId = TestData.unique("GvN-");
		assertThat(this.api.send(post("/api/v1/households"), samira(externalId), this.professionalSession).getStatus())
			.isEqualTo(201);

		MockHttpServletResponse again = this.api.send(post("/api/v1/households"), samira(externalId),
				this.professionalSession);

		assertThat(again.getStatus()).isEqualTo(400);
		assertThat(again.getContentAsString()).contains("\"field\":\"externalId\"");
		ObjectNode elsewhere = samira(externalId);
		elsewhere.remove("trajectories");
		assertThat(this.api.send(post("/api/v1/households"), elsewhere, this.otherOrganisationSession).getStatus())
			.isEqualTo(201);
	}

	@Test
	void aHouseholdOfAnotherOrganisationDoesNotExistForYou() throws Exception {
		String id = create(samira(TestData.unique("GvN-")));

		assertThat(this.mvc.perform(get("/api/v1/households/" + id).session(this.otherOrganisationSession))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		ObjectNode change = (ObjectNode) this.api.getJson("/api/v1/households/" + id, this.professionalSession);
		change.remove(List.of("id", "trajectories"));
		assertThat(this.api.send(put("/api/v1/households/" + id), change, this.otherOrganisationSession).getStatus())
			.isEqualTo(404);
		JsonNode list = this.api.getJson("/api/v1/households?size=100", this.otherOrganisationSession);
		assertThat(list.get("items").findValuesAsString("id")).doesNotContain(id);
	}

	@Test
	void anUnscopedQueryInATransactionOfAnotherOrganisationSeesNoneOfItsRows() throws Exception {
		String id = create(samira(TestData.unique("GvN-")));
		UUID other = this.otherOrganisation.id();

		long total = inScope(new TenantScope.Scope(Set.of(other), "PROFESSIONAL", UUID.randomUUID()),
				() -> this.jdbc.sql("select count(*) from household").query(Long.class).single());
		long ofA = inScope(new TenantScope.Scope(Set.of(other), "PROFESSIONAL", UUID.randomUUID()),
				() -> this.jdbc.sql("select count(*) from household where organisation_id = :a or id = :id")
					.param("a", this.organisation.id())
					.param("id", UUID.fromString(id))
					.query(Long.class)
					.single());
		long members = inScope(new TenantScope.Scope(Set.of(other), "PROFESSIONAL", UUID.randomUUID()),
				() -> this.jdbc.sql("select count(*) from household_member where household_id = :id")
					.param("id", UUID.fromString(id))
					.query(Long.class)
					.single());
		long own = inOrganisation(this.organisation.id(),
				() -> this.jdbc.sql("select count(*) from household where id = :id")
					.param("id", UUID.fromString(id))
					.query(Long.class)
					.single());

		assertThat(ofA).isZero();
		assertThat(members).isZero();
		assertThat(own).as("the same query in its own organisation").isEqualTo(1);
		long ofOther = inOrganisation(other,
				() -> this.jdbc.sql("select count(*) from household where organisation_id = :b")
					.param("b", other)
					.query(Long.class)
					.single());
		assertThat(total).as("everything visible to B is B's own").isEqualTo(ofOther);
	}

	@Test
	void theListIsPagedSearchesMembersNamesRegardlessOfCaseAndCountsAll() throws Exception {
		String family = TestData.unique("Achternaam");
		for (int i = 0; i < 3; i++) {
			ObjectNode document = samira(null);
			((ObjectNode) document.get("members").get(1)).put("familyName", family);
			((ObjectNode) document.get("members").get(1)).put("givenName", "Kind" + i);
			create(document);
		}

		JsonNode first = this.api.getJson("/api/v1/households?q=" + family.toLowerCase() + "&size=2&page=0",
				this.professionalSession);
		JsonNode second = this.api.getJson("/api/v1/households?q=" + family.toUpperCase() + "&size=2&page=1",
				this.professionalSession);

		assertThat(first.get("total").longValue()).isEqualTo(3);
		assertThat(first.get("items")).hasSize(2);
		assertThat(second.get("items")).hasSize(1);
		assertThat(first.get("items").get(0).get("name").stringValue()).isEqualTo("Samira El Amrani");
		assertThat(first.get("items").get(0).get("phase").stringValue()).isEqualTo("FLEXIBLE.ACTIVITIES");
		assertThat(first.get("items").get(0).get("members").intValue()).isEqualTo(3);
		assertThat(first.toString()).doesNotContain("Rozenstraat", "address");
	}

	@Test
	void aVolunteerSeesOnlyTheFamiliesTheyAreInvolvedInAndChangesNothing() throws Exception {
		String involved = create(samira(TestData.unique("GvN-")));
		ObjectNode notInvolved = samira(TestData.unique("GvN-"));
		((ObjectNode) notInvolved.get("trajectories").get(0)).putArray("involvedStaff");
		String other = create(notInvolved);

		JsonNode list = this.api.getJson("/api/v1/households?size=100", this.volunteerSession);

		assertThat(list.get("items").findValuesAsString("id")).contains(involved).doesNotContain(other);
		assertThat(this.mvc.perform(get("/api/v1/households/" + other).session(this.volunteerSession))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		JsonNode document = this.api.getJson("/api/v1/households/" + involved, this.volunteerSession);
		assertThat(document.get("members")).hasSize(3);
		assertThat(this.api.send(put("/api/v1/households/" + involved), document, this.volunteerSession).getStatus())
			.isEqualTo(403);
		assertThat(this.api.send(post("/api/v1/households"), samira(null), this.volunteerSession).getStatus())
			.isEqualTo(403);
	}

	@Test
	void oneRuleOfInvolvementHoldsForTheContactPersonAndOtherStaffAndStopsAtTheOrganisation() throws Exception {
		UUID involved = UUID.fromString(create(samira(TestData.unique("GvN-"))));
		ObjectNode notInvolved = samira(TestData.unique("GvN-"));
		((ObjectNode) notInvolved.get("trajectories").get(0)).putArray("involvedStaff");
		UUID other = UUID.fromString(create(notInvolved));
		String sql = "select household_involves(:h, :a, current_date)";
		TenantScope.Scope own = TenantScope.Scope.system(Set.of(this.organisation.id()));

		List<Boolean> answers = this.data.inScope(own, (jdbc) -> List.of(
				jdbc.sql(sql).param("h", involved).param("a", this.professional.id()).query(Boolean.class).single(),
				jdbc.sql(sql).param("h", involved).param("a", this.volunteer.id()).query(Boolean.class).single(),
				jdbc.sql(sql).param("h", other).param("a", this.professional.id()).query(Boolean.class).single(),
				jdbc.sql(sql).param("h", other).param("a", this.volunteer.id()).query(Boolean.class).single()));
		assertThat(answers).as("contact person, volunteer on it, contact person elsewhere, volunteer elsewhere")
			.containsExactly(true, true, true, false);
		List<Boolean> throughTheApi = TenantScope.callAs(own,
				() -> List.of(this.households.involves(HouseholdId.of(involved), this.volunteer.id()),
						this.households.involves(HouseholdId.of(other), this.volunteer.id())));
		assertThat(throughTheApi).containsExactly(true, false);
		Boolean elsewhere = this.data.inScope(TenantScope.Scope.system(Set.of(this.otherOrganisation.id())),
				(jdbc) -> jdbc.sql(sql)
					.param("h", involved)
					.param("a", this.professional.id())
					.query(Boolean.class)
					.single());
		assertThat(elsewhere).as("row-level security applies through the view").isFalse();
	}

	@Test
	void everyViewSearchCreationAndChangeIsInTheAccessTrail() throws Exception {
		String id = create(samira(TestData.unique("GvN-")));
		JsonNode document = this.api.getJson("/api/v1/households/" + id, this.professionalSession);
		this.api.getJson("/api/v1/households?q=samira&size=100", this.professionalSession);
		((ObjectNode) document).put("district", "Bergpolder");
		this.api.send(put("/api/v1/households/" + id), document, this.professionalSession);

		List<String> actions = inOrganisation(this.organisation.id(),
				() -> this.jdbc
					.sql("select action from access_trail where subject_type = 'HOUSEHOLD'"
							+ " and (subject_id = :id or subject_ids @> array[cast(:id as uuid)]) order by id")
					.param("id", UUID.fromString(id))
					.query(String.class)
					.list());

		assertThat(actions).containsExactly("CREATE", "VIEW", "SEARCH", "UPDATE");
	}

	@Test
	void administratorsAndResearchersNeverSeeHouseholds() throws Exception {
		MockHttpSession researcher = TestData.signIn(this.mvc, this.data.person(this.organisation, Role.RESEARCHER));

		assertThat(
				this.mvc.perform(get("/api/v1/households").session(researcher)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	// ---- helpers

	private ObjectNode samira(String externalId) {
		String text = """
				{
				  "format": "vangnet-household/1",
				  "district": "Oude Noorden",
				  "composition": "ONE_PARENT",
				  "debts": "YES",
				  "referralSource": "OWN_NETWORK",
				  "contactReasons": ["FINANCES", "SOCIAL"],
				  "members": [
				    { "ref": "m1", "role": "PARENT", "mainContact": true,
				      "givenName": "Samira", "familyName": "El Amrani", "birthDate": "1989-04-02",
				      "education": "BELOW_START_QUALIFICATION", "dutchLanguage": "HAMPERS_CONVERSATION",
				      "dayActivities": ["CARE_FOR_CHILDREN"] },
				    { "ref": "m2", "role": "CHILD", "givenName": "Yara", "birthDate": "2016-09-12" },
				    { "ref": "m3", "role": "CHILD", "ageGroup": "TODDLER" }
				  ],
				  "trajectories": [
				    { "kind": "INTENSIVE", "start": "2020-07-01", "phaseModel": "FLEXIBLE",
				      "contactPerson": "%s", "involvedStaff": ["%s", "%s"],
				      "phases": [ { "phase": "FLEXIBLE.GETTING_IN_TOUCH", "date": "2020-07-01" },
				                  { "phase": "FLEXIBLE.ACTIVITIES", "date": "2020-09-15" } ] }
				  ],
				  "contact": { "phone": "06 1234 5678", "email": "samira@example.org", "address": "Rozenstraat 1, 3033 EF Zuidstad" }
				}
				"""
			.formatted(this.professional.id(), this.colleague.id(), this.volunteer.id());
		ObjectNode document = (ObjectNode) this.json.readTree(text);
		if (externalId != null) {
			document.put("externalId", externalId);
		}
		return document;
	}

	private String create(ObjectNode document) throws Exception {
		MockHttpServletResponse response = this.api.send(post("/api/v1/households"), document,
				this.professionalSession);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return this.json.readTree(response.getContentAsString()).get("id").stringValue();
	}

	private <T> T inOrganisation(UUID organisationId, java.util.function.Supplier<T> work) {
		return inScope(TenantScope.Scope.system(Set.of(organisationId)), work);
	}

	private <T> T inScope(TenantScope.Scope scope, java.util.function.Supplier<T> work) {
		return TenantScope.callAs(scope, () -> this.transactions.execute((status) -> work.get()));
	}

}
