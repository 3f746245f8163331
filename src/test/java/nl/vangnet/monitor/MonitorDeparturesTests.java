package nl.vangnet.monitor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The monitor's turn-2 keys of issue 15, item 4: {@code contactReasons} (Tabel 3.2),
 * {@code destinations}, {@code returning} and the {@code activities} split by kind and by
 * participant, on their edges (the first and the last day of the period, a household
 * reopened twice, a trajectory that is not intensive) and with small cells suppressed.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorDeparturesTests {

	private static final LocalDate FROM = LocalDate.of(2021, 1, 1);

	private static final LocalDate TO = LocalDate.of(2021, 8, 31);

	private static final LocalDate START = LocalDate.of(2020, 6, 1);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	private TestData.Organisation shelter;

	private MockHttpSession researcher;

	@BeforeAll
	void register() throws Exception {
		this.shelter = this.data.organisation(OrganisationKind.SHELTER);
		MonitorFixture f = new MonitorFixture(this.data, this.shelter.id());
		List<UUID> h = new ArrayList<>();
		for (int i = 0; i < 13; i++) {
			h.add(f.household());
		}
		for (int i = 0; i <= 5; i++) {
			// Ended on the last day of the period: counted.
			trajectory(h.get(i), "INTENSIVE", START, TO, "SOCIAL_HOUSING");
		}
		for (int i = 6; i <= 10; i++) {
			// Ended on its first day: counted.
			trajectory(h.get(i), "INTENSIVE", START, FROM, "OWN_HOME");
		}
		// Came back: an earlier stay ended before the period (not counted), the current
		// one is ongoing, and a short trajectory that is not a departure.
		trajectory(h.get(11), "INTENSIVE", LocalDate.of(2020, 3, 1), LocalDate.of(2020, 12, 15), "OTHER_SHELTER");
		trajectory(h.get(11), "INTENSIVE", LocalDate.of(2021, 2, 1), null, null);
		trajectory(h.get(11), "SHORT", LocalDate.of(2021, 2, 1), LocalDate.of(2021, 3, 1), "ABROAD");
		trajectory(h.get(12), "INTENSIVE", START, LocalDate.of(2021, 5, 5), null);
		// Not in P: ended the day before the period.
		UUID before = f.household();
		trajectory(before, "INTENSIVE", START, FROM.minusDays(1), "ABROAD");
		reasons(before, "HEALTH");

		for (int i = 0; i <= 6; i++) {
			reasons(h.get(i), "FINANCES,SOCIAL");
		}
		for (int i = 7; i <= 9; i++) {
			reasons(h.get(i), "HOUSING");
		}

		reopened(h.get(11), LocalDate.of(2021, 2, 1));
		reopened(h.get(11), LocalDate.of(2021, 4, 1));
		for (int i = 0; i <= 4; i++) {
			reopened(h.get(i), TO);
		}
		reopened(h.get(5), FROM.minusDays(1));
		reopened(before, LocalDate.of(2021, 3, 1));

		for (int i = 0; i <= 5; i++) {
			UUID mother = member(h.get(i), "PARENT");
			activity(h.get(i), mother, LocalDate.of(2021, 3, 1), "CONVERSATION", "GREEN");
		}
		for (int i = 0; i <= 4; i++) {
			activity(h.get(i), null, LocalDate.of(2021, 4, 1), "PARENT_GROUP", "ORANGE");
		}
		activity(h.get(6), member(h.get(6), "CHILD"), LocalDate.of(2021, 5, 1), "CHILD_ACTIVITY", "RED");
		activity(h.get(7), member(h.get(7), "CHILD"), LocalDate.of(2021, 5, 1), null, "GREEN");
		// Before the period: not counted.
		activity(h.get(8), null, FROM.minusDays(1), "CHILD_ACTIVITY", "GREEN");
		this.researcher = TestData.signIn(this.mvc, this.data.person(this.data.organisation(), Role.RESEARCHER));
	}

	@Test
	void contactReasonsCountHouseholdsOfThePopulationSeveralEach() throws Exception {
		JsonNode reasons = monitor().get("contactReasons");
		assertThat(reasons.get("FINANCES").get("count").asInt()).isEqualTo(7);
		assertThat(reasons.get("SOCIAL").get("count").asInt()).isEqualTo(7);
		assertThat(reasons.get("HOUSING").get("suppressed").asBoolean()).isTrue();
		assertThat(reasons.get("HOUSING").get("count").isNull()).isTrue();
		assertThat(reasons.get("UNKNOWN").get("suppressed").asBoolean()).as("three households name no reason").isTrue();
		assertThat(reasons.get("HEALTH").get("count").asInt()).as("a household outside P is not counted").isZero();
	}

	@Test
	void destinationsCountIntensiveTrajectoriesEndedInThePeriod() throws Exception {
		JsonNode destinations = monitor().get("destinations");
		assertThat(destinations.get("ended").get("count").asInt()).isEqualTo(12);
		JsonNode codes = destinations.get("destinations");
		assertThat(codes.get("SOCIAL_HOUSING").get("count").asInt()).isEqualTo(6);
		// One not recorded is suppressed, and the smallest other with it.
		assertThat(codes.get("NOT_RECORDED").get("suppressed").asBoolean()).isTrue();
		assertThat(codes.get("OWN_HOME").get("suppressed").asBoolean()).isTrue();
		assertThat(codes.get("ABROAD").get("count").asInt()).as("a short trajectory and one before the period")
			.isZero();
		assertThat(codes.get("OTHER_SHELTER").get("count").asInt()).isZero();
	}

	@Test
	void returningCountsEachReopenedHouseholdOnce() throws Exception {
		JsonNode monitor = monitor();
		assertThat(monitor.get("population").get("count").asInt()).as("a reopened household is one household")
			.isEqualTo(13);
		JsonNode returning = monitor.get("returning");
		assertThat(returning.get("households").get("count").asInt()).isEqualTo(6);
		assertThat(returning.get("householdsPct").asDouble()).isCloseTo(6 * 100.0 / 13,
				org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void activitiesAreSplitByKindAndByParticipantWithoutGivingASmallCellAway() throws Exception {
		JsonNode activities = monitor().get("activities");
		assertThat(activities.get("households").get("count").asInt()).isEqualTo(8);
		assertThat(activities.get("GREEN").get("count").asInt()).isEqualTo(7);
		JsonNode conversation = row(activities.get("byKind"), "kind", "CONVERSATION");
		assertThat(conversation.get("households").get("count").asInt()).isEqualTo(6);
		// GREEN 6 here and 1 in UNKNOWN add up to the shown 7: both are hidden.
		assertThat(conversation.get("GREEN").get("suppressed").asBoolean()).isTrue();
		assertThat(row(activities.get("byKind"), "kind", "UNKNOWN").get("GREEN").get("suppressed").asBoolean())
			.isTrue();
		JsonNode group = row(activities.get("byKind"), "kind", "PARENT_GROUP");
		assertThat(group.get("households").get("count").asInt()).isEqualTo(5);
		assertThat(group.get("ORANGE").get("count").asInt()).isEqualTo(5);
		JsonNode household = row(activities.get("byParticipant"), "participant", "HOUSEHOLD");
		assertThat(household.get("ORANGE").get("count").asInt()).isEqualTo(5);
		JsonNode parent = row(activities.get("byParticipant"), "participant", "PARENT");
		assertThat(parent.get("households").get("count").asInt()).isEqualTo(6);
		assertThat(parent.get("GREEN").get("suppressed").asBoolean()).isTrue();
		JsonNode child = row(activities.get("byParticipant"), "participant", "CHILD");
		assertThat(child.get("households").get("suppressed").asBoolean()).isTrue();
		assertThat(row(activities.get("byKind"), "kind", "CHILD_ACTIVITY").get("GREEN").get("count").asInt())
			.as("before the period")
			.isZero();
	}

	@Test
	void theNewKeysAreTablesOnThePageAndInEveryDownload() throws Exception {
		String page = this.mvc
			.perform(get("/monitor").session(this.researcher)
				.param("from", FROM.toString())
				.param("to", TO.toString())
				.param("organisations", this.shelter.code()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Tabel 3.2. Aanleiding voor het contact")
			.contains("Bestemming bij vertrek")
			.contains("Gezinnen die terugkwamen")
			.contains("Tabel 3.4 naar soort")
			.contains("Tabel 3.4 naar deelnemer");
		String csv = new String(download("CSV"), StandardCharsets.UTF_8);
		assertThat(csv).contains("Financiën;7")
			.contains("Sociale huurwoning (urgentie);6")
			.contains("Totaal;12")
			.contains("Dossier heropend;6;46,2%")
			.contains("Groepsactiviteiten ouders;5;0;5;0");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("XLSX")))) {
			boolean found = false;
			for (Sheet sheet : workbook) {
				if (sheet.getRow(1) != null
						&& "Dossier heropend".equals(sheet.getRow(1).getCell(0).getStringCellValue())) {
					found = sheet.getRow(1).getCell(1).getNumericCellValue() == 6.0;
				}
			}
			assertThat(found).as("a sheet of returning families, with a number").isTrue();
		}
		try (PDDocument pdf = Loader.loadPDF(download("PDF"))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Bestemming bij vertrek")
				.contains("Dossier heropend");
		}
		String english = this.mvc
			.perform(get("/monitor").session(this.researcher)
				.param("lang", "en")
				.param("from", FROM.toString())
				.param("to", TO.toString())
				.param("organisations", this.shelter.code()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("Destination at departure").contains("Families who came back");
	}

	private static JsonNode row(JsonNode rows, String key, String code) {
		for (JsonNode row : rows) {
			if (code.equals(row.get(key).stringValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + code);
	}

	private void trajectory(UUID household, String kind, LocalDate start, LocalDate end, String destination) {
		sql("""
				insert into trajectory (id, household_id, organisation_id, position, kind, start_date, end_date, phase_model,
				  destination)
				values (?, ?, ?, (select count(*) from trajectory where household_id = ?), ?, ?, ?, 'FLEXIBLE', ?)
				""",
				UUID.randomUUID(), household, this.shelter.id(), household, kind, start, end, destination);
	}

	private void reasons(UUID household, String reasons) {
		sql("update household set contact_reasons = string_to_array(?, ',')::varchar[] where id = ?", reasons,
				household);
	}

	private void reopened(UUID household, LocalDate on) {
		sql("""
				insert into household_reopening (id, household_id, organisation_id, reopened_on, reason, closed_on,
				  closing_reason)
				values (?, ?, ?, ?, 'Nieuwe vraag', ?, 'Afgerond')""", UUID.randomUUID(), household, this.shelter.id(),
				on, on.minusMonths(1));
	}

	private UUID member(UUID household, String role) {
		UUID id = UUID.randomUUID();
		sql("""
				insert into household_member (id, household_id, organisation_id, position, ref, role, main_contact)
				values (?, ?, ?, (select count(*) from household_member where household_id = ?), ?, ?, ?)""", id,
				household, this.shelter.id(), household, "m" + id.toString().substring(0, 6), role,
				"PARENT".equals(role));
		return id;
	}

	private void activity(UUID household, UUID member, LocalDate on, String kind, String satisfaction) {
		sql("""
				insert into activity_participation (id, household_id, organisation_id, member_id, activity_date, name,
				  satisfaction, kind)
				values (?, ?, ?, ?, ?, 'Activiteit', ?, ?)""", UUID.randomUUID(), household, this.shelter.id(), member,
				on, satisfaction, kind);
	}

	private void sql(String sql, Object... params) {
		this.data.inScope(TenantScope.Scope.system(Set.of(this.shelter.id())), (jdbc) -> {
			var statement = jdbc.sql(sql);
			for (Object param : params) {
				statement = statement.param(param);
			}
			return statement.update();
		});
	}

	private byte[] download(String format) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/monitor/export").session(this.researcher)
				.param("format", format)
				.param("from", FROM.toString())
				.param("to", TO.toString())
				.param("organisations", this.shelter.code()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsByteArray();
	}

	private JsonNode monitor() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/monitor").session(this.researcher)
				.param("from", FROM.toString())
				.param("to", TO.toString())
				.param("organisations", this.shelter.code()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return this.json.readTree(response.getContentAsString());
	}

}
