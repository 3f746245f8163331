package nl.vangnet.household;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A way of dividing support into phases, such as the five flexible phases of seed 004 or
 * the shelter's model of seed 000. Models are data, seeded by the migrations; each
 * organisation chooses one.
 */
record PhaseModel(String code, int position, String labelNl, String labelEn, List<Phase> phases) {

	/** The model an organisation works with until it chooses another. */
	static final String DEFAULT = "FLEXIBLE";

	PhaseModel {
		phases = List.copyOf(phases);
	}

	String label(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.labelEn : this.labelNl;
	}

	Optional<Phase> phase(String phaseCode) {
		return this.phases.stream().filter((phase) -> phase.code().equals(phaseCode)).findFirst();
	}

	boolean contains(String phaseCode) {
		return phase(phaseCode).isPresent();
	}

	Phase first() {
		return this.phases.get(0);
	}

}
