package nl.vangnet.safety;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 14, item 2 on real PostgreSQL: instruments are data (the shipped generic one, and
 * an organisation's own loaded through the API without texts in the code); answers lead
 * to a computed level; an override needs a reason; the measures of the level; the source;
 * the review date puts re-screening on the worklist; the latest level stands on top of
 * the dossier in words and colour.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RiskScreeningTests {

	static final String GENERIC = "6a0f1c2e-5b1d-4e57-9a51-1d2c14000001";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private ApiClient api;

	@Autowired
	private JsonMapper json;

	private TestData.Organisation shelter;

	private TestData.Person professional;

	private MockHttpSession worker;

	private MockHttpSession coordinator;

	private MockHttpSession otherCoordinator;

	@BeforeAll
	void signIn() throws Exception {
		this.shelter = this.data.organisation(OrganisationKind.SHELTER);
		this.professional = this.data.person(this.shelter, Role.PROFESSIONAL);
		this.worker = TestData.signIn(this.mvc, this.professional);
		this.coordinator = TestData.signIn(this.mvc, this.data.person(this.shelter, Role.COORDINATOR));
		this.otherCoordinator = TestData.signIn(this.mvc, this.data.person(this.data.organisation(), Role.COORDINATOR));
	}

	/** Every question of the generic instrument answered NO, but these YES. */
	static Map<String, String> answers(String... yes) {
		Map<String, String> answers = new LinkedHashMap<>();
		for (String code : new String[] { "V1", "V2", "V3", "V4", "T1", "T2", "T3", "O1", "O2", "S1", "S2", "S3", "C1",
				"C2", "C3" }) {
			answers.put(code, "NO");
		}
		for (String code : yes) {
			answers.put(code, "YES");
		}
		return answers;
	}

	private String body(Map<String, String> answers, String extra) {
		return "{\"member\":\"m1\",\"instrument\":\"" + GENERIC + "\",\"answers\":"
				+ this.json.writeValueAsString(answers) + ((extra != null) ? "," + extra : "") + "}";
	}

	@Test
	void theGenericInstrumentShipsWithPartsLevelsAndMeasures() throws Exception {
		JsonNode instruments = this.api.getJson("/api/v1/risk-instruments", this.worker);
		JsonNode generic = instruments.get(0);
		assertThat(generic.get("code").stringValue()).isEqualTo("VANGNET_GENERIC");
		assertThat(generic.get("shipped").asBoolean()).isTrue();
		assertThat(generic.get("parts")).hasSize(5);
		assertThat(generic.get("levels")).hasSize(3);
		assertThat(generic.get("levels").get(1).get("monitor").stringValue()).isEqualTo("MODERATE");
	}

	@Test
	void answersLeadToALevelAndARedFlagToTheHighest() throws Exception {
		SafetyFamily family = SafetyFamily.register(this.api, this.data, this.professional, this.worker);
		String path = "/api/v1/households/" + family.household() + "/risk-screenings";
		JsonNode green = this.api.read(this.api.send(post(path), body(answers("T3"), null), this.worker, 201));
		assertThat(green.get("level").stringValue()).isEqualTo("GREEN");
		assertThat(green.get("score").asInt()).isEqualTo(1);
		JsonNode orange = this.api
			.read(this.api.send(post(path), body(answers("V1", "V3", "T3"), null), this.worker, 201));
		assertThat(orange.get("level").stringValue()).isEqualTo("ORANGE");
		assertThat(orange.get("levelLabel").stringValue()).startsWith("Oranje");
		assertThat(orange.get("monitorLevel").stringValue()).isEqualTo("MODERATE");
		assertThat(orange.get("measures").toString()).contains("aandachtsfunctionaris");
		JsonNode red = this.api.read(this.api.send(post(path), body(answers("V2"), null), this.worker, 201));
		assertThat(red.get("score").asInt()).isEqualTo(3);
		assertThat(red.get("level").stringValue()).as("a red flag").isEqualTo("RED");
		assertThat(this.api.getJson(path, this.worker)).hasSize(3);
	}

	@Test
	void anOverrideNeedsAReasonAndAnOwnScreeningEveryAnswer() throws Exception {
		SafetyFamily family = SafetyFamily.register(this.api, this.data, this.professional, this.worker);
		String path = "/api/v1/households/" + family.household() + "/risk-screenings";
		MockHttpServletResponse noReason = this.api.send(post(path), body(answers(), "\"level\":\"ORANGE\""),
				this.worker);
		assertThat(noReason.getStatus()).isEqualTo(400);
		assertThat(this.api.read(noReason).get("errors").get(0).get("field").stringValue()).isEqualTo("overrideReason");
		JsonNode overridden = this.api.read(this.api.send(post(path),
				body(answers(), "\"level\":\"ORANGE\",\"overrideReason\":\"Zij is erg bang, al zegt zij nee\""),
				this.worker, 201));
		assertThat(overridden.get("computedLevel").stringValue()).isEqualTo("GREEN");
		assertThat(overridden.get("level").stringValue()).isEqualTo("ORANGE");
		Map<String, String> incomplete = answers();
		incomplete.remove("C2");
		incomplete.remove("S1");
		MockHttpServletResponse missing = this.api.send(post(path).header("Accept-Language", "en"),
				body(incomplete, null), this.worker);
		assertThat(missing.getStatus()).isEqualTo(400);
		assertThat(this.api.read(missing).get("errors").get(0).get("message").stringValue())
			.contains("still open: S1, C2");
		assertThat(rows(family)).isEqualTo(1);
	}

	@Test
	void thePoliceOrVeiligThuisMayBringOnlyTheirLevel() throws Exception {
		SafetyFamily family = SafetyFamily.register(this.api, this.data, this.professional, this.worker);
		String path = "/api/v1/households/" + family.household() + "/risk-screenings";
		JsonNode police = this.api.read(this.api.send(post(path), """
				{"member":"m1","instrument":"%s","source":"POLICE","level":"RED"}""".formatted(GENERIC), this.worker,
				201));
		assertThat(police.get("source").stringValue()).isEqualTo("POLICE");
		assertThat(police.get("computedLevel").isNull()).isTrue();
		MockHttpServletResponse own = this.api.send(post(path), """
				{"member":"m1","instrument":"%s","source":"OWN","level":"RED"}""".formatted(GENERIC), this.worker);
		assertThat(own.getStatus()).isEqualTo(400);
	}

	@Test
	void anOrganisationLoadsItsOwnInstrumentAndOnlyItSeesIt() throws Exception {
		String instrument = """
				{"code":"EIGEN_SCREENING","nameNl":"Onze screening","nameEn":"Our screening",
				 "parts":[{"code":"A","labelNl":"Deel A","labelEn":"Part A","items":[
				   {"code":"A1","textNl":"Vraag een","textEn":"Question one","weight":4},
				   {"code":"A2","textNl":"Vraag twee","textEn":"Question two","weight":1}]}],
				 "levels":[{"code":"LAAG","labelNl":"Laag","labelEn":"Low","colour":"GREEN","monitor":"LOW","fromScore":0},
				   {"code":"HOOG","labelNl":"Hoog","labelEn":"High","colour":"RED","monitor":"HIGH","fromScore":4,
				    "measuresNl":["Bel vandaag"],"measuresEn":["Call today"]}]}""";
		assertThat(this.api.send(post("/api/v1/risk-instruments"), instrument, this.worker).getStatus())
			.as("a professional does not load instruments")
			.isEqualTo(403);
		JsonNode loaded = this.api
			.read(this.api.send(post("/api/v1/risk-instruments"), instrument, this.coordinator, 201));
		assertThat(loaded.get("version").asInt()).isEqualTo(1);
		JsonNode again = this.api
			.read(this.api.send(post("/api/v1/risk-instruments"), instrument, this.coordinator, 201));
		assertThat(again.get("version").asInt()).isEqualTo(2);
		assertThat(this.api.getJson("/api/v1/risk-instruments", this.worker).toString()).contains("EIGEN_SCREENING");
		assertThat(this.api.getJson("/api/v1/risk-instruments", this.otherCoordinator).toString())
			.doesNotContain("EIGEN_SCREENING");
		SafetyFamily family = SafetyFamily.register(this.api, this.data, this.professional, this.worker);
		JsonNode high = this.api
			.read(this.api.send(post("/api/v1/households/" + family.household() + "/risk-screenings"),
					"{\"member\":\"m1\",\"instrument\":\"" + again.get("id").stringValue()
							+ "\",\"answers\":{\"A1\":\"YES\",\"A2\":\"NO\"}}",
					this.worker, 201));
		assertThat(high.get("monitorLevel").stringValue()).isEqualTo("HIGH");
		assertThat(high.get("instrumentVersion").asInt()).isEqualTo(2);
		MockHttpServletResponse badOrder = this.api.send(post("/api/v1/risk-instruments"),
				instrument.replace("\"fromScore\":4", "\"fromScore\":0"), this.coordinator);
		assertThat(badOrder.getStatus()).isEqualTo(400);
		assertThat(this.api.read(badOrder).get("errors").get(0).get("field").stringValue())
			.isEqualTo("levels[1].fromScore");
	}

	@Test
	void aReviewDueWithinAWeekIsOnTheWorklistAndTheLatestLevelTopsTheDossier() throws Exception {
		SafetyFamily family = SafetyFamily.register(this.api, this.data, this.professional, this.worker);
		String path = "/api/v1/households/" + family.household() + "/risk-screenings";
		LocalDate review = TestData.today().plusDays(3);
		this.api.send(post(path),
				body(answers("V1", "V3", "T3"),
						"\"screenedOn\":\"" + TestData.today().minusDays(20) + "\",\"reviewOn\":\"" + review + "\""),
				this.worker, 201);
		JsonNode item = null;
		for (JsonNode i : this.api.getJson("/api/v1/worklist", this.worker).get("items")) {
			if (i.get("householdId").stringValue().equals(family.household())) {
				item = i;
			}
		}
		assertThat(item).isNotNull();
		assertThat(item.get("safety").get("rescreeningDue").stringValue()).isEqualTo(review.toString());
		String summary = this.mvc
			.perform(get("/households/" + family.household() + "/safety-summary").session(this.worker))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(summary).contains("risk risk-ORANGE").contains("Oranje: verhoogd risico");
		// A new screening without a review date takes it off the worklist.
		this.api.send(post(path), body(answers("V1", "V3", "T3"), null), this.worker, 201);
		for (JsonNode i : this.api.getJson("/api/v1/worklist", this.worker).get("items")) {
			if (i.get("householdId").stringValue().equals(family.household())) {
				assertThat(i.get("safety").get("rescreeningDue").isNull()).isTrue();
			}
		}
	}

	@Test
	void theScreeningFormKeepsTheAnswersWhenAQuestionIsLeftOpen() throws Exception {
		SafetyFamily family = SafetyFamily.register(this.api, this.data, this.professional, this.worker);
		MockHttpServletResponse page = this.mvc
			.perform(post("/households/" + family.household() + "/risk-screenings").session(this.worker)
				.with(csrf())
				.param("member", "m1")
				.param("instrument", GENERIC)
				.param("source", "OWN")
				.param("answer.V1", "YES")
				.param("note", "Getypte toelichting"))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(400);
		assertThat(page.getContentAsString()).contains("<title>Fout: ")
			.contains("Getypte toelichting")
			.contains("nog open: V2")
			.containsPattern("id=\"answer-V1-YES\"[^>]*checked");
		assertThat(rows(family)).isZero();
	}

	private int rows(SafetyFamily family) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(this.shelter.id())),
				(sql) -> sql.sql("select count(*) from risk_screening where household_id = :h")
					.param("h", family.householdId())
					.query(Integer.class)
					.single());
	}

}
