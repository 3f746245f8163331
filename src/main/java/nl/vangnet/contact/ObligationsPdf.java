package nl.vangnet.contact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The family's list of obligations as a PDF, in the same plain words as the printable
 * page: what to do, for whom, by when.
 */
@Component
class ObligationsPdf {

	private final MessageSource messages;

	ObligationsPdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(String householdName, List<FamilyPapers.ObligationView> obligations, LocalDate today, Locale locale) {
		DateTimeFormatter longDate = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
		StringBuilder html = new StringBuilder();
		html.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
			.append(escape(locale.getLanguage()))
			.append("\"><head><meta charset=\"utf-8\" /><title>")
			.append(escape(message("contact.print.title", locale)))
			.append("</title><style>body { font-family: sans-serif; font-size: 13pt; } li { margin-bottom: 12pt; }")
			.append(" p { margin: 2pt 0; }</style></head><body><h1>")
			.append(escape(message("contact.print.title", locale)))
			.append("</h1><p>")
			.append(escape(message("contact.print.for", locale, (householdName != null) ? householdName : "",
					today.format(DateTimeFormatter.ofPattern("dd-MM-yyyy")))))
			.append("</p>");
		if (obligations.isEmpty()) {
			html.append("<p>").append(escape(message("contact.print.none", locale))).append("</p>");
		}
		else {
			html.append("<ol>");
			for (FamilyPapers.ObligationView o : obligations) {
				html.append("<li><p><strong>").append(escape(o.description())).append("</strong></p>");
				if (o.agency() != null) {
					html.append("<p>")
						.append(escape(message("contact.print.agency", locale, o.agency())))
						.append("</p>");
				}
				if (o.dueOn() != null) {
					html.append("<p>")
						.append(escape(message("contact.print.due", locale, o.dueOn().format(longDate))))
						.append("</p>");
				}
				html.append("<p>")
					.append(escape(message("contact.print.kind." + o.kind(), locale)))
					.append("</p><p>[  ] ")
					.append(escape(message("contact.print.done", locale).replace("☐", "").strip()))
					.append("</p></li>");
			}
			html.append("</ol>");
		}
		html.append("<p>").append(escape(message("contact.print.help", locale))).append("</p></body></html>");
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html.toString(), null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, key, locale);
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
