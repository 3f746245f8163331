package nl.vangnet.contact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.vangnet.household.SupportType;

/**
 * Time invested in a family per support type: the average minutes per week in the first 8
 * weeks of its trajectory and in the last 8 weeks up to the stop date (see
 * {@link TimeWindows}), so that a worker sees the support becoming lighter.
 *
 * @param start the first window ({@code null} without a trajectory)
 * @param recent the last window ({@code null} without a trajectory)
 * @param rows one per support type, in the order of {@link SupportType}
 * @param totalMinutes all minutes ever registered
 * @param span the days the trajectory has run: from its start to its stop date
 * ({@code null} without a trajectory)
 */
record TimeSummary(TimeWindows.Window start, TimeWindows.Window recent, List<Row> rows, long totalMinutes,
		TimeWindows.Window span) {

	/** The first window as the page shows it: never past the stop date (today). */
	public TimeWindows.Window shownStart() {
		return new TimeWindows.Window(this.start.first(),
				this.start.last().isAfter(this.span.last()) ? this.span.last() : this.start.last());
	}

	/** The last window as the page shows it: never before the trajectory's start. */
	public TimeWindows.Window shownRecent() {
		return new TimeWindows.Window(
				this.recent.first().isBefore(this.span.first()) ? this.span.first() : this.recent.first(),
				this.recent.last());
	}

	/** The days the trajectory has run, its start and stop date included. */
	public long days() {
		return java.time.temporal.ChronoUnit.DAYS.between(this.span.first(), this.span.last()) + 1;
	}

	/**
	 * Whether fewer than 8 weeks have passed, so that the two windows are not yet full.
	 */
	public boolean young() {
		return this.span != null && days() < TimeWindows.DAYS;
	}

	static TimeSummary of(LocalDate trajectoryStart, LocalDate trajectoryEnd, LocalDate today, List<Entry> entries) {
		TimeWindows.Window start = TimeWindows.start(trajectoryStart);
		TimeWindows.Window recent = TimeWindows.recent(TimeWindows.stop(trajectoryEnd, today));
		List<Row> rows = new ArrayList<>();
		for (SupportType type : SupportType.values()) {
			long first = 0;
			long last = 0;
			long total = 0;
			for (Entry entry : entries) {
				if (entry.type() == type) {
					total += entry.minutes();
					first += start.contains(entry.date()) ? entry.minutes() : 0;
					last += recent.contains(entry.date()) ? entry.minutes() : 0;
				}
			}
			rows.add(new Row(type, TimeWindows.perWeek(first), TimeWindows.perWeek(last), total));
		}
		LocalDate stop = TimeWindows.stop(trajectoryEnd, today);
		return new TimeSummary(start, recent, rows, entries.stream().mapToLong(Entry::minutes).sum(),
				new TimeWindows.Window(trajectoryStart, stop.isBefore(trajectoryStart) ? trajectoryStart : stop));
	}

	static TimeSummary withoutTrajectory(List<Entry> entries) {
		List<Row> rows = new ArrayList<>();
		for (SupportType type : SupportType.values()) {
			long total = entries.stream().filter((e) -> e.type() == type).mapToLong(Entry::minutes).sum();
			rows.add(new Row(type, null, null, total));
		}
		return new TimeSummary(null, null, rows, entries.stream().mapToLong(Entry::minutes).sum(), null);
	}

	Row row(SupportType type) {
		return this.rows.stream().filter((r) -> r.type() == type).findFirst().orElseThrow();
	}

	/**
	 * Minutes per week at the start and recently, over all support types.
	 */
	public Double startPerWeek() {
		return (this.start != null) ? this.rows.stream().mapToDouble(Row::startPerWeek).sum() : null;
	}

	public Double recentPerWeek() {
		return (this.recent != null) ? this.rows.stream().mapToDouble(Row::recentPerWeek).sum() : null;
	}

	/**
	 * @param startPerWeek average minutes per week in the first window
	 * @param recentPerWeek average minutes per week in the last window
	 * @param totalMinutes all minutes of the type
	 */
	record Row(SupportType type, Double startPerWeek, Double recentPerWeek, long totalMinutes) {
	}

	record Entry(LocalDate date, SupportType type, int minutes) {
	}

}
