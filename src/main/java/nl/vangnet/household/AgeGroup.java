package nl.vangnet.household;

import java.time.LocalDate;
import java.time.Period;

/**
 * A child's age group (seed 004): toddler 0–3, primary school 4–11, adolescent 12–17,
 * adult living at home 18+. Follows from the birth date when that is known.
 */
public enum AgeGroup {

	TODDLER, PRIMARY_SCHOOL, ADOLESCENT, ADULT_AT_HOME, UNKNOWN;

	/**
	 * The age group of someone born on {@code birthDate}, on the reference date;
	 * {@code UNKNOWN} when they were not born yet.
	 */
	public static AgeGroup of(LocalDate birthDate, LocalDate on) {
		if (birthDate == null || birthDate.isAfter(on)) {
			return UNKNOWN;
		}
		int years = Period.between(birthDate, on).getYears();
		if (years < 4) {
			return TODDLER;
		}
		if (years < 12) {
			return PRIMARY_SCHOOL;
		}
		if (years < 18) {
			return ADOLESCENT;
		}
		return ADULT_AT_HOME;
	}

}
