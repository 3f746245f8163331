package nl.vangnet.lifedomain;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

import nl.vangnet.platform.DomainException;

/**
 * A scale to score a domain on, such as the monitor's 1–5 with "n.v.t." or the
 * self-sufficiency scale. "n.v.t." (no support on this domain) is {@code null}: it is not
 * a number, is never averaged and never drawn as zero.
 */
public record Scale(String code, String nameNl, String nameEn, boolean allowsNotApplicable, List<Level> levels) {

	public Scale {
		levels = List.copyOf(levels);
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameNl;
	}

	/**
	 * Checks a score on this scale.
	 * @param score a level's value, or {@code null} for n.v.t.
	 * @throws DomainException on {@code field} when the score is not on this scale
	 */
	public void check(Integer score, String field) {
		if (score == null) {
			if (!this.allowsNotApplicable) {
				throw new DomainException(field, "scale.notApplicableNotAllowed");
			}
			return;
		}
		if (this.levels.stream().noneMatch((level) -> level.value() == score)) {
			throw new DomainException(field, "scale.outOfRange", this.levels.get(0).value(),
					this.levels.get(this.levels.size() - 1).value());
		}
	}

	/**
	 * The mean of the scores that are numbers; n.v.t. ({@code null}) is left out, not
	 * counted as zero. Empty when nothing was scored.
	 */
	public static OptionalDouble mean(Collection<Integer> scores) {
		return scores.stream().filter(Objects::nonNull).mapToInt(Integer::intValue).average();
	}

	/**
	 * One step of the scale.
	 */
	public record Level(int value, String labelNl, String labelEn) {

		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) ? this.labelEn : this.labelNl;
		}

	}

}
