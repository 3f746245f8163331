package nl.vangnet.contact;

import java.time.LocalDate;
import java.util.List;

import nl.vangnet.household.SupportType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weekly averages of time invested and their windows, pinned at the edges
 * (vangnet-monitor/1 "time": start = the 56 days from the start, start inclusive; recent
 * = stop − 55 … stop inclusive; average = minutes in the window / 8).
 */
class TimeSummaryTests {

	private static final LocalDate START = LocalDate.of(2020, 7, 1);

	@Test
	void theStartWindowIsTheFiftySixDaysFromTheStartInclusive() {
		TimeWindows.Window window = TimeWindows.start(START);

		assertThat(window.first()).isEqualTo(START);
		assertThat(window.last()).isEqualTo(LocalDate.of(2020, 8, 25));
		assertThat(window.contains(START)).isTrue();
		assertThat(window.contains(START.plusDays(55))).isTrue();
		assertThat(window.contains(START.plusDays(56))).isFalse();
		assertThat(window.contains(START.minusDays(1))).isFalse();
	}

	@Test
	void theRecentWindowIsTheFiftySixDaysUpToTheStopInclusive() {
		LocalDate stop = LocalDate.of(2021, 6, 30);
		TimeWindows.Window window = TimeWindows.recent(stop);

		assertThat(window.contains(stop)).isTrue();
		assertThat(window.contains(stop.minusDays(55))).isTrue();
		assertThat(window.contains(stop.minusDays(56))).isFalse();
		assertThat(window.contains(stop.plusDays(1))).isFalse();
	}

	@Test
	void theStopIsTheEndOfAFinishedTrajectoryElseToday() {
		LocalDate today = LocalDate.of(2021, 8, 31);

		assertThat(TimeWindows.stop(LocalDate.of(2021, 3, 1), today)).isEqualTo(LocalDate.of(2021, 3, 1));
		assertThat(TimeWindows.stop(null, today)).isEqualTo(today);
		assertThat(TimeWindows.stop(today, today)).isEqualTo(today);
		assertThat(TimeWindows.stop(today.plusDays(1), today)).as("an end still ahead is not finished")
			.isEqualTo(today);
	}

	@Test
	void averagesAreTheMinutesInTheWindowDividedByEightAtTheEdges() {
		LocalDate today = LocalDate.of(2021, 6, 30);
		List<TimeSummary.Entry> entries = List.of(new TimeSummary.Entry(START, SupportType.ARRANGING, 240),
				new TimeSummary.Entry(START.plusDays(55), SupportType.ARRANGING, 80),
				new TimeSummary.Entry(START.plusDays(56), SupportType.ARRANGING, 1000),
				new TimeSummary.Entry(START.minusDays(1), SupportType.ARRANGING, 1000),
				new TimeSummary.Entry(today, SupportType.ARRANGING, 40),
				new TimeSummary.Entry(today.minusDays(55), SupportType.ARRANGING, 16),
				new TimeSummary.Entry(today.minusDays(56), SupportType.ARRANGING, 500),
				new TimeSummary.Entry(today.minusDays(3), SupportType.CONVERSATION, 60));

		TimeSummary summary = TimeSummary.of(START, null, today, entries);

		assertThat(summary.row(SupportType.ARRANGING).startPerWeek()).isEqualTo(40.0);
		assertThat(summary.row(SupportType.ARRANGING).recentPerWeek()).isEqualTo(7.0);
		assertThat(summary.row(SupportType.CONVERSATION).startPerWeek()).isEqualTo(0.0);
		assertThat(summary.row(SupportType.CONVERSATION).recentPerWeek()).isEqualTo(7.5);
		assertThat(summary.row(SupportType.ARRANGING).totalMinutes()).isEqualTo(2876);
		assertThat(summary.rows()).hasSize(SupportType.values().length);
	}

	@Test
	void aFinishedTrajectoryIsMeasuredUpToItsEndNotToday() {
		LocalDate end = LocalDate.of(2021, 3, 1);
		List<TimeSummary.Entry> entries = List.of(new TimeSummary.Entry(end, SupportType.CONVERSATION, 80),
				new TimeSummary.Entry(end.plusDays(1), SupportType.CONVERSATION, 800));

		TimeSummary summary = TimeSummary.of(START, end, LocalDate.of(2021, 8, 31), entries);

		assertThat(summary.recent().last()).isEqualTo(end);
		assertThat(summary.row(SupportType.CONVERSATION).recentPerWeek()).isEqualTo(10.0);
	}

	@Test
	void theWindowsThePageShowsNeverReachBeforeTheStartOrPastTodayAndSayWhenEightWeeksHaveNotPassed() {
		TimeSummary first = TimeSummary.of(START, null, START,
				List.of(new TimeSummary.Entry(START, SupportType.CONVERSATION, 45)));
		assertThat(first.young()).isTrue();
		assertThat(first.days()).isEqualTo(1);
		assertThat(first.shownStart()).isEqualTo(new TimeWindows.Window(START, START));
		assertThat(first.shownRecent()).isEqualTo(new TimeWindows.Window(START, START));

		TimeSummary later = TimeSummary.of(START, null, START.plusDays(100), List.of());
		assertThat(later.young()).isFalse();
		assertThat(later.shownStart()).isEqualTo(TimeWindows.start(START));
		assertThat(later.shownRecent()).isEqualTo(TimeWindows.recent(START.plusDays(100)));

		TimeSummary threeWeeks = TimeSummary.of(START, null, START.plusDays(20), List.of());
		assertThat(threeWeeks.young()).isTrue();
		assertThat(threeWeeks.shownStart().last()).isEqualTo(START.plusDays(20));
		assertThat(threeWeeks.shownRecent().first()).isEqualTo(START);
	}

}
