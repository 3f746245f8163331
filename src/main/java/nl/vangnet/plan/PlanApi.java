package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Collection;
import java.util.HashMap;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.household.Helped;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.household.MemberId;

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

	private final HelpQuestions questions;

	PlanApi(PlanService plans, ProgressService progress, HelpQuestions questions) {
		this.plans = plans;
		this.progress = progress;
		this.questions = questions;
	}

	/**
	 * The number of acute help questions still open per household (for a list such as the
	 * worklist; households without any are left out). Not in the access trail: the caller
	 * records what it shows.
	 */
	@Transactional(readOnly = true)
	public Map<HouseholdId, Integer> acuteQuestions(Collection<HouseholdId> households) {
		Map<HouseholdId, Integer> counts = new HashMap<>();
		this.questions.acuteOpen(households.stream().map(HouseholdId::value).toList())
			.forEach((id, count) -> counts.put(new HouseholdId(id), count));
		return counts;
	}

	/**
	 * The households of the organisation with an acute help question still open (for the
	 * worklist's first page; its cost is the number of such households). Not in the
	 * access trail: the caller records what it shows.
	 */
	@Transactional(readOnly = true)
	public Set<HouseholdId> withAcuteQuestions(UUID organisationId) {
		return this.questions.householdsWithAcuteOpen(organisationId)
			.stream()
			.map(HouseholdId::new)
			.collect(java.util.stream.Collectors.toSet());
	}

	/**
	 * The domains (codes of the organisation's framework) where a member needs help:
	 * those of the open help questions and the active goals of the member or of the whole
	 * household. Not in the access trail: the caller records what it shows.
	 */
	@Transactional(readOnly = true)
	public Set<String> neededDomains(HouseholdId household, MemberId member) {
		return this.questions.neededDomains(household.value(), member.value());
	}

	/**
	 * Sets a goal in the family's words, for a member ({@code null}: the whole family) on
	 * a domain of the organisation's framework ({@code null}: none); returns its id.
	 */
	public GoalId setGoal(HouseholdId householdId, String memberRef, String domain, String description) {
		return new GoalId(this.plans
			.addGoal(householdId.value(), new PlanService.NewGoal(memberRef, domain, description), Locale.ROOT)
			.id());
	}

	/**
	 * Plans an action towards a goal: who does it ({@code actorName}: the family member,
	 * the network contact or the worker by name) and by when.
	 */
	public ActionId planAction(GoalId goalId, String description, ActionActor actor, String actorName,
			LocalDate dueOn) {
		return planAction(goalId, description, actor, actorName, null, dueOn);
	}

	/**
	 * Plans an action that a partner of the who-does-what map does ({@code partner}, with
	 * actor {@code PARTNER}; {@code null}: none).
	 */
	public ActionId planAction(GoalId goalId, String description, ActionActor actor, String actorName,
			java.util.UUID partner, LocalDate dueOn) {
		return new ActionId(this.plans
			.addAction(goalId.value(), new PlanService.NewAction(description, actor, actorName, partner, dueOn))
			.id());
	}

	/**
	 * Marks an action done (or another status).
	 */
	public void changeActionStatus(ActionId actionId, ActionStatus status) {
		PlanService.ActionView action = this.plans.plan(this.plans.householdOfAction(actionId.value()), Locale.ROOT)
			.goals()
			.stream()
			.flatMap((g) -> g.actions().stream())
			.filter((a) -> a.id().equals(actionId.value()))
			.findFirst()
			.orElseThrow();
		this.plans.changeAction(actionId.value(), new PlanService.ActionChange(action.version(), action.description(),
				action.actor(), action.actorName(), action.partner(), action.dueOn(), status));
	}

	/**
	 * Records an evaluation moment with the family's experience per domain of the monitor
	 * framework.
	 */
	public void evaluate(HouseholdId householdId, LocalDate on, String progressed, String notHappened, String needed,
			Map<String, Helped> experience) {
		List<PlanService.ExperienceInput> experiences = new ArrayList<>();
		experience.forEach((domain, helped) -> experiences.add(new PlanService.ExperienceInput(domain, helped)));
		this.plans.evaluate(householdId.value(),
				new PlanService.NewEvaluation(on, progressed, notHappened, needed, experiences, List.of()),
				Locale.ROOT);
	}

	/**
	 * Writes an internal note (never in the family's copy).
	 */
	public void writeNote(HouseholdId householdId, String text) {
		this.plans.addNote(householdId.value(), text);
	}

	/**
	 * Records a scoring moment on the monitor's progress instrument: the worker's and the
	 * client's own scores per progress domain ({@code null} value: n.v.t.).
	 */
	public void scoreProgress(HouseholdId householdId, LocalDate on, Map<String, Integer> worker,
			Map<String, Integer> client) {
		List<ScoringMoment.Score> scores = new ArrayList<>();
		worker.forEach((domain, score) -> scores.add(new ScoringMoment.Score(domain, Rater.WORKER, score)));
		client.forEach((domain, score) -> scores.add(new ScoringMoment.Score(domain, Rater.CLIENT, score)));
		this.progress.record(householdId.value(), ProgressService.MONITOR_PROGRESS, on, scores, Locale.ROOT);
	}

}
