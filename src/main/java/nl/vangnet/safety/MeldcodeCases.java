package nl.vangnet.safety;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.account.AccountApi;
import nl.vangnet.account.StaffMember;
import nl.vangnet.household.Family;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meldcode track (Wet verplichte meldcode, with the afwegingskader since 2019): a
 * case per household and concern, about one member, and its five steps in order, each
 * dated and signed. Only its author, the organisation's meldcode officers and its
 * coordinators see a case (a list shows only those; anyone else asking for one is refused
 * and the refusal is recorded); every view and change is one row in the access trail, in
 * the same transaction.
 */
@Service
@Transactional
class MeldcodeCases {

	/** The five steps of the meldcode. */
	static final List<String> STEPS = List.of("SIGNALS", "CONSULTATION", "CONVERSATION", "WEIGHING", "DECISION");

	/** The decisions of step 5. */
	static final List<String> DECISIONS = List.of("REPORT", "REPORT_AND_HELP", "HELP", "NO_ACTION");

	/** The five questions of the afwegingskader. */
	static final int QUESTIONS = 5;

	/** A follow-up this many days ahead (or past) puts the case on the worklist. */
	static final int FOLLOW_UP_DUE_DAYS = 7;

	private static final String SUBJECT = "MELDCODE_CASE";

	private final JdbcClient jdbc;

	private final SafetyRecords records;

	private final AccountApi accounts;

	private final AccessTrail trail;

	private final JsonMapper json;

	MeldcodeCases(JdbcClient jdbc, SafetyRecords records, AccountApi accounts, AccessTrail trail, JsonMapper json) {
		this.jdbc = jdbc;
		this.records = records;
		this.accounts = accounts;
		this.trail = trail;
		this.json = json;
	}

	/**
	 * The household's cases the caller may see (possibly none); a search in the trail.
	 */
	List<CaseView> ofHousehold(UUID householdId) {
		Family family = this.records.caseWork(householdId);
		Staff actor = Staff.current();
		List<CaseView> visible = this.jdbc
			.sql("select * from meldcode_case where household_id = :h order by opened_on desc, created_at desc")
			.param("h", householdId)
			.query((rs, row) -> new Header(rs.getObject("id", UUID.class), rs.getObject("author", UUID.class)))
			.list()
			.stream()
			.filter((h) -> actor.seesMeldcodeCase(h.author()))
			.map((h) -> view(h.id(), family))
			.toList();
		this.trail.record(AccessAction.SEARCH, new AccessSubject(SUBJECT, null,
				visible.isEmpty() ? List.of(householdId) : visible.stream().map(CaseView::id).toList()));
		return visible;
	}

	/** One case; a view in the trail. */
	CaseView get(UUID id) {
		CaseView found = visible(id);
		this.trail.record(AccessAction.VIEW, new AccessSubject(SUBJECT, id));
		return found;
	}

	/**
	 * One case for its summary (print or PDF for a report to Veilig Thuis); an export.
	 */
	CaseView summary(UUID id) {
		CaseView found = visible(id);
		this.trail.record(AccessAction.EXPORT, new AccessSubject(SUBJECT, id));
		return found;
	}

	/** Opens a case about a member of the family. */
	CaseView open(UUID householdId, CaseInput input) {
		Staff actor = Staff.current();
		Family family = this.records.caseWork(householdId);
		List<DomainException> errors = new ArrayList<>();
		String ref = SafetyRecords.clean(input.member());
		Family.FamilyMember member = null;
		if (ref == null) {
			errors.add(new DomainException("member", "safety.meldcode.member.required"));
		}
		else {
			member = family.members().stream().filter((m) -> m.ref().equals(ref)).findFirst().orElse(null);
			if (member == null) {
				errors.add(new DomainException("member", "safety.meldcode.member.unknown"));
			}
		}
		String concern = SafetyRecords.text(input.concern(), "concern", 2000, errors);
		if (concern == null) {
			errors.add(new DomainException("concern", "safety.meldcode.concern.required"));
		}
		LocalDate on = (input.openedOn() != null) ? input.openedOn() : this.records.today();
		if (on.isAfter(this.records.today())) {
			errors.add(new DomainException("openedOn", "safety.meldcode.date.future"));
		}
		DomainErrors.throwIfAny(errors);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into meldcode_case (id, household_id, organisation_id, member_id, concern, opened_on, author)
				values (:id, :household, :org, :member, :concern, :on, :author)
				""")
			.param("id", id)
			.param("household", householdId)
			.param("org", actor.organisationId())
			.param("member", member.id())
			.param("concern", concern)
			.param("on", on)
			.param("author", actor.userId())
			.update();
		this.trail.record(AccessAction.CREATE, new AccessSubject(SUBJECT, id));
		return view(id, family);
	}

	/**
	 * Records the next step, in order: a step out of order is refused naming the missing
	 * one; step 4 needs the five questions each answered with a reason; step 5 a decision
	 * and (unless no action follows) the follow-up date.
	 */
	CaseView step(UUID caseId, StepInput input) {
		Staff actor = Staff.current();
		CaseView current = visible(caseId);
		List<DomainException> errors = new ArrayList<>();
		Integer step = input.step();
		int next = (current.nextStep() != null) ? current.nextStep() : 6;
		if (step == null || step < 1 || step > 5) {
			errors.add(new DomainException("step", "safety.meldcode.step.invalid"));
			DomainErrors.throwIfAny(errors);
		}
		if (step > next) {
			throw new DomainException("step", "safety.meldcode.step.missing", next,
					new org.springframework.context.support.DefaultMessageSourceResolvable(
							"safety.meldcode.step." + STEPS.get(next - 1)));
		}
		if (step < next) {
			throw new DomainException("step", "safety.meldcode.step.done", step);
		}
		LocalDate on = (input.doneOn() != null) ? input.doneOn() : this.records.today();
		if (on.isAfter(this.records.today())) {
			errors.add(new DomainException("doneOn", "safety.meldcode.date.future"));
		}
		else if (on.isBefore(current.openedOn())) {
			errors.add(new DomainException("doneOn", "safety.meldcode.date.beforeOpened"));
		}
		Map<String, Object> content = new LinkedHashMap<>();
		String decision = null;
		LocalDate followUp = null;
		switch (step) {
			case 1 -> {
				String facts = SafetyRecords.text(input.facts(), "facts", 4000, errors);
				if (facts == null) {
					errors.add(new DomainException("facts", "safety.meldcode.facts.required"));
				}
				content.put("facts", facts);
				content.put("interpretations",
						SafetyRecords.text(input.interpretations(), "interpretations", 4000, errors));
				String minors = answer(input.kindcheckMinors(), "kindcheckMinors", List.of("YES", "NO"), errors);
				String safe = answer(input.kindcheckSafe(), "kindcheckSafe", List.of("YES", "NO", "UNKNOWN"), errors);
				if (current.aboutAdult() && minors == null) {
					errors.add(new DomainException("kindcheckMinors", "safety.meldcode.kindcheck.required"));
				}
				if ("YES".equals(minors) && safe == null) {
					errors.add(new DomainException("kindcheckSafe", "safety.meldcode.kindcheck.safeRequired"));
				}
				content.put("kindcheckMinors", minors);
				content.put("kindcheckSafe", safe);
				content.put("kindcheckNote", SafetyRecords.text(input.kindcheckNote(), "kindcheckNote", 2000, errors));
			}
			case 2 -> {
				String consulted = answer(input.consulted(), "consulted", List.of("MELDCODE_OFFICER", "COLLEAGUE"),
						errors);
				if (consulted == null) {
					errors.add(new DomainException("consulted", "safety.meldcode.consulted.required"));
				}
				String consultedName = null;
				if ("MELDCODE_OFFICER".equals(consulted)) {
					StaffMember officer = (input.officer() != null)
							? this.accounts.meldcodeOfficers(actor.organisationId())
								.stream()
								.filter((o) -> o.id().equals(input.officer()))
								.findFirst()
								.orElse(null)
							: null;
					if (officer == null) {
						errors.add(new DomainException("officer", "safety.meldcode.officer.unknown"));
					}
					else {
						consultedName = officer.displayName();
						content.put("officer", officer.id());
					}
				}
				else if ("COLLEAGUE".equals(consulted)) {
					consultedName = SafetyRecords.text(input.colleague(), "colleague", 200, errors);
					if (consultedName == null) {
						errors.add(new DomainException("colleague", "safety.meldcode.colleague.required"));
					}
				}
				content.put("consulted", consulted);
				content.put("consultedName", consultedName);
				content.put("safeHomeAdvice", Boolean.TRUE.equals(input.safeHomeAdvice()));
				content.put("safeHomeAnonymous", Boolean.TRUE.equals(input.safeHomeAnonymous()));
				String advice = SafetyRecords.text(input.advice(), "advice", 4000, errors);
				if (advice == null) {
					errors.add(new DomainException("advice", "safety.meldcode.advice.required"));
				}
				content.put("advice", advice);
			}
			case 3 -> {
				String conversation = SafetyRecords.text(input.conversation(), "conversation", 4000, errors);
				if (conversation == null) {
					errors.add(new DomainException("conversation", "safety.meldcode.conversation.required"));
				}
				content.put("conversation", conversation);
				content.put("clientResponse",
						SafetyRecords.text(input.clientResponse(), "clientResponse", 4000, errors));
			}
			case 4 -> {
				Map<Integer, AnswerInput> given = new HashMap<>();
				if (input.answers() != null) {
					for (AnswerInput a : input.answers()) {
						if (a != null && a.question() != null && a.question() >= 1 && a.question() <= QUESTIONS) {
							given.put(a.question(), a);
						}
					}
				}
				List<String> open = new ArrayList<>();
				List<Map<String, Object>> answers = new ArrayList<>();
				for (int q = 1; q <= QUESTIONS; q++) {
					AnswerInput a = given.get(q);
					String answer = (a != null) ? SafetyRecords.clean(a.answer()) : null;
					String reason = (a != null) ? SafetyRecords.text(a.reason(), "answers", 2000, errors) : null;
					if (answer == null || !List.of("YES", "NO").contains(answer) || reason == null) {
						open.add(String.valueOf(q));
					}
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("question", q);
					row.put("answer", answer);
					row.put("reason", reason);
					answers.add(row);
				}
				if (!open.isEmpty()) {
					errors
						.add(new DomainException("answers", "safety.meldcode.questions.open", String.join(", ", open)));
				}
				content.put("answers", answers);
			}
			default -> {
				if (current.step(4).isEmpty()) {
					errors.add(new DomainException("answers", "safety.meldcode.questions.open", "1, 2, 3, 4, 5"));
				}
				decision = answer(input.decision(), "decision", DECISIONS, errors);
				if (decision == null) {
					errors.add(new DomainException("decision", "safety.meldcode.decision.required"));
				}
				followUp = input.followUpOn();
				if (followUp == null && decision != null && !"NO_ACTION".equals(decision)) {
					errors.add(new DomainException("followUpOn", "safety.meldcode.followUp.required"));
				}
				else if (followUp != null && followUp.isBefore(on)) {
					errors.add(new DomainException("followUpOn", "safety.meldcode.followUp.beforeDecision"));
				}
				content.put("decision", decision);
				content.put("followUpOn", (followUp != null) ? followUp.toString() : null);
				content.put("note", SafetyRecords.text(input.note(), "note", 4000, errors));
			}
		}
		DomainErrors.throwIfAny(errors);
		int inserted = this.jdbc.sql("""
				insert into meldcode_step (case_id, organisation_id, step, done_on, signed_by, content)
				values (:case, :org, :step, :on, :by, cast(:content as jsonb))
				on conflict (case_id, step) do nothing
				""")
			.param("case", caseId)
			.param("org", actor.organisationId())
			.param("step", step)
			.param("on", on)
			.param("by", actor.userId())
			.param("content", this.json.writeValueAsString(content))
			.update();
		if (inserted == 0) {
			throw new DomainException("step", "safety.meldcode.step.done", step);
		}
		if (step == 5) {
			this.jdbc.sql("update meldcode_case set decision = :decision, follow_up_on = :followUp where id = :id")
				.param("decision", decision)
				.param("followUp", followUp)
				.param("id", caseId)
				.update();
		}
		this.trail.record(AccessAction.UPDATE, new AccessSubject(SUBJECT, caseId));
		return view(caseId, this.records.caseWork(current.household()));
	}

	/**
	 * For the worklist: per household, the nearest follow-up date of a decided case the
	 * caller may see, when it lies within {@value #FOLLOW_UP_DUE_DAYS} days or has
	 * passed.
	 */
	@Transactional(readOnly = true)
	Map<UUID, LocalDate> followUpsDue() {
		Staff actor = Staff.current().requireOrganisation("household");
		Map<UUID, LocalDate> due = new HashMap<>();
		this.jdbc.sql("""
				select household_id, author, follow_up_on from meldcode_case
				where organisation_id = :org and follow_up_on <= :soon
				""")
			.param("org", actor.organisationId())
			.param("soon", this.records.today().plusDays(FOLLOW_UP_DUE_DAYS))
			.query((rs) -> {
				if (actor.seesMeldcodeCase(rs.getObject("author", UUID.class))) {
					due.merge(rs.getObject("household_id", UUID.class), rs.getObject("follow_up_on", LocalDate.class),
							(a, b) -> a.isBefore(b) ? a : b);
				}
			});
		return due;
	}

	/** The case's household, if the case is of the current organisation. */
	@Transactional(readOnly = true)
	Optional<UUID> householdOf(UUID caseId) {
		return this.jdbc.sql("select household_id from meldcode_case where id = :id")
			.param("id", caseId)
			.query(UUID.class)
			.optional();
	}

	/** The organisation's meldcode officers, to consult in step 2. */
	@Transactional(readOnly = true)
	List<StaffMember> officers() {
		return this.accounts.meldcodeOfficers(Staff.current().requireOrganisation("household").organisationId());
	}

	private CaseView visible(UUID id) {
		Header header = this.jdbc.sql("select id, author from meldcode_case where id = :id")
			.param("id", id)
			.query((rs, row) -> new Header(rs.getObject("id", UUID.class), rs.getObject("author", UUID.class)))
			.optional()
			.orElseThrow(() -> new NotFoundException("meldcodeCase"));
		Staff actor = Staff.current().requireOrganisation("meldcodeCase").requireCaseWork();
		if (!actor.seesMeldcodeCase(header.author())) {
			throw new AccessDeniedException("Only the author, meldcode officers and coordinators see a meldcode case");
		}
		return view(id, this.records.caseWork(householdOf(id).orElseThrow()));
	}

	private static String answer(String value, String field, List<String> allowed, List<DomainException> errors) {
		String code = SafetyRecords.clean(value);
		if (code != null && !allowed.contains(code)) {
			errors.add(new DomainException(field, "safety.meldcode.choice.invalid"));
			return null;
		}
		return code;
	}

	private CaseView view(UUID id, Family family) {
		Map<UUID, String> names = this.accounts.staff(family.organisationId())
			.stream()
			.collect(Collectors.toMap(StaffMember::id, StaffMember::displayName, (a, b) -> a));
		List<StepView> steps = this.jdbc.sql("select * from meldcode_step where case_id = :id order by step")
			.param("id", id)
			.query((rs, row) -> new StepView(rs.getInt("step"), STEPS.get(rs.getInt("step") - 1),
					rs.getObject("done_on", LocalDate.class), rs.getObject("signed_by", UUID.class),
					names.get(rs.getObject("signed_by", UUID.class)),
					this.json.readValue(rs.getString("content"), new TypeReference<Map<String, Object>>() {
					})))
			.list();
		return this.jdbc.sql("select * from meldcode_case where id = :id").param("id", id).query((rs, row) -> {
			UUID memberId = rs.getObject("member_id", UUID.class);
			Family.FamilyMember member = family.members()
				.stream()
				.filter((m) -> m.id().equals(memberId))
				.findFirst()
				.orElse(null);
			int done = steps.size();
			return new CaseView(id, family.id(), (member != null) ? member.ref() : null,
					(member != null) ? member.name() : null, member != null && !"CHILD".equals(member.role()),
					rs.getString("concern"), rs.getObject("opened_on", LocalDate.class),
					rs.getObject("author", UUID.class), names.get(rs.getObject("author", UUID.class)), steps,
					(done < 5) ? done + 1 : null, rs.getString("decision"),
					rs.getObject("follow_up_on", LocalDate.class));
		}).single();
	}

	private record Header(UUID id, UUID author) {
	}

	/**
	 * A case as the API and the form open it: about a member ({@code ref}), its concern.
	 */
	record CaseInput(String member, String concern, LocalDate openedOn) {
	}

	/**
	 * A step as the API and the form send it; {@code step} 1–5, the next one in order;
	 * {@code doneOn} defaults to today. Step 1: {@code facts} (observed, required) apart
	 * from {@code interpretations}, and the Kindcheck ({@code kindcheckMinors} YES/NO,
	 * required when the case is about an adult; {@code kindcheckSafe} YES/NO/UNKNOWN when
	 * there are minor children; {@code kindcheckNote}). Step 2: {@code consulted}
	 * MELDCODE_OFFICER (with {@code officer}, an account id) or COLLEAGUE (with
	 * {@code colleague}), {@code safeHomeAdvice} and {@code safeHomeAnonymous} (advice of
	 * Veilig Thuis, possibly anonymous), {@code advice}. Step 3: {@code conversation},
	 * {@code clientResponse}. Step 4: {@code answers}, the five questions of the
	 * afwegingskader ({@code question} 1–5, {@code answer} YES/NO, {@code reason}). Step
	 * 5: {@code decision} REPORT (to Veilig Thuis), REPORT_AND_HELP, HELP (organise help
	 * and follow its effects) or NO_ACTION, {@code followUpOn}, {@code note}.
	 */
	record StepInput(Integer step, LocalDate doneOn, String facts, String interpretations, String kindcheckMinors,
			String kindcheckSafe, String kindcheckNote, String consulted, UUID officer, String colleague,
			Boolean safeHomeAdvice, Boolean safeHomeAnonymous, String advice, String conversation,
			String clientResponse, List<AnswerInput> answers, String decision, LocalDate followUpOn, String note) {
	}

	/** An answer to a question of the afwegingskader, with its reason. */
	record AnswerInput(Integer question, String answer, String reason) {
	}

	/**
	 * A meldcode case; {@code nextStep} the step to record next ({@code null} when all
	 * five are done); {@code aboutAdult} that the Kindcheck belongs to step 1.
	 */
	record CaseView(UUID id, UUID household, String member, String memberName, boolean aboutAdult, String concern,
			LocalDate openedOn, UUID author, String authorName, List<StepView> steps, Integer nextStep, String decision,
			LocalDate followUpOn) {

		public Optional<StepView> step(int number) {
			return this.steps.stream().filter((s) -> s.step() == number).findFirst();
		}

	}

	/** A step done: its number and name, date, who signed it and what it records. */
	record StepView(int step, String name, LocalDate doneOn, UUID signedBy, String signedByName,
			Map<String, Object> content) {
	}

}
