package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.household.Helped;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.pdf.PdfRenderer;
import nl.vangnet.platform.web.Conflicts;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The family's plan in the browser: goals and their actions, evaluation moments, internal
 * notes, and the family's copy as a printable page and a PDF. Every change is a POST that
 * redirects back to the plan; what went wrong is shown next to the form it concerns.
 */
@Controller
class PlanController {

	private final PlanService service;

	private final PdfRenderer pdf;

	private final MessageSource messages;

	private final Conflicts conflicts;

	PlanController(PlanService service, PdfRenderer pdf, MessageSource messages, Conflicts conflicts) {
		this.service = service;
		this.pdf = pdf;
		this.messages = messages;
		this.conflicts = conflicts;
	}

	@GetMapping("/households/{id}/plan")
	String plan(@PathVariable UUID id, Model model, Locale locale) {
		return page(id, model, locale, null);
	}

	@PostMapping("/households/{id}/plan/goals")
	String addGoal(@PathVariable UUID id, GoalForm form, BindingResult result, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("typed", form);
		return handle(id, "goal", result, () -> {
			FormErrors.throwIfAny(result);
			return this.service.addGoal(id, new PlanService.NewGoal(form.member(), form.domain(), form.description()),
					locale);
		}, "goal.saved", model, locale, redirect, response);
	}

	@PostMapping("/plan/goals/{id}")
	String adjustGoal(@PathVariable UUID id, GoalChangeForm form, BindingResult result, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		UUID household = this.service.householdOfGoal(id);
		model.addAttribute("typed", form);
		return handle(household, "goal-" + id, result, () -> {
			FormErrors.throwIfAny(result);
			return this.service.adjustGoal(id,
					new PlanService.GoalChange(form.version(), form.description(), form.status()), locale);
		}, "goal.adjusted", model, locale, redirect, response);
	}

	@PostMapping("/plan/goals/{id}/actions")
	String addAction(@PathVariable UUID id, ActionForm form, BindingResult result, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		UUID household = this.service.householdOfGoal(id);
		model.addAttribute("typed", form);
		return handle(household, "actions-" + id, result, () -> {
			FormErrors.throwIfAny(result);
			return this.service.addAction(id, new PlanService.NewAction(form.description(), form.actor(),
					form.actorName(), form.partner(), form.dueOn()));
		}, "planAction.saved", model, locale, redirect, response);
	}

	@PostMapping("/plan/actions/{id}")
	String changeAction(@PathVariable UUID id, ActionChangeForm form, BindingResult result, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		UUID household = this.service.householdOfAction(id);
		model.addAttribute("typed", form);
		return handle(household, "action-" + id, result, () -> {
			FormErrors.throwIfAny(result);
			return this.service.changeAction(id, new PlanService.ActionChange(form.version(), form.description(),
					form.actor(), form.actorName(), form.partner(), form.dueOn(), form.status()));
		}, "planAction.changed", model, locale, redirect, response);
	}

	@PostMapping("/households/{id}/plan/evaluations")
	String evaluate(@PathVariable UUID id, EvaluationForm form, BindingResult result, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("typed", form);
		return handle(id, "evaluation", result, () -> {
			FormErrors.throwIfAny(result);
			FormErrors.checkTexts("goalText", form.goalText());
			return this.service.evaluate(id, form.command(), locale);
		}, "evaluation.saved", model, locale, redirect, response);
	}

	@PostMapping("/households/{id}/plan/notes")
	String addNote(@PathVariable UUID id, NoteForm form, BindingResult result, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		model.addAttribute("typed", form);
		return handle(id, "note", result, () -> {
			FormErrors.throwIfAny(result);
			this.service.addNote(id, form.text());
			return null;
		}, "note.saved", model, locale, redirect, response);
	}

	/** The family's copy as a page to print (or read on a phone). */
	@GetMapping("/households/{id}/plan/family-copy")
	String familyCopy(@PathVariable UUID id, Model model, Locale locale) {
		model.addAttribute("copy", this.service.familyCopy(id, locale));
		model.addAttribute("pdf", false);
		return "plan/family-copy";
	}

	/** The family's copy as a PDF to take home. */
	@GetMapping("/households/{id}/plan/family-copy.pdf")
	ResponseEntity<byte[]> familyCopyPdf(@PathVariable UUID id, Locale locale) {
		byte[] bytes = this.pdf.render("plan/family-copy", Map.of("copy", this.service.familyCopy(id, locale)), locale);
		return PdfRenderer.response(bytes,
				ContentDisposition.inline().filename(this.messages.getMessage("plan.copy.file", null, locale)).build());
	}

	private String handle(UUID household, String target, BindingResult result, java.util.function.Supplier<Object> work,
			String saved, Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		List<DomainException> problems;
		try {
			work.get();
			redirect.addFlashAttribute("saved", saved);
			return "redirect:" + HelpQuestionController.url("/households/{id}/plan", household);
		}
		catch (ConflictException ex) {
			this.conflicts.show(ex, target.startsWith("action-") ? "planAction.conflict.title" : "goal.conflict.title",
					model, response);
			return page(household, model, locale, new PlanErrors(target, List.of(), true));
		}
		catch (DomainErrors ex) {
			problems = ex.errors();
		}
		catch (DomainException ex) {
			problems = List.of(ex);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		List<String> messages = problems.stream().map((e) -> message(e, locale)).toList();
		String page = page(household, model, locale, new PlanErrors(target, messages, false));
		// The summary (ErrorSummaryInterceptor) links each error to its field as rendered
		// and names it: the binding's errors when the form could not be read, else the
		// domain's.
		PlanService.PlanView plan = (PlanService.PlanView) model.getAttribute("plan");
		Map<String, String> targets = new java.util.HashMap<>();
		Map<String, String> labels = new java.util.HashMap<>();
		targets.put("", field(target, "", plan, model.getAttribute("typed")).id());
		for (DomainException problem : problems) {
			if (problem.field() != null) {
				Field field = field(target, problem.field(), plan, model.getAttribute("typed"));
				targets.put(problem.field(), field.id());
				labels.put(problem.field(), (field.labelKey() != null)
						? this.messages.getMessage(field.labelKey(), field.arguments(), field.labelKey(), locale)
						: field.label());
			}
		}
		model.addAttribute(ErrorSummary.TARGETS, targets);
		model.addAttribute(ErrorSummary.LABELS, labels);
		if (!result.hasErrors()) {
			model.addAttribute(ErrorSummary.PROBLEMS, problems);
		}
		return page;
	}

	private String message(DomainException error, Locale locale) {
		return this.messages.getMessage(error.messageKey(), error.arguments(), error.messageKey(), locale);
	}

	/**
	 * The field of the plan page's form that an error names, as rendered: its element's
	 * id, and the message key of its label (or, without a key, the label itself). An
	 * error of another field, or of the form as a whole, goes to the form's first field.
	 * @param target which form: {@code goal}, {@code goal-<id>}, {@code actions-<goal>},
	 * {@code action-<id>}, {@code evaluation} or {@code note}
	 */
	private static Field field(String target, String name, PlanService.PlanView plan, Object typed) {
		String field = (name != null) ? name : "";
		if (target.equals("goal")) {
			return switch (field) {
				case "member" -> new Field("goal-member", "helpQuestion.member", null);
				case "domain" -> new Field("goal-domain", "helpQuestion.domain", null);
				default -> new Field("goal-description", "goal.description", null);
			};
		}
		if (target.startsWith("goal-")) {
			int i = goalIndex(plan, target.substring("goal-".length()));
			return "status".equals(field) ? new Field("goal-status-" + i, "goal.status", null)
					: new Field("goal-description-" + i, "goal.description", null);
		}
		if (target.startsWith("actions-")) {
			String i = String.valueOf(goalIndex(plan, target.substring("actions-".length())));
			return actionField("new-action-", field, i, false);
		}
		if (target.startsWith("action-")) {
			return actionField("action-", field, target.substring("action-".length()), true);
		}
		if (target.equals("evaluation")) {
			return evaluationField(field, plan, typed);
		}
		return new Field("note-text", "note.text", null);
	}

	private static Field actionField(String prefix, String field, String suffix, boolean status) {
		return switch (field) {
			case "actor" -> new Field(prefix + "actor-" + suffix, "planAction.actor", null);
			case "actorName" -> new Field(prefix + "name-" + suffix, "planAction.actorName", null);
			case "partner" -> new Field(prefix + "partner-" + suffix, "planAction.partner", null);
			case "dueOn" -> new Field(prefix + "due-" + suffix, "planAction.dueOnLabel", null);
			case "status" -> status ? new Field(prefix + "status-" + suffix, "planAction.status", null)
					: new Field(prefix + "description-" + suffix, "planAction.description", null);
			default -> new Field(prefix + "description-" + suffix, "planAction.description", null);
		};
	}

	/**
	 * A field of the evaluation form: a goal's words, a domain's experience, or a text.
	 */
	private static Field evaluationField(String field, PlanService.PlanView plan, Object typed) {
		java.util.regex.Matcher indexed = INDEXED.matcher(field);
		if (indexed.matches() && typed instanceof EvaluationForm form) {
			int i = Integer.parseInt(indexed.group(2));
			if (indexed.group(1).equals("goals") && form.goal() != null && i < form.goal().size()) {
				int shown = goalIndex(plan, String.valueOf(form.goal().get(i)));
				if (shown >= 0) {
					return new Field("evaluation-goal-" + shown, "evaluation.goal", null, shown + 1);
				}
			}
			if (indexed.group(1).equals("experiences")) {
				List<PlanService.ExperienceInput> given = form.command().experiences();
				for (int d = 0; i < given.size() && d < plan.experienceDomains().size(); d++) {
					if (plan.experienceDomains().get(d).code().equals(given.get(i).domain())) {
						return new Field("helped-" + d, null, plan.experienceDomains().get(d).label());
					}
				}
			}
		}
		return switch (field) {
			case "progressed" -> new Field("evaluation-progressed", "evaluation.progressed", null);
			case "notHappened" -> new Field("evaluation-not-happened", "evaluation.notHappened", null);
			case "needed" -> new Field("evaluation-needed", "evaluation.needed", null);
			case "goalText" -> new Field("evaluation-goal-0", "evaluation.goals", null);
			default -> new Field("evaluation-date", "evaluation.date", null);
		};
	}

	/**
	 * A field of one of the page's forms: the id of its element, and the message key of
	 * its label with its arguments, or without a key the label itself.
	 */
	private record Field(String id, String labelKey, String label, Object... arguments) {
	}

	/** A field of one of a list of a form's inputs: {@code goals[1].description}. */
	private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern
		.compile("(goals|experiences)\\[(\\d+)]\\..+");

	/** Where a goal stands on the page, {@code -1} when it is not there. */
	private static int goalIndex(PlanService.PlanView plan, String goal) {
		for (int i = 0; i < plan.goals().size(); i++) {
			if (plan.goals().get(i).id().toString().equals(goal)) {
				return i;
			}
		}
		return -1;
	}

	private String page(UUID id, Model model, Locale locale, PlanErrors errors) {
		model.addAttribute("plan", this.service.plan(id, locale));
		model.addAttribute("actors", ActionActor.values());
		model.addAttribute("partners", this.service.partners());
		model.addAttribute("actionStatuses", ActionStatus.values());
		model.addAttribute("goalStatuses", GoalStatus.values());
		model.addAttribute("helped", Helped.values());
		model.addAttribute("errors", errors);
		return "plan/plan";
	}

	record GoalForm(String member, String domain, String description) {
	}

	record GoalChangeForm(Integer version, String description, GoalStatus status) {
	}

	record ActionForm(String description, ActionActor actor, String actorName, UUID partner,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn) {
	}

	record ActionChangeForm(Integer version, String description, ActionActor actor, String actorName, UUID partner,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, ActionStatus status) {
	}

	record NoteForm(String text) {
	}

	/**
	 * An evaluation moment as the form gives it: per monitor domain whether the help
	 * helped (empty: not asked), and per goal its (possibly adjusted) words.
	 */
	record EvaluationForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate evaluatedOn, String progressed,
			String notHappened, String needed, Map<String, String> helped, List<UUID> goal, List<Integer> goalVersion,
			List<String> goalText) {

		PlanService.NewEvaluation command() {
			List<PlanService.ExperienceInput> experiences = new ArrayList<>();
			if (this.helped != null) {
				this.helped.forEach((domain, value) -> {
					if (value != null && !value.isBlank()) {
						experiences.add(new PlanService.ExperienceInput(domain, PlanController.helped(value)));
					}
				});
			}
			List<PlanService.GoalAdjustment> goals = new ArrayList<>();
			if (this.goal != null && this.goalVersion != null && this.goalText != null) {
				for (int i = 0; i < this.goal.size() && i < this.goalVersion.size() && i < this.goalText.size(); i++) {
					goals.add(new PlanService.GoalAdjustment(this.goal.get(i), this.goalVersion.get(i),
							this.goalText.get(i), null));
				}
			}
			return new PlanService.NewEvaluation(this.evaluatedOn, this.progressed, this.notHappened, this.needed,
					experiences, goals);
		}

		/** What was typed for a domain's experience, to show the form again. */
		public String helpedIn(String domain) {
			return (this.helped != null) ? this.helped.get(domain) : null;
		}

		/** The words typed for a goal, or null when the form did not carry it. */
		public String textOf(UUID goalId) {
			if (this.goal == null || this.goalText == null) {
				return null;
			}
			int i = this.goal.indexOf(goalId);
			return (i >= 0 && i < this.goalText.size()) ? this.goalText.get(i) : null;
		}

	}

	private static Helped helped(String value) {
		try {
			return Helped.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** What went wrong with one form of the plan page. */
	record PlanErrors(String target, List<String> messages, boolean conflict) {
	}

}
