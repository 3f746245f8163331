package nl.vangnet.platform;

import java.util.regex.Pattern;

/**
 * A telephone number as people in the Netherlands write it ({@code 06-12345678},
 * {@code 010 123 45 67}, {@code +31 6 1234 5678}): digits, spaces, {@code +} and
 * {@code -}, 10 to 15 digits. Kept as written (stripped), because the family reads it as
 * it was given.
 *
 * @param value the number as written
 */
public record PhoneNumber(String value) {

	private static final Pattern ALLOWED = Pattern.compile("\\+?[0-9][0-9 \\-]*");

	/**
	 * Refuses a number the family could not call, with {@code messageKey} on
	 * {@code field} (the message names the field as the page labels it).
	 */
	public static PhoneNumber of(String field, String messageKey, String written) {
		String value = (written != null) ? written.strip() : "";
		long digits = value.chars().filter(Character::isDigit).count();
		if (value.length() > 20 || !ALLOWED.matcher(value).matches() || digits < 10 || digits > 15) {
			throw new DomainException(field, messageKey);
		}
		return new PhoneNumber(value);
	}

	/** Nothing for an empty field (the number is removed), else as {@link #of}. */
	public static String orNull(String field, String messageKey, String written) {
		return (written == null || written.isBlank()) ? null : of(field, messageKey, written).value();
	}

}
