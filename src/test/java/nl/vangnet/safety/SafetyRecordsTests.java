package nl.vangnet.safety;

import java.time.LocalDate;
import java.util.Set;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 14, item 1 on real PostgreSQL: the pattern behind the violence with its history,
 * protective orders only against danger-marked contacts and never ending before they
 * start, the children's contact arrangement, an ending order on the worklist, and who may
 * see any of it.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SafetyRecordsTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private ApiClient api;

	private TestData.Organisation shelter;

	private TestData.Person professional;

	private MockHttpSession worker;

	private MockHttpSession volunteer;

	private MockHttpSession otherCoordinator;

	@BeforeAll
	void signIn() throws Exception {
		this.shelter = this.data.organisation(OrganisationKind.SHELTER);
		this.professional = this.data.person(this.shelter, Role.PROFESSIONAL);
		this.worker = TestData.signIn(this.mvc, this.professional);
		this.volunteer = TestData.signIn(this.mvc, this.data.person(this.shelter, Role.VOLUNTEER));
		this.otherCoordinator = TestData.signIn(this.mvc, this.data.person(this.data.organisation(), Role.COORDINATOR));
	}

	private SafetyFamily family() throws Exception {
		return SafetyFamily.register(this.api, this.data, this.professional, this.worker);
	}

	@Test
	void theLatestJudgementIsThePatternAndTheEarlierOnesItsHistory() throws Exception {
		SafetyFamily family = family();
		String path = "/api/v1/households/" + family.household();
		this.api.send(post(path + "/safety-patterns"), "{\"pattern\":\"UNKNOWN\",\"judgedOn\":\"2026-02-01\"}",
				this.worker, 201);
		JsonNode second = this.api.read(this.api.send(post(path + "/safety-patterns"),
				"{\"pattern\":\"INTIMATE_TERRORISM\",\"judgedOn\":\"2026-03-01\",\"note\":\"Na het tweede gesprek\"}",
				this.worker, 201));
		assertThat(second.get("judgedByName").stringValue()).isEqualTo("Test professional");
		JsonNode safety = this.api.getJson(path + "/safety", this.worker);
		assertThat(safety.get("pattern").get("pattern").stringValue()).isEqualTo("INTIMATE_TERRORISM");
		assertThat(safety.get("patternHistory")).hasSize(2);
		assertThat(safety.get("patternHistory").get(1).get("pattern").stringValue()).isEqualTo("UNKNOWN");
		assertThat(safety.get("patternHistory").get(1).get("judgedOn").stringValue()).isEqualTo("2026-02-01");
	}

	@Test
	void aProtectiveOrderIsAgainstADangerMarkedContactOnly() throws Exception {
		SafetyFamily family = family();
		String path = "/api/v1/households/" + family.household() + "/protective-orders";
		JsonNode order = this.api.read(this.api.send(post(path),
				"""
						{"kind":"HOUSE_BAN","contact":"%s","issuer":"Burgemeester","startsOn":"2026-11-20","endsOn":"2026-12-20"}"""
					.formatted(family.exPartnerKey()),
				this.worker, 201));
		assertThat(order.get("contactName").stringValue()).isEqualTo("Ex-partner Karim");
		MockHttpServletResponse sister = this.api.send(post(path), """
				{"kind":"CONTACT_BAN","contact":"%s","issuer":"Rechter","startsOn":"2026-11-20"}"""
			.formatted(family.sisterKey()), this.worker);
		assertThat(sister.getStatus()).isEqualTo(400);
		assertThat(this.api.read(sister).get("errors").get(0).get("field").stringValue()).isEqualTo("contact");
		assertThat(this.api.getJson(path, this.worker)).hasSize(1);
	}

	@Test
	void aBanThatEndsBeforeItStartsIsRefusedInTheUsersLanguageAndNothingIsSaved() throws Exception {
		SafetyFamily family = family();
		String path = "/api/v1/households/" + family.household() + "/protective-orders";
		String body = """
				{"kind":"STREET_BAN","contact":"%s","issuer":"Rechter","startsOn":"2026-11-20","endsOn":"2026-11-19"}"""
			.formatted(family.exPartnerKey());
		MockHttpServletResponse dutch = this.api.send(post(path).header("Accept-Language", "nl"), body, this.worker);
		assertThat(dutch.getStatus()).isEqualTo(400);
		JsonNode error = this.api.read(dutch).get("errors").get(0);
		assertThat(error.get("field").stringValue()).isEqualTo("endsOn");
		assertThat(error.get("message").stringValue()).contains("kan niet eindigen voordat het begint");
		MockHttpServletResponse english = this.api.send(post(path).header("Accept-Language", "en"), body, this.worker);
		assertThat(this.api.read(english).get("errors").get(0).get("message").stringValue())
			.contains("cannot end before it starts");
		assertThat(rows("protective_order", family)).isZero();
	}

	@Test
	void aChildsContactArrangementKeepsItsHistoryAndIsOnlyForAChild() throws Exception {
		SafetyFamily family = family();
		String path = "/api/v1/households/" + family.household() + "/contact-arrangements";
		this.api.send(post(path), "{\"member\":\"m2\",\"arrangement\":\"AS_AGREED\",\"since\":\"2025-06-01\"}",
				this.worker, 201);
		this.api.send(post(path),
				"""
						{"member":"m2","arrangement":"SUPERVISED","since":"2026-11-01","schoolKnows":"Alleen de moeder haalt Yara op"}""",
				this.worker, 201);
		MockHttpServletResponse mother = this.api.send(post(path), "{\"member\":\"m1\",\"arrangement\":\"NONE\"}",
				this.worker);
		assertThat(mother.getStatus()).isEqualTo(400);
		assertThat(this.api.read(mother).get("errors").get(0).get("field").stringValue()).isEqualTo("member");
		JsonNode arrangements = this.api.getJson("/api/v1/households/" + family.household() + "/safety", this.worker)
			.get("contactArrangements");
		assertThat(arrangements).hasSize(2);
		assertThat(arrangements.get(0).get("arrangement").stringValue()).isEqualTo("SUPERVISED");
		assertThat(arrangements.get(0).get("current").asBoolean()).isTrue();
		assertThat(arrangements.get(0).get("schoolKnows").stringValue()).isEqualTo("Alleen de moeder haalt Yara op");
		assertThat(arrangements.get(1).get("current").asBoolean()).isFalse();
	}

	@Test
	void anOrderThatEndsWithinTwoWeeksIsOnTheWorklistAndOneThatEndsLaterIsNot() throws Exception {
		SafetyFamily soon = family();
		SafetyFamily later = family();
		LocalDate today = TestData.today();
		order(soon, today.minusDays(10), today.plusDays(5));
		order(later, today.minusDays(10), today.plusDays(40));
		JsonNode worklist = this.api.getJson("/api/v1/worklist", this.worker).get("items");
		JsonNode item = null;
		for (JsonNode i : worklist) {
			assertThat(i.get("householdId").stringValue()).isNotEqualTo(later.household());
			if (i.get("householdId").stringValue().equals(soon.household())) {
				item = i;
			}
		}
		assertThat(item).as("the family with an ending ban is on the worklist").isNotNull();
		assertThat(item.get("safety").get("ordersEnding").asInt()).isEqualTo(1);
		assertThat(item.get("safety").get("firstOrderEnd").stringValue()).isEqualTo(today.plusDays(5).toString());
		String page = this.mvc.perform(get("/worklist").session(this.worker))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("1 verbod loopt af");
	}

	@Test
	void aVolunteerIsRefusedAndAnotherOrganisationFindsNothing() throws Exception {
		SafetyFamily family = family();
		String path = "/api/v1/households/" + family.household();
		order(family, TestData.today().minusDays(1), TestData.today().plusDays(30));
		assertThat(this.api.status(get(path + "/safety"), this.volunteer)).isEqualTo(403);
		assertThat(this.api.status(get(path + "/protective-orders"), this.volunteer)).isEqualTo(403);
		assertThat(this.api.status(get("/households/" + family.household() + "/safety"), this.volunteer))
			.isEqualTo(403);
		assertThat(this.api.status(get(path + "/protective-orders"), this.otherCoordinator)).isEqualTo(404);
		assertThat(this.api.send(post(path + "/safety-patterns"), "{\"pattern\":\"UNKNOWN\"}", this.otherCoordinator)
			.getStatus()).isEqualTo(404);
	}

	@Test
	void everyViewAndChangeIsOneTrailRowAndTheHouseholdDocumentCarriesNoSafetyData() throws Exception {
		SafetyFamily family = family();
		String path = "/api/v1/households/" + family.household();
		int before = trail(family, "CREATE");
		order(family, TestData.today().minusDays(1), TestData.today().plusDays(30));
		assertThat(trail(family, "CREATE") - before).isEqualTo(1);
		int views = trail(family, "VIEW");
		this.api.getJson(path + "/protective-orders", this.worker);
		this.api.getJson(path + "/safety", this.worker);
		assertThat(trail(family, "VIEW") - views).isEqualTo(2);
		String document = this.mvc.perform(get(path).session(this.worker))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(document).contains("vangnet-household/1").doesNotContain("Burgemeester").doesNotContain("HOUSE_BAN");
	}

	@Test
	void theSafetyPageKeepsWhatWasTypedWhenTheEndLiesBeforeTheStart() throws Exception {
		SafetyFamily family = family();
		MockHttpServletResponse page = this.mvc
			.perform(post("/households/" + family.household() + "/safety/orders").session(this.worker)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
				.param("kind", "HOUSE_BAN")
				.param("contact", family.exPartnerKey())
				.param("issuer", "Burgemeester Typewerk")
				.param("startsOn", "2026-11-20")
				.param("endsOn", "2026-11-01"))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(400);
		String html = page.getContentAsString();
		assertThat(html).contains("<title>Fout: Veiligheid")
			.contains("Burgemeester Typewerk")
			.contains("kan niet eindigen voordat het begint")
			.contains("aria-invalid=\"true\"");
		assertThat(rows("protective_order", family)).isZero();
		String ok = this.mvc.perform(get("/households/" + family.household() + "/safety").session(this.worker))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ok).contains("Ex-partner Karim").doesNotContain("<option value=\"" + family.sisterKey());
	}

	private void order(SafetyFamily family, LocalDate starts, LocalDate ends) throws Exception {
		this.api.send(post("/api/v1/households/" + family.household() + "/protective-orders"), """
				{"kind":"CONTACT_BAN","contact":"%s","issuer":"Rechter","startsOn":"%s","endsOn":"%s"}"""
			.formatted(family.exPartnerKey(), starts, ends), this.worker, 201);
	}

	private int rows(String table, SafetyFamily family) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(this.shelter.id())),
				(sql) -> sql.sql("select count(*) from " + table + " where household_id = :h")
					.param("h", family.householdId())
					.query(Integer.class)
					.single());
	}

	private int trail(SafetyFamily family, String action) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(this.shelter.id())),
				(sql) -> sql.sql("select count(*) from access_trail where subject_id = :h and action = :a")
					.param("h", family.householdId())
					.param("a", action)
					.query(Integer.class)
					.single());
	}

}
