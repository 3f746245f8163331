package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.household.Family;
import nl.vangnet.household.HelpQuestionStatus;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.lifedomain.Framework;
import nl.vangnet.lifedomain.LifeDomainApi;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Help questions of a family: recorded per member (or the household) and domain of the
 * organisation's framework, revised along the way with their history, acute ones first.
 * Coordinators and professionals only; every view and change is in the access trail.
 */
@Service
@Transactional
class HelpQuestionService {

	private final HouseholdApi households;

	private final HelpQuestions questions;

	private final LifeDomainApi lifeDomains;

	private final PlanTrail trail;

	private final Workers workers;

	HelpQuestionService(HouseholdApi households, HelpQuestions questions, LifeDomainApi lifeDomains, PlanTrail trail,
			Workers workers) {
		this.households = households;
		this.questions = questions;
		this.lifeDomains = lifeDomains;
		this.trail = trail;
		this.workers = workers;
	}

	/**
	 * The family's help questions: acute open ones first, then the open ones, then the
	 * closed ones, each with its history.
	 */
	Overview overview(UUID householdId, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Family family = this.households.family(HouseholdId.of(householdId));
		this.trail.record(actor, AccessAction.VIEW, householdId);
		Framework framework = this.lifeDomains.frameworkOf(actor.organisationId());
		Framework monitor = this.lifeDomains.monitorFramework();
		List<DomainOption> domains = framework.domains()
			.stream()
			.map((d) -> new DomainOption(d.code(), d.label(locale), d.parentCode() != null, d.monitorCodes()
				.stream()
				.map((code) -> new MonitorChoice(code, monitor.domain(code).map((m) -> m.label(locale)).orElse(code)))
				.toList()))
			.toList();
		return new Overview(family, views(family, locale, false), domains, this.workers.today());
	}

	/**
	 * The acute questions that are still open, for the top of the dossier.
	 */
	List<QuestionView> acuteOpen(UUID householdId, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Family family = this.households.family(HouseholdId.of(householdId));
		List<QuestionView> acute = views(family, locale, true);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return acute;
	}

	QuestionView question(UUID id, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		HelpQuestion question = this.questions.find(id).orElseThrow(() -> new NotFoundException("help question"));
		Family family = this.households.family(HouseholdId.of(question.householdId()));
		this.trail.record(actor, AccessAction.VIEW, family.id());
		return view(family, question, locale);
	}

	List<QuestionView> list(UUID householdId, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Family family = this.households.family(HouseholdId.of(householdId));
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return views(family, locale, false);
	}

	/**
	 * Records a new, open question.
	 * @throws DomainException naming the field: {@code member}, {@code domain},
	 * {@code openedOn} or {@code description}
	 */
	QuestionView record(UUID householdId, NewQuestion command, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Family family = this.households.family(HouseholdId.of(householdId));
		closedGuard(family);
		UUID memberId = memberId(family, command.member());
		Framework framework = this.lifeDomains.frameworkOf(actor.organisationId());
		Framework.Domain domain = domain(framework, command.domain());
		HelpQuestion question = HelpQuestion.open(householdId, memberId, framework.code(), domain.code(),
				monitorCode(domain, command.monitorCode(), locale),
				(command.openedOn() != null) ? command.openedOn() : this.workers.today(),
				Boolean.TRUE.equals(command.acute()), command.description(), this.workers.today());
		this.questions.insert(question, actor.organisationId());
		this.questions.recordChanges(question.id(), actor.organisationId(), actor.userId(), this.workers.nameOf(actor),
				List.of(new HelpQuestion.Change("status", null, "OPEN")));
		this.trail.record(actor, AccessAction.CREATE, householdId);
		return view(family, question, locale);
	}

	/**
	 * Revises a question, if nobody changed it since {@code version}.
	 * @throws ConflictException when someone else changed it: with what it is now
	 */
	QuestionView revise(UUID id, Revision command, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		HelpQuestion question = this.questions.find(id).orElseThrow(() -> new NotFoundException("help question"));
		Family family = this.households.family(HouseholdId.of(question.householdId()));
		if (command.version() == null) {
			throw new DomainException("version", "plan.version.required");
		}
		if (command.version() != question.version()) {
			throw conflict(question, command);
		}
		String monitorCode = question.monitorCode();
		if (command.monitorCode() != null && !command.monitorCode().isBlank()) {
			Framework.Domain domain = this.lifeDomains.framework(question.frameworkCode())
				.domain(question.domainCode())
				.orElseThrow(() -> new DomainException("monitorCode", "plan.monitorCode.noDomain"));
			monitorCode = monitorCode(domain, command.monitorCode(), locale);
		}
		List<HelpQuestion.Change> changes = question.revise(command.description(), Boolean.TRUE.equals(command.acute()),
				command.status(), command.closedOn(), monitorCode, this.workers.today());
		if (!changes.isEmpty()) {
			if (!this.questions.update(question)) {
				throw conflict(this.questions.find(id).orElseThrow(() -> new NotFoundException("help question")),
						command);
			}
			this.questions.recordChanges(id, actor.organisationId(), actor.userId(), this.workers.nameOf(actor),
					changes);
			this.trail.record(actor, AccessAction.UPDATE, family.id());
		}
		return view(family, this.questions.find(id).orElseThrow(), locale);
	}

	private static ConflictException conflict(HelpQuestion now, Revision sent) {
		Differences differences = Differences.labelled("helpQuestion.field.")
			.text("description", sent.description(), now.description())
			.yesNo("acute", sent.acute(), now.acute())
			.code("status", sent.status(), now.status(), "helpQuestion.status.")
			.value("closedOn", sent.closedOn(), now.closedOn());
		if (sent.monitorCode() != null && !sent.monitorCode().isBlank()) {
			differences.text("monitorCode", sent.monitorCode().strip(), now.monitorCode());
		}
		return differences.conflict(now.version());
	}

	static void closedGuard(Family family) {
		if (family.closed()) {
			throw new DomainException(null, "plan.household.closed");
		}
	}

	static UUID memberId(Family family, String ref) {
		if (ref == null || ref.isBlank()) {
			return null;
		}
		return family.members()
			.stream()
			.filter((m) -> m.ref().equals(ref.strip()))
			.map(Family.FamilyMember::id)
			.findFirst()
			.orElseThrow(() -> new DomainException("member", "plan.member.unknown", ref));
	}

	/**
	 * The monitor code a new question counts for: the one chosen, if its domain may count
	 * for it, else the domain's default.
	 * @throws DomainException naming {@code monitorCode} when the domain may not count
	 * for the chosen code
	 */
	private String monitorCode(Framework.Domain domain, String chosen, Locale locale) {
		if (chosen == null || chosen.isBlank()) {
			return domain.monitorCode();
		}
		String code = chosen.strip();
		if (!domain.countsFor(code)) {
			Framework monitor = this.lifeDomains.monitorFramework();
			throw new DomainException("monitorCode", "plan.monitorCode.notAllowed", domain.label(locale),
					String.join(", ",
							domain.monitorCodes()
								.stream()
								.map((c) -> monitor.domain(c).map((m) -> m.label(locale)).orElse(c))
								.toList()));
		}
		return code;
	}

	static Framework.Domain domain(Framework framework, String code) {
		if (code == null || code.isBlank()) {
			throw new DomainException("domain", "plan.domain.required");
		}
		return framework.domain(code.strip())
			.orElseThrow(() -> new DomainException("domain", "plan.domain.unknown", code, framework.code()));
	}

	private List<QuestionView> views(Family family, Locale locale, boolean acuteOpenOnly) {
		List<QuestionView> views = new ArrayList<>();
		for (HelpQuestion question : this.questions.ofHousehold(family.id())) {
			if (!acuteOpenOnly || question.acuteAndOpen()) {
				views.add(view(family, question, locale));
			}
		}
		views.sort(Comparator.comparingInt(QuestionView::rank).thenComparing(QuestionView::openedOn));
		return views;
	}

	private QuestionView view(Family family, HelpQuestion q, Locale locale) {
		Family.FamilyMember member = family.members()
			.stream()
			.filter((m) -> m.id().equals(q.memberId()))
			.findFirst()
			.orElse(null);
		String label = domainLabel(this.lifeDomains, q.frameworkCode(), q.domainCode(), locale);
		return new QuestionView(q.id(), family.id(), (member != null) ? member.ref() : null,
				(member != null) ? member.name() : null, q.frameworkCode(), q.domainCode(), label, q.monitorCode(),
				q.openedOn(), q.closedOn(), Boolean.TRUE.equals(q.acute()), q.status(), q.description(), q.version(),
				q.acuteAndOpen(), this.questions.history(q.id()));
	}

	static String domainLabel(LifeDomainApi lifeDomains, String frameworkCode, String domainCode, Locale locale) {
		if (domainCode == null) {
			return null;
		}
		try {
			return lifeDomains.framework(frameworkCode)
				.domain(domainCode)
				.map((d) -> d.label(locale))
				.orElse(domainCode);
		}
		catch (NotFoundException ex) {
			return domainCode;
		}
	}

	/**
	 * A question to record. {@code member} is the member's reference ({@code m1}; empty:
	 * the household as a whole), {@code domain} a code of the organisation's framework.
	 */
	/**
	 * A new question; {@code monitorCode} is the monitor code it counts for when its
	 * domain may count for several, or {@code null} for the domain's default.
	 */
	record NewQuestion(String member, String domain, LocalDate openedOn, Boolean acute, String description,
			String monitorCode) {
	}

	/**
	 * A revision of a question, made on the {@code version} that was read;
	 * {@code monitorCode} the monitor code it counts for from now on (one its domain may
	 * count for), {@code null} to keep it.
	 */
	record Revision(Integer version, String description, Boolean acute, HelpQuestionStatus status, LocalDate closedOn,
			String monitorCode) {
	}

	/**
	 * A domain to choose, with the monitor codes it may count for (the default first).
	 */
	record DomainOption(String code, String label, boolean sub, List<MonitorChoice> monitorCodes) {

		DomainOption(String code, String label, boolean sub) {
			this(code, label, sub, List.of());
		}

		public boolean several() {
			return this.monitorCodes.size() > 1;
		}

	}

	record MonitorChoice(String code, String label) {
	}

	record Overview(Family family, List<QuestionView> questions, List<DomainOption> domains, LocalDate today) {

		/**
		 * The domain of a question as the form offers it, with the monitor codes it may
		 * count for; {@code null} when the framework no longer has it.
		 */
		public DomainOption option(String code) {
			return this.domains.stream().filter((d) -> d.code().equals(code)).findFirst().orElse(null);
		}

		/**
		 * Whether any domain of the framework may count for more than one monitor code.
		 */
		public boolean choosesMonitorCode() {
			return this.domains.stream().anyMatch(DomainOption::several);
		}

	}

	/**
	 * A help question as its reader sees it.
	 *
	 * @param member the member's reference, {@code null} for the household as a whole
	 * @param acuteOpen acute and still open: stands at the top
	 */
	record QuestionView(UUID id, UUID household, String member, String memberName, String framework, String domain,
			String domainLabel, String monitorCode, LocalDate openedOn, LocalDate closedOn, boolean acute,
			HelpQuestionStatus status, String description, int version, boolean acuteOpen,
			List<HelpQuestions.HistoryEntry> history) {

		int rank() {
			if (this.acuteOpen) {
				return 0;
			}
			return (this.closedOn == null) ? 1 : 2;
		}

	}

}
