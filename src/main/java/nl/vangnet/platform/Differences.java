package nl.vangnet.platform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import nl.vangnet.platform.ConflictException.Change;

/**
 * The one differ of a refused change: compares, field by field, what the change had with
 * what is stored now, and keeps each field that differs with both values and how to name
 * it. Labels are message keys ({@code labels} + field unless given), so that the conflict
 * page and the API name the same fields. Two empty values (null, blank, an empty list)
 * are the same.
 *
 * <pre>
 * throw Differences.labelled("contact.debt.")
 * 	.text("creditor", input.creditor(), now.creditor())
 * 	.code("status", input.status(), now.status(), "contact.debt.status.")
 * 	.conflict(now.version());
 * </pre>
 */
public final class Differences {

	/** The prefix of the messages for yes and no ({@code conflict.boolean.true}). */
	public static final String YES_NO = "conflict.boolean.";

	private final String labels;

	private final List<Change> changes = new ArrayList<>();

	private final Map<String, String> ownLabels = new HashMap<>();

	private Differences(String labels) {
		this.labels = labels;
	}

	/**
	 * @param labels the prefix of the message keys of the fields' names, e.g.
	 * {@code "household.field."}
	 */
	public static Differences labelled(String labels) {
		return new Differences(labels);
	}

	/**
	 * Names a field through its own message key instead of {@code labels} + field.
	 */
	public Differences label(String field, String label) {
		this.ownLabels.put(field, label);
		return this;
	}

	/** Text, shown as it is. */
	public Differences text(String field, String before, String now) {
		if (!same(before, now)) {
			add(field, shown(before), shown(now), null, false);
		}
		return this;
	}

	/** Any value shown as it is: a date, a number (compared by value), a reference. */
	public Differences value(String field, Object before, Object now) {
		boolean same = (before instanceof BigDecimal b && now instanceof BigDecimal n) ? b.compareTo(n) == 0
				: same(before, now);
		if (!same) {
			add(field, shown(before), shown(now), null, false);
		}
		return this;
	}

	/** A code named through the messages {@code codes} + its name. */
	public Differences code(String field, Enum<?> before, Enum<?> now, String codes) {
		if (!same(before, now)) {
			add(field, (before != null) ? before.name() : null, (now != null) ? now.name() : null, codes, false);
		}
		return this;
	}

	/** A code given as text (as a form sends it), named through the messages. */
	public Differences code(String field, String before, String now, String codes) {
		if (!same(before, now)) {
			add(field, shown(before), shown(now), codes, false);
		}
		return this;
	}

	/** Several codes, in their order, each named through the messages. */
	public Differences codes(String field, Collection<? extends Enum<?>> before, Collection<? extends Enum<?>> now,
			String codes) {
		List<String> b = (before != null) ? before.stream().map(Enum::name).toList() : List.of();
		List<String> n = (now != null) ? now.stream().map(Enum::name).toList() : List.of();
		if (!b.equals(n)) {
			add(field, shown(String.join(", ", b)), shown(String.join(", ", n)), codes, false);
		}
		return this;
	}

	/** Several texts, in their order, shown separated by {@code ", "}. */
	public Differences texts(String field, Collection<String> before, Collection<String> now) {
		List<String> b = (before != null) ? List.copyOf(before) : List.of();
		List<String> n = (now != null) ? List.copyOf(now) : List.of();
		if (!b.equals(n)) {
			add(field, shown(String.join(", ", b)), shown(String.join(", ", n)), null, false);
		}
		return this;
	}

	/** Yes or no; {@code null} is no. */
	public Differences yesNo(String field, Boolean before, Boolean now) {
		boolean b = Boolean.TRUE.equals(before);
		boolean n = Boolean.TRUE.equals(now);
		if (b != n) {
			add(field, String.valueOf(b), String.valueOf(n), YES_NO, false);
		}
		return this;
	}

	/** A value that is only named as changed, never shown (a confidential address). */
	public Differences hidden(String field, Object before, Object now) {
		if (!same(before, now)) {
			add(field, null, null, null, true);
		}
		return this;
	}

	/**
	 * A field that differs, compared by the caller (a list of members, a contact): both
	 * values shown as they are.
	 */
	public Differences changed(String field, String before, String now) {
		add(field, shown(before), shown(now), null, false);
		return this;
	}

	/** Like {@link #changed}, named through its own message key. */
	public Differences changed(String field, String label, String before, String now, String codes) {
		this.changes.add(new Change(field, shown(before), shown(now), label, codes, false));
		return this;
	}

	public List<Change> list() {
		return List.copyOf(this.changes);
	}

	public boolean isEmpty() {
		return this.changes.isEmpty();
	}

	/** The refusal, with the version the thing has now. */
	public ConflictException conflict(long currentVersion) {
		return new ConflictException(currentVersion, this.changes);
	}

	/** Codes as the text {@link #codes} stores: their names separated by {@code ", "}. */
	public static String joined(Collection<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).collect(Collectors.joining(", "));
	}

	private void add(String field, String before, String now, String codes, boolean hidden) {
		this.changes.add(
				new Change(field, before, now, this.ownLabels.getOrDefault(field, this.labels + field), codes, hidden));
	}

	private static boolean same(Object before, Object now) {
		return (isEmpty(before) && isEmpty(now)) || Objects.equals(before, now);
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value instanceof String s && s.isBlank())
				|| (value instanceof Collection<?> c && c.isEmpty());
	}

	private static String shown(Object value) {
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		return isEmpty(value) ? null : value.toString();
	}

}
