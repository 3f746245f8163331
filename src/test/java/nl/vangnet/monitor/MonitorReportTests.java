package nl.vangnet.monitor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small-cell suppression of vangnet-monitor/1: counts above zero and below the minimum
 * are hidden, with what is derived from them, and a second cell is hidden wherever a
 * total would give the first away.
 */
class MonitorReportTests {

	private static RawFigures raw(long... intensivePerOrganisation) {
		RawFigures raw = new RawFigures();
		raw.from = LocalDate.of(2020, 1, 1);
		raw.to = LocalDate.of(2020, 12, 31);
		List<String> codes = new java.util.ArrayList<>();
		for (int i = 0; i < intensivePerOrganisation.length; i++) {
			codes.add("O" + i);
			raw.intensive.put("O" + i, intensivePerOrganisation[i]);
		}
		raw.organisations = codes;
		return raw;
	}

	@SuppressWarnings("unchecked")
	private static <T> T at(Map<String, Object> report, String... path) {
		Object node = report;
		for (String key : path) {
			node = (node instanceof List<?> list) ? list.get(Integer.parseInt(key))
					: ((Map<String, Object>) node).get(key);
		}
		return (T) node;
	}

	@Test
	void countsBelowTheMinimumAreSuppressedAndZeroIsShownAsZero() {
		RawFigures raw = raw(20);
		raw.background.put("composition", Map.of("ONE_PARENT", 10L, "TWO_PARENT", 10L));
		raw.background.put("debts", Map.of("YES", 16L, "NO", 4L));

		Map<String, Object> report = MonitorReport.of(raw, 5, List.of("FINANCES"), raw.organisations);

		Cell unknown = at(report, "background", "composition", "UNKNOWN");
		assertThat(unknown.count()).isZero();
		assertThat(unknown.suppressed()).isFalse();
		Cell no = at(report, "background", "debts", "NO");
		assertThat(no.suppressed()).isTrue();
		assertThat(no.json()).containsEntry("count", null).containsEntry("suppressed", true);
		assertThat(((Cell) at(report, "background", "debts", "UNKNOWN")).count()).isZero();
	}

	@Test
	void aSuppressedCellCannotBeRecoveredFromTheTotalSoASecondIsSuppressed() {
		RawFigures raw = raw(20);
		raw.background.put("debts", Map.of("YES", 10L, "NO", 7L, "UNKNOWN", 3L));

		Map<String, Object> report = MonitorReport.of(raw, 5, List.of(), raw.organisations);

		Map<String, Cell> debts = at(report, "background", "debts");
		assertThat(debts.get("UNKNOWN").suppressed()).isTrue();
		assertThat(debts.get("NO").suppressed()).as("the smallest other count").isTrue();
		assertThat(debts.get("YES").count()).isEqualTo(10);
	}

	@Test
	void reachPerOrganisationIsProtectedAgainstTheTotal() {
		RawFigures raw = raw(30, 3, 12);

		Map<String, Object> report = MonitorReport.of(raw, 5, List.of(), raw.organisations);

		assertThat(((Cell) at(report, "reach", "1", "intensive")).suppressed()).isTrue();
		assertThat(((Cell) at(report, "reach", "2", "intensive")).suppressed()).isTrue();
		assertThat(((Cell) at(report, "reach", "0", "intensive")).count()).isEqualTo(30);
		assertThat(((Cell) at(report, "reach", "3", "intensive")).count()).isEqualTo(45);
		assertThat((String) at(report, "reach", "3", "organisation")).isEqualTo("TOTAL");
	}

	@Test
	void percentagesAndMeansOfSuppressedCountsAreNullAndAMeanIsHiddenWhenItsDistributionIsPartlyHidden() {
		RawFigures raw = raw(40);
		raw.domainHouseholds.put("FINANCES", 30L);
		raw.domainQuestions.put("FINANCES", 36L);
		raw.domainHouseholds.put("HEALTH", 3L);
		raw.domainQuestions.put("HEALTH", 3L);
		raw.domainHouseholds.put("OTHER", 10L);
		raw.domainQuestions.put("OTHER", 11L);
		raw.allQuestions = 50;
		raw.progress.put("FINANCES", Map.of(3, 10L, 4, 10L));
		raw.progress.put("HOUSING", Map.of(3, 10L, 4, 2L));
		raw.time.put("ARRANGING", new RawFigures.Time(10, 8000, 2, 100));

		Map<String, Object> report = MonitorReport.of(raw, 5, List.of("FINANCES", "HEALTH", "OTHER"),
				raw.organisations);

		assertThat((Double) at(report, "domains", "0", "householdsPct")).isEqualTo(75.0);
		assertThat((Double) at(report, "domains", "0", "questionsPct")).isEqualTo(72.0);
		assertThat((Double) at(report, "domains", "1", "householdsPct")).isNull();
		assertThat(((Cell) at(report, "domains", "2", "questions")).suppressed())
			.as("top-level questions add up to all questions")
			.isTrue();
		assertThat((Double) at(report, "domains", "2", "questionsPct")).isNull();
		assertThat((Double) at(report, "progress", "0", "mean")).isEqualTo(3.5);
		assertThat(((Cell) at(report, "progress", "1", "households")).count()).isEqualTo(12);
		assertThat((Double) at(report, "progress", "1", "mean")).isNull();
		assertThat(((Cell) at(report, "progress", "1", "distribution", "3")).suppressed()).isTrue();
		assertThat((Double) at(report, "time", "1", "start", "avgMinutesPerWeek")).isEqualTo(100.0);
		assertThat((Double) at(report, "time", "1", "recent", "avgMinutesPerWeek")).isNull();
	}

	@Test
	void durationCellsAddUpToThePopulationAndAreProtectedTogether() {
		RawFigures raw = raw(30);
		raw.durationMonths.put(true, Map.of(2, 10L, 40, 2L));
		raw.durationMonths.put(false, Map.of(7, 18L));

		Map<String, Object> report = MonitorReport.of(raw, 5, List.of(), raw.organisations);

		assertThat(((Cell) at(report, "duration", "finished", "36+")).suppressed()).isTrue();
		assertThat(((Cell) at(report, "duration", "finished", "0-5")).suppressed()).isTrue();
		assertThat(((Cell) at(report, "duration", "ongoing", "6-11")).count()).isEqualTo(18);
	}

}
