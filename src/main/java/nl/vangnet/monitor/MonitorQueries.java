package nl.vangnet.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import nl.vangnet.platform.VangnetProperties;
import nl.vangnet.platform.database.SharedSnapshot;
import nl.vangnet.platform.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * All SQL of the monitor, in one place. Each statement counts in the database; nothing is
 * loaded household by household. The first statement fixes the population P (households
 * with an intensive trajectory overlapping the period, with their latest such trajectory)
 * in a temporary table that lives until the end of the transaction; the others join it.
 * Row-level security still applies: the caller's transaction sees only the organisations
 * it may count.
 */
@Component
class MonitorQueries implements DisposableBean {

	/** P: one row per household, its latest overlapping intensive trajectory. */
	static final String POPULATION = """
			insert into monitor_population (household_id, organisation_id, start_date, stop_date, finished)
			select distinct on (t.household_id)
			       t.household_id, t.organisation_id, t.start_date,
			       case when t.end_date is not null and t.end_date <= :to then t.end_date else :to end,
			       t.end_date is not null and t.end_date <= :to
			from trajectory t
			where t.organisation_id = any (string_to_array(:organisations, ',')::uuid[]) and t.kind = 'INTENSIVE'
			  and t.start_date <= :to and (t.end_date is null or t.end_date >= :from)
			order by t.household_id, t.start_date desc, t.end_date desc nulls first, t.position desc
			""";

	/** Tabel B: intensive = |P| per organisation. */
	static final String REACH_INTENSIVE = """
			select o.code, count(*) from monitor_population p join organisation o on o.id = p.organisation_id
			group by o.code
			""";

	/** Tabel B: short = a short trajectory overlapping the period, and not in P. */
	static final String REACH_SHORT = """
			select o.code, count(*)
			from (
			  select distinct t.organisation_id, t.household_id
			  from trajectory t
			  where t.organisation_id = any (string_to_array(:organisations, ',')::uuid[]) and t.kind = 'SHORT'
			    and t.start_date <= :to and (t.end_date is null or t.end_date >= :from)
			    and not exists (select 1 from monitor_population p where p.household_id = t.household_id)
			) s join organisation o on o.id = s.organisation_id
			group by o.code
			""";

	/**
	 * Background over P (Tabel 2.x of seed 004: household and main contact) and the
	 * children of P by age group on the reference date {@code to}, in ONE pass over P:
	 * each household's summary (household_summary, V40 and V48, kept with every change of
	 * a household or a member) is read once (materialized) and feeds the characteristics,
	 * the children and the contact reasons. The characteristics: the households are
	 * counted per kind (their combination of characteristics as one text, V48: an omitted
	 * value is UNKNOWN, an empty list of day activities too, no members: no main contact
	 * and no children; a few thousand kinds at most), and each characteristic from those
	 * counts, split from the kind, so P is aggregated once, not once per characteristic;
	 * a list of day activities is split once per distinct list. The children per age
	 * group (counting children, not households): per household the children born on or
	 * before each age group's last birth date on {@code to} ({@code vangnet_born_by},
	 * V48) are counted by binary search in its children's ordered birth dates
	 * (width_bucket), a child born after {@code to} is UNKNOWN, and a child without a
	 * birth date counts for its given age group. Tabel 3.2 (turn 2's
	 * {@code contactReasons}, rows {@code 'contactReasons'}): the households of P per
	 * reason for the first contact, several per household; a household without a reason
	 * counts as UNKNOWN (each distinct list of reasons split once). The summaries are
	 * read as a semi-join with P (P is hashed, the summaries stream past it): as a join
	 * the planner, underestimating the summaries that row-level security lets through,
	 * hashed every summary instead.
	 */
	static final String BACKGROUND = """
			with hh as materialized (
			  select s.kind, s.contact_reasons, s.child_born, s.child_given
			  from household_summary s
			  where s.household_id in (select p.household_id from monitor_population p)
			), kinds as materialized (
			  select split_part(kind, '|', 1) as composition, split_part(kind, '|', 2) as debts,
			         split_part(kind, '|', 3) as referral_source, split_part(kind, '|', 4) as education,
			         split_part(kind, '|', 5) as dutch_language, split_part(kind, '|', 6) as day_activities,
			         split_part(kind, '|', 7) as children, households
			  from (select kind, count(*) as households from hh group by 1) k
			)
			select 'composition', composition, sum(households) from kinds group by 2
			union all select 'debts', debts, sum(households) from kinds group by 2
			union all select 'referralSource', referral_source, sum(households) from kinds group by 2
			union all select 'education', education, sum(households) from kinds group by 2
			union all select 'dutchLanguage', dutch_language, sum(households) from kinds group by 2
			union all select 'dayActivities', activity, sum(households)
			  from (select day_activities, sum(households) as households from kinds group by 1) d
			  cross join lateral unnest(string_to_array(coalesce(nullif(day_activities, ''), 'UNKNOWN'), ',')) as activity
			  group by 2
			union all select 'childrenPerHousehold', children, sum(households) from kinds group by 2
			union all select 'childAgeGroups', age_group, sum(children)
			  from (select g.age_group, g.children
			        from (select sum(cardinality(child_born) - width_bucket(:to, child_born)) as unknown,
			                     sum(width_bucket(:to, child_born) - width_bucket(vangnet_born_by(:to, 48), child_born)) as toddler,
			                     sum(width_bucket(vangnet_born_by(:to, 48), child_born)
			                         - width_bucket(vangnet_born_by(:to, 144), child_born)) as primary_school,
			                     sum(width_bucket(vangnet_born_by(:to, 144), child_born)
			                         - width_bucket(vangnet_born_by(:to, 216), child_born)) as adolescent,
			                     sum(width_bucket(vangnet_born_by(:to, 216), child_born)) as adult
			              from hh where cardinality(child_born) > 0) b
			        cross join lateral (values ('UNKNOWN', b.unknown), ('TODDLER', b.toddler), ('PRIMARY_SCHOOL', b.primary_school),
			                                   ('ADOLESCENT', b.adolescent), ('ADULT_AT_HOME', b.adult)) as g (age_group, children)
			        union all
			        select given, count(*) from hh cross join lateral unnest(hh.child_given) as given
			        where cardinality(hh.child_given) > 0 group by 1) c
			  group by 2 having sum(children) > 0
			union all select 'contactReasons', coalesce(reason, 'UNKNOWN'), sum(households)
			  from (select contact_reasons, count(*) as households from hh group by 1) r
			  left join lateral unnest(r.contact_reasons) as reason on true
			  group by 2
			""";

	/**
	 * Tabel 1.1 / Figuur 1.6: the households of P by their questions opened on or before
	 * {@code to}, as the codes of those questions with the number of each
	 * ({@code 'FINANCES:2,HEALTH:1'}, in the codes' order), and how many households have
	 * each such text (a few thousand). A household's text is its summary's
	 * (household_question_summary, V45, kept with every change of a question: the text as
	 * it stood on every day a question was opened) of the last such day on or before
	 * {@code to}, found by binary search (width_bucket); a household with questions of
	 * more than one organisation has its text made from its questions themselves.
	 * {@link #domains} counts from these the questions per code as registered and the
	 * households per framework code.
	 */
	static final String DOMAINS = """
			with s as materialized (
			  select s.household_id, s.one_organisation, s.questions[width_bucket(:to, s.days)] as questions
			  from monitor_population p join household_question_summary s on s.household_id = p.household_id
			)
			select questions, count(*) from s where one_organisation and questions is not null group by 1
			union all
			select string_agg(c.code || ':' || c.questions, ',' order by c.code), 1
			from (select distinct household_id from s where not one_organisation) h
			cross join lateral (
			  select hq.monitor_code::text as code, count(*) as questions from help_question hq
			  where hq.household_id = h.household_id and hq.opened_on <= :to group by 1
			) c
			group by h.household_id
			""";

	/**
	 * Tabel 4.1: whole months of each household's latest trajectory, from its start to
	 * its end (finished) or to {@code to} (ongoing), as
	 * Period.between(...).toTotalMonths(). The months are computed once per distinct
	 * start and stop (their date arithmetic costs more than counting), not once per
	 * household.
	 */
	static final String DURATION = """
			select finished, vangnet_whole_months(start_date, stop_date), sum(households)
			from (select finished, start_date, stop_date, count(*) as households
			      from monitor_population group by 1, 2, 3) d
			group by 1, 2
			""";

	/** The types of support, as many as {@code vangnet_support_types()} (V46) holds. */
	static final int SUPPORT_TYPES = 7;

	/**
	 * Tabel 4.2, time: minutes per household and type in the first 56 days of the
	 * trajectory (start inclusive) and in the 56 days up to its stop date (inclusive);
	 * per type the households with minutes in each window and their sum. Each household's
	 * minutes come from its summary (household_time_summary, V46, kept with every change
	 * of a time entry: the days with entries, in order, and per type the running total up
	 * to each): the minutes of a type in a window are its running total at the window's
	 * last day less its running total before the window's first, each day found once per
	 * household by binary search (width_bucket; none before: nothing). The households are
	 * counted per type in one row ({@code count_n, sum_n, ...} per window for type n),
	 * which is then split per type. A household with entries of more than one
	 * organisation is counted from its entries themselves.
	 */
	static final String TIME = time();

	private static String time() {
		StringBuilder minutes = new StringBuilder();
		StringBuilder counted = new StringBuilder();
		StringBuilder split = new StringBuilder();
		for (int n = 1; n <= SUPPORT_TYPES; n++) {
			minutes.append((n > 1) ? ",\n" : "")
				.append("    f.minutes[%1$d][f.s1] - coalesce(f.minutes[%1$d][f.s0], 0) as s%1$d, ".formatted(n))
				.append("f.minutes[%1$d][f.r1] - coalesce(f.minutes[%1$d][f.r0], 0) as r%1$d".formatted(n));
			counted.append((n > 1) ? ",\n" : "")
				.append("    count(nullif(s%1$d, 0)) as cs%1$d, sum(s%1$d) as ss%1$d, count(nullif(r%1$d, 0)) as cr%1$d, sum(r%1$d) as sr%1$d"
					.formatted(n));
			split.append((n > 1) ? ", " : "").append("(%1$d, cs%1$d, ss%1$d, cr%1$d, sr%1$d)".formatted(n));
		}
		return """
				with summarised as (
				  select
				%s
				  from (select f.minutes, width_bucket(p.start_date + 55, f.days) as s1, width_bucket(p.start_date - 1, f.days) as s0,
				               width_bucket(p.stop_date, f.days) as r1, width_bucket(p.stop_date - 56, f.days) as r0
				        from monitor_population p join household_time_summary f on f.household_id = p.household_id
				        where f.one_organisation offset 0) f
				  offset 0
				), counted as (
				  select
				%s
				  from summarised
				), per_type as (
				  select t.type as support_type, x.start_households, x.start_minutes, x.recent_households, x.recent_minutes
				  from counted
				  cross join lateral (values %s) as x (n, start_households, start_minutes, recent_households, recent_minutes)
				  join unnest(vangnet_support_types()) with ordinality as t (type, n) on t.n = x.n
				  union all
				  select e.support_type, count(nullif(e.at_start, 0)), sum(e.at_start), count(nullif(e.recent, 0)), sum(e.recent)
				  from (select distinct f.household_id from household_time_summary f where not f.one_organisation) h
				  join monitor_population p on p.household_id = h.household_id
				  cross join lateral (
				    select te.support_type,
				           sum(te.minutes) filter (where te.entry_date >= p.start_date and te.entry_date < p.start_date + 56) as at_start,
				           sum(te.minutes) filter (where te.entry_date between p.stop_date - 55 and p.stop_date) as recent
				    from time_entry te
				    where te.household_id = h.household_id
				      and ((te.entry_date >= p.start_date and te.entry_date < p.start_date + 56)
				        or (te.entry_date between p.stop_date - 55 and p.stop_date))
				    group by te.support_type
				  ) e
				  group by e.support_type
				)
				select support_type, sum(start_households), coalesce(sum(start_minutes), 0), sum(recent_households),
				       coalesce(sum(recent_minutes), 0)
				from per_type group by support_type having sum(start_households) > 0 or sum(recent_households) > 0
				"""
			.formatted(minutes, counted, split);
	}

	/**
	 * Tabel 4.2, progress: the households of P by their latest worker scores per domain
	 * on or before {@code to} (a latest score of null, n.v.t., is not scored), as one
	 * text ({@code 'FINANCES:3,HOUSING:4'}, in the domains' order), and how many
	 * households have each such text (a few thousand). A household's text is its
	 * summary's (household_progress_summary, V47, kept with every change of a score: the
	 * text as it stood on every day a score was given) of the last such day on or before
	 * {@code to}, found by binary search (width_bucket); a household with scores of more
	 * than one organisation has its text made from its scores themselves.
	 * {@link #progress} counts from these the households per domain and score.
	 */
	static final String PROGRESS = """
			with s as materialized (
			  select s.household_id, s.one_organisation, s.latest[width_bucket(:to, s.days)] as latest
			  from monitor_population p join household_progress_summary s on s.household_id = p.household_id
			)
			select latest, count(*) from s where one_organisation and latest <> '' group by 1
			union all
			select string_agg(l.domain_code || ':' || l.score, ',' order by l.domain_code), 1
			from (select distinct household_id from s where not one_organisation) h
			cross join lateral (
			  select distinct on (ps.domain_code) ps.domain_code, ps.score
			  from progress_score ps
			  where ps.household_id = h.household_id and ps.instrument_code = 'MONITOR_PROGRESS' and ps.rater = 'WORKER'
			    and ps.scored_on <= :to and ps.member_id is null
			  order by ps.domain_code, ps.scored_on desc
			) l
			where l.score is not null
			group by h.household_id
			""";

	/** Tabel 3.3: experience entries of P in the period, per code as registered. */
	static final String EXPERIENCE = """
			select e.monitor_code, e.helped, count(*)
			from experience e join monitor_population p on p.household_id = e.household_id
			where e.experienced_on between :from and :to and e.member_id is null
			group by 1, 2
			""";

	/**
	 * Referrals (vangnet-referral/1) of the households of P sent in the period, per
	 * top-level monitor domain (a sub-domain counts for its parent; none: UNKNOWN), per
	 * partner kind (the partner referred to; a Vangnet organisation without an entry on
	 * the map by its kind; else OTHER) and in total: sent; with feedback (first contact,
	 * accepted, declined or closed, dated on or before {@code to}); accepted; with a
	 * first contact (the first FIRST_CONTACT or ACCEPTED event on or before {@code to})
	 * and the median of the days from sending to it. Only live registrations: referrals
	 * exist only in Vangnet, imported households carry none.
	 */
	static final String REFERRALS = """
			with r as materialized (
			  select r.id, r.created_on,
			         coalesce(split_part(r.domain, '.', 1), 'UNKNOWN') as domain,
			         coalesce(pk.kind, case o.kind when 'SHELTER' then 'SHELTER' when 'MUNICIPAL_TEAM' then 'NEIGHBOURHOOD_TEAM'
			                                       when 'INFORMAL' then 'INFORMAL' end, 'OTHER') as kind,
			         exists (select 1 from referral_event e where e.referral_id = r.id and e.on_date <= :to
			                 and e.status in ('FIRST_CONTACT', 'ACCEPTED', 'DECLINED', 'CLOSED')) as feedback,
			         exists (select 1 from referral_event e where e.referral_id = r.id and e.on_date <= :to
			                 and e.status = 'ACCEPTED') as accepted,
			         (select min(e.on_date) from referral_event e where e.referral_id = r.id and e.on_date <= :to
			                 and e.status in ('FIRST_CONTACT', 'ACCEPTED')) as first_contact
			  from referral r join monitor_population p on p.household_id = r.household_id
			  left join partner pk on pk.id = r.to_partner_id
			  left join organisation o on o.id = r.to_organisation_id
			  where r.created_on between :from and :to
			)
			select case when grouping(domain) = 0 then 'domain' when grouping(kind) = 0 then 'kind' else 'total' end,
			       coalesce(case when grouping(domain) = 0 then domain end, case when grouping(kind) = 0 then kind end, 'TOTAL'),
			       count(*), count(*) filter (where feedback), count(*) filter (where accepted), count(first_contact),
			       percentile_cont(0.5) within group (order by first_contact - created_on)
			from r group by grouping sets ((), (domain), (kind))
			""";

	/**
	 * Safety (issue 14) of the households of P, live registrations only: households with
	 * a safety plan of any member; households screened on or before {@code to}, by the
	 * monitor level (LOW / MODERATE / HIGH, whatever the instrument calls it) of their
	 * latest screening by then; meldcode cases opened in the period, by the decision of
	 * their fifth step if it was taken on or before {@code to} (else UNDECIDED).
	 */
	static final String SAFETY = """
			select 'plan', 'TOTAL', count(distinct sp.household_id)
			from safety_plan sp join monitor_population p on p.household_id = sp.household_id
			union all
			select 'risk', l.monitor_level, count(*) from (
			  select distinct on (s.household_id) s.household_id, s.monitor_level
			  from risk_screening s join monitor_population p on p.household_id = s.household_id
			  where s.screened_on <= :to order by s.household_id, s.screened_on desc, s.recorded_at desc) l
			group by l.monitor_level
			union all
			select 'decision', coalesce((select st.content ->> 'decision' from meldcode_step st
			                             where st.case_id = c.id and st.step = 5 and st.done_on <= :to), 'UNDECIDED'),
			       count(*)
			from meldcode_case c join monitor_population p on p.household_id = c.household_id
			where c.opened_on between :from and :to
			group by 2
			""";

	/**
	 * Tabel 3.4: the participations of P in the period, in total (rows {@code 'total'}:
	 * the households of P taking part in an activity, and satisfaction) and split (turn
	 * 2) per kind (none recorded: UNKNOWN) and per participant (a child; an adult member,
	 * parent or other; the household as a whole when no member is named), each with its
	 * households and satisfaction counts, in one pass over the participations. The member
	 * is looked up only for a participation that names one (by its key), not by hashing
	 * every member of the organisations.
	 */
	static final String ACTIVITY_SPLIT = """
			with a as materialized (
			  select a.household_id, coalesce(a.kind, 'UNKNOWN') as kind,
			         case when a.member_id is null then 'HOUSEHOLD'
			              else coalesce((select case when m.role = 'CHILD' then 'CHILD' else 'PARENT' end
			                             from household_member m where m.id = a.member_id), 'HOUSEHOLD') end
			           as participant,
			         a.satisfaction
			  from activity_participation a join monitor_population p on p.household_id = a.household_id
			  where a.activity_date between :from and :to
			)
			select case when grouping(kind) = 0 then 'kind' when grouping(participant) = 0 then 'participant' else 'total' end,
			       case when grouping(kind) = 0 then kind when grouping(participant) = 0 then participant else 'TOTAL' end,
			       count(distinct household_id),
			       count(*) filter (where satisfaction = 'GREEN'),
			       count(*) filter (where satisfaction = 'ORANGE'),
			       count(*) filter (where satisfaction = 'RED')
			from a group by grouping sets ((kind), (participant), ())
			""";

	/**
	 * Turn 2's {@code destinations}: the intensive trajectories of P that ended in the
	 * period, per destination (none recorded: NOT_RECORDED).
	 */
	static final String DESTINATIONS = """
			select coalesce(t.destination, 'NOT_RECORDED'), count(*)
			from trajectory t join monitor_population p on p.household_id = t.household_id
			where t.kind = 'INTENSIVE' and t.end_date between :from and :to
			group by 1
			""";

	/**
	 * Turn 2's {@code returning}: the households of P reopened in the period, each once
	 * however often it was reopened (live registrations only).
	 */
	static final String RETURNING = """
			select count(distinct r.household_id)
			from household_reopening r join monitor_population p on p.household_id = r.household_id
			where r.reopened_on between :from and :to
			""";

	/**
	 * Turn 2's {@code followUp}: per check (3, 6, 12 months) the departures of P (their
	 * intensive trajectories that ended) whose check fell due in the period (the day of
	 * departure plus the months, clamped to the month's end as PostgreSQL's month
	 * arithmetic does), aftercare not declined, and not given up because she came back
	 * before it (a trajectory other than aftercare started between her departure and the
	 * check's day, and the check was never tried); of those, the checks that reached her,
	 * her housing stable, her feeling safe, and more supportive contacts than her network
	 * map held on the day of departure (the main contact's latest map drawn on or before
	 * it: contacts who support her and are no danger; without such a map, not counted as
	 * grown).
	 */
	static final String FOLLOW_UP = """
			with d as materialized (
			  select t.id as trajectory_id, t.household_id, t.end_date, m.months
			  from trajectory t join monitor_population p on p.household_id = t.household_id
			  cross join (values (3), (6), (12)) as m (months)
			  where t.kind = 'INTENSIVE' and t.end_date is not null
			    and (t.end_date + make_interval(months => m.months))::date between :from and :to
			    and not exists (select 1 from follow_up_rhythm r where r.trajectory_id = t.id and r.declined)
			    and (exists (select 1 from follow_up_check c where c.trajectory_id = t.id and c.months = m.months)
			      or not exists (select 1 from trajectory n where n.household_id = t.household_id and n.id <> t.id
			        and n.kind <> 'AFTERCARE' and n.start_date >= t.end_date
			        and n.start_date <= (t.end_date + make_interval(months => m.months))::date))
			)
			select d.months, count(*), count(f.id),
			       count(*) filter (where f.housing = 'STABLE'),
			       count(*) filter (where f.safe),
			       count(*) filter (where f.supportive_contacts > map.supportive)
			from d
			left join follow_up_check f on f.trajectory_id = d.trajectory_id and f.months = d.months and f.reached
			left join lateral (
			  select (select count(*) from network_contact c
			          where c.snapshot_id = s.id and not c.danger and cardinality(c.support) > 0) as supportive
			  from network_snapshot s join household_member hm on hm.id = s.member_id and hm.main_contact
			  where s.household_id = d.household_id and s.drawn_on <= d.end_date
			  order by s.drawn_on desc, s.created_at desc limit 1
			) map on f.id is not null
			group by d.months
			""";

	/** Each connection's statement times, at DEBUG (names and milliseconds only). */
	private static final Logger LOG = LoggerFactory.getLogger(MonitorQueries.class);

	private final JdbcClient jdbc;

	/** The transactions that count: each imports the snapshot of the monitor's own. */
	private final TransactionTemplate counting;

	/** How many connections count one monitor at once (the calling thread's included). */
	private final int connections;

	/** The threads of the other connections, shared by every monitor being counted. */
	private final ExecutorService helpers;

	@org.springframework.beans.factory.annotation.Autowired
	MonitorQueries(JdbcClient jdbc, PlatformTransactionManager transactionManager, VangnetProperties properties) {
		this(jdbc, transactionManager, properties.monitor().connections());
	}

	MonitorQueries(JdbcClient jdbc, PlatformTransactionManager transactionManager, int connections) {
		this.jdbc = jdbc;
		this.counting = new TransactionTemplate(transactionManager);
		this.counting.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.counting.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.connections = connections;
		AtomicInteger threads = new AtomicInteger();
		this.helpers = Executors.newFixedThreadPool(Math.max(1, this.connections - 1), (work) -> {
			Thread thread = new Thread(work, "monitor-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Counts the monitor of these organisations for the period, in the caller's
	 * transaction (whose tenant scope must include them).
	 */
	/**
	 * The query plans, with their real timings, of every statement (for tuning on
	 * generated data); in the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	String explain(Collection<UUID> organisations, LocalDate from, LocalDate to, List<String> domainCodes) {
		Map<String, Object> params = parameters(organisations, from, to);
		populate(params);
		StringBuilder plans = new StringBuilder();
		Map<String, String> statements = new LinkedHashMap<>();
		statements.put("POPULATION (its select)", POPULATION.substring(POPULATION.indexOf("select")));
		statements.putAll(statements());
		statements.forEach((name, sql) -> {
			plans.append("-- ").append(name).append('\n');
			this.jdbc.sql("explain (analyze, costs off) " + sql)
				.params(params)
				.query(String.class)
				.list()
				.forEach((line) -> plans.append(line).append('\n'));
		});
		return plans.toString();
	}

	/**
	 * The source rows of the monitor, as the statements read them (arrays as
	 * comma-separated text), one CSV file per table: what
	 * {@code bench/MonitorDuckDB.java} counts from.
	 */
	static final Map<String, String> EXPORT = Map.ofEntries(
			Map.entry("organisation", "select id, code, kind from organisation"),
			Map.entry("trajectory",
					"select id, household_id, organisation_id, kind, start_date, end_date, position, destination from trajectory"),
			Map.entry("household",
					"select id, organisation_id, composition, debts, referral_source, array_to_string(contact_reasons, ',') as contact_reasons from household"),
			Map.entry("household_member",
					"select id, household_id, role, main_contact, education, dutch_language, array_to_string(day_activities, ',') as day_activities, birth_date, age_group from household_member"),
			Map.entry("help_question", "select household_id, monitor_code, opened_on from help_question"),
			Map.entry("time_entry", "select household_id, support_type, entry_date, minutes from time_entry"),
			Map.entry("progress_score",
					"select household_id, domain_code, score, instrument_code, rater, scored_on, member_id from progress_score"),
			Map.entry("experience",
					"select household_id, monitor_code, helped, experienced_on, member_id from experience"),
			Map.entry("activity_participation",
					"select household_id, member_id, kind, satisfaction, activity_date from activity_participation"),
			Map.entry("referral",
					"select id, household_id, created_on, domain, to_partner_id, to_organisation_id from referral"),
			Map.entry("referral_event", "select referral_id, on_date, status from referral_event"),
			Map.entry("partner", "select id, kind from partner"),
			Map.entry("safety_plan", "select household_id from safety_plan"),
			Map.entry("risk_screening",
					"select household_id, monitor_level, screened_on, recorded_at from risk_screening"),
			Map.entry("meldcode_case", "select id, household_id, opened_on from meldcode_case"),
			Map.entry("meldcode_step",
					"select case_id, step, done_on, content ->> 'decision' as decision from meldcode_step"),
			Map.entry("household_reopening", "select household_id, reopened_on from household_reopening"),
			Map.entry("follow_up_rhythm", "select trajectory_id, declined from follow_up_rhythm"),
			Map.entry("follow_up_check",
					"select id, trajectory_id, months, reached, housing, safe, supportive_contacts from follow_up_check"),
			Map.entry("network_snapshot",
					"select id, household_id, member_id, drawn_on, created_at from network_snapshot"),
			Map.entry("network_contact",
					"select snapshot_id, danger, cardinality(support) as supports from network_contact"));

	/**
	 * Writes {@link #EXPORT} of the organisations to CSV files in the directory, and each
	 * statement's result rows for the period, sorted, to {@code pg-NAME.txt}; in the
	 * caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void export(java.nio.file.Path directory, Collection<UUID> organisations, LocalDate from, LocalDate to,
			List<String> domainCodes) {
		try {
			java.nio.file.Files.createDirectories(directory);
			this.jdbc.sql("select 1").query((java.sql.ResultSet rs) -> {
				org.postgresql.PGConnection pg = rs.getStatement()
					.getConnection()
					.unwrap(org.postgresql.PGConnection.class);
				for (Map.Entry<String, String> table : EXPORT.entrySet()) {
					// row-level security: the transaction sees only these organisations
					String sql = table.getValue();
					try (java.io.Writer out = java.nio.file.Files
						.newBufferedWriter(directory.resolve(table.getKey() + ".csv"))) {
						pg.getCopyAPI().copyOut("copy (" + sql + ") to stdout with (format csv, header)", out);
					}
					catch (java.io.IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				}
				return Boolean.TRUE;
			});
			Map<String, Object> params = parameters(organisations, from, to);
			populate(params);
			java.nio.file.Files.write(directory.resolve("params.txt"), List.of("from=" + from, "to=" + to,
					"codes=" + String.join(",", domainCodes), "masks=" + masks(domainCodes)));
			for (Map.Entry<String, String> statement : statements().entrySet()) {
				List<String> rows = new ArrayList<>();
				if ("DOMAINS".equals(statement.getKey()) || "PROGRESS".equals(statement.getKey())) {
					// as counted: per code, or per domain and score, not per text
					List<Object[]> texts = rows(statement.getValue(), params);
					for (Object[] r : "DOMAINS".equals(statement.getKey()) ? domains(texts, domainCodes)
							: progress(texts)) {
						rows.add(r[0] + "|" + r[1] + "|" + r[2]);
					}
				}
				else {
					this.jdbc.sql(statement.getValue()).params(params).query((rs) -> {
						StringBuilder row = new StringBuilder();
						for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
							row.append(i > 1 ? "|" : "").append(rs.getString(i));
						}
						rows.add(row.toString());
					});
				}
				rows.sort(null);
				java.nio.file.Files.write(directory.resolve("pg-" + statement.getKey() + ".txt"), rows);
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** Every statement after the population, by name. */
	static Map<String, String> statements() {
		Map<String, String> statements = new LinkedHashMap<>();
		statements.put("REACH_INTENSIVE", REACH_INTENSIVE);
		statements.put("REACH_SHORT", REACH_SHORT);
		statements.put("BACKGROUND", BACKGROUND);
		statements.put("DOMAINS", DOMAINS);
		statements.put("DURATION", DURATION);
		statements.put("TIME", TIME);
		statements.put("PROGRESS", PROGRESS);
		statements.put("EXPERIENCE", EXPERIENCE);
		statements.put("REFERRALS", REFERRALS);
		statements.put("SAFETY", SAFETY);
		statements.put("ACTIVITY_SPLIT", ACTIVITY_SPLIT);
		statements.put("DESTINATIONS", DESTINATIONS);
		statements.put("RETURNING", RETURNING);
		statements.put("FOLLOW_UP", FOLLOW_UP);
		return statements;
	}

	/**
	 * The rows of {@link #DOMAINS} counted per code: {@code ('households', code, n)} for
	 * every framework code, in order (the households with a question of that code or of a
	 * framework sub-code of it; a registered code outside the framework counts for none),
	 * then {@code ('questions', code, n)} for every code as registered that has questions
	 * (sorted). Each text is split once, however many households have it.
	 */
	static List<Object[]> domains(List<Object[]> texts, List<String> codes) {
		long[] households = new long[codes.size()];
		Map<String, Long> questions = new java.util.TreeMap<>();
		// per code as registered, the framework codes it counts for (bit i: the i-th
		// code)
		Map<String, Long> countsFor = new java.util.HashMap<>();
		for (Object[] text : texts) {
			long n = number(text[1]);
			long counted = 0;
			for (String entry : text(text[0]).split(",")) {
				int colon = entry.lastIndexOf(':');
				String registered = entry.substring(0, colon);
				questions.merge(registered, n * Long.parseLong(entry.substring(colon + 1)), Long::sum);
				counted |= countsFor.computeIfAbsent(registered, (code) -> {
					long bits = 0;
					if (codes.contains(code)) {
						for (int i = 0; i < codes.size(); i++) {
							bits |= MonitorReport.countsFor(code, codes.get(i)) ? 1L << i : 0;
						}
					}
					return bits;
				});
			}
			for (int i = 0; i < codes.size(); i++) {
				households[i] += ((counted & (1L << i)) != 0) ? n : 0;
			}
		}
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			rows.add(new Object[] { "households", codes.get(i), households[i] });
		}
		questions.forEach((code, n) -> rows.add(new Object[] { "questions", code, n }));
		return rows;
	}

	/**
	 * The rows of {@link #PROGRESS} counted per domain and score:
	 * {@code (domain, score, households)}, sorted. Each text is split once, however many
	 * households have it.
	 */
	static List<Object[]> progress(List<Object[]> texts) {
		Map<String, Long> counted = new java.util.TreeMap<>();
		for (Object[] text : texts) {
			for (String entry : text(text[0]).split(",")) {
				counted.merge(entry, number(text[1]), Long::sum);
			}
		}
		List<Object[]> rows = new ArrayList<>();
		counted.forEach((entry, households) -> {
			int colon = entry.lastIndexOf(':');
			rows.add(new Object[] { entry.substring(0, colon), Integer.valueOf(entry.substring(colon + 1)),
					households });
		});
		return rows;
	}

	/**
	 * Per framework code, the bits of itself and its sub-codes (bit i = the i-th code):
	 * what {@code bench/MonitorDuckDB.java}'s DOMAINS counts with, from
	 * {@code params.txt}.
	 */
	static String masks(List<String> codes) {
		List<String> masks = new ArrayList<>();
		for (String code : codes) {
			long bits = 0;
			for (int i = 0; i < codes.size(); i++) {
				if (MonitorReport.countsFor(codes.get(i), code)) {
					bits |= 1L << i;
				}
			}
			masks.add(Long.toString(bits));
		}
		return String.join(",", masks);
	}

	/** The statements' parameters. */
	private static Map<String, Object> parameters(Collection<UUID> organisations, LocalDate from, LocalDate to) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("organisations", organisations.stream().map(UUID::toString).collect(Collectors.joining(",")));
		params.put("from", from);
		params.put("to", to);
		return params;
	}

	/**
	 * Fills the temporary table of the population P, in the current transaction. P has no
	 * index: POPULATION gives each household once, every statement joins P by hashing,
	 * and keeping an index while filling cost more than filling (at 100,000 households
	 * about two thirds of it).
	 */
	private void populate(Map<String, Object> params) {
		this.jdbc.sql("""
				create temporary table if not exists monitor_population (
				  household_id uuid not null, organisation_id uuid not null,
				  start_date date not null, stop_date date not null, finished boolean not null
				) on commit drop
				""").update();
		this.jdbc.sql("truncate monitor_population").update();
		// Counting is hashing: let the transaction's sorts and hashes stay in memory.
		this.jdbc.sql("set local work_mem = '64MB'").update();
		// P is a large share of the data: join it by hashing, never by a look-up in P per
		// row
		// (the planner prefers those look-ups, and on 100,000 households they cost
		// seconds).
		this.jdbc.sql("set local enable_nestloop = off").update();
		this.jdbc.sql(POPULATION).params(params).update();
		this.jdbc.sql("analyze monitor_population").update();
	}

	/**
	 * Counts the monitor of these organisations for the period. The caller's transaction
	 * (whose tenant scope must include them) exports its snapshot; the statements are
	 * then counted on {@code connections} connections at once, each in a repeatable-read
	 * transaction that imports that snapshot and fills its own P, taking the next
	 * statement as it finishes one (the dearest first). So the monitor counts one moment
	 * of the data, on as many cores as it is given. The calling thread always counts too:
	 * when no other connection is free, it counts every statement itself. What the
	 * caller's transaction wrote and has not committed is not counted (the monitor's
	 * transaction writes nothing before it counts).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	RawFigures count(Collection<UUID> organisations, LocalDate from, LocalDate to, List<String> domainCodes) {
		RawFigures figures = new RawFigures();
		figures.from = from;
		figures.to = to;
		Map<String, Object> params = parameters(organisations, from, to);
		figures.organisations = this.jdbc.sql(
				"select code from organisation where id = any (string_to_array(:organisations, ',')::uuid[]) order by code")
			.params(params)
			.query(String.class)
			.list();
		Map<String, List<Object[]>> rows = countAll(params);
		for (Object[] r : rows.get("REACH_INTENSIVE")) {
			figures.intensive.put(text(r[0]), number(r[1]));
		}
		for (Object[] r : rows.get("REACH_SHORT")) {
			figures.shortOnly.put(text(r[0]), number(r[1]));
		}
		for (Object[] r : rows.get("BACKGROUND")) {
			if ("contactReasons".equals(r[0])) {
				figures.contactReasons.put(text(r[1]), number(r[2]));
				continue;
			}
			figures.background.computeIfAbsent(text(r[0]), (k) -> new LinkedHashMap<>()).put(text(r[1]), number(r[2]));
		}
		Map<String, Long> registered = new LinkedHashMap<>();
		for (Object[] r : domains(rows.get("DOMAINS"), domainCodes)) {
			if ("households".equals(r[0])) {
				figures.domainHouseholds.put(text(r[1]), number(r[2]));
			}
			else {
				registered.put(text(r[1]), number(r[2]));
			}
		}
		figures.allQuestions = registered.values().stream().mapToLong(Long::longValue).sum();
		for (String code : domainCodes) {
			long questions = registered.entrySet()
				.stream()
				.filter((e) -> MonitorReport.countsFor(e.getKey(), code))
				.mapToLong(Map.Entry::getValue)
				.sum();
			if (questions > 0) {
				figures.domainQuestions.put(code, questions);
			}
		}
		for (Object[] r : rows.get("DURATION")) {
			figures.durationMonths.computeIfAbsent((Boolean) r[0], (k) -> new LinkedHashMap<>())
				.merge((int) number(r[1]), number(r[2]), Long::sum);
		}
		for (Object[] r : rows.get("TIME")) {
			figures.time.put(text(r[0]), new RawFigures.Time(number(r[1]), number(r[2]), number(r[3]), number(r[4])));
		}
		for (Object[] r : progress(rows.get("PROGRESS"))) {
			figures.progress.computeIfAbsent(text(r[0]), (k) -> new LinkedHashMap<>())
				.put((int) number(r[1]), number(r[2]));
		}
		for (Object[] r : rows.get("EXPERIENCE")) {
			figures.experience.computeIfAbsent(text(r[0]), (k) -> new LinkedHashMap<>()).put(text(r[1]), number(r[2]));
		}
		for (Object[] r : rows.get("REFERRALS")) {
			RawFigures.Referrals counts = new RawFigures.Referrals(number(r[2]), number(r[3]), number(r[4]),
					number(r[5]), (r[6] != null) ? ((Number) r[6]).doubleValue() : null);
			switch (text(r[0])) {
				case "domain" -> figures.referralDomains.put(text(r[1]), counts);
				case "kind" -> figures.referralKinds.put(text(r[1]), counts);
				default -> figures.referrals = counts;
			}
		}
		for (Object[] r : rows.get("SAFETY")) {
			figures.safety.computeIfAbsent(text(r[0]), (k) -> new LinkedHashMap<>())
				.merge(text(r[1]), number(r[2]), Long::sum);
		}
		figures.activities.put("GREEN", 0L);
		figures.activities.put("ORANGE", 0L);
		figures.activities.put("RED", 0L);
		for (Object[] r : rows.get("ACTIVITY_SPLIT")) {
			if ("total".equals(r[0])) {
				figures.activityHouseholds = number(r[2]);
				figures.activities.put("GREEN", number(r[3]));
				figures.activities.put("ORANGE", number(r[4]));
				figures.activities.put("RED", number(r[5]));
				continue;
			}
			RawFigures.Activities counts = new RawFigures.Activities(number(r[2]), number(r[3]), number(r[4]),
					number(r[5]));
			("kind".equals(r[0]) ? figures.activityKinds : figures.activityParticipants).put(text(r[1]), counts);
		}
		for (Object[] r : rows.get("DESTINATIONS")) {
			figures.destinations.put(text(r[0]), number(r[1]));
		}
		figures.returning = number(rows.get("RETURNING").get(0)[0]);
		for (Object[] r : rows.get("FOLLOW_UP")) {
			figures.followUp.put((int) number(r[0]),
					new RawFigures.FollowUp(number(r[1]), number(r[2]), number(r[3]), number(r[4]), number(r[5])));
		}
		return figures;
	}

	/**
	 * The statements in the order they are handed out: the dearest first (measured at
	 * 500,000 households), so that the last ones to finish are short.
	 */
	static final List<String> DEAREST_FIRST = List.of("BACKGROUND", "DOMAINS", "TIME", "FOLLOW_UP", "REACH_SHORT",
			"ACTIVITY_SPLIT", "PROGRESS", "DURATION", "DESTINATIONS", "REACH_INTENSIVE", "EXPERIENCE", "REFERRALS",
			"SAFETY", "RETURNING");

	/**
	 * Every statement's rows, by name, counted on the connections from the caller's
	 * snapshot.
	 */
	private Map<String, List<Object[]>> countAll(Map<String, Object> params) {
		String snapshot = SharedSnapshot.export(this.jdbc);
		TenantScope.Scope scope = TenantScope.current();
		Map<String, String> statements = statements();
		Map<String, CompletableFuture<List<Object[]>>> results = new LinkedHashMap<>();
		Queue<String> queue = new ConcurrentLinkedQueue<>();
		List<String> names = new ArrayList<>(statements.keySet());
		// a statement not in the list yet is counted last
		names.sort(java.util.Comparator
			.comparingInt((name) -> DEAREST_FIRST.contains(name) ? DEAREST_FIRST.indexOf(name) : DEAREST_FIRST.size()));
		for (String name : names) {
			results.put(name, new CompletableFuture<>());
			queue.add(name);
		}
		for (int i = 1; i < this.connections; i++) {
			this.helpers.execute(() -> TenantScope.runAs(scope, () -> {
				try {
					countFrom(queue, statements, results, snapshot, params);
				}
				catch (RuntimeException ex) {
					// A helper that could not begin (no free connection in time, or the
					// snapshot already gone) leaves its statements to the others; one
					// that failed on a statement has failed that statement's result.
				}
			}));
		}
		try {
			countFrom(queue, statements, results, snapshot, params);
		}
		finally {
			queue.clear();
		}
		Map<String, List<Object[]>> rows = new LinkedHashMap<>();
		results.forEach((name, result) -> {
			try {
				rows.put(name, result.join());
			}
			catch (java.util.concurrent.CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
			}
		});
		return rows;
	}

	/**
	 * On this thread's own connection, in a transaction from the snapshot: fills P and
	 * counts statements from the queue until it is empty. Does nothing when the queue is
	 * already empty.
	 */
	private void countFrom(Queue<String> queue, Map<String, String> statements,
			Map<String, CompletableFuture<List<Object[]>>> results, String snapshot, Map<String, Object> params) {
		SharedSnapshot.importing(snapshot, () -> this.counting.execute((tx) -> {
			String name = queue.poll();
			if (name == null) {
				return null;
			}
			StringBuilder timings = LOG.isDebugEnabled() ? new StringBuilder() : null;
			try {
				long started = System.nanoTime();
				populate(params);
				started = timed(timings, "POPULATION", started);
				while (name != null) {
					results.get(name).complete(rows(statements.get(name), params));
					started = timed(timings, name, started);
					name = queue.poll();
				}
				if (timings != null) {
					LOG.debug("monitor counted on one connection (ms):{}", timings);
				}
			}
			catch (RuntimeException ex) {
				results.get(name).completeExceptionally(ex);
				queue.clear();
				throw ex;
			}
			return null;
		}));
	}

	/**
	 * Adds the milliseconds since {@code started} to the timings (when they are kept:
	 * only statement names and times, nothing counted); returns now.
	 */
	private static long timed(StringBuilder timings, String name, long started) {
		long now = System.nanoTime();
		if (timings != null) {
			timings.append(' ').append(name).append('=').append((now - started) / 1_000_000);
		}
		return now;
	}

	private List<Object[]> rows(String sql, Map<String, Object> params) {
		return this.jdbc.sql(sql).params(params).query((rs, n) -> {
			Object[] row = new Object[rs.getMetaData().getColumnCount()];
			for (int i = 0; i < row.length; i++) {
				row[i] = rs.getObject(i + 1);
			}
			return row;
		}).list();
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	/** A count or sum; SQL's null (a sum of no rows) as 0, as JDBC's getLong reads it. */
	private static long number(Object value) {
		return (value != null) ? ((Number) value).longValue() : 0;
	}

	@Override
	public void destroy() {
		this.helpers.shutdownNow();
	}

}
