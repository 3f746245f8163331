package nl.vangnet.platform.web;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page's error summary must be as the server renders it (issue 18, item 1), for
 * the tests of the pages that show one.
 */
public final class ErrorSummaryAssertions {

	private ErrorSummaryAssertions() {
	}

	/**
	 * The summary links an entry to the element with this id as rendered, names the field
	 * ({@code label}, when the message does not start with it already), and the element
	 * is invalid and described by that entry; every message once.
	 */
	public static void assertLinked(Document page, String id, String label) {
		assertThat(page.title()).startsWith("Fout:");
		Element link = page.selectFirst("#error-summary a[href=#" + id + "]");
		assertThat(link).as("a link to #%s in %s", id, page.select("#error-summary").outerHtml()).isNotNull();
		if (label != null) {
			assertThat(link.text()).startsWith(label + ":");
		}
		Element message = link.selectFirst(".error[id]");
		Element field = page.getElementById(id);
		assertThat(field).as(id).isNotNull();
		assertThat(field.attr("aria-invalid")).as(id).isEqualTo("true");
		// described by its entry, or by its own message beside it that says the same
		assertThat(java.util.Arrays.stream(field.attr("aria-describedby").split(" "))
			.map(page::getElementById)
			.filter(java.util.Objects::nonNull)
			.map(Element::text)).as("%s described by %s", id, message.text())
			.anyMatch((text) -> text.equals(message.text()) || message.text().endsWith(text)
					|| text.endsWith(message.text()));
		assertThat(page.select("main .error").eachText()).as("each message once beside the fields")
			.doesNotHaveDuplicates();
		assertThat(page.select("#error-summary li").eachText()).as("each message once").doesNotHaveDuplicates();
		String heading = page.getElementById("error-summary-title").text();
		assertThat(page.select("main h2, main h3").eachText())
			.as("one error heading, the summary's (no block of a form's own)")
			.noneMatch((text) -> text.equals(heading) || text.startsWith("Fout:") || text.startsWith("Error:"));
		assertThat(page.select("#error-summary li"))
			.as("every entry linked to its field as rendered: %s", page.select("#error-summary").outerHtml())
			.allMatch((entry) -> entry.selectFirst("a[href^=#][data-target]") != null);
	}

}
