package nl.vangnet.safety;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A risk-screening instrument as data: parts with questions or factors, and levels from a
 * score on. The answers to the questions lead to a level: the sum of the weights of the
 * questions answered {@code YES}; a critical question answered {@code YES} (a red flag)
 * leads to the highest level whatever the sum.
 *
 * @param shipped whether Vangnet ships it (generic, unlicensed); otherwise an
 * organisation loaded it
 */
record RiskInstrument(UUID id, String code, int version, String nameNl, String nameEn, boolean shipped,
		List<Part> parts, List<Level> levels) {

	/** The answers a question may get. */
	static final List<String> ANSWERS = List.of("YES", "NO", "UNKNOWN");

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameNl;
	}

	@JsonIgnore
	public List<Item> items() {
		return this.parts.stream().flatMap((p) -> p.items().stream()).toList();
	}

	/** The score of the answers: the weights of the questions answered {@code YES}. */
	public int score(Map<String, String> answers) {
		return items().stream().filter((i) -> "YES".equals(answers.get(i.code()))).mapToInt(Item::weight).sum();
	}

	/** The level the answers lead to. */
	public Level levelOf(Map<String, String> answers) {
		boolean redFlag = items().stream().anyMatch((i) -> i.critical() && "YES".equals(answers.get(i.code())));
		if (redFlag) {
			return this.levels.get(this.levels.size() - 1);
		}
		int score = score(answers);
		Level found = this.levels.get(0);
		for (Level level : this.levels) {
			if (score >= level.fromScore()) {
				found = level;
			}
		}
		return found;
	}

	public java.util.Optional<Level> level(String code) {
		return this.levels.stream().filter((l) -> l.code().equals(code)).findFirst();
	}

	/** A part of the instrument with its questions or factors. */
	record Part(String code, String labelNl, String labelEn, List<Item> items) {

		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) ? this.labelEn : this.labelNl;
		}

	}

	/**
	 * A question or factor: {@code weight} counts when it is answered {@code YES};
	 * {@code critical} makes a {@code YES} a red flag.
	 */
	record Item(String code, String textNl, String textEn, int weight, boolean critical) {

		public String text(Locale locale) {
			return "en".equals(locale.getLanguage()) ? this.textEn : this.textNl;
		}

	}

	/**
	 * A level from a score on: {@code colour} {@code GREEN}, {@code ORANGE} or
	 * {@code RED} (always shown with its words), {@code monitor} its place on the
	 * monitor's scale ({@code LOW}, {@code MODERATE}, {@code HIGH}), with the measures it
	 * asks for.
	 */
	record Level(String code, String labelNl, String labelEn, String colour, String monitor, int fromScore,
			List<String> measuresNl, List<String> measuresEn) {

		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) ? this.labelEn : this.labelNl;
		}

		public List<String> measures(Locale locale) {
			return "en".equals(locale.getLanguage()) ? this.measuresEn : this.measuresNl;
		}

	}

}
