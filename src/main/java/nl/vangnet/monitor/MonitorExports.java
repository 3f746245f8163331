package nl.vangnet.monitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.vangnet.platform.pdf.PdfRenderer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.stereotype.Component;

/**
 * The monitor's tables as a CSV file, an XLSX workbook (one sheet per table) and a PDF
 * report. Only what the tables show: no names, no free text, suppressed cells as such.
 */
@Component
class MonitorExports {

	enum Format {

		CSV("text/csv;charset=UTF-8", "csv"),
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
		PDF("application/pdf", "pdf");

		final String contentType;

		final String extension;

		Format(String contentType, String extension) {
			this.contentType = contentType;
			this.extension = extension;
		}

	}

	private final PdfRenderer pdf;

	MonitorExports(PdfRenderer pdf) {
		this.pdf = pdf;
	}

	byte[] export(Format format, Map<String, Object> report, List<MonitorTables.Table> tables, Locale locale) {
		return switch (format) {
			case CSV -> csv(report, tables, locale);
			case XLSX -> xlsx(tables, locale);
			case PDF -> pdf(report, tables, locale);
		};
	}

	/**
	 * One line per table row: table, row, then the columns' values. In Dutch the values
	 * are separated by {@code ;} and the file starts with a UTF-8 byte order mark, as
	 * Dutch Excel expects (the decimal comma is taken); in English by {@code ,}.
	 */
	static byte[] csv(Map<String, Object> report, List<MonitorTables.Table> tables, Locale locale) {
		char separator = separator(locale);
		StringBuilder csv = new StringBuilder();
		if (separator == ';') {
			csv.append('\uFEFF');
		}
		csv.append(
				line(List.of(MonitorReport.FORMAT, String.valueOf(report.get("from")), String.valueOf(report.get("to")),
						String.join(" ", (List<String>) report.get("organisations"))), separator));
		for (MonitorTables.Table table : tables) {
			csv.append(line(prepend(table.title(), table.columns()), separator));
			for (MonitorTables.Row row : table.rows()) {
				csv.append(line(prepend(table.title(), prepend(row.label(), row.values())), separator));
			}
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The list separator of a spreadsheet in the reader's language. */
	static char separator(Locale locale) {
		return ("nl".equals(locale.getLanguage())) ? ';' : ',';
	}

	private static List<String> prepend(String first, List<String> rest) {
		java.util.List<String> all = new java.util.ArrayList<>();
		all.add(first);
		all.addAll(rest);
		return all;
	}

	private static String line(List<String> values, char separator) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				line.append(separator);
			}
			String value = values.get(i);
			if (value.indexOf(separator) >= 0 || value.contains("\"") || value.contains("\n")) {
				line.append('"').append(value.replace("\"", "\"\"")).append('"');
			}
			else {
				line.append(value);
			}
		}
		return line.append("\r\n").toString();
	}

	/**
	 * One sheet per table, its name the table's title shortened at a word within the 31
	 * characters a sheet name may have; counts, means and percentages are numbers (a
	 * percentage a number with a percent format), a suppressed cell its text.
	 */
	static byte[] xlsx(List<MonitorTables.Table> tables, Locale locale) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle percent = workbook.createCellStyle();
			percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
			CellStyle decimal = workbook.createCellStyle();
			decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
			int n = 1;
			for (MonitorTables.Table table : tables) {
				Sheet sheet = workbook.createSheet(sheetName(n++, table.title()));
				Row header = sheet.createRow(0);
				for (int c = 0; c < table.columns().size(); c++) {
					header.createCell(c).setCellValue(table.columns().get(c));
				}
				int r = 1;
				for (MonitorTables.Row row : table.rows()) {
					Row line = sheet.createRow(r++);
					line.createCell(0).setCellValue(row.label());
					for (int c = 0; c < row.values().size(); c++) {
						write(line.createCell(c + 1), row.values().get(c), locale, percent, decimal);
					}
				}
				sheet.setColumnWidth(0, 60 * 256);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("-?[0-9.,]+(%?)");

	private static void write(org.apache.poi.ss.usermodel.Cell cell, String value, Locale locale, CellStyle percent,
			CellStyle decimal) {
		if (value.matches("\\d+")) {
			cell.setCellValue(Long.parseLong(value));
			return;
		}
		java.util.regex.Matcher matcher = DECIMAL.matcher(value);
		if (matcher.matches()) {
			java.text.ParsePosition position = new java.text.ParsePosition(0);
			Number number = MonitorTables.oneDecimal(locale).parse(value, position);
			if (number != null && position.getIndex() == value.length() - matcher.group(1).length()) {
				boolean isPercent = !matcher.group(1).isEmpty();
				cell.setCellValue(isPercent ? number.doubleValue() / 100 : number.doubleValue());
				cell.setCellStyle(isPercent ? percent : decimal);
				return;
			}
		}
		cell.setCellValue(value);
	}

	/**
	 * A sheet's name: its number and the table's title, without the characters a sheet
	 * name may not have, shortened at a word boundary to at most 31 characters.
	 */
	static String sheetName(int number, String title) {
		String name = number + " " + title.replaceAll("[\\\\/?*\\[\\]:]", " ").replaceAll("\\s+", " ").strip();
		if (name.length() <= 31) {
			return name;
		}
		int cut = name.lastIndexOf(' ', 31);
		String shortened = (cut > String.valueOf(number).length()) ? name.substring(0, cut) : name.substring(0, 31);
		return shortened.replaceAll("[\\s,;.:(–-]+$", "");
	}

	byte[] pdf(Map<String, Object> report, List<MonitorTables.Table> tables, Locale locale) {
		// The period as the pages write dates.
		java.time.format.DateTimeFormatter dates = java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy");
		String period = java.time.LocalDate.parse(String.valueOf(report.get("from"))).format(dates) + " – "
				+ java.time.LocalDate.parse(String.valueOf(report.get("to"))).format(dates);
		return this.pdf.render("monitor/report-pdf", Map.of("report", report, "tables", tables, "period", period),
				locale);
	}

}
