package nl.vangnet.contact;

import java.time.LocalDate;

/**
 * The two windows in which time invested is compared (vangnet-monitor/1 "time"): the
 * first 56 days of a trajectory (start inclusive, start + 56 exclusive) and the 56 days
 * up to its stop date (stop − 55 … stop inclusive), where stop is the end of a finished
 * trajectory and otherwise the reference day. An average per week is the minutes in the
 * window divided by 8.
 */
final class TimeWindows {

	static final int DAYS = 56;

	static final int WEEKS = 8;

	private TimeWindows() {
	}

	/**
	 * The stop date of a trajectory: its end when it has finished on or before the
	 * reference day, else the reference day.
	 */
	static LocalDate stop(LocalDate end, LocalDate reference) {
		return (end != null && !end.isAfter(reference)) ? end : reference;
	}

	static Window start(LocalDate trajectoryStart) {
		return new Window(trajectoryStart, trajectoryStart.plusDays(DAYS - 1));
	}

	static Window recent(LocalDate stop) {
		return new Window(stop.minusDays(DAYS - 1), stop);
	}

	static double perWeek(long minutes) {
		return minutes / (double) WEEKS;
	}

	/**
	 * Days from {@code first} to {@code last}, both inclusive.
	 */
	record Window(LocalDate first, LocalDate last) {

		boolean contains(LocalDate day) {
			return !day.isBefore(this.first) && !day.isAfter(this.last);
		}

	}

}
