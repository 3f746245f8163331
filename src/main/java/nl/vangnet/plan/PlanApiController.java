package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Help questions, the plan (goals, actions, evaluations, internal notes) and scores
 * through the JSON API. Changes name the {@code version} they were made on; a stale one
 * is answered with 409. Errors are problem details naming the field.
 */
@RestController
@RequestMapping("/api/v1")
class PlanApiController {

	private final HelpQuestionService questions;

	private final PlanService plans;

	private final ProgressService progress;

	PlanApiController(HelpQuestionService questions, PlanService plans, ProgressService progress) {
		this.questions = questions;
		this.plans = plans;
		this.progress = progress;
	}

	// ---- Help questions

	@GetMapping("/households/{id}/help-questions")
	List<HelpQuestionService.QuestionView> helpQuestions(@PathVariable UUID id) {
		return this.questions.list(id, LocaleContextHolder.getLocale());
	}

	/**
	 * Records a help question: {@code member} (a reference such as m1, or none),
	 * {@code domain} (a code of the organisation's framework), {@code openedOn},
	 * {@code acute}, {@code description}.
	 */
	@PostMapping("/households/{id}/help-questions")
	@ResponseStatus(HttpStatus.CREATED)
	HelpQuestionService.QuestionView recordHelpQuestion(@PathVariable UUID id,
			@RequestBody HelpQuestionService.NewQuestion body) {
		return this.questions.record(id, body, LocaleContextHolder.getLocale());
	}

	@GetMapping("/help-questions/{id}")
	HelpQuestionService.QuestionView helpQuestion(@PathVariable UUID id) {
		return this.questions.question(id, LocaleContextHolder.getLocale());
	}

	@PutMapping("/help-questions/{id}")
	HelpQuestionService.QuestionView reviseHelpQuestion(@PathVariable UUID id,
			@RequestBody HelpQuestionService.Revision body) {
		return this.questions.revise(id, body, LocaleContextHolder.getLocale());
	}

	// ---- The plan

	/** The plan; for a volunteer only the goals with actions a volunteer does. */
	@GetMapping("/households/{id}/plan")
	PlanDocument plan(@PathVariable UUID id) {
		PlanService.PlanView view = this.plans.plan(id, LocaleContextHolder.getLocale());
		return new PlanDocument(id, view.restricted(), view.goals(), view.evaluations(), view.notes());
	}

	@PostMapping("/households/{id}/goals")
	@ResponseStatus(HttpStatus.CREATED)
	PlanService.GoalView addGoal(@PathVariable UUID id, @RequestBody PlanService.NewGoal body) {
		return this.plans.addGoal(id, body, LocaleContextHolder.getLocale());
	}

	@PutMapping("/goals/{id}")
	PlanService.GoalView adjustGoal(@PathVariable UUID id, @RequestBody PlanService.GoalChange body) {
		return this.plans.adjustGoal(id, body, LocaleContextHolder.getLocale());
	}

	@PostMapping("/goals/{id}/actions")
	@ResponseStatus(HttpStatus.CREATED)
	PlanService.ActionView addAction(@PathVariable UUID id, @RequestBody PlanService.NewAction body) {
		return this.plans.addAction(id, body);
	}

	@PutMapping("/actions/{id}")
	PlanService.ActionView changeAction(@PathVariable UUID id, @RequestBody PlanService.ActionChange body) {
		return this.plans.changeAction(id, body);
	}

	@PostMapping("/households/{id}/evaluations")
	@ResponseStatus(HttpStatus.CREATED)
	PlanService.EvaluationView evaluate(@PathVariable UUID id, @RequestBody PlanService.NewEvaluation body) {
		return this.plans.evaluate(id, body, LocaleContextHolder.getLocale());
	}

	@PostMapping("/households/{id}/notes")
	@ResponseStatus(HttpStatus.CREATED)
	void addNote(@PathVariable UUID id, @RequestBody PlanController.NoteForm body) {
		this.plans.addNote(id, body.text());
	}

	// ---- Scores

	@GetMapping("/households/{id}/scores")
	ScoresDocument scores(@PathVariable UUID id, @RequestParam(required = false) String instrument,
			@RequestParam(required = false) String member) {
		return ScoresDocument.of(this.progress.progress(id, instrument, member, LocaleContextHolder.getLocale()));
	}

	/**
	 * Records a scoring moment: {@code instrument} (default MONITOR_PROGRESS),
	 * {@code scoredOn}, {@code scores[]} of {@code domain}, {@code rater} (WORKER or
	 * CLIENT) and {@code score} (1–5, or null for n.v.t.); {@code member} (a member's
	 * {@code ref}) for a member's own scores, such as a child's.
	 */
	@PostMapping("/households/{id}/scores")
	@ResponseStatus(HttpStatus.CREATED)
	ScoresDocument recordScores(@PathVariable UUID id, @RequestBody ScoringBody body) {
		return ScoresDocument.of(this.progress.record(id, body.instrument(), body.scoredOn(), body.scores(),
				body.member(), LocaleContextHolder.getLocale()));
	}

	record PlanDocument(UUID household, boolean restricted, List<PlanService.GoalView> goals,
			List<PlanService.EvaluationView> evaluations, List<PlanService.NoteView> notes) {
	}

	record ScoringBody(String instrument, LocalDate scoredOn, List<ScoringMoment.Score> scores, String member) {
	}

	/**
	 * The scores of a household on an instrument: per moment and domain the worker's
	 * score and, where it differs, the client's ({@code null}: n.v.t.; left out: not
	 * scored), and the mean of the worker's numbers.
	 */
	record ScoresDocument(String instrument,
			@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String member,
			List<MomentEntry> moments) {

		static ScoresDocument of(ProgressService.ProgressView view) {
			return new ScoresDocument(view.instrument(), view.member(),
					view.moments()
						.stream()
						.map((m) -> new MomentEntry(m.on(), m.mean(),
								m.scores()
									.stream()
									.filter((s) -> s.worker().scored() || s.client().scored())
									.map((s) -> new ScoreEntry(s.domain(), s.worker().scored(), s.worker().score(),
											s.client().scored(), s.client().score()))
									.toList()))
						.toList());
		}

	}

	record MomentEntry(LocalDate scoredOn, Double mean, List<ScoreEntry> scores) {
	}

	/**
	 * @param worker the worker's score ({@code null}: n.v.t. when {@code workerScored})
	 * @param client the client's own score where it differs ({@code null}: n.v.t. when
	 * {@code clientScored})
	 */
	record ScoreEntry(String domain, boolean workerScored, Integer worker, boolean clientScored, Integer client) {
	}

}
