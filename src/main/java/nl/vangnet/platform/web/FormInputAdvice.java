package nl.vangnet.platform.web;

import java.beans.PropertyEditorSupport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.springframework.util.StringUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Applies {@link InputRules} to every form field and request parameter: a value that
 * breaks them becomes a type mismatch on its own field (a field error in the user's
 * language, with the form shown again as typed), never a failure further down.
 */
@ControllerAdvice
class FormInputAdvice {

	private final Clock clock;

	FormInputAdvice(Clock clock) {
		this.clock = clock;
	}

	@InitBinder
	void inputRules(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new TextEditor());
		binder.registerCustomEditor(LocalDate.class, new DateEditor(this.clock));
		binder.registerCustomEditor(LocalDateTime.class, new DateTimeEditor(this.clock));
	}

	private static final class TextEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			if (InputRules.checkText(text) != null) {
				throw new IllegalArgumentException("text breaks the input rules");
			}
			setValue(text);
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return (value != null) ? value.toString() : "";
		}

	}

	private static final class DateEditor extends PropertyEditorSupport {

		private final Clock clock;

		DateEditor(Clock clock) {
			this.clock = clock;
		}

		@Override
		public void setAsText(String text) {
			if (!StringUtils.hasText(text)) {
				setValue(null);
				return;
			}
			try {
				LocalDate date = LocalDate.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
				if (!InputRules.plausible(date, this.clock)) {
					throw new IllegalArgumentException("implausible date");
				}
				setValue(date);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("not a date", ex);
			}
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return (value instanceof LocalDate date) ? date.format(DateTimeFormatter.ISO_LOCAL_DATE) : "";
		}

	}

	private static final class DateTimeEditor extends PropertyEditorSupport {

		private final Clock clock;

		DateTimeEditor(Clock clock) {
			this.clock = clock;
		}

		@Override
		public void setAsText(String text) {
			if (!StringUtils.hasText(text)) {
				setValue(null);
				return;
			}
			try {
				LocalDateTime dateTime = LocalDateTime.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
				if (!InputRules.plausible(dateTime, this.clock)) {
					throw new IllegalArgumentException("implausible date");
				}
				setValue(dateTime);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("not a date and time", ex);
			}
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return (value instanceof LocalDateTime dateTime) ? dateTime.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
					: "";
		}

	}

}
