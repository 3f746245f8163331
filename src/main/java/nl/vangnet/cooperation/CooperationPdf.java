package nl.vangnet.cooperation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The consent form and the referral letter as PDF: the same templates as the printable
 * pages, rendered as XHTML and laid out by openhtmltopdf (as the plan's family copy).
 */
@Component
class CooperationPdf {

	private final ITemplateEngine templates;

	CooperationPdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	byte[] render(String template, Map<String, Object> variables, Locale locale) {
		Context context = new Context(locale);
		variables.forEach(context::setVariable);
		context.setVariable("pdf", true);
		String html = this.templates.process(template, context);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
