package nl.vangnet.platform.pdf;

import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;

class PdfRendererTests {

	private static final String PAGE = """
			<!DOCTYPE html>
			<html xmlns:th="http://www.thymeleaf.org"><head><meta charset="utf-8"/><title>t</title>
			<style>body { font-family: 'DejaVu Sans', sans-serif; } .other { font-family: Helvetica; }</style></head>
			<body><p th:text="${name}">naam</p><p class="other" th:text="${name}">naam</p>
			<p th:if="${pdf}">pdf</p></body></html>
			""";

	private final PdfRenderer renderer = new PdfRenderer(engine());

	@Test
	void whatUsersTypePrintsAsItselfInTheEmbeddedFontNeverAsHashes() throws Exception {
		String name = "Çiğdem Yıldız 😀 ☐ Gedaan — Zoë & <Anna>";

		byte[] pdf = this.renderer.render(PAGE, Map.of("name", name), Locale.forLanguageTag("nl"));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(name + "\n" + name).contains("pdf").doesNotContain("#");
			assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty().allSatisfy((font) -> {
				PDFont used = document.getPage(0).getResources().getFont(font);
				assertThat(used.getName()).contains("DejaVuSans");
				assertThat(used.isEmbedded()).isTrue();
			});
		}
	}

	@Test
	void charactersXmlCannotCarryAreLeftOutInsteadOfFailingThePage() throws Exception {
		byte[] pdf = this.renderer.render(PAGE, Map.of("name", "Anna\u0001\u0007 de Groot"), Locale.ENGLISH);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Anna de Groot");
		}
	}

	private static SpringTemplateEngine engine() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(new StringTemplateResolver());
		return engine;
	}

}
