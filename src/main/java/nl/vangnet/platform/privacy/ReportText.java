package nl.vangnet.platform.privacy;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;

/**
 * The words of a subject-access report in its language, for the contributions: labels
 * from the message bundles, codes through their existing labels, dates in plain form.
 */
public final class ReportText {

	private final MessageSource messages;

	private final SubjectAccessQuery query;

	public ReportText(MessageSource messages, SubjectAccessQuery query) {
		this.messages = messages;
		this.query = query;
	}

	/** The message of the key in the report's language. */
	public String label(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, this.query.locale());
	}

	/**
	 * The label of a code ({@code prefix + "." + code}), or the code itself when it has
	 * none; {@code null} stays {@code null}.
	 */
	public String code(String prefix, String code) {
		if (code == null) {
			return null;
		}
		return this.messages.getMessage(prefix + "." + code, null, code, this.query.locale());
	}

	public String yesNo(Boolean value) {
		return (value == null) ? null : label(value ? "privacy.report.yes" : "privacy.report.no");
	}

	public String date(LocalDate day) {
		return (day != null)
				? day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(this.query.locale()))
				: null;
	}

	/** A moment (a {@code timestamptz}) in the application's zone. */
	public String moment(Timestamp at) {
		return (at != null) ? at.toInstant()
			.atZone(this.query.zone())
			.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
				.withLocale(this.query.locale())) : null;
	}

	/** A local date and time (a {@code timestamp} without zone). */
	public String localMoment(Timestamp at) {
		return (at != null) ? at.toLocalDateTime()
			.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
				.withLocale(this.query.locale())) : null;
	}

	public String date(java.sql.Date day) {
		return (day != null) ? date(day.toLocalDate()) : null;
	}

	/** A free text, with third parties redacted. */
	public String free(String text) {
		return this.query.redact(text);
	}

	/** Builds an entry's fields in order; a {@code null} value is left out. */
	public Fields fields() {
		return new Fields();
	}

	public final class Fields {

		private final List<SubjectAccessSection.Field> fields = new ArrayList<>();

		/** A field labelled with the message of {@code labelKey}. */
		public Fields add(String labelKey, String value) {
			this.fields.add(new SubjectAccessSection.Field(label(labelKey), value));
			return this;
		}

		public SubjectAccessSection.Entry entry(String title) {
			return new SubjectAccessSection.Entry(title, this.fields);
		}

	}

}
