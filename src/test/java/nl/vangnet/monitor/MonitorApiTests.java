package nl.vangnet.monitor;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * The monitor through its API: a fixture built from seed 004's published figures (213
 * families) reproduces Tabel 1.1 and Tabel 4.1; who sees which monitor; the downloads;
 * the access trail.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorApiTests {

	private static final LocalDate FROM = LocalDate.of(2019, 1, 1);

	private static final LocalDate TO = LocalDate.of(2021, 8, 31);

	/** Tabel 1.1: households with a question per code, of 213 (rounded percentages). */
	private static final Map<String, int[]> TABEL_1_1 = new LinkedHashMap<>();

	static {
		TABEL_1_1.put("FINANCES", new int[] { 168, 79 });
		TABEL_1_1.put("HEALTH", new int[] { 85, 40 });
		TABEL_1_1.put("HOUSING", new int[] { 75, 35 });
		TABEL_1_1.put("SOCIAL.DOMESTIC_RELATIONS", new int[] { 66, 31 });
		TABEL_1_1.put("SOCIAL.PARENTING", new int[] { 83, 39 });
		TABEL_1_1.put("SOCIAL.NETWORK", new int[] { 77, 36 });
		TABEL_1_1.put("PARTICIPATION.DAILY_LIVING", new int[] { 62, 29 });
		TABEL_1_1.put("PARTICIPATION.DUTCH_LANGUAGE", new int[] { 60, 28 });
		TABEL_1_1.put("PARTICIPATION.WORK", new int[] { 70, 33 });
		TABEL_1_1.put("PARTICIPATION.EDUCATION", new int[] { 36, 17 });
		TABEL_1_1.put("PARTICIPATION.CHILD_DAYTIME", new int[] { 77, 36 });
		TABEL_1_1.put("PARTICIPATION.PARENT_DAYTIME", new int[] { 92, 43 });
		TABEL_1_1.put("OTHER", new int[] { 58, 27 });
	}

	/** Tabel 4.1: bins 0-5 … 24-35, finished and ongoing. */
	private static final int[] FINISHED = { 16, 21, 13, 12, 7 };

	private static final int[] ONGOING = { 30, 46, 26, 21, 21 };

	private static final int[] MONTHS = { 3, 8, 14, 20, 28 };

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JsonMapper json;

	private TestData.Organisation seed;

	private TestData.Organisation small;

	private MockHttpSession researcher;

	private MockHttpSession coordinator;

	@BeforeAll
	void buildSeed004() throws Exception {
		this.seed = this.data.organisation();
		this.small = this.data.organisation();
		MonitorFixture f = new MonitorFixture(this.data, this.seed.id());
		int n = 0;
		UUID[] households = new UUID[213];
		for (int bin = 0; bin < 5; bin++) {
			for (int i = 0; i < FINISHED[bin]; i++) {
				LocalDate start = LocalDate.of(2019, 2, 10).plusDays(n);
				households[n++] = f.intensive(start, start.plusMonths(MONTHS[bin]));
			}
		}
		for (int bin = 0; bin < 5; bin++) {
			for (int i = 0; i < ONGOING[bin]; i++) {
				households[n++] = f.intensive(TO.minusMonths(MONTHS[bin]).minusDays(i % 20), null);
			}
		}
		// Help questions: the first k households of a shifting window have one in the
		// code.
		int offset = 0;
		for (Map.Entry<String, int[]> domain : TABEL_1_1.entrySet()) {
			for (int i = 0; i < domain.getValue()[0]; i++) {
				f.question(households[(offset + i) % 213], domain.getKey(), LocalDate.of(2020, 1, 1));
			}
			offset += 37;
		}
		MonitorFixture s = new MonitorFixture(this.data, this.small.id());
		for (int i = 0; i < 3; i++) {
			s.intensive(LocalDate.of(2020, 1, 1), null);
		}
		this.researcher = TestData.signIn(this.mvc, this.data.person(this.data.organisation(), Role.RESEARCHER));
		this.coordinator = TestData.signIn(this.mvc, this.data.person(this.seed, Role.COORDINATOR));
	}

	private JsonNode monitor(MockHttpSession session, String organisations) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/monitor").session(session)
				.param("from", FROM.toString())
				.param("to", TO.toString())
				.param("organisations", organisations))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return this.json.readTree(response.getContentAsString());
	}

	@Test
	void aFixtureFromSeed004ReproducesTabel11() throws Exception {
		JsonNode monitor = monitor(this.researcher, this.seed.code());

		assertThat(monitor.get("format").asString()).isEqualTo("vangnet-monitor/1");
		assertThat(monitor.get("population").get("count").asInt()).isEqualTo(213);
		for (Map.Entry<String, int[]> domain : TABEL_1_1.entrySet()) {
			JsonNode row = domainRow(monitor, domain.getKey());
			assertThat(row.get("households").get("count").asInt()).as(domain.getKey()).isEqualTo(domain.getValue()[0]);
			assertThat(Math.round(row.get("householdsPct").asDouble())).as(domain.getKey())
				.isEqualTo(domain.getValue()[1]);
		}
		double topLevel = 0;
		for (JsonNode row : monitor.get("domains")) {
			if (!row.get("code").asString().contains(".")) {
				topLevel += row.get("questionsPct").asDouble();
			}
		}
		assertThat(topLevel).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.001));
		assertThat(domainRow(monitor, "SOCIAL").get("questions").get("count").asInt()).isEqualTo(66 + 83 + 77);
	}

	@Test
	void aFixtureFromSeed004ReproducesTabel41() throws Exception {
		JsonNode duration = monitor(this.researcher, this.seed.code()).get("duration");

		List<String> bins = List.of("0-5", "6-11", "12-17", "18-23", "24-35");
		for (int bin = 0; bin < 5; bin++) {
			assertThat(duration.get("finished").get(bins.get(bin)).get("count").asInt()).as("finished " + bins.get(bin))
				.isEqualTo(FINISHED[bin]);
			assertThat(duration.get("ongoing").get(bins.get(bin)).get("count").asInt()).as("ongoing " + bins.get(bin))
				.isEqualTo(ONGOING[bin]);
		}
		assertThat(duration.get("finished").get("36+").get("count").asInt()).isZero();
	}

	@Test
	void smallOrganisationsAreSuppressedInTheReachAndCannotBeRecoveredFromTheTotal() throws Exception {
		JsonNode monitor = monitor(this.researcher, this.seed.code() + "," + this.small.code());

		JsonNode reach = monitor.get("reach");
		assertThat(reach).hasSize(3);
		JsonNode small = reach.get(this.seed.code().compareTo(this.small.code()) < 0 ? 1 : 0);
		assertThat(small.get("intensive").get("count").isNull()).isTrue();
		assertThat(small.get("intensive").get("suppressed").asBoolean()).isTrue();
		JsonNode big = reach.get(this.seed.code().compareTo(this.small.code()) < 0 ? 0 : 1);
		assertThat(big.get("intensive").get("suppressed").asBoolean()).as("protected against the total").isTrue();
		assertThat(reach.get(2).get("intensive").get("count").asInt()).isEqualTo(216);
	}

	@Test
	void aCoordinatorSeesTheirOwnOrganisationOrTheTotalOfTheParticipantsAndNothingElse() throws Exception {
		JsonNode own = monitor(this.coordinator, "");
		assertThat(own.get("organisations")).hasSize(1);
		assertThat(own.get("population").get("count").asInt()).isEqualTo(213);

		int other = this.mvc
			.perform(get("/api/v1/monitor").session(this.coordinator)
				.param("from", FROM.toString())
				.param("to", TO.toString())
				.param("organisations", this.small.code()))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(other).isEqualTo(400);

		String participants = this.data.inScope(TenantScope.Scope.NONE,
				(jdbc) -> jdbc.sql("select string_agg(code, ',') from organisation where monitor_participant")
					.query(String.class)
					.single());
		JsonNode total = monitor(this.coordinator, participants);
		assertThat(total.get("reach")).hasSize(2);
		assertThat(total.get("reach").get(0).get("organisation").asString()).isEqualTo(this.seed.code());
		assertThat(total.get("reach").get(1).get("organisation").asString()).isEqualTo("TOTAL");
	}

	@Test
	void professionalsAndVolunteersDoNotSeeTheMonitor() throws Exception {
		MockHttpSession professional = TestData.signIn(this.mvc, this.data.person(this.seed, Role.PROFESSIONAL));
		assertThat(this.mvc
			.perform(get("/api/v1/monitor").session(professional).param("from", "2020-01-01").param("to", "2020-12-31"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void theMonitorDownloadsAsCsvSpreadsheetAndPdfAndEveryViewIsInTheAccessTrail() throws Exception {
		monitor(this.coordinator, this.seed.code());
		byte[] csv = download("CSV");
		String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(text).as("Dutch Excel: a byte order mark, ; between values and the decimal comma")
			.startsWith("\uFEFF")
			.contains("Financiën;168;78,9%");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download("XLSX")))) {
			assertThat(workbook.getNumberOfSheets()).isGreaterThan(5);
			for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
				String name = workbook.getSheetName(i);
				assertThat(name.length()).isLessThanOrEqualTo(31);
				assertThat(name).as("shortened at a word").doesNotEndWith(" ").matches(".*[\\p{L}\\p{N})]$");
			}
			org.apache.poi.ss.usermodel.Sheet domains = null;
			for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
				if (domains == null && sheet.getRow(1) != null
						&& "Financiën".equals(sheet.getRow(1).getCell(0).getStringCellValue())
						&& sheet.getRow(1).getLastCellNum() == 5) {
					domains = sheet;
				}
			}
			assertThat(domains).isNotNull();
			org.apache.poi.ss.usermodel.Cell count = domains.getRow(1).getCell(1);
			org.apache.poi.ss.usermodel.Cell percentage = domains.getRow(1).getCell(2);
			assertThat(count.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
			assertThat(count.getNumericCellValue()).isEqualTo(168.0);
			assertThat(percentage.getCellType()).as("a percentage is a number")
				.isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
			assertThat(percentage.getNumericCellValue()).isCloseTo(0.789, org.assertj.core.data.Offset.offset(0.0001));
			assertThat(percentage.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
		}
		try (PDDocument pdf = Loader.loadPDF(download("PDF"))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Tabel 4.1")
				.contains("168")
				.as("the pages' date format")
				.contains("01-01-2019 – 31-08-2021");
		}
		List<String> trail = this.data.inScope(TenantScope.Scope.system(Set.of(this.seed.id())), (jdbc) -> jdbc.sql(
				"select action || ' ' || subject_detail from access_trail where subject_type = 'MONITOR' and organisation_id = :o")
			.param("o", this.seed.id())
			.query(String.class)
			.list());
		assertThat(trail).anyMatch((t) -> t.startsWith("EXPORT") && t.contains("format=PDF")
				&& t.contains("organisations=" + this.seed.code()));
		assertThat(trail).anyMatch((t) -> t.startsWith("VIEW") && t.contains("from=2019-01-01 to=2021-08-31"));
	}

	private byte[] download(String format) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/monitor/export").session(this.coordinator)
				.param("format", format)
				.param("from", FROM.toString())
				.param("to", TO.toString()))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsByteArray();
	}

	private static JsonNode domainRow(JsonNode monitor, String code) {
		for (JsonNode row : monitor.get("domains")) {
			if (row.get("code").asString().equals(code)) {
				return row;
			}
		}
		throw new AssertionError("no domain " + code);
	}

}
