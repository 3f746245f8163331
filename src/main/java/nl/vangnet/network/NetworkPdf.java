package nl.vangnet.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The family's copy of a network map as PDF: the drawing (the SVG of {@link NetworkSvg})
 * and the same contacts as a table.
 */
@Component
class NetworkPdf {

	private final NetworkSvg svg;

	private final MessageSource messages;

	NetworkPdf(NetworkSvg svg, MessageSource messages) {
		this.svg = svg;
		this.messages = messages;
	}

	byte[] render(Snapshot snapshot, Client client, Locale locale, java.util.function.Function<String, String> domain) {
		StringBuilder html = new StringBuilder();
		html.append("<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"utf-8\"/><title>")
			.append(NetworkSvg.escape(m("network.map.title", locale, client.label())))
			.append("</title><style>body{font-family:sans-serif;font-size:10pt}")
			.append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:3px;text-align:left}")
			.append(".danger{color:#c00000;font-weight:bold}</style></head><body><h1>")
			.append(NetworkSvg.escape(m("network.map.title", locale, client.label())))
			.append("</h1><p>")
			.append(NetworkSvg.escape(m("network.snapshot.drawnOn", locale,
					snapshot.drawnOn().format(DateTimeFormatter.ofPattern("dd-MM-yyyy")))))
			.append("</p><div style=\"width:12cm;height:12cm\">")
			.append(this.svg.render(snapshot, client, locale)
				.replaceFirst("width=\"640\" height=\"640\"", "width=\"12cm\" height=\"12cm\""))
			.append("</div><table><thead><tr><th>")
			.append(NetworkSvg.escape(m("network.contact.name", locale)))
			.append("</th><th>")
			.append(NetworkSvg.escape(m("network.contact.relation", locale)))
			.append("</th><th>")
			.append(NetworkSvg.escape(m("network.contact.closeness", locale)))
			.append("</th><th>")
			.append(NetworkSvg.escape(m("network.contact.tie", locale)))
			.append("</th><th>")
			.append(NetworkSvg.escape(m("network.contact.support", locale)))
			.append("</th><th>")
			.append(NetworkSvg.escape(m("network.contact.domains", locale)))
			.append("</th></tr></thead><tbody>");
		for (Contact c : snapshot.contacts()) {
			html.append("<tr><td")
				.append(c.danger() ? " class=\"danger\">! " : ">")
				.append(NetworkSvg.escape(c.name()))
				.append(c.danger() ? " (" + NetworkSvg.escape(m("network.danger", locale)) + ")" : "")
				.append("</td><td>")
				.append(NetworkSvg.escape(m("network.relation." + c.relation(), locale)))
				.append("</td><td>")
				.append(NetworkSvg.escape(m("network.closeness." + c.closeness(), locale)))
				.append("</td><td>")
				.append(NetworkSvg.escape(m("network.tie." + c.tie(), locale)))
				.append("</td><td>")
				.append(c.danger() ? ""
						: NetworkSvg.escape(c.support()
							.stream()
							.sorted()
							.map((s) -> m("network.support." + s, locale))
							.collect(Collectors.joining(", "))))
				.append("</td><td>")
				.append(c.danger() ? ""
						: NetworkSvg.escape(c.domains().stream().map(domain).collect(Collectors.joining(", "))))
				.append("</td></tr>");
		}
		html.append("</tbody></table></body></html>");
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useSVGDrawer(new BatikSVGDrawer());
			builder.withHtmlContent(html.toString(), null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String m(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

}
