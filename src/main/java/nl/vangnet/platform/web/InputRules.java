package nl.vangnet.platform.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;

/**
 * The rules every value from outside obeys, whatever field it is for: text holds no NUL
 * byte and no lone surrogate (PostgreSQL cannot store them), a date lies between 1900 and
 * ten years from today, and a list holds at most {@value #MAX_ITEMS} items. The JSON API
 * ({@link JsonInputModule}) and the forms ({@link FormInputAdvice}) apply them the same
 * way, each naming the field.
 */
public final class InputRules {

	/** The most items any list in a request may hold. */
	public static final int MAX_ITEMS = 1_000;

	/** The most characters any single text in a request may hold. */
	public static final int MAX_TEXT = 20_000;

	/** The earliest plausible date: nobody in a dossier was born before it. */
	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	/** How far ahead a plausible date may lie (a due date, a review, a valid-until). */
	public static final int YEARS_AHEAD = 10;

	private InputRules() {
	}

	/**
	 * The message key of what is wrong with a text, or {@code null} when it is fine.
	 */
	public static String checkText(String text) {
		if (text == null) {
			return null;
		}
		if (text.length() > MAX_TEXT) {
			return "validation.tooLong";
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return "validation.forbiddenCharacter";
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return "validation.forbiddenCharacter";
			}
			if (Character.isLowSurrogate(c)) {
				return "validation.forbiddenCharacter";
			}
		}
		return null;
	}

	/** The latest plausible date, today plus {@value #YEARS_AHEAD} years. */
	public static LocalDate latest(Clock clock) {
		return LocalDate.now(clock).plusYears(YEARS_AHEAD);
	}

	/**
	 * Whether a date, time or instant lies in the plausible range; anything else (not a
	 * date) is fine here.
	 */
	public static boolean plausible(Object value, Clock clock) {
		LocalDate date = dateOf(value, clock.getZone());
		return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(latest(clock)));
	}

	/** The message key of a list that is too long, or {@code null}. */
	public static String checkSize(Object value) {
		if (value instanceof Collection<?> collection && collection.size() > MAX_ITEMS) {
			return "validation.tooMany";
		}
		if (value instanceof Object[] array && array.length > MAX_ITEMS) {
			return "validation.tooMany";
		}
		return null;
	}

	private static LocalDate dateOf(Object value, ZoneId zone) {
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof LocalDateTime dateTime) {
			return dateTime.toLocalDate();
		}
		if (value instanceof OffsetDateTime dateTime) {
			return dateTime.toLocalDate();
		}
		if (value instanceof ZonedDateTime dateTime) {
			return dateTime.toLocalDate();
		}
		if (value instanceof Instant instant) {
			try {
				return instant.atZone(zone).toLocalDate();
			}
			catch (DateTimeException ex) {
				return LocalDate.MAX;
			}
		}
		return null;
	}

}
