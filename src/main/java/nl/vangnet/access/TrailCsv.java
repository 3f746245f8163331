package nl.vangnet.access;

import java.util.List;

/**
 * Lines of RFC 4180 CSV (comma, CRLF, quotes doubled), with cells that a spreadsheet
 * would run as a formula prefixed by an apostrophe.
 */
final class TrailCsv {

	private TrailCsv() {
	}

	static String line(List<String> values) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			String value = values.get(i);
			if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
				value = "'" + value;
			}
			if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
				line.append('"').append(value.replace("\"", "\"\"")).append('"');
			}
			else {
				line.append(value);
			}
		}
		return line.append("\r\n").toString();
	}

}
