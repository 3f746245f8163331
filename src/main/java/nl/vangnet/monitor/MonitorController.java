package nl.vangnet.monitor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.vangnet.access.AccessAction;
import nl.vangnet.platform.DomainException;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The monitor page: choose a period and organisations, see the seed's tables with their
 * charts, download them.
 */
@Controller
class MonitorController {

	private final MonitorService monitor;

	private final MonitorTables tables;

	private final MessageSource messages;

	private final Clock clock;

	MonitorController(MonitorService monitor, MonitorTables tables, MessageSource messages, Clock clock) {
		this.monitor = monitor;
		this.tables = tables;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/monitor")
	@SuppressWarnings("unchecked")
	String monitor(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) List<String> organisations, Locale locale, Model model) {
		LocalDate until = (to != null) ? to : LocalDate.now(this.clock);
		LocalDate since = (from != null) ? from : until.minusYears(1).plusDays(1);
		MonitorService.Choice choice = this.monitor.choice();
		model.addAttribute("from", since);
		model.addAttribute("to", until);
		model.addAttribute("choice", choice);
		model.addAttribute("participantCodes", String.join(",", choice.participantCodes()));
		try {
			Map<String, Object> report = this.monitor.monitor(since, until, organisations, AccessAction.VIEW, null);
			model.addAttribute("report", report);
			model.addAttribute("selected", String.join(",", (List<String>) report.get("organisations")));
			model.addAttribute("tables", this.tables.tables(report, locale));
		}
		catch (DomainException ex) {
			model.addAttribute("error", this.messages.getMessage(ex.messageKey(), ex.arguments(), locale));
		}
		return "monitor/monitor";
	}

}
