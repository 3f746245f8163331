package nl.vangnet.lifedomain;

import java.util.Locale;

/**
 * What a worker scores with: a framework of domains and a scale.
 */
public record Instrument(String code, String nameNl, String nameEn, Framework framework, Scale scale) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameNl;
	}

}
