package nl.vangnet.platform.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one way Vangnet makes a PDF: a Thymeleaf template (the same one as the printable
 * page where there is one, with {@code pdf} set to {@code true}) laid out by
 * openhtmltopdf, with DejaVu Sans embedded so that what users type (a "Ç", "ı", "ğ", an
 * emoticon, a ballot box) prints as itself and never as "#". Templates refer to the font
 * as {@value #FONT}; it is also the fallback for any other family they name and for SVG.
 * <p>
 * A template for a PDF must be well-formed XML (self-closed void elements, no named
 * entities other than XML's own). Characters that XML cannot carry (control characters)
 * are left out of the rendered page.
 */
@Component
public class PdfRenderer {

	/** The font family PDF templates name in their CSS. */
	public static final String FONT = "DejaVu Sans";

	private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";

	private static final Pattern NOT_XML = Pattern
		.compile("[^\\x{9}\\x{A}\\x{D}\\x{20}-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

	private final ITemplateEngine templates;

	private final Map<String, Face> faces = new LinkedHashMap<>();

	public PdfRenderer(ITemplateEngine templates) {
		this.templates = templates;
		face("DejaVuSans.ttf", 400, FontStyle.NORMAL);
		face("DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL);
		face("DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC);
		face("DejaVuSans-BoldOblique.ttf", 700, FontStyle.ITALIC);
	}

	/**
	 * Renders the template with the given variables (and {@code pdf = true}) as a PDF.
	 * @param template the Thymeleaf template, e.g. {@code plan/family-copy}
	 * @param variables the template's model
	 * @param locale the language of the messages and dates
	 * @return the PDF document
	 */
	public byte[] render(String template, Map<String, ?> variables, Locale locale) {
		Context context = new Context(locale);
		context.setVariables(Map.copyOf(variables));
		context.setVariable("pdf", true);
		String html = NOT_XML.matcher(this.templates.process(template, context)).replaceAll("");
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useSVGDrawer(new BatikSVGDrawer());
			for (Face face : this.faces.values()) {
				builder.useFont(face::open, FONT, face.weight(), face.style(), true,
						EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_PRE));
			}
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A PDF as an answer that is never cached.
	 * @param pdf the document
	 * @param disposition inline or attachment, with the file name
	 * @return the answer
	 */
	public static ResponseEntity<byte[]> response(byte[] pdf, ContentDisposition disposition) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	private void face(String file, int weight, FontStyle style) {
		try (InputStream in = new ClassPathResource(FONTS + file).getInputStream()) {
			this.faces.put(file, new Face(in.readAllBytes(), weight, style));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The PDF font " + file + " is missing", ex);
		}
	}

	private record Face(byte[] bytes, int weight, FontStyle style) {

		InputStream open() {
			return new ByteArrayInputStream(this.bytes);
		}

	}

}
