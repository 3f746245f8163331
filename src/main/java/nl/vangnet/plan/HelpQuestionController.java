package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.household.HelpQuestionStatus;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.web.Conflicts;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A family's help questions in the browser: the list (acute ones first) with their
 * history, recording a new one, and revising one (a conflict shows what it is now).
 */
@Controller
class HelpQuestionController {

	private final HelpQuestionService service;

	private final MessageSource messages;

	private final Conflicts conflicts;

	HelpQuestionController(HelpQuestionService service, MessageSource messages, Conflicts conflicts) {
		this.service = service;
		this.messages = messages;
		this.conflicts = conflicts;
	}

	@GetMapping("/households/{id}/help-questions")
	String page(@PathVariable UUID id, Model model, Locale locale) {
		model.addAttribute("form", new QuestionForm(null, null, null, null, null, null));
		return page(id, model, locale, null);
	}

	@PostMapping("/households/{id}/help-questions")
	String record(@PathVariable UUID id, @ModelAttribute("form") QuestionForm form, BindingResult result, Model model,
			Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			FormErrors.throwIfAny(result);
			this.service.record(id, form.command(), locale);
			redirect.addFlashAttribute("saved", "helpQuestion.saved");
			return "redirect:" + url("/households/{id}/help-questions", id);
		}
		catch (DomainErrors ex) {
			if (!result.hasErrors()) {
				FormErrors.reject(result, ex);
			}
		}
		catch (DomainException ex) {
			FormErrors.reject(result, ex);
		}
		FormErrors.keep(model, "form", form, result);
		model.addAttribute(ErrorSummary.TARGETS, NEW_QUESTION_FIELDS);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return page(id, model, locale, null);
	}

	@PostMapping("/help-questions/{id}")
	String revise(@PathVariable UUID id, RevisionForm form, BindingResult result, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		HelpQuestionService.QuestionView question = this.service.question(id, locale);
		model.addAttribute("form", new QuestionForm(null, null, null, null, null, null));
		try {
			FormErrors.throwIfAny(result);
			this.service.revise(id, form.command(), locale);
			redirect.addFlashAttribute("saved", "helpQuestion.revised");
			return "redirect:" + url("/households/{id}/help-questions", question.household());
		}
		catch (ConflictException ex) {
			this.conflicts.show(ex, "helpQuestion.conflict.title", model, response);
			model.addAttribute("typed", form);
			return page(question.household(), model, locale, new ReviseErrors(id, List.of(), true));
		}
		catch (DomainException ex) {
			return refused(question, List.of(ex), form, model, locale, response);
		}
		catch (DomainErrors ex) {
			return refused(question, ex.errors(), form, model, locale, response);
		}
	}

	/** The page again, the question's form as it was sent, its errors summarised. */
	private String refused(HelpQuestionService.QuestionView question, List<DomainException> errors, RevisionForm form,
			Model model, Locale locale, HttpServletResponse response) {
		model.addAttribute("typed", form);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		String view = page(question.household(), model, locale,
				new ReviseErrors(question.id(),
						errors.stream()
							.map((e) -> this.messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale))
							.toList(),
						false));
		summarise(model, question.id(), (HelpQuestionService.Overview) model.getAttribute("overview"), errors, locale);
		return view;
	}

	/** The element ids of the new question's fields, by the names errors give them. */
	private static final java.util.Map<String, String> NEW_QUESTION_FIELDS = java.util.Map.of("", "question-member",
			"member", "question-member", "domain", "question-domain", "monitorCode", "question-monitor-code",
			"description", "question-description", "openedOn", "question-opened", "acute", "question-acute");

	/**
	 * The errors in the page's summary, linked to their fields in the question's form as
	 * rendered ({@code revise-status-2} for the third question's status), each field
	 * marked invalid and described by its message.
	 */
	private void summarise(Model model, UUID question, HelpQuestionService.Overview overview,
			List<DomainException> errors, Locale locale) {
		List<UUID> shown = overview.questions().stream().map(HelpQuestionService.QuestionView::id).toList();
		int index = shown.indexOf(question);
		for (DomainException e : errors) {
			String field = switch ((e.field() != null) ? e.field() : "") {
				case "status" -> "revise-status-";
				case "closedOn" -> "revise-closed-";
				case "monitorCode" -> "revise-monitor-code-";
				default -> "revise-description-";
			};
			String label = this.messages.getMessage(switch (field) {
				case "revise-status-" -> "helpQuestion.status";
				case "revise-closed-" -> "helpQuestion.closedOnLabel";
				case "revise-monitor-code-" -> "helpQuestion.monitorCode";
				default -> "helpQuestion.description";
			}, null, locale);
			ErrorSummary.add(model, "revise-" + question, e.field(), field + index, label,
					this.messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
		}
	}

	private String page(UUID id, Model model, Locale locale, ReviseErrors errors) {
		model.addAttribute("overview", this.service.overview(id, locale));
		model.addAttribute("statuses", HelpQuestionStatus.values());
		model.addAttribute("reviseErrors", errors);
		return "plan/help-questions";
	}

	static String url(String template, Object... values) {
		return UriComponentsBuilder.fromPath(template).buildAndExpand(values).toUriString();
	}

	/**
	 * A new question as the form gives it; {@code member} is a member's reference or
	 * empty for the household.
	 */
	record QuestionForm(String member, String domain, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn,
			Boolean acute, String description, String monitorCode) {

		HelpQuestionService.NewQuestion command() {
			return new HelpQuestionService.NewQuestion(this.member, this.domain, this.openedOn, this.acute,
					this.description, this.monitorCode);
		}

	}

	record RevisionForm(Integer version, String description, Boolean acute, HelpQuestionStatus status,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closedOn, String monitorCode) {

		HelpQuestionService.Revision command() {
			return new HelpQuestionService.Revision(this.version, this.description, this.acute, this.status,
					this.closedOn, this.monitorCode);
		}

	}

	/**
	 * What went wrong revising one question; {@code conflict}: someone else changed it.
	 */
	record ReviseErrors(UUID question, List<String> messages, boolean conflict) {
	}

}
