package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Progress per domain in the browser: a scoring moment (the worker's score and, beside
 * it, the client's own), the star of the first and latest moment, a line per domain, and
 * the same as a table. The charts get their data through a data attribute; the script is
 * a static file.
 */
@Controller
class ProgressController {

	/** What the form sends for "n.v.t.". */
	static final String NOT_APPLICABLE = "NVT";

	private final ProgressService service;

	private final JsonMapper json;

	private final MessageSource messages;

	ProgressController(ProgressService service, JsonMapper json, MessageSource messages) {
		this.service = service;
		this.json = json;
		this.messages = messages;
	}

	@GetMapping("/households/{id}/progress")
	String page(@PathVariable UUID id, @RequestParam(required = false) String instrument,
			@RequestParam(required = false) String member, Model model, Locale locale) {
		List<DomainException> errors = new ArrayList<>();
		return page(progress(id, instrument, member, locale, errors), model, errors, null, locale);
	}

	@PostMapping("/households/{id}/progress")
	String record(@PathVariable UUID id, ScoreForm form, BindingResult result, Model model, Locale locale,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
		List<DomainException> errors = new ArrayList<>();
		try {
			FormErrors.throwIfAny(result);
			this.service.record(id, form.instrument(), form.scoredOn(), form.scores(), form.member(), locale);
			redirect.addFlashAttribute("saved", "score.saved");
			UriComponentsBuilder target = UriComponentsBuilder.fromPath("/households/{id}/progress")
				.queryParam("instrument", form.instrument());
			if (form.member() != null && !form.member().isBlank()) {
				target.queryParam("member", form.member());
			}
			return "redirect:" + target.buildAndExpand(id).toUriString();
		}
		catch (DomainErrors ex) {
			errors.addAll(ex.errors());
		}
		catch (DomainException ex) {
			errors.add(ex);
		}
		response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
		return page(progress(id, form.instrument(), form.member(), locale, errors), model, errors, form, locale);
	}

	/**
	 * The progress on the instrument asked for; on the default instrument, with the
	 * reason among the errors, when that code is not an instrument.
	 */
	private ProgressService.ProgressView progress(UUID id, String instrument, String member, Locale locale,
			List<DomainException> errors) {
		try {
			return this.service.progress(id, instrument, member, locale);
		}
		catch (DomainException ex) {
			errors.add(ex);
			try {
				return this.service.progress(id, instrument, null, locale);
			}
			catch (DomainException again) {
				return this.service.progress(id, null, null, locale);
			}
		}
	}

	/**
	 * The page; each error in its summary, linked to its field of the scoring form as
	 * rendered (the date, or the domain's select of the worker or the client, named by
	 * its label), and the form as it was sent.
	 */
	private String page(ProgressService.ProgressView view, Model model, List<DomainException> errors, ScoreForm form,
			Locale locale) {
		List<ScoringMoment.Score> sent = (form != null) ? form.scores() : List.of();
		for (DomainException error : errors) {
			String message = this.messages.getMessage(error.messageKey(), error.arguments(), error.messageKey(),
					locale);
			String target = "scored-on";
			String label = null;
			java.util.regex.Matcher score = SCORE_PATH.matcher((error.field() != null) ? error.field() : "");
			if (score.matches() && Integer.parseInt(score.group(1)) < sent.size()) {
				ScoringMoment.Score given = sent.get(Integer.parseInt(score.group(1)));
				for (int i = 0; i < view.domains().size(); i++) {
					if (view.domains().get(i).code().equals(given.domain())) {
						boolean client = given.rater() == Rater.CLIENT;
						target = (client ? "client-" : "worker-") + i;
						label = view.domains().get(i).label() + ": "
								+ this.messages.getMessage(client ? "progress.self" : "progress.worker", null, locale);
					}
				}
			}
			else if ("scores".equals(error.field())) {
				target = "worker-0";
			}
			else if ("member".equals(error.field())) {
				target = "progress-member";
			}
			else if ("scoredOn".equals(error.field())) {
				label = this.messages.getMessage("progress.date", null, locale);
			}
			ErrorSummary.add(model, "progress-form", error.field(), target, label, message);
		}
		model.addAttribute("progress", view);
		model.addAttribute("chartJson", this.json.writeValueAsString(view.chart()));
		model.addAttribute("instruments", this.service.instruments());
		model.addAttribute("typed", form);
		return "plan/progress";
	}

	/** The field of one sent score: {@code scores[2].score}. */
	private static final java.util.regex.Pattern SCORE_PATH = java.util.regex.Pattern.compile("scores\\[(\\d+)]\\..+");

	/**
	 * A scoring moment as the form gives it: per domain code the worker's and the
	 * client's score, each {@code 1}–{@code 5}, {@value #NOT_APPLICABLE} or empty (not
	 * scored).
	 */
	record ScoreForm(String instrument, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate scoredOn,
			Map<String, String> worker, Map<String, String> client, String member) {

		List<ScoringMoment.Score> scores() {
			List<ScoringMoment.Score> scores = new ArrayList<>();
			add(scores, this.worker, Rater.WORKER);
			add(scores, this.client, Rater.CLIENT);
			return scores;
		}

		private static void add(List<ScoringMoment.Score> scores, Map<String, String> given, Rater rater) {
			if (given == null) {
				return;
			}
			given.forEach((domain, value) -> {
				if (value == null || value.isBlank()) {
					return;
				}
				if (NOT_APPLICABLE.equals(value)) {
					scores.add(new ScoringMoment.Score(domain, rater, null));
					return;
				}
				try {
					scores.add(new ScoringMoment.Score(domain, rater, Integer.valueOf(value)));
				}
				catch (NumberFormatException ex) {
					scores.add(new ScoringMoment.Score(domain, rater, -1));
				}
			});
		}

	}

}
