package nl.vangnet.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

/**
 * The label, in the user's language, of a field of a household document given by its path
 * ({@code members[1].birthDate} is "Gezinslid 2, geboortedatum"), so that a report of a
 * file speaks of the fields as a person does, while the API keeps the path. The labels
 * are the messages {@code document.field.<names>}; an element of a list is
 * {@code document.field.<names>.item} with its number. A field the contract does not know
 * is named as it was written.
 */
final class DocumentLabels {

	private static final Pattern SEGMENT = Pattern.compile("([^\\[\\]]+)(?:\\[(\\d+)])?");

	private DocumentLabels() {
	}

	/** The field's label, or {@code null} for the document or the line as a whole. */
	static String label(MessageSource messages, String path, Locale locale) {
		if (path == null || path.isBlank()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		StringBuilder key = new StringBuilder("document.field");
		for (String segment : path.split("\\.")) {
			Matcher matcher = SEGMENT.matcher(segment);
			if (!matcher.matches()) {
				parts.add(messages.getMessage("document.fieldNamed", new Object[] { segment }, segment, locale));
				continue;
			}
			String name = matcher.group(1);
			key.append('.').append(name);
			String label = messages.getMessage(key.toString(), null, null, locale);
			if (matcher.group(2) != null) {
				int number = Integer.parseInt(matcher.group(2)) + 1;
				String item = messages.getMessage(key + ".item", new Object[] { number }, null, locale);
				parts.add((item != null) ? item
						: ((label != null) ? label : unknown(messages, name, locale)) + " " + number);
			}
			else {
				parts.add((label != null) ? label : unknown(messages, name, locale));
			}
		}
		String joined = String.join(", ", parts);
		return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
	}

	private static String unknown(MessageSource messages, String name, Locale locale) {
		return messages.getMessage("document.fieldNamed", new Object[] { name }, name, locale);
	}

}
