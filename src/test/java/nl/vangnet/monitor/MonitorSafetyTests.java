package nl.vangnet.monitor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.apache.poi.ss.usermodel.CellType;
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
 * The monitor's {@code safety} (issue 14): households of P with a safety plan, the latest
 * risk level by the reference date on the monitor's scale, meldcode cases opened in the
 * period and their decisions, small cells suppressed like the rest.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorSafetyTests {

	private static final LocalDate FROM = LocalDate.of(2021, 1, 1);

	private static final LocalDate TO = LocalDate.of(2021, 8, 31);

	private static final String GENERIC = "6a0f1c2e-5b1d-4e57-9a51-1d2c14000001";

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	private TestData.Organisation shelter;

	private MockHttpSession researcher;

	private UUID worker;

	@BeforeAll
	void register() throws Exception {
		this.shelter = this.data.organisation(OrganisationKind.SHELTER);
		this.worker = this.data.person(this.shelter, Role.PROFESSIONAL).id();
		MonitorFixture f = new MonitorFixture(this.data, this.shelter.id());
		for (int i = 0; i < 12; i++) {
			UUID household = f.intensive(LocalDate.of(2020, 6, 1), null);
			UUID mother = mother(household);
			if (i < 6) {
				// Green first, then orange: the latest counts.
				screening(household, mother, "GREEN", "LOW", LocalDate.of(2021, 2, 1));
				screening(household, mother, "ORANGE", "MODERATE", LocalDate.of(2021, 5, 1));
			}
			else if (i < 11) {
				screening(household, mother, "RED", "HIGH", LocalDate.of(2021, 4, 1));
				// After the reference date: not counted.
				screening(household, mother, "GREEN", "LOW", TO.plusDays(10));
			}
			if (i < 5) {
				plan(household, mother);
			}
			if (i >= 6) {
				meldcode(household, mother, i < 11 ? LocalDate.of(2021, 6, 1) : null);
			}
		}
		this.researcher = TestData.signIn(this.mvc, this.data.person(this.data.organisation(), Role.RESEARCHER));
	}

	@Test
	void safetyCountsPlansLatestRiskLevelsAndMeldcodeDecisions() throws Exception {
		JsonNode safety = monitor().get("safety");
		assertThat(safety.get("householdsWithPlan").get("count").asInt()).isEqualTo(5);
		assertThat(safety.get("householdsScreened").get("count").asInt()).isEqualTo(11);
		assertThat(safety.get("latestRiskLevels").get("LOW").get("count").asInt()).isZero();
		assertThat(safety.get("latestRiskLevels").get("MODERATE").get("count").asInt()).isEqualTo(6);
		assertThat(safety.get("latestRiskLevels").get("HIGH").get("count").asInt()).isEqualTo(5);
		assertThat(safety.get("meldcodeCasesOpened").get("count").asInt()).isEqualTo(6);
		// Five reported, one undecided: a cell of one is suppressed, and so is the
		// second.
		assertThat(safety.get("meldcodeDecisions").get("UNDECIDED").get("count").isNull()).isTrue();
		assertThat(safety.get("meldcodeDecisions").get("REPORT").get("count").isNull()).isTrue();
		assertThat(safety.get("meldcodeDecisions").get("HELP").get("count").asInt()).isZero();
	}

	@Test
	void safetyIsATableOnThePageAndInEveryDownload() throws Exception {
		String page = this.mvc
			.perform(get("/monitor").session(this.researcher)
				.param("from", FROM.toString())
				.param("to", TO.toString())
				.param("organisations", this.shelter.code()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Veiligheid: gezinnen met een veiligheidsplan")
			.contains("Gezinnen met een risico-inschatting")
			.contains("Hoog risico")
			.contains("Meldcode: geopende zaken en hun besluit")
			.contains("Nog geen besluit");
		String csv = new String(download("CSV"), StandardCharsets.UTF_8);
		assertThat(csv).contains("Gezinnen met een veiligheidsplan;5")
			.contains("Gezinnen met een risico-inschatting;11")
			.contains("– Matig risico;6")
			.contains("– Hoog risico;5")
			.contains("Geopende meldcodezaken;6")
			.as("a cell of one is never a number")
			.doesNotContain("– Nog geen besluit;1");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("XLSX")))) {
			Sheet meldcode = null;
			for (Sheet sheet : workbook) {
				if (sheet.getRow(1) != null
						&& "Geopende meldcodezaken".equals(sheet.getRow(1).getCell(0).getStringCellValue())) {
					meldcode = sheet;
				}
			}
			assertThat(meldcode).as("a sheet of meldcode cases").isNotNull();
			assertThat(meldcode.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(meldcode.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(6.0);
		}
		try (PDDocument pdf = Loader.loadPDF(download("PDF"))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Gezinnen met een veiligheidsplan")
				.contains("Geopende meldcodezaken");
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

	private UUID mother(UUID household) {
		UUID id = UUID.randomUUID();
		sql("""
				insert into household_member (id, household_id, organisation_id, position, ref, role, main_contact)
				values (?, ?, ?, 0, 'm1', 'PARENT', true)""", id, household, this.shelter.id());
		return id;
	}

	private void screening(UUID household, UUID mother, String level, String monitor, LocalDate on) {
		sql("""
				insert into risk_screening (id, household_id, organisation_id, member_id, instrument_id, screened_on, assessor,
				  source, answers, level, monitor_level)
				values (?, ?, ?, ?, ?, ?, ?, 'POLICE', '{}'::jsonb, ?, ?)""",
				UUID.randomUUID(), household, this.shelter.id(), mother, UUID.fromString(GENERIC), on, this.worker,
				level, monitor);
	}

	private void plan(UUID household, UUID mother) {
		sql("""
				insert into safety_plan (id, household_id, organisation_id, member_id, title, updated_by)
				values (?, ?, ?, ?, 'Lijstje', ?)""", UUID.randomUUID(), household, this.shelter.id(), mother,
				this.worker);
	}

	private void meldcode(UUID household, UUID mother, LocalDate decidedOn) {
		UUID id = UUID.randomUUID();
		sql("""
				insert into meldcode_case (id, household_id, organisation_id, member_id, concern, opened_on, author)
				values (?, ?, ?, ?, 'Zorg', ?, ?)""", id, household, this.shelter.id(), mother,
				LocalDate.of(2021, 3, 1), this.worker);
		if (decidedOn != null) {
			sql("""
					insert into meldcode_step (case_id, organisation_id, step, done_on, signed_by, content)
					values (?, ?, 5, ?, ?, '{"decision": "REPORT"}'::jsonb)""", id, this.shelter.id(), decidedOn,
					this.worker);
		}
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
