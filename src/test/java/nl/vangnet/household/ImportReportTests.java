package nl.vangnet.household;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import report counts lines, not errors (issue 18, item 9): a line with two errors
 * is one line with an error, and an empty file is an error of the file, not of "line 0".
 */
class ImportReportTests {

	@Test
	void aLineWithTwoErrorsIsOneLineWithAnError() {
		HouseholdFiles.Report report = new HouseholdFiles.Report(4, 0, 0,
				List.of(new HouseholdFiles.LineError(2, "members[0].role", "Gezinslid 1, rol", "a"),
						new HouseholdFiles.LineError(2, "composition", "Samenstelling", "b"),
						new HouseholdFiles.LineError(4, "debts", "Schulden", "c")),
				false);
		assertThat(report.invalidLines()).isEqualTo(2);
		assertThat(report.fileError()).isFalse();
	}

	@Test
	void anEmptyFileIsAnErrorOfTheFile() {
		HouseholdFiles.Report report = new HouseholdFiles.Report(0, 0, 0,
				List.of(new HouseholdFiles.LineError(0, "", null, "Het bestand bevat geen gezinnen.")), false);
		assertThat(report.invalidLines()).isZero();
		assertThat(report.fileError()).isTrue();
	}

}
