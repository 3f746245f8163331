package nl.vangnet.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * All text a user reads comes from the message bundles: in the templates, every text node
 * with a letter in it is replaced at run time (the element or an ancestor has
 * {@code th:text}, {@code th:utext}, {@code th:errors}, {@code th:replace},
 * {@code th:insert} or {@code th:remove}: what is written is the prototype text), and so
 * is every {@code title}, {@code placeholder}, {@code aria-label} and {@code alt}. Text
 * that is not in the user's language on purpose says so: {@code lang} (a language's own
 * name) or {@code translate="no"} (the name Vangnet).
 */
class TemplateTextTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:errors", "th:replace", "th:insert",
			"th:remove");

	private static final List<String> ATTRIBUTES = List.of("title", "placeholder", "aria-label", "alt");

	@Test
	void templatesHoldNoLiteralUserFacingText() throws IOException {
		List<String> literal = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).sorted().toList()) {
				Document page = Jsoup.parse(Files.readString(file), "", Parser.htmlParser());
				String name = TEMPLATES.relativize(file).toString();
				for (Element element : page.getAllElements()) {
					check(name, element, literal);
				}
			}
		}
		assertThat(literal).as("literal text in templates (use th:text=\"#{…}\")").isEmpty();
	}

	@Test
	void theCheckFindsLiteralTextAndAttributes() {
		Document page = Jsoup.parse("""
				<main><h1 th:text="#{a}">Prototype</h1><p>Literal words</p>
				<input placeholder="Zoek" th:placeholder="#{b}"><input placeholder="Naam">
				<button th:attr="aria-label=#{c}" aria-label="Sluiten">×</button><a title="Help">?</a></main>
				""", "", Parser.htmlParser());
		List<String> literal = new ArrayList<>();
		page.getAllElements().forEach((element) -> check("t", element, literal));
		assertThat(literal).containsExactly("t: <p> \"Literal words\"", "t: <input> placeholder=\"Naam\"",
				"t: <a> title=\"Help\"");
	}

	private static void check(String file, Element element, List<String> literal) {
		if (exempt(element)) {
			return;
		}
		for (TextNode text : element.textNodes()) {
			if (hasLetter(text.text())) {
				literal.add(file + ": <" + element.tagName() + "> \"" + text.text().strip() + "\"");
			}
		}
		for (String attribute : ATTRIBUTES) {
			String value = element.attr(attribute);
			if (hasLetter(value) && !element.hasAttr("th:" + attribute)
					&& !element.attr("th:attr").contains(attribute + "=")) {
				literal.add(file + ": <" + element.tagName() + "> " + attribute + "=\"" + value + "\"");
			}
		}
	}

	/** Replaced at run time, not text, or deliberately not in the user's language. */
	private static boolean exempt(Element element) {
		for (Element e = element; e != null; e = e.parent()) {
			String tag = e.tagName();
			if (tag.equals("script") || tag.equals("style")
					|| e.hasAttr("lang") && e != element.ownerDocument() && !tag.equals("html")
					|| e.attr("translate").equals("no")) {
				return true;
			}
			// th:replace on <html> hands the page's own fragments to the layout: they are
			// shown.
			if (!tag.equals("html")
					&& e.attributes().asList().stream().anyMatch((a) -> REPLACING.contains(a.getKey()))) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasLetter(String text) {
		return text.codePoints().anyMatch(Character::isLetter);
	}

}
