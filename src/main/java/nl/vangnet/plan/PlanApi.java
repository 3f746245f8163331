package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.household.Helped;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may do with a family's plan and progress, for the current tenant
 * scope (a signed-in coordinator or professional, or the system working for one
 * organisation, such as the demo). Every change is in the access trail.
 */
@Service
@Transactional
public class PlanApi {

	private final PlanService plans;

	private final ProgressService progress;

	PlanApi(PlanService plans, ProgressService progress) {
		this.plans = plans;
		this.progress = progress;
	}

	/**
	 * Sets a goal in the family's words, for a member ({@code null}: the whole family) on
	 * a domain of the organisation's framework ({@code null}: none); returns its id.
	 */
	public UUID setGoal(UUID householdId, String memberRef, String domain, String description) {
		return this.plans.addGoal(householdId, new PlanService.NewGoal(memberRef, domain, description), Locale.ROOT)
			.id();
	}

	/**
	 * Plans an action towards a goal: who does it ({@code actorName}: the family member,
	 * the network contact or the worker by name) and by when.
	 */
	public UUID planAction(UUID goalId, String description, ActionActor actor, String actorName, LocalDate dueOn) {
		return this.plans.addAction(goalId, new PlanService.NewAction(description, actor, actorName, dueOn)).id();
	}

	/**
	 * Marks an action done (or another status).
	 */
	public void changeActionStatus(UUID actionId, ActionStatus status) {
		PlanService.ActionView action = this.plans.plan(this.plans.householdOfAction(actionId), Locale.ROOT)
			.goals()
			.stream()
			.flatMap((g) -> g.actions().stream())
			.filter((a) -> a.id().equals(actionId))
			.findFirst()
			.orElseThrow();
		this.plans.changeAction(actionId, new PlanService.ActionChange(action.version(), action.description(),
				action.actor(), action.actorName(), action.dueOn(), status));
	}

	/**
	 * Records an evaluation moment with the family's experience per domain of the monitor
	 * framework.
	 */
	public void evaluate(UUID householdId, LocalDate on, String progressed, String notHappened, String needed,
			Map<String, Helped> experience) {
		List<PlanService.ExperienceInput> experiences = new ArrayList<>();
		experience.forEach((domain, helped) -> experiences.add(new PlanService.ExperienceInput(domain, helped)));
		this.plans.evaluate(householdId,
				new PlanService.NewEvaluation(on, progressed, notHappened, needed, experiences, List.of()),
				Locale.ROOT);
	}

	/**
	 * Writes an internal note (never in the family's copy).
	 */
	public void writeNote(UUID householdId, String text) {
		this.plans.addNote(householdId, text);
	}

	/**
	 * Records a scoring moment on the monitor's progress instrument: the worker's and the
	 * client's own scores per progress domain ({@code null} value: n.v.t.).
	 */
	public void scoreProgress(UUID householdId, LocalDate on, Map<String, Integer> worker,
			Map<String, Integer> client) {
		List<ScoringMoment.Score> scores = new ArrayList<>();
		worker.forEach((domain, score) -> scores.add(new ScoringMoment.Score(domain, Rater.WORKER, score)));
		client.forEach((domain, score) -> scores.add(new ScoringMoment.Score(domain, Rater.CLIENT, score)));
		this.progress.record(householdId, ProgressService.MONITOR_PROGRESS, on, scores, Locale.ROOT);
	}

}
