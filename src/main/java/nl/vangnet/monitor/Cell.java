package nl.vangnet.monitor;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One count of the monitor: shown, or suppressed because it is above zero and below the
 * minimum cell size (or because it would let another suppressed count be recovered).
 */
public final class Cell {

	private final long value;

	private boolean suppressed;

	Cell(long value, int minCellSize) {
		this.value = value;
		this.suppressed = value > 0 && value < minCellSize;
	}

	/** The count, or {@code null} when it is suppressed. */
	public Long count() {
		return this.suppressed ? null : this.value;
	}

	public boolean suppressed() {
		return this.suppressed;
	}

	/** The true value, for the suppression rules only: never shown when suppressed. */
	long value() {
		return this.value;
	}

	@JsonValue
	Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("count", count());
		if (this.suppressed) {
			json.put("suppressed", true);
		}
		return json;
	}

	/**
	 * Secondary suppression for cells that add up to a known total: when exactly one of
	 * them is suppressed, the total minus the others would give it away, so the smallest
	 * other count above zero is suppressed too.
	 * @param totalKnown whether the total is shown or follows from what is shown
	 */
	static void protect(boolean totalKnown, Collection<Cell> parts) {
		if (!totalKnown) {
			return;
		}
		long hidden = parts.stream().filter(Cell::suppressed).count();
		if (hidden == 1) {
			parts.stream()
				.filter((cell) -> !cell.suppressed && cell.value > 0)
				.min(Comparator.comparingLong(Cell::value))
				.ifPresent((cell) -> cell.suppressed = true);
		}
	}

	@Override
	public String toString() {
		return this.suppressed ? "suppressed" : Long.toString(this.value);
	}

}
