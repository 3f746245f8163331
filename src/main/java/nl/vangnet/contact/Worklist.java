package nl.vangnet.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import nl.vangnet.account.AccountApi;
import nl.vangnet.account.StaffMember;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.platform.DomainException;

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

	/**
	 * Above this many families a count is "at least" (as the households list counts), so
	 * that counting costs the same at any organisation size.
	 */
	static final int COUNT_LIMIT = 1000;

	/** The size of a page when none is asked for, and the largest one may ask for. */
	static final int DEFAULT_SIZE = 50;

	static final int MAX_SIZE = 200;

	private final JdbcClient jdbc;

	private final Families families;

	private final ContactTrail trail;

	private final Clock clock;

	private final HouseholdApi households;

	private final PlanApi plans;

	private final AccountApi accounts;

	private final OrganisationApi organisations;

	private final FollowUpRhythms rhythms;

	private final ObligationRepository obligations;

	private final CooperationApi cooperation;

	private final SafetyApi safety;

	private final FollowUpChecks checks;

	Worklist(JdbcClient jdbc, Families families, HouseholdApi households, PlanApi plans, AccountApi accounts,
			OrganisationApi organisations, FollowUpRhythms rhythms, ObligationRepository obligations,
			ContactTrail trail, Clock clock, CooperationApi cooperation, SafetyApi safety, FollowUpChecks checks) {
		this.safety = safety;
		this.checks = checks;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.organisations = organisations;
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
	 * The worklist of the signed-in person, one page of it: a coordinator's is the
	 * team's, a professional's their own caseload. Every family shown is in the access
	 * trail.
	 */
	@Transactional
	Page forCurrentUser(Filter filter) {
		Staff actor = Staff.current().requireOrganisation("household");
		if (!actor.worksWithCases() || actor.isSystem()) {
			throw new AccessDeniedException("Only coordinators and professionals");
		}
		Page page = page(actor, filter);
		this.trail.searched(actor, page.items().stream().map(Item::householdId).distinct().toList());
		return page;
	}

	/**
	 * How many families of the organisation are overdue per fixed contact person (for the
	 * workload per worker): the same rule as the list's, from the rhythms' next due day;
	 * a family's contact person is that of her current trajectory, else her last (the
	 * latest start; of two on one day the one with the greater id). Read from the
	 * trajectories that have a contact person (by their index), each family's earliest
	 * next due day looked up by her running rhythms' index (a scalar subquery, so that
	 * the planner does not hash every running rhythm of the organisation), so that it
	 * costs the workers' families, not every overdue family of the organisation.
	 */
	Map<UUID, Integer> overdueByContactPerson(UUID organisation) {
		Map<UUID, Integer> counts = new HashMap<>();
		this.jdbc.sql("""
				select t.contact_person, count(distinct t.household_id) from household_trajectory t
				where t.organisation_id = :organisation and t.contact_person is not null
				  and not exists (select 1 from household_trajectory l
				    where l.organisation_id = :organisation and l.household_id = t.household_id
				      and l.contact_person is not null and l.trajectory_id <> t.trajectory_id
				      and ((l.end_date is null and t.end_date is not null)
				        or ((l.end_date is null) = (t.end_date is null) and (l.start_date > t.start_date
				          or (l.start_date = t.start_date and l.trajectory_id > t.trajectory_id)))))
				  and (select min(r.next_due) from follow_up_rhythm r where r.organisation_id = :organisation
				    and r.household_id = t.household_id and r.ended_on is null) <= :today
				group by t.contact_person
				""").param("organisation", organisation).param("today", LocalDate.now(this.clock)).query((rs) -> {
			counts.put(rs.getObject(1, UUID.class), rs.getInt(2));
		});
		return counts;
	}

	/**
	 * One page: for a professional, or a coordinator who picked a worker or a team, it is
	 * computed from those workers' own trajectories and covers (its cost is their
	 * caseload); a coordinator's whole list pages the overdue families in the order of
	 * the index on the rhythms' next due day, and computes the families on it for other
	 * reasons (their cost is the number of such families, not the organisation's size).
	 */
	Page page(Staff actor, Filter filter) {
		List<UUID> accounts = scope(actor, filter);
		if (accounts != null) {
			List<Item> all = caseload(actor, accounts, accounts.equals(List.of(actor.userId())));
			Map<Reason, Count> counts = new EnumMap<>(Reason.class);
			for (Reason reason : Reason.values()) {
				counts.put(reason, new Count(all.stream().filter(reason::of).count(), false));
			}
			List<Item> chosen = (filter.reason() == null) ? all : all.stream().filter(filter.reason()::of).toList();
			return slice(chosen, filter, counts);
		}
		LocalDate today = LocalDate.now(this.clock);
		UUID organisation = actor.organisationId();
		OrganisationWide wide = organisationWide(organisation, today);
		Map<Reason, Set<UUID>> few = fewFlagged(organisation, today, wide);
		Map<Reason, Count> counts = new EnumMap<>(Reason.class);
		counts.put(Reason.OVERDUE, overdueCount(organisation, today));
		for (Reason reason : MANY) {
			counts.put(reason, capped(count(MANY_SQL.get(reason), organisation, today)));
		}
		few.forEach((reason, ids) -> counts.put(reason, new Count(ids.size(), false)));
		int offset = filter.page() * filter.size();
		if (filter.reason() != null && filter.reason() != Reason.OVERDUE) {
			Set<UUID> ids = MANY.contains(filter.reason()) ? ids(MANY_SQL.get(filter.reason()), organisation, today)
					: few.get(filter.reason());
			List<Item> chosen = items(actor, new ArrayList<>(ids), Map.of(), wide).stream()
				.filter(filter.reason()::of)
				.toList();
			return slice(chosen, filter, counts);
		}
		List<UUID> overdue = overduePage(organisation, today, offset, filter.size() + 1);
		List<Item> items = new ArrayList<>(items(actor, overdue, Map.of(), wide));
		Count overdueCount = counts.get(Reason.OVERDUE);
		if (filter.reason() == Reason.OVERDUE) {
			return new Page(trim(items, filter.size()), overdueCount.count(), overdueCount.atLeast(), filter.page(),
					filter.size(), overdue.size() > filter.size(), counts);
		}
		// The families on the list for other reasons follow the overdue ones: read
		// only when the page reaches them, otherwise counted (up to the limit).
		Set<UUID> fewOthers = new HashSet<>();
		few.values().forEach(fewOthers::addAll);
		fewOthers.removeAll(overdueOf(organisation, today, fewOthers));
		// "union all", so that a limit stops reading early; the set counts each once.
		String othersSql = MANY.stream()
			.map(MANY_SQL::get)
			.collect(Collectors.joining(" union all ", "select o.household_id from (",
					") o where not exists ("
							+ "select 1 from follow_up_rhythm r where r.organisation_id = :organisation "
							+ "and r.household_id = o.household_id and r.ended_on is null and r.next_due <= :today)"));
		boolean more = overdue.size() > filter.size();
		if (more && overdueCount.atLeast()) {
			// More overdue families than are counted: the list has at least that many,
			// as the households list says (the others are not read just to add to it).
			return new Page(trim(items, filter.size()), COUNT_LIMIT, true, filter.page(), filter.size(), true, counts);
		}
		if (more) {
			long overdueTotal = overdueCount.count();
			List<UUID> read = this.jdbc.sql(othersSql + " limit " + (COUNT_LIMIT + 1))
				.param("organisation", organisation)
				.param("today", today)
				.query(UUID.class)
				.list();
			Set<UUID> counted = new HashSet<>(read);
			counted.addAll(fewOthers);
			boolean atLeast = overdueCount.atLeast() || read.size() > COUNT_LIMIT || counted.size() > COUNT_LIMIT;
			return new Page(trim(items, filter.size()), overdueTotal + Math.min(counted.size(), COUNT_LIMIT), atLeast,
					filter.page(), filter.size(), true, counts);
		}
		long overdueTotal = (!overdue.isEmpty()) ? offset + overdue.size()
				: overdueCount.atLeast() ? exactOverdueCount(organisation, today) : overdueCount.count();
		Set<UUID> others = ids(othersSql, organisation, today);
		others.addAll(fewOthers);
		if (!others.isEmpty()) {
			List<Item> rest = items(actor, new ArrayList<>(others), Map.of(), wide);
			int from = (int) Math.max(0, offset - overdueTotal);
			int wanted = filter.size() + 1 - overdue.size();
			rest.stream().skip(from).limit(wanted).forEach(items::add);
			more = items.size() > filter.size();
		}
		return new Page(trim(items, filter.size()), overdueTotal + others.size(), false, filter.page(), filter.size(),
				more, counts);
	}

	/**
	 * The reasons that many families of an organisation may have at once: found and
	 * counted in SQL, through their indexes, only for the families the list keeps in
	 * view.
	 */
	private static final Set<Reason> MANY = java.util.EnumSet.of(Reason.FAILED_ATTEMPTS, Reason.OBLIGATIONS_DUE);

	/**
	 * The one rule of which trajectories keep their family on the list (of alias
	 * {@code t}, a row of {@code household_trajectory}): it runs in a household still
	 * open, or its rhythm runs on (aftercare), until it is ended on purpose.
	 */
	private static final String KEPT_IN_VIEW = " "
			+ """
					((t.household_closed_on is null and (t.end_date is null or t.end_date >= :today))
					  or exists (select 1 from follow_up_rhythm r where r.trajectory_id = t.trajectory_id and r.ended_on is null))""";

	private static final String IN_VIEW = " " + """
			and exists (select 1 from household_trajectory t where t.organisation_id = :organisation
			  and t.household_id = x.household_id and""" + KEPT_IN_VIEW + ")\n";

	private static final Map<Reason, String> MANY_SQL = Map.of(Reason.FAILED_ATTEMPTS, """
			select x.household_id from contact_state x where x.organisation_id = :organisation
			  and x.failed_since_reached > 0""" + IN_VIEW, Reason.OBLIGATIONS_DUE, """
			select distinct x.household_id from obligation x where x.organisation_id = :organisation
			  and x.status in ('TO_DO', 'IN_PROGRESS') and x.due_on <= :today + %d"""
		.formatted(Obligation.DUE_SOON_DAYS) + IN_VIEW);

	private long count(String sql, UUID organisation, LocalDate today) {
		return this.jdbc.sql("select count(*) from (" + sql + " limit :limit) c")
			.param("organisation", organisation)
			.param("today", today)
			.param("limit", COUNT_LIMIT + 1)
			.query(Long.class)
			.single();
	}

	private static Count capped(long count) {
		return (count > COUNT_LIMIT) ? new Count(COUNT_LIMIT, true) : new Count(count, false);
	}

	private static Page slice(List<Item> items, Filter filter, Map<Reason, Count> counts) {
		int from = Math.min(items.size(), filter.page() * filter.size());
		int to = Math.min(items.size(), from + filter.size());
		return new Page(List.copyOf(items.subList(from, to)), items.size(), false, filter.page(), filter.size(),
				to < items.size(), counts);
	}

	private static List<Item> trim(List<Item> items, int size) {
		return List.copyOf(items.subList(0, Math.min(size, items.size())));
	}

	/**
	 * Whose caseload the page is computed from: the professional's own, or the worker or
	 * team a coordinator picked; {@code null}: the coordinator's whole organisation.
	 */
	private List<UUID> scope(Staff actor, Filter filter) {
		if (!actor.leadsTeam()) {
			if ((filter.worker() != null && !filter.worker().equals(actor.userId())) || filter.team() != null) {
				throw new DomainException((filter.team() != null) ? "team" : "worker",
						"contact.worklist.filter.coordinatorOnly");
			}
			return List.of(actor.userId());
		}
		if (filter.worker() == null && filter.team() == null) {
			return null;
		}
		List<StaffMember> staff = this.accounts.staff(actor.organisationId());
		if (filter.worker() != null) {
			if (staff.stream().noneMatch((member) -> member.id().equals(filter.worker()))) {
				throw new DomainException("worker", "contact.worklist.filter.worker.unknown");
			}
			return List.of(filter.worker());
		}
		if (this.organisations.teams(actor.organisationId())
			.stream()
			.noneMatch((team) -> team.id().equals(filter.team()))) {
			throw new DomainException("team", "contact.worklist.filter.team.unknown");
		}
		List<UUID> members = staff.stream()
			.filter((member) -> filter.team().equals(member.teamId()))
			.map(StaffMember::id)
			.toList();
		return members.isEmpty() ? List.of(new UUID(0, 0)) : members;
	}

	/**
	 * The families of the workers' caseloads that need contact, in the list's order: from
	 * their own trajectories (indexed by the contact person and the trajectory's staff)
	 * and from the trajectories they cover as a deputy today.
	 */
	private List<Item> caseload(Staff actor, List<UUID> accounts, boolean own) {
		LocalDate today = LocalDate.now(this.clock);
		List<UUID> ids = this.jdbc.sql("""
				select distinct t.household_id from household_trajectory t
				where t.organisation_id = :organisation and """ + KEPT_IN_VIEW + """
				 and t.trajectory_id in (select i.trajectory_id from household_involvement i
				   where i.organisation_id = :organisation and i.account_id in (:accounts)
				   union all select d.trajectory_id from household_deputy d
				   where d.organisation_id = :organisation and d.account_id in (:accounts) and d.until_date >= :today
				     and d.from_date <= :today)
				""")
			.param("today", today)
			.param("organisation", actor.organisationId())
			.param("accounts", accounts)
			.query(UUID.class)
			.list();
		if (ids.isEmpty()) {
			return List.of();
		}
		// "u neemt waar": only on the deputy's own list.
		Map<UUID, LocalDate> covering = new HashMap<>();
		if (own) {
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
		return items(actor, ids, covering, organisationWide(actor.organisationId(), today));
	}

	/**
	 * How many families of the organisation are overdue: exactly up to
	 * {@value #COUNT_LIMIT}, above it "at least".
	 */
	private Count overdueCount(UUID organisation, LocalDate today) {
		long count = this.jdbc.sql("""
				select count(distinct household_id) from (select r.household_id from follow_up_rhythm r
				  where r.organisation_id = :organisation and r.ended_on is null and r.next_due <= :today
				  limit :limit) first
				""")
			.param("organisation", organisation)
			.param("today", today)
			.param("limit", COUNT_LIMIT + 1)
			.query(Long.class)
			.single();
		return (count > COUNT_LIMIT) ? new Count(COUNT_LIMIT, true) : new Count(count, false);
	}

	private long exactOverdueCount(UUID organisation, LocalDate today) {
		return this.jdbc.sql("""
				select count(distinct household_id) from follow_up_rhythm r
				where r.organisation_id = :organisation and r.ended_on is null and r.next_due <= :today
				""").param("organisation", organisation).param("today", today).query(Long.class).single();
	}

	/**
	 * A page of the overdue families, the longest overdue first: in the order of the
	 * index on the running rhythms' next due day, each family once (at its earliest
	 * rhythm).
	 */
	private List<UUID> overduePage(UUID organisation, LocalDate today, int offset, int limit) {
		return this.jdbc.sql("""
				select r.household_id from follow_up_rhythm r
				where r.organisation_id = :organisation and r.ended_on is null and r.next_due <= :today
				  and not exists (select 1 from follow_up_rhythm o where o.organisation_id = :organisation
				    and o.household_id = r.household_id and o.ended_on is null
				    and (o.next_due < r.next_due or (o.next_due = r.next_due and o.id < r.id)))
				order by r.next_due, r.id offset :offset limit :limit
				""")
			.param("organisation", organisation)
			.param("today", today)
			.param("offset", offset)
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** Which of the households are overdue. */
	private Set<UUID> overdueOf(UUID organisation, LocalDate today, Set<UUID> households) {
		if (households.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				select distinct household_id from follow_up_rhythm
				where organisation_id = :organisation and ended_on is null and next_due <= :today
				  and household_id in (:ids)
				""")
			.param("organisation", organisation)
			.param("today", today)
			.param("ids", households)
			.query(UUID.class)
			.list());
	}

	/**
	 * The families of the organisation on the list for the reasons that few families have
	 * at once (what other modules report for the whole organisation, and aftercare asking
	 * for a decision or a check), only those the list keeps in view.
	 */
	private Map<Reason, Set<UUID>> fewFlagged(UUID organisation, LocalDate today, OrganisationWide wide) {
		Map<Reason, Set<UUID>> flagged = new EnumMap<>(Reason.class);
		flagged.put(Reason.ACUTE_QUESTIONS,
				this.plans.withAcuteQuestions(organisation)
					.stream()
					.map(HouseholdId::value)
					.collect(Collectors.toCollection(HashSet::new)));
		flagged.put(Reason.REFERRALS_WITHOUT_FEEDBACK, new HashSet<>(wide.referrals().keySet()));
		flagged.put(Reason.AGENCY_ISSUES, new HashSet<>(wide.agencyIssues().keySet()));
		flagged.put(Reason.SAFETY,
				wide.safety()
					.entrySet()
					.stream()
					.filter((due) -> due.getValue().any())
					.map(Map.Entry::getKey)
					.collect(Collectors.toCollection(HashSet::new)));
		// Both from indexes on the few running rhythms they concern (V43): those with a
		// planned period, and those after a departure (departed_on, the end of their
		// intensive trajectory, kept with every change of it).
		Set<UUID> followUp = ids("""
				select distinct household_id from follow_up_rhythm where organisation_id = :organisation
				  and ended_on is null and planned_until is not null and planned_until < :today
				""", organisation, today);
		List<UUID> departed = new ArrayList<>(ids("""
				select distinct r.household_id from follow_up_rhythm r
				where r.organisation_id = :organisation and r.ended_on is null and not r.declined
				  and r.departed_on is not null and r.departed_on <= :today
				""", organisation, today));
		if (!departed.isEmpty()) {
			followUp.addAll(this.checks.dueBy(departed, today).keySet());
		}
		flagged.put(Reason.FOLLOW_UP, followUp);
		Set<UUID> all = new HashSet<>();
		flagged.values().forEach(all::addAll);
		Set<UUID> kept = inView(organisation, all, today);
		flagged.values().forEach((ids) -> ids.retainAll(kept));
		return flagged;
	}

	private Set<UUID> ids(String sql, UUID organisation, LocalDate today) {
		return new HashSet<>(
				this.jdbc.sql(sql).param("organisation", organisation).param("today", today).query(UUID.class).list());
	}

	/** Those of the households the worklist keeps in view. */
	private Set<UUID> inView(UUID organisation, Set<UUID> households, LocalDate today) {
		if (households.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				select distinct t.household_id from household_trajectory t
				where t.organisation_id = :organisation and t.household_id in (:ids)
				  and """ + KEPT_IN_VIEW)
			.param("organisation", organisation)
			.param("ids", households)
			.param("today", today)
			.query(UUID.class)
			.list());
	}

	/** What other modules tell about the whole organisation at once (few rows each). */
	private OrganisationWide organisationWide(UUID organisation, LocalDate today) {
		return new OrganisationWide(this.cooperation.referralsWithoutFeedback(CooperationApi.FEEDBACK_DAYS),
				this.cooperation.agencyIssuesDue(), this.safety.dueByHousehold());
	}

	private record OrganisationWide(Map<UUID, Integer> referrals, Map<UUID, CooperationApi.IssuesDue> agencyIssues,
			Map<UUID, SafetyApi.Due> safety) {
	}

	/**
	 * The items of the households that need contact, in the list's order; what is derived
	 * from contact moments comes from {@code contact_state} and the rhythms'
	 * {@code next_due} (V34), kept with every change of a moment.
	 */
	private List<Item> items(Staff actor, List<UUID> ids, Map<UUID, LocalDate> covering, OrganisationWide wide) {
		if (ids.isEmpty()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(this.clock);
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
		this.jdbc.sql(
				"select household_id, last_reached, failed_since_reached from contact_state where household_id in (:ids)")
			.param("ids", ids)
			.query((rs) -> {
				Facts f = facts.get(rs.getObject(1, UUID.class));
				f.lastReached = rs.getObject(2, LocalDate.class);
				f.failed = rs.getInt(3);
			});
		this.rhythms.runningOf(ids).forEach((running) -> facts.get(running.householdId()).rhythms.add(running));
		this.obligations.dueBy(ids, today.plusDays(Obligation.DUE_SOON_DAYS)).forEach((due) -> {
			Facts f = facts.get(due.householdId());
			f.obligations = due.count();
			f.firstObligation = due.first();
		});
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
			CooperationApi.IssuesDue issues = wide.agencyIssues().get(id);
			Item item = new Item(id, f.name, f.contactPerson, last, due, overdue, f.failed, f.acute, f.obligations,
					f.firstObligation, !f.running && !f.rhythms.isEmpty(), wide.referrals().getOrDefault(id, 0),
					(issues != null) ? issues.count() : 0, (issues != null) ? issues.first() : null,
					wide.safety().getOrDefault(id, SafetyApi.Due.NONE), followUp, covering.get(id));
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

	/**
	 * Why a family is on the list; a family can be on it for several reasons.
	 */
	enum Reason {

		OVERDUE(Item::overdue), FAILED_ATTEMPTS((item) -> item.failedAttempts() > 0),
		ACUTE_QUESTIONS((item) -> item.acuteQuestions() > 0), OBLIGATIONS_DUE((item) -> item.obligationsDue() > 0),
		REFERRALS_WITHOUT_FEEDBACK((item) -> item.referralsWithoutFeedback() > 0),
		AGENCY_ISSUES((item) -> item.agencyIssues() > 0),
		SAFETY((item) -> item.safety() != null && item.safety().any()),
		FOLLOW_UP((item) -> item.followUp() != null && item.followUp().any());

		private final Predicate<Item> test;

		Reason(Predicate<Item> test) {
			this.test = test;
		}

		boolean of(Item item) {
			return this.test.test(item);
		}

	}

	/**
	 * Which page, and which families: those on it for a reason, of a worker, of a team
	 * ({@code null}: no filter); the page counts from 0.
	 */
	record Filter(Reason reason, UUID worker, UUID team, int page, int size) {

		static final Filter FIRST = new Filter(null, null, null, 0, DEFAULT_SIZE);

		Filter {
			page = Math.max(0, page);
			size = (size <= 0) ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
		}

	}

	/** A number of families: exactly, or when {@code atLeast} at least so many. */
	record Count(long count, boolean atLeast) {
	}

	/**
	 * One page of the worklist and how many families it has in all (exactly, or when
	 * {@code totalAtLeast} at least so many); {@code more}: a next page has families;
	 * {@code counts}: the families on it per reason (over the whole list, not the page).
	 */
	record Page(List<Item> items, long total, boolean totalAtLeast, int page, int size, boolean more,
			Map<Reason, Count> counts) {

		public boolean hasPrevious() {
			return this.page > 0;
		}

	}

}
