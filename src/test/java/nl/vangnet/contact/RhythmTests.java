package nl.vangnet.contact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the next contact is due, and the order of the worklist.
 */
class RhythmTests {

	@Test
	void aPilotLightContactIsDueThreeMonthsAfterTheLastReachedContact() {
		assertThat(Rhythm.EVERY_THREE_MONTHS.next(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 4, 30));
		assertThat(Rhythm.WEEKLY.next(LocalDate.of(2026, 1, 31))).isEqualTo(LocalDate.of(2026, 2, 7));
	}

	@Test
	void theWorklistPutsOverdueFirstByDaysOverdueThenFailedAttemptsAcuteQuestionsAndDueObligations() {
		Worklist.Item notYetDueButAcute = item("acute", -10L, 0, 1, 0, null);
		Worklist.Item overdueLong = item("long", 30L, 0, 0, 0, null);
		Worklist.Item overdueShort = item("short", 2L, 5, 3, 0, null);
		Worklist.Item dueToday = item("today", 0L, 0, 0, 0, null);
		Worklist.Item failed = item("failed", null, 2, 0, 0, null);
		Worklist.Item failedMore = item("failedMore", null, 3, 0, 0, null);
		Worklist.Item paperLater = item("paperLater", null, 0, 0, 1, LocalDate.of(2026, 3, 5));
		Worklist.Item paperSooner = item("paperSooner", null, 0, 0, 1, LocalDate.of(2026, 3, 1));
		List<Worklist.Item> items = new ArrayList<>(List.of(paperLater, notYetDueButAcute, failed, dueToday,
				overdueShort, paperSooner, overdueLong, failedMore));

		items.sort(Worklist.ORDER);

		assertThat(items).extracting(Worklist.Item::name)
			.containsExactly("long", "short", "today", "failedMore", "failed", "acute", "paperSooner", "paperLater");
	}

	@Test
	void aFamilyNeedsContactOnlyForAReason() {
		assertThat(item("x", -1L, 0, 0, 0, null).needsContact()).isFalse();
		assertThat(item("x", 0L, 0, 0, 0, null).needsContact()).isTrue();
		assertThat(item("x", null, 1, 0, 0, null).needsContact()).isTrue();
	}

	private static Worklist.Item item(String name, Long overdue, int failed, int acute, int obligations,
			LocalDate firstObligation) {
		return new Worklist.Item(UUID.randomUUID(), name, null, null, null, overdue, failed, acute, obligations,
				firstObligation, false);
	}

}
