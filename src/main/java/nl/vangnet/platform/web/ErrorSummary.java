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

	static final String DEFAULT_HEADING = "form.errors.heading";

	/**
	 * One error.
	 *
	 * @param form the id of the page's form it belongs to, or {@code null} when it is not
	 * known (the page then links to the first field of that name that has an error)
	 * @param field the field's name in the form (its path, as the API names it), or
	 * {@code null} for an error of the form as a whole
	 * @param label the field's label as the page shows it, or {@code null}: the page then
	 * takes it from the field's own label
	 * @param message the message in the user's language
	 */
	public record Entry(String form, String field, String label, String message) {
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

	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	@Override
	public List<Entry> entries() {
		return Collections.unmodifiableList(this.entries);
	}

}
