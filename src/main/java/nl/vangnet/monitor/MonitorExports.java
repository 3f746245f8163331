package nl.vangnet.monitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.vangnet.platform.pdf.PdfRenderer;
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
			case CSV -> csv(report, tables);
			case XLSX -> xlsx(tables);
			case PDF -> pdf(report, tables, locale);
		};
	}

	/** One line per table row: table, row, then the columns' values. */
	static byte[] csv(Map<String, Object> report, List<MonitorTables.Table> tables) {
		StringBuilder csv = new StringBuilder();
		csv.append(line(List.of(MonitorReport.FORMAT, String.valueOf(report.get("from")),
				String.valueOf(report.get("to")), String.join(" ", (List<String>) report.get("organisations")))));
		for (MonitorTables.Table table : tables) {
			csv.append(line(prepend(table.title(), table.columns())));
			for (MonitorTables.Row row : table.rows()) {
				csv.append(line(prepend(table.title(), prepend(row.label(), row.values()))));
			}
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static List<String> prepend(String first, List<String> rest) {
		java.util.List<String> all = new java.util.ArrayList<>();
		all.add(first);
		all.addAll(rest);
		return all;
	}

	private static String line(List<String> values) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			String value = values.get(i);
			if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
				line.append('"').append(value.replace("\"", "\"\"")).append('"');
			}
			else {
				line.append(value);
			}
		}
		return line.append("\r\n").toString();
	}

	static byte[] xlsx(List<MonitorTables.Table> tables) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			int n = 1;
			for (MonitorTables.Table table : tables) {
				String name = (n++) + " " + table.title().replaceAll("[\\\\/?*\\[\\]:]", " ");
				Sheet sheet = workbook.createSheet(name.substring(0, Math.min(31, name.length())));
				Row header = sheet.createRow(0);
				for (int c = 0; c < table.columns().size(); c++) {
					header.createCell(c).setCellValue(table.columns().get(c));
				}
				int r = 1;
				for (MonitorTables.Row row : table.rows()) {
					Row line = sheet.createRow(r++);
					line.createCell(0).setCellValue(row.label());
					for (int c = 0; c < row.values().size(); c++) {
						String value = row.values().get(c);
						if (value.matches("\\d+")) {
							line.createCell(c + 1).setCellValue(Long.parseLong(value));
						}
						else {
							line.createCell(c + 1).setCellValue(value);
						}
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

	byte[] pdf(Map<String, Object> report, List<MonitorTables.Table> tables, Locale locale) {
		return this.pdf.render("monitor/report-pdf", Map.of("report", report, "tables", tables), locale);
	}

}
