package nl.vangnet.household;

import java.util.Locale;

/**
 * One phase of a phase model, with its labels in Dutch and English.
 */
record Phase(String code, String model, int position, String labelNl, String labelEn) {

	String label(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.labelEn : this.labelNl;
	}

}
