package nl.vangnet.access;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import nl.vangnet.platform.DomainException;

/**
 * The trail's filters as they were typed or sent (so that the form keeps them and every
 * wrong value gets its own message): period {@code from}–{@code to} (ISO dates, both
 * inclusive), {@code person} (an account id), {@code action} (a code), {@code subject} (a
 * household or person id), and {@code before} (the keyset of the next page).
 */
record TrailQuery(String from, String to, String person, String action, String subject, String before) {

	/** The earliest day a period may start on. */
	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	/** How many years ahead a period may end. */
	static final int YEARS_AHEAD = 10;

	static final TrailQuery NONE = new TrailQuery(null, null, null, null, null, null);

	/**
	 * The filter, adding an error per wrong field to {@code errors}.
	 */
	TrailFilter filter(LocalDate today, List<DomainException> errors) {
		LocalDate fromDay = day("from", this.from, today, errors);
		LocalDate toDay = day("to", this.to, today, errors);
		if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
			errors.add(new DomainException("to", "trail.error.period"));
		}
		UUID actor = id("person", this.person, "trail.error.person", errors);
		UUID subjectId = id("subject", this.subject, "trail.error.subject", errors);
		AccessAction code = null;
		if (present(this.action)) {
			try {
				code = AccessAction.valueOf(this.action.strip());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new DomainException("action", "trail.error.action"));
			}
		}
		return new TrailFilter(fromDay, toDay, actor, code, subjectId);
	}

	/** The keyset of the page asked for; {@code null} for the newest. */
	Long beforeId(List<DomainException> errors) {
		if (!present(this.before)) {
			return null;
		}
		try {
			long id = Long.parseLong(this.before.strip());
			if (id > 0) {
				return id;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(new DomainException("before", "trail.error.before"));
		return null;
	}

	private static LocalDate day(String field, String value, LocalDate today, List<DomainException> errors) {
		if (!present(value)) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(value.strip());
			if (day.isBefore(EARLIEST) || day.isAfter(today.plusYears(YEARS_AHEAD))) {
				errors.add(new DomainException(field, "trail.error.dateRange", String.valueOf(EARLIEST.getYear()),
						String.valueOf(today.plusYears(YEARS_AHEAD).getYear())));
				return null;
			}
			return day;
		}
		catch (DateTimeParseException ex) {
			errors.add(new DomainException(field, "trail.error.date"));
			return null;
		}
	}

	private static UUID id(String field, String value, String message, List<DomainException> errors) {
		if (!present(value)) {
			return null;
		}
		try {
			String text = value.strip();
			UUID id = UUID.fromString(text);
			if (id.toString().equalsIgnoreCase(text)) {
				return id;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		errors.add(new DomainException(field, message));
		return null;
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

}
