package nl.vangnet.monitor;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.vangnet.access.AccessAction;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The anonymised monitor as vangnet-monitor/1 JSON, and as a CSV, XLSX or PDF download.
 */
@RestController
@RequestMapping("/api/v1/monitor")
class MonitorApiController {

	private final MonitorService monitor;

	private final MonitorTables tables;

	private final MonitorExports exports;

	MonitorApiController(MonitorService monitor, MonitorTables tables, MonitorExports exports) {
		this.monitor = monitor;
		this.tables = tables;
		this.exports = exports;
	}

	/**
	 * @param organisations organisation codes (repeated or comma-separated); omitted:
	 * every participant for a researcher, the own organisation for a coordinator
	 */
	@GetMapping
	Map<String, Object> monitor(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) List<String> organisations) {
		return this.monitor.monitor(from, to, organisations, AccessAction.VIEW, null);
	}

	@GetMapping("/export")
	ResponseEntity<byte[]> export(@RequestParam(defaultValue = "CSV") MonitorExports.Format format,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) List<String> organisations) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> report = this.monitor.monitor(from, to, organisations, AccessAction.EXPORT, format.name());
		byte[] body = this.exports.export(format, report, this.tables.tables(report, locale), locale);
		String name = "vangnet-monitor-" + from + "-" + to + "." + format.extension;
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, format.contentType)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
