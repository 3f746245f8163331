package nl.vangnet.household;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The dated phase changes of a trajectory, in the order they were recorded. Families set
 * the tempo: phases may be skipped and revisited. The current phase is not stored but
 * derived: the latest change by date, and of two on the same day the one recorded last.
 */
record PhaseHistory(List<PhaseChange> changes) {

	static final PhaseHistory NONE = new PhaseHistory(List.of());

	PhaseHistory {
		changes = List.copyOf(changes);
	}

	/**
	 * The phase the family is in now, if any was recorded.
	 */
	Optional<PhaseChange> current() {
		List<PhaseChange> timeline = timeline();
		return timeline.isEmpty() ? Optional.empty() : Optional.of(timeline.get(timeline.size() - 1));
	}

	/**
	 * The changes in the order they happened: by date, then by the order recorded.
	 */
	List<PhaseChange> timeline() {
		return IntStream.range(0, this.changes.size())
			.boxed()
			.sorted(Comparator.comparing((Integer i) -> this.changes.get(i).on()).thenComparing(i -> i))
			.map(this.changes::get)
			.toList();
	}

	/**
	 * Days between the latest change and {@code today}; empty without any change.
	 */
	Optional<Long> daysSinceLastChange(LocalDate today) {
		return current().map((change) -> ChronoUnit.DAYS.between(change.on(), today));
	}

	PhaseHistory with(PhaseChange change) {
		List<PhaseChange> more = new ArrayList<>(this.changes);
		more.add(change);
		return new PhaseHistory(more);
	}

	boolean isEmpty() {
		return this.changes.isEmpty();
	}

}
