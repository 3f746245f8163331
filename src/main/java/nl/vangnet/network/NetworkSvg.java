package nl.vangnet.network;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Draws a snapshot as SVG, from the data, for the family's copy: the client in the
 * centre, a circle per closeness, each contact on its circle in the colour of its
 * relation, a solid line for a strong tie and a dashed one for a weak tie. A danger is
 * drawn in red with a warning sign and the word, never by colour alone.
 */
@Component
class NetworkSvg {

	static final int SIZE = 640;

	private static final int CENTRE = SIZE / 2;

	private static final Map<Contact.Closeness, Integer> RING = new EnumMap<>(
			Map.of(Contact.Closeness.INNER, 100, Contact.Closeness.MIDDLE, 195, Contact.Closeness.OUTER, 290));

	private static final Map<Contact.Closeness, Integer> ORBIT = new EnumMap<>(
			Map.of(Contact.Closeness.INNER, 62, Contact.Closeness.MIDDLE, 150, Contact.Closeness.OUTER, 245));

	/** The colours of the relations; the same in {@code network-map.js}. */
	static final Map<Contact.Relation, String> COLOUR = new EnumMap<>(Map.of(Contact.Relation.FAMILY, "#1f77b4",
			Contact.Relation.PARTNER, "#9467bd", Contact.Relation.EX_PARTNER, "#8c564b", Contact.Relation.FRIEND,
			"#2ca02c", Contact.Relation.NEIGHBOUR, "#17becf", Contact.Relation.FELLOW_RESIDENT, "#bcbd22",
			Contact.Relation.VOLUNTEER_BUDDY, "#ff7f0e", Contact.Relation.PROFESSIONAL, "#7f7f7f",
			Contact.Relation.ORGANISATION, "#393b79", Contact.Relation.OTHER, "#aaaaaa"));

	static final String DANGER = "#c00000";

	private final MessageSource messages;

	NetworkSvg(MessageSource messages) {
		this.messages = messages;
	}

	String render(Snapshot snapshot, Client client, Locale locale) {
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
			.append(SIZE)
			.append("\" height=\"")
			.append(SIZE)
			.append("\" viewBox=\"0 0 ")
			.append(SIZE)
			.append(' ')
			.append(SIZE)
			.append("\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\"><title>")
			.append(escape(message("network.map.title", locale, client.label())))
			.append("</title>");
		svg.append("<rect x=\"0\" y=\"0\" width=\"")
			.append(SIZE)
			.append("\" height=\"")
			.append(SIZE)
			.append("\" fill=\"#ffffff\"/>");
		for (Contact.Closeness closeness : new Contact.Closeness[] { Contact.Closeness.OUTER, Contact.Closeness.MIDDLE,
				Contact.Closeness.INNER }) {
			svg.append("<circle cx=\"")
				.append(CENTRE)
				.append("\" cy=\"")
				.append(CENTRE)
				.append("\" r=\"")
				.append(RING.get(closeness))
				.append("\" fill=\"none\" stroke=\"#b0b0b0\" stroke-width=\"1.5\"/>");
			svg.append("<text x=\"")
				.append(CENTRE)
				.append("\" y=\"")
				.append(CENTRE - RING.get(closeness) + 14)
				.append("\" text-anchor=\"middle\" fill=\"#666666\">")
				.append(escape(message("network.closeness." + closeness, locale)))
				.append("</text>");
		}
		StringBuilder nodes = new StringBuilder();
		for (Contact.Closeness closeness : Contact.Closeness.values()) {
			List<Contact> ring = snapshot.contacts().stream().filter((c) -> c.closeness() == closeness).toList();
			for (int i = 0; i < ring.size(); i++) {
				Contact contact = ring.get(i);
				double angle = -Math.PI / 2 + (2 * Math.PI * (i + 0.5)) / ring.size() + closeness.ordinal() * 0.35;
				long x = Math.round(CENTRE + ORBIT.get(closeness) * Math.cos(angle));
				long y = Math.round(CENTRE + ORBIT.get(closeness) * Math.sin(angle));
				String colour = contact.danger() ? DANGER : COLOUR.get(contact.relation());
				svg.append("<line x1=\"")
					.append(CENTRE)
					.append("\" y1=\"")
					.append(CENTRE)
					.append("\" x2=\"")
					.append(x)
					.append("\" y2=\"")
					.append(y)
					.append("\" stroke=\"")
					.append(colour)
					.append("\" stroke-width=\"")
					.append(contact.tie() == Contact.Tie.STRONG ? "3" : "1.5")
					.append('"')
					.append(contact.tie() == Contact.Tie.WEAK ? " stroke-dasharray=\"6 4\"" : "")
					.append("/>");
				nodes.append("<circle cx=\"")
					.append(x)
					.append("\" cy=\"")
					.append(y)
					.append("\" r=\"14\" fill=\"")
					.append(colour)
					.append("\" stroke=\"")
					.append(contact.danger() ? "#000000" : "#ffffff")
					.append("\" stroke-width=\"")
					.append(contact.danger() ? "3" : "2")
					.append("\"/>");
				if (contact.danger()) {
					nodes.append("<text x=\"")
						.append(x)
						.append("\" y=\"")
						.append(y + 5)
						.append("\" text-anchor=\"middle\" font-weight=\"bold\" font-size=\"16\" fill=\"#ffffff\">!</text>");
				}
				String label = contact.danger() ? "\u26A0 " + contact.name() + " ("
						+ message("network.danger", locale).toUpperCase(locale) + ")" : contact.name();
				nodes.append("<text x=\"")
					.append(x)
					.append("\" y=\"")
					.append(y + 30)
					.append("\" text-anchor=\"middle\"")
					.append(contact.danger() ? " font-weight=\"bold\" fill=\"" + DANGER + "\"" : " fill=\"#222222\"")
					.append('>')
					.append(escape(label))
					.append("</text>");
			}
		}
		svg.append(nodes);
		svg.append("<circle cx=\"")
			.append(CENTRE)
			.append("\" cy=\"")
			.append(CENTRE)
			.append("\" r=\"22\" fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"3\"/>");
		svg.append("<text x=\"")
			.append(CENTRE)
			.append("\" y=\"")
			.append(CENTRE + 40)
			.append("\" text-anchor=\"middle\" font-weight=\"bold\">")
			.append(escape(client.label()))
			.append("</text>");
		svg.append("</svg>");
		return svg.toString();
	}

	// ---- The integration safety net

	/**
	 * Corners of the triangle: government (top), help and services (left), society
	 * (right).
	 */
	static final double[][] CORNERS = { { 200, 30 }, { 25, 330 }, { 375, 330 } };

	/**
	 * The triangle with the client's dated points as a trail (numbered, oldest first); a
	 * point out of view is drawn outside the triangle, in red, with an exclamation mark.
	 */
	String triangle(List<TrianglePoint> points, Locale locale) {
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"triangle-svg\" viewBox=\"0 0 400 400\" ")
			.append("font-family=\"sans-serif\" font-size=\"13\" role=\"img\" aria-labelledby=\"triangle-svg-title\">")
			.append("<title id=\"triangle-svg-title\">")
			.append(escape(message("network.triangle.title", locale)))
			.append("</title>");
		svg.append(
				"<polygon id=\"triangle-shape\" points=\"200,30 25,330 375,330\" fill=\"#eef5ee\" stroke=\"#333333\" stroke-width=\"2\"/>");
		svg.append("<text x=\"200\" y=\"20\" text-anchor=\"middle\">")
			.append(escape(message("network.triangle.government", locale)))
			.append("</text>");
		svg.append("<text x=\"25\" y=\"350\" text-anchor=\"start\">")
			.append(escape(message("network.triangle.services", locale)))
			.append("</text>");
		svg.append("<text x=\"375\" y=\"350\" text-anchor=\"end\">")
			.append(escape(message("network.triangle.society", locale)))
			.append("</text>");
		StringBuilder trail = new StringBuilder();
		StringBuilder marks = new StringBuilder();
		int outside = 0;
		for (int i = 0; i < points.size(); i++) {
			TrianglePoint point = points.get(i);
			boolean last = i == points.size() - 1;
			double x;
			double y;
			if (point.outOfView()) {
				x = 40 + (outside++ % 12) * 28;
				y = 380;
				marks.append("<circle cx=\"")
					.append(Math.round(x))
					.append("\" cy=\"")
					.append(Math.round(y))
					.append("\" r=\"")
					.append(last ? 11 : 8)
					.append("\" fill=\"")
					.append(DANGER)
					.append("\"/>");
				marks.append("<text x=\"")
					.append(Math.round(x))
					.append("\" y=\"")
					.append(Math.round(y) + 5)
					.append("\" text-anchor=\"middle\" fill=\"#ffffff\" font-weight=\"bold\">!</text>");
			}
			else {
				double g = point.government() / 100.0;
				double h = point.services() / 100.0;
				double s = point.society() / 100.0;
				x = g * CORNERS[0][0] + h * CORNERS[1][0] + s * CORNERS[2][0];
				y = g * CORNERS[0][1] + h * CORNERS[1][1] + s * CORNERS[2][1];
				trail.append(Math.round(x)).append(',').append(Math.round(y)).append(' ');
				marks.append("<circle cx=\"")
					.append(Math.round(x))
					.append("\" cy=\"")
					.append(Math.round(y))
					.append("\" r=\"")
					.append(last ? 10 : 6)
					.append("\" fill=\"")
					.append(last ? "#1f4e9c" : "#7f9fcf")
					.append("\" stroke=\"#ffffff\" stroke-width=\"2\"/>");
			}
			marks.append("<text x=\"")
				.append(Math.round(x) + 12)
				.append("\" y=\"")
				.append(Math.round(y) - 8)
				.append("\" fill=\"#222222\">")
				.append(i + 1)
				.append("</text>");
		}
		if (trail.length() > 0) {
			svg.append("<polyline points=\"")
				.append(trail.toString().strip())
				.append("\" fill=\"none\" stroke=\"#7f9fcf\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>");
		}
		svg.append(marks);
		svg.append(
				"<circle id=\"triangle-marker\" cx=\"-100\" cy=\"-100\" r=\"9\" fill=\"none\" stroke=\"#000000\" stroke-width=\"3\"/>");
		svg.append("</svg>");
		return svg.toString();
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	static String escape(String text) {
		if (text == null) {
			return "";
		}
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
