package nl.vangnet.monitor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.vangnet.access.AccessAction;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.InputRules;

import org.springframework.context.MessageSource;
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
	String monitor(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) List<String> organisations, Locale locale, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		LocalDate typedTo = date("to", to, locale, model);
		LocalDate typedFrom = date("from", from, locale, model);
		LocalDate until = (typedTo != null) ? typedTo : LocalDate.now(this.clock);
		LocalDate since = (typedFrom != null) ? typedFrom : until.minusYears(1).plusDays(1);
		MonitorService.Choice choice = this.monitor.choice();
		model.addAttribute("from", (from != null && typedFrom == null) ? from : since.toString());
		model.addAttribute("to", (to != null && typedTo == null) ? to : until.toString());
		model.addAttribute("choice", choice);
		model.addAttribute("participantCodes", String.join(",", choice.participantCodes()));
		if (model.getAttribute("dateErrors") != null) {
			response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
			return "monitor/monitor";
		}
		try {
			Map<String, Object> report = this.monitor.monitor(since, until, organisations, AccessAction.VIEW, null);
			model.addAttribute("report", report);
			model.addAttribute("selected", String.join(",", (List<String>) report.get("organisations")));
			model.addAttribute("tables", this.tables.tables(report, locale));
		}
		catch (DomainException ex) {
			String message = this.messages.getMessage(ex.messageKey(), ex.arguments(), locale);
			summarise(model, ex.field(), message, locale);
			fieldError(model, ex.field(), message);
			response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
		}
		return "monitor/monitor";
	}

	/**
	 * A date of the period as typed: an unreadable one is a field error on the form (in
	 * the summary at the top and beside the field), never the general error page.
	 */
	private LocalDate date(String field, String text, Locale locale, Model model) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (InputRules.plausible(date, this.clock)) {
				return date;
			}
		}
		catch (java.time.format.DateTimeParseException ex) {
			// below
		}
		String message = this.messages.getMessage("monitor." + field + ".invalid", null, locale);
		summarise(model, field, message, locale);
		fieldError(model, field, message);
		model.addAttribute("dateErrors", true);
		return null;
	}

	/**
	 * Puts the error in the page's summary, linked to the period's field or the choice of
	 * organisations as rendered and named by its label (an error of the report as a whole
	 * links to the first field).
	 */
	private void summarise(Model model, String field, String message, Locale locale) {
		String target = ("to".equals(field) || "organisations".equals(field)) ? field : "from";
		ErrorSummary.add(model, "monitor-form", field, target,
				this.messages.getMessage("monitor." + target, null, locale), message);
	}

	@SuppressWarnings("unchecked")
	private static void fieldError(Model model, String field, String message) {
		Map<String, String> errors = (Map<String, String>) model.getAttribute("fieldErrors");
		if (errors == null) {
			errors = new java.util.HashMap<>();
			model.addAttribute("fieldErrors", errors);
		}
		errors.put((field != null) ? field : "", message);
	}

}
