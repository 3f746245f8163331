package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.cooperation.CooperationApi;
import nl.vangnet.cooperation.Partner;
import nl.vangnet.household.Family;
import nl.vangnet.household.Helped;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.lifedomain.Framework;
import nl.vangnet.lifedomain.LifeDomainApi;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The family's plan: goals in the family's words, per goal the actions and who does them,
 * evaluation moments (with the family's experience per domain and adjusted goals kept as
 * history), internal notes, and the family's own copy without those notes.
 * <p>
 * A volunteer involved in the family sees only the goals that have an action a volunteer
 * does, with those actions; nothing else.
 */
@Service
@Transactional
class PlanService {

	static final int NOTE_MAX = 4000;

	private final HouseholdApi households;

	private final Plans plans;

	private final LifeDomainApi lifeDomains;

	private final PlanTrail trail;

	private final Workers workers;

	private final CooperationApi cooperation;

	PlanService(HouseholdApi households, Plans plans, LifeDomainApi lifeDomains, PlanTrail trail, Workers workers,
			CooperationApi cooperation) {
		this.households = households;
		this.plans = plans;
		this.lifeDomains = lifeDomains;
		this.trail = trail;
		this.workers = workers;
		this.cooperation = cooperation;
	}

	/**
	 * The partners of the who-does-what map of the region that may act in an action (the
	 * options of the form).
	 */
	@Transactional(readOnly = true)
	List<Partner> partners() {
		return this.cooperation.partners();
	}

	/**
	 * The partner who acts, when one is named: it must be on the map of the caller's
	 * region.
	 */
	private UUID partner(UUID partnerId) {
		if (partnerId != null && this.cooperation.partner(partnerId).isEmpty()) {
			throw new DomainException("partner", "planAction.partner.unknown");
		}
		return partnerId;
	}

	/**
	 * The plan as its reader may see it (a volunteer: only the volunteers' actions).
	 */
	PlanView plan(UUID householdId, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household");
		if (!actor.worksWithCases() && !actor.seesOnlyOwnFamilies()) {
			throw new AccessDeniedException("No plans for this role");
		}
		Family family = this.households.family(HouseholdId.of(householdId));
		this.trail.record(actor, AccessAction.VIEW, householdId);
		boolean restricted = !actor.worksWithCases();
		List<GoalView> goals = goals(family, locale, restricted);
		if (restricted) {
			return new PlanView(family, true, goals, List.of(), List.of(), List.of(), List.of(), this.workers.today());
		}
		Framework framework = this.lifeDomains.frameworkOf(actor.organisationId());
		List<HelpQuestionService.DomainOption> domains = framework.domains()
			.stream()
			.map((d) -> new HelpQuestionService.DomainOption(d.code(), d.label(locale), d.parentCode() != null))
			.toList();
		return new PlanView(family, false, goals, evaluations(householdId, locale),
				this.plans.notes(householdId)
					.stream()
					.map((n) -> new NoteView(n.writtenAt(), n.writtenBy(), n.text()))
					.toList(),
				domains, experienceDomains(locale), this.workers.today());
	}

	/**
	 * What the family takes home: the goals that are not stopped, their actions, and what
	 * the latest evaluation said. Never the internal notes. An export in the access
	 * trail.
	 */
	FamilyCopy familyCopy(UUID householdId, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Family family = this.households.family(HouseholdId.of(householdId));
		this.trail.record(actor, AccessAction.EXPORT, householdId);
		List<GoalView> goals = goals(family, locale, false).stream()
			.filter((g) -> g.status() != GoalStatus.STOPPED)
			.toList();
		List<EvaluationView> evaluations = evaluations(householdId, locale);
		List<nl.vangnet.household.FamilyTrajectory> trajectories = this.households
			.trajectories(HouseholdId.of(householdId));
		java.util.UUID contactPerson = trajectories.isEmpty() ? null
				: trajectories.get(trajectories.size() - 1).contactPerson();
		nl.vangnet.account.FamilyContact contact = this.workers.familyContact(family.organisationId(), contactPerson);
		return new FamilyCopy(family.id(), family.name(), this.workers.today(), goals,
				evaluations.isEmpty() ? null : evaluations.get(0), contact.name(), contact.phone());
	}

	GoalView addGoal(UUID householdId, NewGoal command, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Family family = this.households.family(HouseholdId.of(householdId));
		HelpQuestionService.closedGuard(family);
		UUID memberId = HelpQuestionService.memberId(family, command.member());
		String frameworkCode = null;
		String domainCode = null;
		String monitorCode = null;
		if (command.domain() != null && !command.domain().isBlank()) {
			Framework framework = this.lifeDomains.frameworkOf(actor.organisationId());
			Framework.Domain domain = HelpQuestionService.domain(framework, command.domain());
			frameworkCode = framework.code();
			domainCode = domain.code();
			monitorCode = domain.monitorCode();
		}
		Goal goal = Goal.set(householdId, memberId, frameworkCode, domainCode, monitorCode, command.description(),
				this.workers.today());
		this.plans.insert(goal, actor.organisationId());
		this.trail.record(actor, AccessAction.CREATE, householdId);
		return goalView(family, goal, List.of(), java.util.Map.of(), locale);
	}

	/**
	 * Adjusts a goal, if nobody changed it since {@code version}; the words it had are
	 * kept.
	 */
	GoalView adjustGoal(UUID goalId, GoalChange command, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Goal goal = this.plans.goal(goalId).orElseThrow(() -> new NotFoundException("goal"));
		Family family = this.households.family(HouseholdId.of(goal.householdId()));
		adjust(actor, goal, command.version(), command.description(), command.status(), null, "description");
		this.trail.record(actor, AccessAction.UPDATE, family.id());
		Goal now = this.plans.goal(goalId).orElseThrow();
		List<PlanAction> actions = actionsOf(now);
		return goalView(family, now, actions, partnersOf(actions), locale);
	}

	private void adjust(Staff actor, Goal goal, Integer version, String description, GoalStatus status,
			UUID evaluationId, String field) {
		if (version == null) {
			throw new DomainException("version", "plan.version.required");
		}
		if (version != goal.version()) {
			throw goalConflict(goal, description, status);
		}
		goal.adjust(description, status, field)
			.ifPresent((previous) -> this.plans.revised(goal.id(), actor.organisationId(), this.workers.today(),
					previous, evaluationId));
		if (!this.plans.update(goal)) {
			throw goalConflict(this.plans.goal(goal.id()).orElseThrow(() -> new NotFoundException("goal")), description,
					status);
		}
	}

	/** What differs between the goal sent and the goal now; a status not sent stays. */
	private static ConflictException goalConflict(Goal now, String description, GoalStatus status) {
		return Differences.labelled("goal.")
			.text("description", description, now.description())
			.code("status", (status != null) ? status : now.status(), now.status(), "goal.status.")
			.conflict(now.version());
	}

	ActionView addAction(UUID goalId, NewAction command) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Goal goal = this.plans.goal(goalId).orElseThrow(() -> new NotFoundException("goal"));
		Family family = this.households.family(HouseholdId.of(goal.householdId()));
		HelpQuestionService.closedGuard(family);
		PlanAction action = PlanAction.plan(goalId, family.id(), command.description(), command.actor(),
				command.actorName(), partner(command.partner()), command.dueOn());
		this.plans.insert(action, actor.organisationId());
		this.trail.record(actor, AccessAction.CREATE, family.id());
		return actionView(action, partnersOf(List.of(action)));
	}

	ActionView changeAction(UUID actionId, ActionChange command) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		PlanAction action = this.plans.action(actionId).orElseThrow(() -> new NotFoundException("action"));
		Family family = this.households.family(HouseholdId.of(action.householdId()));
		if (command.version() == null) {
			throw new DomainException("version", "plan.version.required");
		}
		if (command.version() != action.version()) {
			throw actionConflict(action, command);
		}
		action.change(command.description(), command.actor(), command.actorName(), partner(command.partner()),
				command.dueOn(), command.status());
		if (!this.plans.update(action)) {
			throw actionConflict(this.plans.action(actionId).orElseThrow(() -> new NotFoundException("action")),
					command);
		}
		this.trail.record(actor, AccessAction.UPDATE, family.id());
		PlanAction now = this.plans.action(actionId).orElseThrow();
		return actionView(now, partnersOf(List.of(now)));
	}

	private String partnerName(UUID partnerId) {
		return (partnerId != null) ? this.cooperation.partner(partnerId).map(Partner::name).orElse(partnerId.toString())
				: null;
	}

	private ConflictException actionConflict(PlanAction now, ActionChange sent) {
		return Differences.labelled("planAction.")
			.label("dueOn", "planAction.dueOnLabel")
			.text("description", sent.description(), now.description())
			.code("actor", sent.actor(), now.actor(), "planAction.actor.")
			.text("actorName", sent.actorName(), now.actorName())
			.text("partner", partnerName(sent.partner()), partnerName(now.partnerId()))
			.value("dueOn", sent.dueOn(), now.dueOn())
			.code("status", sent.status(), now.status(), "planAction.status.")
			.conflict(now.version());
	}

	/**
	 * Records an evaluation moment: what progressed, what did not happen, what is needed,
	 * the family's experience per domain (a monitor code) and the goals adjusted there
	 * (their earlier words kept).
	 */
	EvaluationView evaluate(UUID householdId, NewEvaluation command, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Family family = this.households.family(HouseholdId.of(householdId));
		HelpQuestionService.closedGuard(family);
		List<DomainException> errors = new ArrayList<>();
		LocalDate on = command.evaluatedOn();
		if (on == null) {
			errors.add(new DomainException("evaluatedOn", "evaluation.date.required"));
		}
		else if (on.isAfter(this.workers.today())) {
			errors.add(new DomainException("evaluatedOn", "evaluation.date.future"));
		}
		String progressed = text(command.progressed(), "progressed", errors);
		String notHappened = text(command.notHappened(), "notHappened", errors);
		String needed = text(command.needed(), "needed", errors);
		List<ExperienceInput> experiences = (command.experiences() != null) ? command.experiences() : List.of();
		Set<String> monitorCodes = new HashSet<>();
		this.lifeDomains.monitorFramework().domains().forEach((d) -> monitorCodes.add(d.code()));
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < experiences.size(); i++) {
			ExperienceInput e = experiences.get(i);
			String path = "experiences[" + i + "]";
			if (e == null || e.domain() == null || !monitorCodes.contains(e.domain())) {
				errors.add(new DomainException(path + ".domain", "evaluation.experience.domain",
						(e != null) ? e.domain() : null));
			}
			else if (!seen.add(e.domain())) {
				errors.add(new DomainException(path + ".domain", "evaluation.experience.twice", e.domain()));
			}
			if (e != null && e.helped() == null) {
				errors.add(new DomainException(path + ".helped", "evaluation.experience.helped"));
			}
		}
		if (progressed == null && notHappened == null && needed == null && experiences.isEmpty()) {
			errors.add(new DomainException("progressed", "evaluation.empty"));
		}
		DomainErrors.throwIfAny(errors);
		UUID id = UUID.randomUUID();
		this.plans.insertEvaluation(id, householdId, actor.organisationId(), on, progressed, notHappened, needed,
				actor.userId());
		for (ExperienceInput e : experiences) {
			this.plans.insertExperience(householdId, actor.organisationId(), on, e.domain(), e.helped(), id);
		}
		List<GoalAdjustment> adjustments = (command.goals() != null) ? command.goals() : List.of();
		for (int i = 0; i < adjustments.size(); i++) {
			GoalAdjustment adjustment = adjustments.get(i);
			Goal goal = (adjustment.goal() != null) ? this.plans.goal(adjustment.goal()).orElse(null) : null;
			if (goal == null || !goal.householdId().equals(householdId)) {
				throw new DomainException("goals[" + i + "].goal", "evaluation.goal.unknown");
			}
			boolean same = adjustment.description() != null
					&& adjustment.description().strip().equals(goal.description())
					&& (adjustment.status() == null || adjustment.status() == goal.status());
			if (!same) {
				adjust(actor, goal, adjustment.version(), adjustment.description(), adjustment.status(), id,
						"goals[" + i + "].description");
			}
		}
		this.trail.record(actor, AccessAction.CREATE, householdId);
		return evaluations(householdId, locale).stream().filter((e) -> e.id().equals(id)).findFirst().orElseThrow();
	}

	/** The household a goal belongs to (of the reader's organisation). */
	UUID householdOfGoal(UUID goalId) {
		Staff.current().requireOrganisation("household").requireCaseWork();
		return this.plans.goal(goalId).map(Goal::householdId).orElseThrow(() -> new NotFoundException("goal"));
	}

	/** The household an action belongs to (of the reader's organisation). */
	UUID householdOfAction(UUID actionId) {
		Staff.current().requireOrganisation("household").requireCaseWork();
		return this.plans.action(actionId)
			.map(PlanAction::householdId)
			.orElseThrow(() -> new NotFoundException("action"));
	}

	void addNote(UUID householdId, String text) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		this.households.family(HouseholdId.of(householdId));
		String clean = (text != null) ? text.strip() : "";
		if (clean.isEmpty()) {
			throw new DomainException("text", "note.text.required");
		}
		if (clean.length() > NOTE_MAX) {
			throw new DomainException("text", "plan.text.tooLong", NOTE_MAX);
		}
		this.plans.insertNote(householdId, actor.organisationId(), actor.userId(), this.workers.nameOf(actor), clean);
		this.trail.record(actor, AccessAction.CREATE, householdId);
	}

	private static String text(String value, String field, List<DomainException> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String clean = value.strip();
		if (clean.length() > NOTE_MAX) {
			errors.add(new DomainException(field, "plan.text.tooLong", NOTE_MAX));
		}
		return clean;
	}

	/**
	 * The top-level domains of the monitor: where the family says whether help helped.
	 */
	List<HelpQuestionService.DomainOption> experienceDomains(Locale locale) {
		return this.lifeDomains.monitorFramework()
			.domains()
			.stream()
			.filter((d) -> d.parentCode() == null)
			.map((d) -> new HelpQuestionService.DomainOption(d.code(), d.label(locale), false))
			.toList();
	}

	private List<GoalView> goals(Family family, Locale locale, boolean volunteersOnly) {
		List<PlanAction> actions = this.plans.actions(family.id());
		java.util.Map<UUID, Partner> partners = partnersOf(actions);
		List<GoalView> goals = new ArrayList<>();
		for (Goal goal : this.plans.goals(family.id())) {
			List<PlanAction> own = actions.stream()
				.filter((a) -> a.goalId().equals(goal.id()))
				.filter((a) -> !volunteersOnly || a.actor() == ActionActor.VOLUNTEER)
				.toList();
			if (volunteersOnly && own.isEmpty()) {
				continue;
			}
			GoalView view = goalView(family, goal, own, partners, locale);
			goals.add(volunteersOnly ? view.withoutHistory() : view);
		}
		return goals;
	}

	private List<PlanAction> actionsOf(Goal goal) {
		return this.plans.actions(goal.householdId()).stream().filter((a) -> a.goalId().equals(goal.id())).toList();
	}

	/** The partners who act in these actions, as far as the region's map shows them. */
	private java.util.Map<UUID, Partner> partnersOf(List<PlanAction> actions) {
		java.util.Map<UUID, Partner> partners = new java.util.HashMap<>();
		for (PlanAction a : actions) {
			if (a.partnerId() != null && !partners.containsKey(a.partnerId())) {
				this.cooperation.partner(a.partnerId()).ifPresent((p) -> partners.put(p.id(), p));
			}
		}
		return partners;
	}

	private GoalView goalView(Family family, Goal goal, List<PlanAction> actions, java.util.Map<UUID, Partner> partners,
			Locale locale) {
		Family.FamilyMember member = family.members()
			.stream()
			.filter((m) -> m.id().equals(goal.memberId()))
			.findFirst()
			.orElse(null);
		return new GoalView(goal.id(), (member != null) ? member.ref() : null, (member != null) ? member.name() : null,
				goal.domainCode(),
				HelpQuestionService.domainLabel(this.lifeDomains, goal.frameworkCode(), goal.domainCode(), locale),
				goal.monitorCode(), goal.description(), goal.status(), goal.setOn(), goal.version(),
				actions.stream().map((a) -> actionView(a, partners)).toList(), this.plans.revisions(goal.id()));
	}

	private static ActionView actionView(PlanAction a, java.util.Map<UUID, Partner> partners) {
		Partner partner = (a.partnerId() != null) ? partners.get(a.partnerId()) : null;
		return new ActionView(a.id(), a.goalId(), a.description(), a.actor(), a.actorName(), a.partnerId(),
				(partner != null) ? partner.name() : null, (partner != null) ? partner.phone() : null, a.dueOn(),
				a.status(), a.version());
	}

	private List<EvaluationView> evaluations(UUID householdId, Locale locale) {
		Framework monitor = this.lifeDomains.monitorFramework();
		List<Plans.Experience> experiences = this.plans.experiences(householdId);
		return this.plans.evaluations(householdId)
			.stream()
			.map((e) -> new EvaluationView(e.id(), e.evaluatedOn(), e.progressed(), e.notHappened(), e.needed(),
					experiences.stream()
						.filter((x) -> e.id().equals(x.evaluationId()))
						.map((x) -> new ExperienceView(x.monitorCode(),
								monitor.domain(x.monitorCode()).map((d) -> d.label(locale)).orElse(x.monitorCode()),
								x.helped()))
						.toList()))
			.toList();
	}

	record NewGoal(String member, String domain, String description) {
	}

	record GoalChange(Integer version, String description, GoalStatus status) {
	}

	/**
	 * @param partner the partner of the who-does-what map who acts (with actor
	 * {@code PARTNER}), or {@code null}
	 */
	record NewAction(String description, ActionActor actor, String actorName, UUID partner, LocalDate dueOn) {
	}

	record ActionChange(Integer version, String description, ActionActor actor, String actorName, UUID partner,
			LocalDate dueOn, ActionStatus status) {
	}

	record ExperienceInput(String domain, Helped helped) {
	}

	record GoalAdjustment(UUID goal, Integer version, String description, GoalStatus status) {
	}

	record NewEvaluation(LocalDate evaluatedOn, String progressed, String notHappened, String needed,
			List<ExperienceInput> experiences, List<GoalAdjustment> goals) {
	}

	/**
	 * The plan as its reader may see it; {@code restricted}: a volunteer's view.
	 */
	record PlanView(Family family, boolean restricted, List<GoalView> goals, List<EvaluationView> evaluations,
			List<NoteView> notes, List<HelpQuestionService.DomainOption> domains,
			List<HelpQuestionService.DomainOption> experienceDomains, LocalDate today) {
	}

	record GoalView(UUID id, String member, String memberName, String domain, String domainLabel, String monitorCode,
			String description, GoalStatus status, LocalDate setOn, int version, List<ActionView> actions,
			List<Plans.Revision> revisions) {

		GoalView withoutHistory() {
			return new GoalView(this.id, this.member, this.memberName, this.domain, this.domainLabel, this.monitorCode,
					this.description, this.status, this.setOn, this.version, this.actions, List.of());
		}

	}

	/**
	 * @param partner the partner of the who-does-what map who acts, or {@code null}
	 * @param partnerName its name and {@code partnerPhone} its phone, as far as the
	 * reader's region shows it
	 */
	record ActionView(UUID id, UUID goal, String description, ActionActor actor, String actorName, UUID partner,
			String partnerName, String partnerPhone, LocalDate dueOn, ActionStatus status, int version) {

		/** Who acts, by name: the partner's name, else the name typed. */
		public String who() {
			return (this.partnerName != null) ? this.partnerName : this.actorName;
		}

	}

	record EvaluationView(UUID id, LocalDate evaluatedOn, String progressed, String notHappened, String needed,
			List<ExperienceView> experiences) {
	}

	record ExperienceView(String domain, String domainLabel, Helped helped) {
	}

	record NoteView(java.time.Instant writtenAt, String writtenBy, String text) {
	}

	/**
	 * The family's copy of the plan: no internal notes.
	 *
	 * @param contactPerson the name of the fixed contact person of the latest trajectory,
	 * {@code null} when there is none
	 * @param phone her work phone, else the organisation's general number, {@code null}
	 * when there is neither (never an address)
	 */
	record FamilyCopy(UUID household, String familyName, LocalDate printedOn, List<GoalView> goals,
			EvaluationView latest, String contactPerson, String phone) {
	}

}
