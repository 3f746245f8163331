package nl.vangnet.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The family's copy of the plan as a PDF: the same template as the printable page,
 * rendered as XHTML and laid out by openhtmltopdf. It never holds internal notes (the
 * copy does not carry them).
 */
@Component
class FamilyCopyPdf {

	private final ITemplateEngine templates;

	FamilyCopyPdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	byte[] render(PlanService.FamilyCopy copy, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("copy", copy);
		context.setVariable("pdf", true);
		String html = this.templates.process("plan/family-copy", context);
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
