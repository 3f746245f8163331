package nl.vangnet.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.cooperation.CooperationApi;
import nl.vangnet.platform.staff.Staff;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.plan.PlanApi;
import nl.vangnet.safety.SafetyApi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Who needs contact": for a professional the families of their caseload, for a
 * coordinator the whole team's. A family is on it when its contact is due or overdue
 * (derived from the last reached contact and the rhythm), when outreach attempts failed
 * since the last reached contact, when it has an acute open help question, when an
 * obligation is due, when a referral had no feedback, or when an issue with an agency is
 * open with an objection deadline. Families in aftercare stay on it after their
 * trajectory (and even the household) closed, until the rhythm is ended on purpose.
 */
@Service
class Worklist {

	/**
	 * The order of the list: overdue first, the longest overdue at the top; then failed
	 * attempts, acute questions and due obligations; then the name.
	 */
	static final Comparator<Item> ORDER = Comparator.comparing((Item item) -> !item.overdue())
		.thenComparing((Item item) -> item.overdue() ? -item.daysOverdue() : 0)
		.thenComparing((Item item) -> -item.failedAttempts())
		.thenComparing((Item item) -> -item.acuteQuestions())
		.thenComparing(Item::firstObligationDue, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Item::firstAgencyDeadline, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Item::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));

	private final JdbcClient jdbc;

	private final Families families;

	private final ContactTrail trail;

	private final Clock clock;

	private final HouseholdApi households;

	private final PlanApi plans;

	private final ContactMomentRepository moments;

	private final FollowUpRhythms rhythms;

	private final ObligationRepository obligations;

	private final CooperationApi cooperation;

	private final SafetyApi safety;

	private final FollowUpChecks checks;

	Worklist(JdbcClient jdbc, Families families, HouseholdApi households, PlanApi plans,
			ContactMomentRepository moments, FollowUpRhythms rhythms, ObligationRepository obligations,
			ContactTrail trail, Clock clock, CooperationApi cooperation, SafetyApi safety, FollowUpChecks checks) {
		this.safety = safety;
		this.checks = checks;
		this.jdbc = jdbc;
		this.moments = moments;
		this.rhythms = rhythms;
		this.obligations = obligations;
		this.families = families;
		this.households = households;
		this.plans = plans;
		this.trail = trail;
		this.clock = clock;
		this.cooperation = cooperation;
	}

	/**
	 * The worklist of the signed-in person: a coordinator's is the team's, a
	 * professional's their own caseload. Every family shown is in the access trail.
	 */
	@Transactional
	List<Item> forCurrentUser() {
		Staff actor = Staff.current().requireOrganisation("household");
		if (!actor.worksWithCases() || actor.isSystem()) {
			throw new AccessDeniedException("Only coordinators and professionals");
		}
		List<Item> items = items(actor, !actor.leadsTeam());
		this.trail.searched(actor, items.stream().map(Item::householdId).distinct().toList());
		return items;
	}

	List<Item> items(Staff actor, boolean ownOnly) {
		LocalDate today = LocalDate.now(this.clock);
		// A professional's list starts from their own trajectories (indexed by the
		// contact person and the trajectory's staff): it costs their caseload, not the
		// organisation.
		// A deputy's list holds the families they cover today, from their own covers.
		String mine = ownOnly ? """
				 and (t.trajectory_id in (select i.trajectory_id from household_involvement i
				   where i.organisation_id = :organisation and i.account_id = :me)
				   or t.trajectory_id in (select d.trajectory_id from household_deputy d
				   where d.organisation_id = :organisation and d.account_id = :me and d.until_date >= :today
				     and d.from_date <= :today))
				""" : "";
		var candidates = this.jdbc
			.sql("""
					select distinct t.household_id from household_trajectory t
					where ((t.household_closed_on is null and (t.end_date is null or t.end_date >= :today))
					   or exists (select 1 from follow_up_rhythm r where r.trajectory_id = t.trajectory_id and r.ended_on is null))
					"""
					+ mine)
			.param("today", today);
		if (ownOnly) {
			candidates = candidates.param("organisation", actor.organisationId()).param("me", actor.userId());
		}
		List<UUID> ids = candidates.query(UUID.class).list();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, LocalDate> covering = new HashMap<>();
		if (ownOnly) {
			this.jdbc.sql("""
					select d.household_id, max(d.until_date) from household_deputy d
					where d.organisation_id = :organisation and d.account_id = :me and d.until_date >= :today
					  and d.from_date <= :today
					group by d.household_id
					""")
				.param("organisation", actor.organisationId())
				.param("me", actor.userId())
				.param("today", today)
				.query((rs) -> {
					covering.put(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class));
				});
		}
		Map<UUID, Facts> facts = new HashMap<>();
		ids.forEach((id) -> facts.put(id, new Facts()));
		List<HouseholdId> households = ids.stream().map(HouseholdId::new).toList();
		Map<UUID, String> staff = this.families.staffNames(actor.organisationId());
		this.households.glance(households).forEach((id, glance) -> {
			Facts f = facts.get(id.value());
			f.name = glance.name();
			f.contactPerson = (glance.contactPerson() != null) ? staff.get(glance.contactPerson()) : null;
			f.running = glance.running();
		});
		this.plans.acuteQuestions(households).forEach((id, count) -> facts.get(id.value()).acute = count);
		this.moments.lastReached(ids).forEach((id, day) -> facts.get(id).lastReached = day);
		this.moments.failedSinceReached(ids).forEach((id, count) -> facts.get(id).failed = count);
		this.rhythms.runningOf(ids).forEach((running) -> facts.get(running.householdId()).rhythms.add(running));
		this.obligations.dueBy(ids, today.plusDays(Obligation.DUE_SOON_DAYS)).forEach((due) -> {
			Facts f = facts.get(due.householdId());
			f.obligations = due.count();
			f.firstObligation = due.first();
		});
		Map<UUID, Integer> referrals = this.cooperation.referralsWithoutFeedback(CooperationApi.FEEDBACK_DAYS);
		Map<UUID, CooperationApi.IssuesDue> agencyIssues = this.cooperation.agencyIssuesDue();
		Map<UUID, SafetyApi.Due> safetyDue = this.safety.dueByHousehold();
		Map<UUID, FollowUpChecks.Due> checksDue = this.checks.dueBy(ids, today);
		List<Item> items = new ArrayList<>();
		facts.forEach((id, f) -> {
			LocalDate last = f.lastReached;
			LocalDate due = null;
			LocalDate periodOver = null;
			for (FollowUpRhythms.Running rhythm : f.rhythms) {
				LocalDate next = rhythm.due(last);
				due = (due == null || next.isBefore(due)) ? next : due;
				if (rhythm.periodOverOn(today) && (periodOver == null || rhythm.plannedUntil().isBefore(periodOver))) {
					periodOver = rhythm.plannedUntil();
				}
			}
			FollowUpChecks.Due check = checksDue.get(id);
			FollowUp followUp = new FollowUp(periodOver, (check != null) ? check.months() : null,
					(check != null) ? check.due() : null);
			Long overdue = (due != null) ? ChronoUnit.DAYS.between(due, today) : null;
			CooperationApi.IssuesDue issues = agencyIssues.get(id);
			Item item = new Item(id, f.name, f.contactPerson, last, due, overdue, f.failed, f.acute, f.obligations,
					f.firstObligation, !f.running && !f.rhythms.isEmpty(), referrals.getOrDefault(id, 0),
					(issues != null) ? issues.count() : 0, (issues != null) ? issues.first() : null,
					safetyDue.getOrDefault(id, SafetyApi.Due.NONE), followUp, covering.get(id));
			if (item.needsContact()) {
				items.add(item);
			}
		});
		items.sort(ORDER);
		return items;
	}

	private static final class Facts {

		String name;

		String contactPerson;

		boolean running;

		LocalDate lastReached;

		int failed;

		int acute;

		int obligations;

		LocalDate firstObligation;

		final List<FollowUpRhythms.Running> rhythms = new ArrayList<>();

	}

	/**
	 * A family on the worklist.
	 *
	 * @param daysOverdue days since the contact was due (0: due today; negative: not yet
	 * due), {@code null} without a rhythm
	 * @param failedAttempts contact moments that did not reach the family since the last
	 * one that did
	 * @param aftercare the trajectory closed but the rhythm goes on
	 * @param referralsWithoutFeedback referrals to a partner in Vangnet without any
	 * feedback after {@value CooperationApi#FEEDBACK_DAYS} days
	 * @param agencyIssues open issues with an agency (an error, a lost file, a wrong
	 * decision) that have an objection deadline
	 * @param firstAgencyDeadline the nearest of their deadlines
	 * @param safety what the safety work asks (a protective order that ends soon)
	 * @param followUp what aftercare asks: its planned period is over, or a follow-up
	 * check after departure is due
	 * @param coveringUntil on a deputy's own list: the last day they cover the family for
	 * its absent contact person ({@code null}: the family is theirs)
	 */
	record Item(UUID householdId, String name, String contactPerson, LocalDate lastReached, LocalDate due,
			Long daysOverdue, int failedAttempts, int acuteQuestions, int obligationsDue, LocalDate firstObligationDue,
			boolean aftercare, int referralsWithoutFeedback, int agencyIssues, LocalDate firstAgencyDeadline,
			SafetyApi.Due safety, FollowUp followUp, LocalDate coveringUntil) {

		Item(UUID householdId, String name, String contactPerson, LocalDate lastReached, LocalDate due,
				Long daysOverdue, int failedAttempts, int acuteQuestions, int obligationsDue,
				LocalDate firstObligationDue, boolean aftercare, int referralsWithoutFeedback, int agencyIssues,
				LocalDate firstAgencyDeadline, SafetyApi.Due safety) {
			this(householdId, name, contactPerson, lastReached, due, daysOverdue, failedAttempts, acuteQuestions,
					obligationsDue, firstObligationDue, aftercare, referralsWithoutFeedback, agencyIssues,
					firstAgencyDeadline, safety, FollowUp.NONE, null);
		}

		Item(UUID householdId, String name, String contactPerson, LocalDate lastReached, LocalDate due,
				Long daysOverdue, int failedAttempts, int acuteQuestions, int obligationsDue,
				LocalDate firstObligationDue, boolean aftercare, int referralsWithoutFeedback, int agencyIssues,
				LocalDate firstAgencyDeadline) {
			this(householdId, name, contactPerson, lastReached, due, daysOverdue, failedAttempts, acuteQuestions,
					obligationsDue, firstObligationDue, aftercare, referralsWithoutFeedback, agencyIssues,
					firstAgencyDeadline, SafetyApi.Due.NONE);
		}

		Item(UUID householdId, String name, String contactPerson, LocalDate lastReached, LocalDate due,
				Long daysOverdue, int failedAttempts, int acuteQuestions, int obligationsDue,
				LocalDate firstObligationDue, boolean aftercare, int referralsWithoutFeedback) {
			this(householdId, name, contactPerson, lastReached, due, daysOverdue, failedAttempts, acuteQuestions,
					obligationsDue, firstObligationDue, aftercare, referralsWithoutFeedback, 0, null);
		}

		Item(UUID householdId, String name, String contactPerson, LocalDate lastReached, LocalDate due,
				Long daysOverdue, int failedAttempts, int acuteQuestions, int obligationsDue,
				LocalDate firstObligationDue, boolean aftercare) {
			this(householdId, name, contactPerson, lastReached, due, daysOverdue, failedAttempts, acuteQuestions,
					obligationsDue, firstObligationDue, aftercare, 0);
		}

		public boolean overdue() {
			return this.daysOverdue != null && this.daysOverdue >= 0;
		}

		public boolean needsContact() {
			return overdue() || this.failedAttempts > 0 || this.acuteQuestions > 0 || this.obligationsDue > 0
					|| this.referralsWithoutFeedback > 0 || this.agencyIssues > 0
					|| (this.safety != null && this.safety.any()) || (this.followUp != null && this.followUp.any());
		}

	}

	/**
	 * What aftercare asks of the worker: the planned aftercare period ended on
	 * {@code periodOverSince} while the pilot-light rhythm goes on (end it or extend it),
	 * or the follow-up check at {@code checkMonths} after departure is due since
	 * {@code checkDue} and not tried yet.
	 */
	record FollowUp(LocalDate periodOverSince, Integer checkMonths, LocalDate checkDue) {

		static final FollowUp NONE = new FollowUp(null, null, null);

		public boolean any() {
			return this.periodOverSince != null || this.checkMonths != null;
		}

	}

}
