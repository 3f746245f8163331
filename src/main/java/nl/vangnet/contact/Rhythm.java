package nl.vangnet.contact;

import java.time.LocalDate;
import java.time.Period;

/**
 * How often a family should be in contact: weekly while stabilising, every three months
 * as a pilot-light contact (waakvlamcontact, seed 003) after closing.
 */
public enum Rhythm {

	WEEKLY(Period.ofWeeks(1)), EVERY_TWO_WEEKS(Period.ofWeeks(2)), MONTHLY(Period.ofMonths(1)),
	EVERY_THREE_MONTHS(Period.ofMonths(3)), EVERY_SIX_MONTHS(Period.ofMonths(6));

	private final Period period;

	Rhythm(Period period) {
		this.period = period;
	}

	/**
	 * The day the next contact is due after a reached contact (or the rhythm's start) on
	 * this day.
	 */
	public LocalDate next(LocalDate after) {
		return after.plus(this.period);
	}

}
