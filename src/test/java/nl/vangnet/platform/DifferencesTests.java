package nl.vangnet.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import nl.vangnet.platform.ConflictException.Change;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one differ keeps exactly the fields that differ, each with what the change had,
 * what it is now and how the page names it.
 */
class DifferencesTests {

	private enum Colour {

		RED, GREEN

	}

	@Test
	void onlyFieldsThatDifferAreKeptWithBeforeNowAndTheirMessageKeys() {
		List<Change> changes = Differences.labelled("thing.")
			.text("name", "Anna", "Anna")
			.text("district", "Noord", "Zuid")
			.code("colour", Colour.RED, Colour.GREEN, "thing.colour.")
			.codes("colours", List.of(Colour.RED), List.of(Colour.RED, Colour.GREEN), "thing.colour.")
			.yesNo("acute", null, true)
			.value("on", LocalDate.of(2026, 1, 5), null)
			.list();

		assertThat(changes).containsExactly(new Change("district", "Noord", "Zuid", "thing.district", null, false),
				new Change("colour", "RED", "GREEN", "thing.colour", "thing.colour.", false),
				new Change("colours", "RED", "RED, GREEN", "thing.colours", "thing.colour.", false),
				new Change("acute", "false", "true", "thing.acute", Differences.YES_NO, false),
				new Change("on", "2026-01-05", null, "thing.on", null, false));
	}

	@Test
	void emptyValuesAreTheSameAndNumbersCompareByValue() {
		List<Change> changes = Differences.labelled("thing.")
			.text("note", null, "  ")
			.codes("colours", null, List.of(), "thing.colour.")
			.value("amount", new BigDecimal("100"), new BigDecimal("100.00"))
			.value("other", new BigDecimal("90"), new BigDecimal("100.00"))
			.list();

		assertThat(changes).containsExactly(new Change("other", "90", "100.00", "thing.other", null, false));
	}

	@Test
	void aConfidentialValueIsNamedButNeverShownAndAFieldCanHaveItsOwnLabel() {
		ConflictException conflict = Differences.labelled("thing.")
			.label("address", "thing.where")
			.hidden("address", "Geheimstraat 1", "Andere straat 2")
			.hidden("secret", "same", "same")
			.conflict(7);

		assertThat(conflict.currentVersion()).isEqualTo(7);
		assertThat(conflict.changes()).containsExactly(new Change("address", null, null, "thing.where", null, true));
	}

}
