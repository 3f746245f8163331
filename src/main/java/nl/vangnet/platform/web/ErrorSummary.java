package nl.vangnet.platform.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.springframework.ui.Model;

/**
 * The one error summary of a page (GOV.UK and NL Design System pattern): after a failed
 * save, every error at the top of the page, each once, each linked to its field and
 * naming the field's label, focused, and "Fout:" in the title. The layout shows it
 * ({@code fragments/forms :: summary}); {@link ErrorSummaryInterceptor} fills it from
 * every form of the page that has errors, so a controller that binds a form need do
 * nothing more. A page whose errors are not those of a bound form adds them here.
 *
 * @param heading the message key of the summary's heading
 * @param entries what is wrong, in the order of the page
 */
public record ErrorSummary(String heading, List<Entry> entries) {

	/** The model attribute that the layout reads. */
	public static final String ATTRIBUTE = "errorSummary";

	/**
	 * The model attribute of a page's domain errors that are not those of a bound form: a
	 * list of {@link nl.vangnet.platform.DomainException}, summarised like the rest.
	 */
	public static final String PROBLEMS = "problems";

	/**
	 * The model attribute of the element ids of the fields of a page's errors: a map from
	 * the field's name to the id of its element, with {@code ""} for the element that an
	 * error of another field or of the form as a whole links to.
	 */
	public static final String TARGETS = "errorTargets";

	/**
	 * The model attribute of the labels of the fields of a page's errors, as the page
	 * shows them: a map from the field's name to its label, so that each entry of a bound
	 * form's errors names its field (unless its message does already).
	 */
	public static final String LABELS = "errorLabels";

	static final String DEFAULT_HEADING = "form.errors.heading";

	/**
	 * One error.
	 *
	 * @param form the id of the page's form it belongs to, or {@code null} when it is not
	 * known (the page then links to the first field of that name that has an error)
	 * @param field the field's name in the form (its path, as the API names it), or
	 * {@code null} for an error of the form as a whole
	 * @param label the field's label as the page shows it, or {@code null}: the page then
	 * takes it from the field's own label (or the message names it already)
	 * @param message the message in the user's language
	 * @param target the id of the field's element on the page, or {@code null} when it is
	 * not known: with it the summary links to the field and the field is marked invalid
	 * and described by its entry as the server renders the page, without any script
	 */
	public record Entry(String form, String field, String label, String message, String target) {

		public Entry(String form, String field, String label, String message) {
			this(form, field, label, message, null);
		}

	}

	/** The page's summary, made empty when it has none yet. */
	public static ErrorSummary of(Model model) {
		Object existing = model.getAttribute(ATTRIBUTE);
		if (existing instanceof ErrorSummary summary) {
			return summary;
		}
		ErrorSummary summary = new ErrorSummary(DEFAULT_HEADING, new ArrayList<>());
		model.addAttribute(ATTRIBUTE, summary);
		return summary;
	}

	/** Adds an error of a field (or of the form, with {@code field} null). */
	public static void add(Model model, String form, String field, String message) {
		of(model).add(new Entry(form, field, null, message));
	}

	/**
	 * Adds an error of a field whose element the page names: the summary links to
	 * {@code target}, shows the label unless the message starts with it, and the template
	 * marks the field with {@link #invalid} and {@link #describedBy}.
	 */
	public static void add(Model model, String form, String field, String target, String label, String message) {
		of(model).add(entry(form, field, target, label, message));
	}

	/**
	 * An entry that names its field once: without the label when the message starts with
	 * it or with a short name of it ("Doel: …" for "Doel in de woorden van het gezin");
	 * with the label instead of the message's own head when that names no field of its
	 * own ("Tekst: gebruik hoogstens 4000 tekens." under "Wat ging vooruit?").
	 */
	static Entry entry(String form, String field, String target, String label, String message) {
		if (label == null) {
			return new Entry(form, field, null, message, target);
		}
		java.util.Locale root = java.util.Locale.ROOT;
		String name = label.strip().replaceAll("[\\s?:*]+$", "");
		if (message.toLowerCase(root).startsWith(name.toLowerCase(root))) {
			return new Entry(form, field, null, message, target);
		}
		java.util.regex.Matcher head = HEAD.matcher(message);
		if (head.matches()) {
			if (name.toLowerCase(root).startsWith(head.group(1).toLowerCase(root))) {
				return new Entry(form, field, null, message, target);
			}
			return new Entry(form, field, name, head.group(2), target);
		}
		return new Entry(form, field, name, message, target);
	}

	/** A message that starts by naming a field: "Tekst: gebruik …". */
	private static final java.util.regex.Pattern HEAD = java.util.regex.Pattern.compile("([^.:!?]{1,40}): (.+)",
			java.util.regex.Pattern.DOTALL);

	/**
	 * Names the element ids and labels of a refused form's fields as {@value #TARGETS}
	 * and {@value #LABELS}, so that the page's summary links each error to its field as
	 * rendered and names it.
	 * @param fields per field name the id of its element and its label's message key
	 * ({@code null} for a field whose messages name it in their own words); the name
	 * {@code ""} for the element that an error of another field, or of the form as a
	 * whole, links to
	 * @param suffix what each id ends with (a row's place on the page), or {@code ""}
	 */
	public static void fields(Model model, org.springframework.context.MessageSource messages,
			java.util.Map<String, String[]> fields, String suffix) {
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		java.util.Map<String, String> targets = new java.util.HashMap<>();
		java.util.Map<String, String> labels = new java.util.HashMap<>();
		fields.forEach((name, field) -> {
			targets.put(name, field[0] + suffix);
			if (!name.isEmpty() && field[1] != null) {
				labels.put(name, messages.getMessage(field[1], null, field[1], locale));
			}
		});
		model.addAttribute(TARGETS, targets);
		model.addAttribute(LABELS, labels);
	}

	/** The page's summary under another heading (a message key). */
	public static void heading(Model model, String heading) {
		ErrorSummary summary = of(model);
		model.addAttribute(ATTRIBUTE, new ErrorSummary(heading, summary.entries));
	}

	void add(Entry entry) {
		boolean known = this.entries.stream()
			.anyMatch((e) -> e.message().equals(entry.message()) && (entry.field() == null
					|| Objects.equals(e.field(), entry.field()) && Objects.equals(e.form(), entry.form())));
		if (!known) {
			this.entries.add(entry);
		}
	}

	/**
	 * Tells an entry of the same field that was made from a form's error in more general
	 * words ({@code generic}) in the words of {@code entry} instead, keeping where it
	 * links and the label it shows.
	 * @return whether there was such an entry
	 */
	boolean reword(Entry entry, String generic) {
		for (int i = 0; i < this.entries.size(); i++) {
			Entry e = this.entries.get(i);
			if (e.target() != null && Objects.equals(e.field(), entry.field())
					&& (e.message().equals(generic) || generic.endsWith(e.message()))) {
				String label = (entry.label() != null) ? entry.label() : e.label();
				this.entries.set(i, entry(e.form(), e.field(), e.target(), label, entry.message()));
				return true;
			}
		}
		return false;
	}

	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	/**
	 * The id of an entry's message on the page ({@code error-summary-1} for the first),
	 * which the field's {@code aria-describedby} names.
	 */
	public static String entryId(int index) {
		return "error-summary-" + (index + 1);
	}

	/** Whether the element with this id has an error: for its {@code aria-invalid}. */
	public boolean invalid(String target) {
		return this.entries.stream().anyMatch((e) -> target != null && target.equals(e.target()));
	}

	/**
	 * The ids of the messages of the element with this id, for its
	 * {@code aria-describedby}; {@code null} when it has none.
	 */
	public String describedBy(String target) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < this.entries.size(); i++) {
			if (target != null && target.equals(this.entries.get(i).target())) {
				ids.add(entryId(i));
			}
		}
		return ids.isEmpty() ? null : String.join(" ", ids);
	}

	@Override
	public List<Entry> entries() {
		return Collections.unmodifiableList(this.entries);
	}

}
