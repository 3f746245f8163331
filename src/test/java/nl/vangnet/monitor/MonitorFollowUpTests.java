package nl.vangnet.monitor;

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
 * The monitor's {@code followUp} (issue 15, item 4): per check at 3, 6 and 12 months the
 * departures of P whose check fell due in the period, and of those the ones that reached
 * her, with her housing stable, feeling safe, and more supportive contacts than her
 * network map held at departure; on the period's last day with a month-end (31 January +
 * 3 months is 30 April), small cells suppressed.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorFollowUpTests {

	private static final LocalDate FROM = LocalDate.of(2021, 1, 1);

	private static final LocalDate TO = LocalDate.of(2021, 4, 30);

	private static final LocalDate START = LocalDate.of(2020, 6, 1);

	private static final LocalDate DEPARTED = LocalDate.of(2021, 1, 31);

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	@Autowired
	private MonitorQueries queries;

	private TestData.Organisation shelter;

	private MockHttpSession researcher;

	@BeforeAll
	void register() throws Exception {
		this.shelter = this.data.organisation(OrganisationKind.SHELTER);
		MonitorFixture f = new MonitorFixture(this.data, this.shelter.id());
		List<UUID> h = new ArrayList<>();
		for (int i = 0; i < 9; i++) {
			h.add(f.household());
		}
		for (int i = 0; i <= 5; i++) {
			UUID mother = mainContact(h.get(i));
			UUID trajectory = trajectory(h.get(i), DEPARTED);
			// Due on 30 April, the period's last day: reached, housing stable, safe.
			check(h.get(i), trajectory, 3, LocalDate.of(2021, 4, 28), true, (i < 5) ? "STABLE" : "TEMPORARY", true, 4);
			if (i <= 2) {
				// Two who support her at departure: four now is growth.
				map(h.get(i), mother, DEPARTED.minusDays(10), 2);
			}
			else if (i == 3) {
				// A map drawn after departure is no baseline.
				map(h.get(i), mother, DEPARTED.plusDays(5), 1);
			}
			else if (i == 4) {
				map(h.get(i), mother, DEPARTED, 4);
			}
		}
		// Due, tried but not reached: due, not reached.
		UUID notReached = trajectory(h.get(6), DEPARTED);
		check(h.get(6), notReached, 3, LocalDate.of(2021, 4, 29), false, null, null, null);
		// Departed a day later: due on 1 May, after the period.
		UUID later = trajectory(h.get(7), DEPARTED.plusDays(1));
		check(h.get(7), later, 3, LocalDate.of(2021, 4, 30), true, "STABLE", true, 3);
		// Aftercare declined with a reason: no checks due.
		UUID declined = trajectory(h.get(8), DEPARTED);
		sql("""
				insert into follow_up_rhythm (id, household_id, organisation_id, trajectory_id, rhythm, started_on,
				  ended_on, end_reason, declined)
				values (?, ?, ?, ?, 'EVERY_THREE_MONTHS', ?, ?, 'Wil geen contact', true)""", UUID.randomUUID(),
				h.get(8), this.shelter.id(), declined, DEPARTED, DEPARTED);
		// She came back a month after leaving, before the check was tried: not due.
		UUID back = f.household();
		trajectory(back, DEPARTED);
		sql("""
				insert into trajectory (id, household_id, organisation_id, position, kind, start_date, phase_model)
				values (?, ?, ?, 1, 'INTENSIVE', ?, 'FLEXIBLE')""", UUID.randomUUID(), back, this.shelter.id(),
				DEPARTED.plusMonths(1));
		this.researcher = TestData.signIn(this.mvc, this.data.person(this.data.organisation(), Role.RESEARCHER));
	}

	@Test
	void theThreeMonthCheckDueOnTheLastDayOfThePeriodCountsWithWhatItFound() throws Exception {
		JsonNode followUp = monitor().get("followUp");
		assertThat(followUp).hasSize(3);
		JsonNode three = followUp.get(0);
		assertThat(three.get("months").asInt()).isEqualTo(3);
		assertThat(three.get("due").get("count").asInt()).isEqualTo(7);
		assertThat(three.get("reached").get("count").asInt()).isEqualTo(6);
		assertThat(three.get("housingStable").get("count").asInt()).isEqualTo(5);
		assertThat(three.get("safe").get("count").asInt()).isEqualTo(6);
		// Three grew against a map at departure: a small cell.
		assertThat(three.get("networkGrew").get("suppressed").asBoolean()).isTrue();
		assertThat(three.get("networkGrew").get("count").isNull()).isTrue();
		JsonNode six = followUp.get(1);
		assertThat(six.get("months").asInt()).isEqualTo(6);
		assertThat(six.get("due").get("count").asInt()).isZero();
		assertThat(six.get("due").has("suppressed")).isFalse();
	}

	@Test
	void networkGrewCountsOnlyAgainstAMapDrawnByTheDayOfDeparture() {
		RawFigures raw = this.data.inScope(TenantScope.Scope.system(Set.of(this.shelter.id())),
				(jdbc) -> this.queries.count(Set.of(this.shelter.id()), FROM, TO, List.of("FINANCES")));
		// Three maps of two before departure; one drawn after it, one of four (not
		// fewer).
		assertThat(raw.followUp.get(3)).isEqualTo(new RawFigures.FollowUp(7, 6, 5, 6, 3));
		assertThat(raw.followUp.get(6)).isNull();
	}

	@Test
	void theFollowUpIsATableOnThePageAndInTheCsv() throws Exception {
		String page = this.mvc
			.perform(get("/monitor").session(this.researcher)
				.param("from", FROM.toString())
				.param("to", TO.toString())
				.param("organisations", this.shelter.code()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Hoe het gaat na vertrek", "Na 3 maanden", "Netwerk gegroeid");
		MockHttpServletResponse csv = this.mvc
			.perform(get("/api/v1/monitor/export").session(this.researcher)
				.param("format", "CSV")
				.param("from", FROM.toString())
				.param("to", TO.toString())
				.param("organisations", this.shelter.code()))
			.andReturn()
			.getResponse();
		assertThat(new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8)).contains("Na 3 maanden;7;6;5;6;");
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(download("XLSX")))) {
			boolean found = false;
			for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
				if (sheet.getRow(1) != null && "Na 3 maanden".equals(sheet.getRow(1).getCell(0).getStringCellValue())) {
					found = sheet.getRow(1).getCell(1).getNumericCellValue() == 7.0;
				}
			}
			assertThat(found).as("a sheet of the follow-up checks, with a number").isTrue();
		}
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(download("PDF"))) {
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("Hoe het gaat na vertrek");
		}
	}

	private UUID mainContact(UUID household) {
		UUID id = UUID.randomUUID();
		sql("""
				insert into household_member (id, household_id, organisation_id, position, ref, role, main_contact)
				values (?, ?, ?, (select count(*) from household_member where household_id = ?), ?, 'PARENT', true)""",
				id, household, this.shelter.id(), household, "m" + id.toString().substring(0, 6));
		return id;
	}

	private UUID trajectory(UUID household, LocalDate end) {
		UUID id = UUID.randomUUID();
		sql("""
				insert into trajectory (id, household_id, organisation_id, position, kind, start_date, end_date, phase_model)
				values (?, ?, ?, (select count(*) from trajectory where household_id = ?), 'INTENSIVE', ?, ?, 'FLEXIBLE')
				""",
				id, household, this.shelter.id(), household, START, end);
		return id;
	}

	private void check(UUID household, UUID trajectory, int months, LocalDate on, boolean reached, String housing,
			Boolean safe, Integer contacts) {
		UUID moment = UUID.randomUUID();
		sql("""
				insert into contact_moment (id, household_id, organisation_id, occurred_at, channel, reached)
				values (?, ?, ?, ?, 'PHONE', ?)""", moment, household, this.shelter.id(), on.atTime(12, 0), reached);
		sql("""
				insert into follow_up_check (id, organisation_id, household_id, trajectory_id, months, checked_on, reached,
				  contact_moment_id, housing, safe, supportive_contacts)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				UUID.randomUUID(), this.shelter.id(), household, trajectory, months, on, reached, moment, housing, safe,
				contacts);
	}

	/** A network map with supportive contacts, a danger and one who gives no support. */
	private void map(UUID household, UUID member, LocalDate drawnOn, int supportive) {
		UUID snapshot = UUID.randomUUID();
		sql("""
				insert into network_snapshot (id, organisation_id, household_id, member_id, drawn_on, version)
				values (?, ?, ?, ?, ?, 0)""", snapshot, this.shelter.id(), household, member, drawnOn);
		for (int i = 0; i < supportive + 2; i++) {
			boolean danger = i == supportive;
			String support = (i == supportive + 1) ? "" : "EMOTIONAL";
			sql("""
					insert into network_contact (id, snapshot_id, organisation_id, contact_key, position, name, relation,
					  closeness, tie, support, danger)
					values (?, ?, ?, ?, ?, 'Iemand', 'FRIEND', 'INNER', 'STRONG', string_to_array(?, ',')::varchar[], ?)""",
					UUID.randomUUID(), snapshot, this.shelter.id(), UUID.randomUUID(), i, support, danger);
		}
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

	private void sql(String sql, Object... params) {
		this.data.inScope(TenantScope.Scope.system(Set.of(this.shelter.id())), (jdbc) -> {
			var statement = jdbc.sql(sql);
			for (Object param : params) {
				statement = statement.param(param);
			}
			return statement.update();
		});
	}

	private JsonNode monitor() throws Exception {
		return this.json.readTree(read(get("/api/v1/monitor")));
	}

	private String read(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
			throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(request.session(this.researcher)
				.param("from", FROM.toString())
				.param("to", TO.toString())
				.param("organisations", this.shelter.code()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

}
