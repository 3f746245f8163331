package nl.vangnet.household;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The family entered {@code phase} (a phase code such as {@code FLEXIBLE.STABILISING}) on
 * the day {@code on}.
 */
record PhaseChange(String phase, LocalDate on) {

	PhaseChange {
		Objects.requireNonNull(phase, "phase");
		Objects.requireNonNull(on, "on");
	}

}
