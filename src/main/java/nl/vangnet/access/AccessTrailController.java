package nl.vangnet.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.web.ErrorSummary;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The access trail in the browser: a coordinator's view of their organisation's client
 * data (names, filters by period, person, action and subject, paged through everything,
 * and the export as CSV), and an administrator's view of sign-ins.
 */
@Controller
class AccessTrailController {

	static final int PAGE = 50;

	private static final int SIGN_INS = 200;

	private final AccessTrail trail;

	private final TrailReading reading;

	private final MessageSource messages;

	private final Clock clock;

	private final TrailIntegrity integrity;

	AccessTrailController(AccessTrail trail, TrailReading reading, MessageSource messages, Clock clock,
			TrailIntegrity integrity) {
		this.trail = trail;
		this.reading = reading;
		this.messages = messages;
		this.clock = clock;
		this.integrity = integrity;
	}

	@GetMapping("/access-trail")
	String organisationTrail(@ModelAttribute("query") TrailQuery query,
			@RequestParam(name = "verify", required = false) String verify, Model model, Locale locale,
			HttpServletResponse response) {
		List<DomainException> errors = new ArrayList<>();
		TrailFilter filter = query.filter(LocalDate.now(this.clock), errors);
		Long before = query.beforeId(errors);
		model.addAttribute("people", this.reading.people());
		model.addAttribute("actions", AccessAction.values());
		if (!errors.isEmpty()) {
			return invalid(errors, model, locale, response);
		}
		// from the last checkpoints, or from the first rows when asked (?verify=full)
		model.addAttribute("chains", this.integrity.ofOrganisation("full".equals(verify)));
		TrailPage page = this.reading.page(filter, before, PAGE);
		model.addAttribute("entries", page.entries());
		model.addAttribute("nextUrl",
				(page.next() != null) ? ServletUriComponentsBuilder.fromCurrentRequest()
					.replaceQueryParam("before", page.next())
					.toUriString() : null);
		model.addAttribute("newestUrl", (before != null)
				? ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("before").toUriString() : null);
		return "access/trail";
	}

	/**
	 * The trail of the filter (a period) as CSV, for the privacy officer; the export is
	 * itself in the trail.
	 */
	@GetMapping("/access-trail/export")
	String export(@ModelAttribute("query") TrailQuery query, Model model, Locale locale, HttpServletResponse response)
			throws IOException {
		List<DomainException> errors = new ArrayList<>();
		TrailFilter filter = query.filter(LocalDate.now(this.clock), errors);
		if (!errors.isEmpty()) {
			model.addAttribute("people", this.reading.people());
			model.addAttribute("actions", AccessAction.values());
			return invalid(errors, model, locale, response);
		}
		writeCsv(this.reading, filter, locale, response);
		return null;
	}

	static void writeCsv(TrailReading reading, TrailFilter filter, Locale locale, HttpServletResponse response)
			throws IOException {
		reading.requireRecentCheck();
		response.setContentType("text/csv;charset=UTF-8");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName(filter)).build().toString());
		reading.export(filter, response.getWriter(), locale);
	}

	static String fileName(TrailFilter filter) {
		return "access-trail" + ((filter.from() != null) ? "-" + filter.from() : "")
				+ ((filter.to() != null) ? "-" + filter.to() : "") + ".csv";
	}

	/** The label of each filter field, by the name that errors give it. */
	private static final Map<String, String> LABELS = Map.of("from", "trail.filter.from", "to", "trail.filter.to",
			"person", "trail.filter.person", "action", "trail.filter.action", "subject", "trail.subject");

	private String invalid(List<DomainException> errors, Model model, Locale locale, HttpServletResponse response) {
		Map<String, String> messages = new LinkedHashMap<>();
		errors.forEach((error) -> messages.putIfAbsent(error.field(),
				this.messages.getMessage(error.messageKey(), error.arguments(), error.messageKey(), locale)));
		model.addAttribute("errors", messages);
		ErrorSummary.heading(model, "trail.errors");
		// Linked to the filter's field as rendered, named by its label; a page of the
		// trail
		// that does not exist is no field's.
		messages.forEach((field, message) -> {
			String label = LABELS.get(field);
			if (label != null) {
				ErrorSummary.add(model, "trail-filter", field, "trail-" + field,
						this.messages.getMessage(label, null, locale), message);
			}
			else {
				ErrorSummary.add(model, "trail-filter", null, message);
			}
		});
		model.addAttribute("entries", List.of());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return "access/trail";
	}

	@GetMapping("/admin/sign-ins")
	String signIns(Model model) {
		model.addAttribute("entries", this.trail.signIns(SIGN_INS));
		return "access/sign-ins";
	}

}
