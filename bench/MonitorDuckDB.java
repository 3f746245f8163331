import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitor's tables counted by DuckDB, for bench/run.sh (issue 16, item 2): not part of the
 * build, started as a single source file with duckdb_jdbc on the class path, which stays out of
 * the application's jar:
 *
 * <pre>
 * java -cp duckdb_jdbc.jar bench/MonitorDuckDB.java DIR RUNS [WARMUPS]
 * </pre>
 *
 * DIR holds what {@code vangnet.jar bench-monitor --export DIR} wrote: the rows the monitor
 * counts from, one CSV file per table (only the participants' rows, only the columns the monitor
 * reads), the period ({@code params.txt}) and the result rows of each of Vangnet's statements
 * ({@code pg-NAME.txt}). The same rows go into DuckDB tables in memory (not timed); then the same
 * statements, in DuckDB's SQL, run RUNS times after WARMUPS warm-ups (default 3, as Vangnet's),
 * from the population P to the follow-up checks. It prints the median and the fastest run and whether every statement's rows
 * equal Vangnet's.
 */
public class MonitorDuckDB {

	/** Each table's columns and types, as exported. */
	static final Map<String, String> TABLES = new LinkedHashMap<>();

	static {
		TABLES.put("organisation", "id uuid, code varchar, kind varchar");
		TABLES.put("trajectory",
				"id uuid, household_id uuid, organisation_id uuid, kind varchar, start_date date, end_date date, position integer, destination varchar");
		TABLES.put("household",
				"id uuid, organisation_id uuid, composition varchar, debts varchar, referral_source varchar, contact_reasons varchar");
		TABLES.put("household_member",
				"id uuid, household_id uuid, role varchar, main_contact boolean, education varchar, dutch_language varchar, day_activities varchar, birth_date date, age_group varchar");
		TABLES.put("help_question", "household_id uuid, monitor_code varchar, opened_on date");
		TABLES.put("time_entry", "household_id uuid, support_type varchar, entry_date date, minutes integer");
		TABLES.put("progress_score",
				"household_id uuid, domain_code varchar, score integer, instrument_code varchar, rater varchar, scored_on date, member_id uuid");
		TABLES.put("experience",
				"household_id uuid, monitor_code varchar, helped varchar, experienced_on date, member_id uuid");
		TABLES.put("activity_participation",
				"household_id uuid, member_id uuid, kind varchar, satisfaction varchar, activity_date date");
		TABLES.put("referral",
				"id uuid, household_id uuid, created_on date, domain varchar, to_partner_id uuid, to_organisation_id uuid");
		TABLES.put("referral_event", "referral_id uuid, on_date date, status varchar");
		TABLES.put("partner", "id uuid, kind varchar");
		TABLES.put("safety_plan", "household_id uuid");
		TABLES.put("risk_screening", "household_id uuid, monitor_level varchar, screened_on date, recorded_at timestamptz");
		TABLES.put("meldcode_case", "id uuid, household_id uuid, opened_on date");
		TABLES.put("meldcode_step", "case_id uuid, step integer, done_on date, decision varchar");
		TABLES.put("household_reopening", "household_id uuid, reopened_on date");
		TABLES.put("follow_up_rhythm", "trajectory_id uuid, declined boolean");
		TABLES.put("follow_up_check",
				"id uuid, trajectory_id uuid, months integer, reached boolean, housing varchar, safe boolean, supportive_contacts integer");
		TABLES.put("network_snapshot", "id uuid, household_id uuid, member_id uuid, drawn_on date, created_at timestamptz");
		TABLES.put("network_contact", "snapshot_id uuid, danger boolean, supports integer");
	}

	static final String MACROS = """
			create or replace macro whole_months(s, e) as
			  (year(e) * 12 + month(e)) - (year(s) * 12 + month(s))
			  + case when e >= s and day(e) < day(s) then -1 when e < s and day(e) > day(s) then 1 else 0 end;
			create or replace macro age_group(b, g, r) as case
			  when b is null then coalesce(g, 'UNKNOWN')
			  when b > r then 'UNKNOWN'
			  when whole_months(b, r) < 48 then 'TODDLER'
			  when whole_months(b, r) < 144 then 'PRIMARY_SCHOOL'
			  when whole_months(b, r) < 216 then 'ADOLESCENT'
			  else 'ADULT_AT_HOME' end;
			""";

	static final String POPULATION = """
			create or replace temporary table monitor_population as
			select distinct on (t.household_id)
			       t.household_id, t.organisation_id, t.start_date,
			       case when t.end_date is not null and t.end_date <= :to then t.end_date else :to end as stop_date,
			       coalesce(t.end_date is not null and t.end_date <= :to, false) as finished
			from trajectory t
			where t.kind = 'INTENSIVE' and t.start_date <= :to and (t.end_date is null or t.end_date >= :from)
			order by t.household_id, t.start_date desc, t.end_date desc nulls first, t.position desc
			""";

	/** Vangnet's statements (MonitorQueries), in DuckDB's SQL. */
	static final Map<String, String> STATEMENTS = new LinkedHashMap<>();

	static {
		STATEMENTS.put("REACH_INTENSIVE", """
				select o.code, count(*) from monitor_population p join organisation o on o.id = p.organisation_id
				group by o.code
				""");
		STATEMENTS.put("REACH_SHORT", """
				select o.code, count(*)
				from (
				  select distinct t.organisation_id, t.household_id
				  from trajectory t
				  where t.kind = 'SHORT' and t.start_date <= :to and (t.end_date is null or t.end_date >= :from)
				    and not exists (select 1 from monitor_population p where p.household_id = t.household_id)
				) s join organisation o on o.id = s.organisation_id
				group by o.code
				""");
		STATEMENTS.put("BACKGROUND", """
				with members as materialized (
				  select m.household_id, m.role, m.main_contact, m.education, m.dutch_language, m.day_activities,
				         m.birth_date, m.age_group
				  from household_member m join monitor_population p on p.household_id = m.household_id
				), main_contact as (
				  select household_id, education, dutch_language, day_activities from members where main_contact
				), children as (
				  select household_id, count(*) as children from members where role = 'CHILD' group by household_id
				), hh as materialized (
				  select h.composition, h.debts, h.referral_source, h.contact_reasons, mc.education, mc.dutch_language,
				         mc.day_activities, coalesce(c.children, 0) as children
				  from monitor_population p
				  join household h on h.id = p.household_id
				  left join main_contact mc on mc.household_id = p.household_id
				  left join children c on c.household_id = p.household_id
				)
				select 'composition', coalesce(composition, 'UNKNOWN'), count(*) from hh group by 2
				union all select 'debts', coalesce(debts, 'UNKNOWN'), count(*) from hh group by 2
				union all select 'referralSource', coalesce(referral_source, 'UNKNOWN'), count(*) from hh group by 2
				union all select 'education', coalesce(education, 'UNKNOWN'), count(*) from hh group by 2
				union all select 'dutchLanguage', coalesce(dutch_language, 'UNKNOWN'), count(*) from hh group by 2
				union all select 'dayActivities', activity, sum(households)
				  from (select unnest(string_split(coalesce(nullif(day_activities, ''), 'UNKNOWN'), ',')) as activity, households
				        from (select day_activities, count(*) as households from hh group by 1))
				  group by 2
				union all select 'childrenPerHousehold', case when children >= 5 then '5+' else children::varchar end, count(*)
				  from hh group by 2
				union all select 'childAgeGroups', age_group(birth_date, age_group, :to), sum(children)
				  from (select birth_date, age_group, count(*) as children from members where role = 'CHILD' group by 1, 2) c
				  group by 2
				union all select 'contactReasons', coalesce(reason, 'UNKNOWN'), count(*)
				  from (select unnest(case when coalesce(contact_reasons, '') = '' then [null::varchar]
				                           else string_split(contact_reasons, ',') end) as reason
				        from hh)
				  group by 2
				""");
		STATEMENTS.put("DOMAINS", """
				with codes as (select unnest(:codes) as code, unnest(:masks) as bits),
				per as materialized (
				  select grouping(hq.household_id) as by_code, hq.monitor_code as code, count(*) as questions,
				         bit_or(cast(1 as bigint) << (list_position(:codes, hq.monitor_code) - 1)) as mask
				  from help_question hq join monitor_population p on p.household_id = hq.household_id
				  where hq.opened_on <= :to
				  group by grouping sets ((hq.household_id), (hq.monitor_code))
				), masks as (
				  select mask, count(*) as households from per where by_code = 0 and mask is not null group by mask
				)
				select 'households', c.code, coalesce(sum(m.households) filter (where (m.mask & c.bits) <> 0), 0)
				from masks m cross join codes c
				group by c.code
				union all
				select 'questions', code, questions from per where by_code = 1
				""");
		STATEMENTS.put("DURATION", """
				select finished, whole_months(start_date, stop_date), count(*) from monitor_population group by 1, 2
				""");
		STATEMENTS.put("TIME", """
				with windows as (
				  select te.household_id, te.support_type,
				         sum(te.minutes) filter (where te.entry_date >= p.start_date and te.entry_date < p.start_date + 56) as at_start,
				         sum(te.minutes) filter (where te.entry_date between p.stop_date - 55 and p.stop_date) as recent
				  from time_entry te join monitor_population p on p.household_id = te.household_id
				  where (te.entry_date >= p.start_date and te.entry_date < p.start_date + 56)
				     or (te.entry_date between p.stop_date - 55 and p.stop_date)
				  group by te.household_id, te.support_type
				)
				select support_type, count(at_start), coalesce(sum(at_start), 0), count(recent), coalesce(sum(recent), 0)
				from windows group by support_type
				""");
		STATEMENTS.put("PROGRESS", """
				with latest as (
				  select distinct on (ps.household_id, ps.domain_code) ps.household_id, ps.domain_code, ps.score
				  from progress_score ps
				  where ps.instrument_code = 'MONITOR_PROGRESS' and ps.rater = 'WORKER' and ps.scored_on <= :to
				    and ps.member_id is null
				  order by ps.household_id, ps.domain_code, ps.scored_on desc
				)
				select l.domain_code, l.score, count(*)
				from latest l join monitor_population p on p.household_id = l.household_id
				where l.score is not null
				group by 1, 2
				""");
		STATEMENTS.put("EXPERIENCE", """
				select e.monitor_code, e.helped, count(*)
				from experience e join monitor_population p on p.household_id = e.household_id
				where e.experienced_on between :from and :to and e.member_id is null
				group by 1, 2
				""");
		STATEMENTS.put("REFERRALS", """
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
				       quantile_cont(date_diff('day', created_on, first_contact), 0.5)
				from r group by grouping sets ((), (domain), (kind))
				""");
		STATEMENTS.put("SAFETY", """
				select 'plan', 'TOTAL', count(distinct sp.household_id)
				from safety_plan sp join monitor_population p on p.household_id = sp.household_id
				union all
				select 'risk', l.monitor_level, count(*) from (
				  select distinct on (s.household_id) s.household_id, s.monitor_level
				  from risk_screening s join monitor_population p on p.household_id = s.household_id
				  where s.screened_on <= :to order by s.household_id, s.screened_on desc, s.recorded_at desc) l
				group by l.monitor_level
				union all
				select 'decision', coalesce((select st.decision from meldcode_step st
				                             where st.case_id = c.id and st.step = 5 and st.done_on <= :to), 'UNDECIDED'),
				       count(*)
				from meldcode_case c join monitor_population p on p.household_id = c.household_id
				where c.opened_on between :from and :to
				group by 2
				""");
		STATEMENTS.put("ACTIVITY_SPLIT", """
				with a as materialized (
				  select a.household_id, coalesce(a.kind, 'UNKNOWN') as kind,
				         case when m.role = 'CHILD' then 'CHILD' when m.role is not null then 'PARENT' else 'HOUSEHOLD' end
				           as participant,
				         a.satisfaction
				  from activity_participation a join monitor_population p on p.household_id = a.household_id
				  left join household_member m on m.id = a.member_id
				  where a.activity_date between :from and :to
				)
				select case when grouping(kind) = 0 then 'kind' when grouping(participant) = 0 then 'participant' else 'total' end,
				       case when grouping(kind) = 0 then kind when grouping(participant) = 0 then participant else 'TOTAL' end,
				       count(distinct household_id),
				       count(*) filter (where satisfaction = 'GREEN'),
				       count(*) filter (where satisfaction = 'ORANGE'),
				       count(*) filter (where satisfaction = 'RED')
				from a group by grouping sets ((kind), (participant), ())
				""");
		STATEMENTS.put("DESTINATIONS", """
				select coalesce(t.destination, 'NOT_RECORDED'), count(*)
				from trajectory t join monitor_population p on p.household_id = t.household_id
				where t.kind = 'INTENSIVE' and t.end_date between :from and :to
				group by 1
				""");
		STATEMENTS.put("RETURNING", """
				select count(distinct r.household_id)
				from household_reopening r join monitor_population p on p.household_id = r.household_id
				where r.reopened_on between :from and :to
				""");
		STATEMENTS.put("FOLLOW_UP", """
				with d as materialized (
				  select t.id as trajectory_id, t.household_id, t.end_date, m.months
				  from trajectory t join monitor_population p on p.household_id = t.household_id
				  cross join (values (3), (6), (12)) as m (months)
				  where t.kind = 'INTENSIVE' and t.end_date is not null
				    and (t.end_date + to_months(m.months))::date between :from and :to
				    and not exists (select 1 from follow_up_rhythm r where r.trajectory_id = t.id and r.declined)
				    and (exists (select 1 from follow_up_check c where c.trajectory_id = t.id and c.months = m.months)
				      or not exists (select 1 from trajectory n where n.household_id = t.household_id and n.id <> t.id
				        and n.kind <> 'AFTERCARE' and n.start_date >= t.end_date
				        and n.start_date <= (t.end_date + to_months(m.months))::date))
				), snapshots as (
				  select s.id, s.household_id, s.drawn_on, s.created_at,
				         (select count(*) from network_contact c
				          where c.snapshot_id = s.id and not c.danger and c.supports > 0) as supportive
				  from network_snapshot s join household_member hm on hm.id = s.member_id and hm.main_contact
				), map as (
				  select trajectory_id, months, supportive from (
				    select d.trajectory_id, d.months, s.supportive,
				           row_number() over (partition by d.trajectory_id, d.months order by s.drawn_on desc, s.created_at desc) as n
				    from d join snapshots s on s.household_id = d.household_id and s.drawn_on <= d.end_date)
				  where n = 1
				)
				select d.months, count(*), count(f.id),
				       count(*) filter (where f.housing = 'STABLE'),
				       count(*) filter (where f.safe),
				       count(*) filter (where f.id is not null and f.supportive_contacts > map.supportive)
				from d
				left join follow_up_check f on f.trajectory_id = d.trajectory_id and f.months = d.months and f.reached
				left join map on map.trajectory_id = d.trajectory_id and map.months = d.months
				group by d.months
				""");
	}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[0]);
		int runs = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		int warmups = (args.length > 2) ? Integer.parseInt(args[2]) : 3;
		Map<String, String> params = new LinkedHashMap<>();
		for (String line : Files.readAllLines(dir.resolve("params.txt"))) {
			int eq = line.indexOf('=');
			params.put(line.substring(0, eq), line.substring(eq + 1));
		}
		try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
			long loading = System.nanoTime();
			for (Map.Entry<String, String> table : TABLES.entrySet()) {
				String columns = Arrays.stream(table.getValue().split(", "))
					.map((c) -> "'" + c.substring(0, c.indexOf(' ')) + "': '" + c.substring(c.indexOf(' ') + 1) + "'")
					.reduce((a, b) -> a + ", " + b)
					.orElseThrow();
				st.execute("create table " + table.getKey() + " as select * from read_csv('"
						+ dir.resolve(table.getKey() + ".csv") + "', header = true, columns = {" + columns + "})");
			}
			st.execute(MACROS);
			System.out.printf("DuckDB %s: loaded the rows in %d ms (not timed below)%n", version(st),
					(System.nanoTime() - loading) / 1_000_000);
			Map<String, List<String>> rows = null;
			long[] ms = new long[runs];
			for (int run = -warmups; run < runs; run++) {
				long started = System.nanoTime();
				rows = count(st, params);
				if (run >= 0) {
					ms[run] = (System.nanoTime() - started) / 1_000_000;
				}
			}
			Arrays.sort(ms);
			int differ = 0;
			for (Map.Entry<String, List<String>> statement : rows.entrySet()) {
				Path pg = dir.resolve("pg-" + statement.getKey() + ".txt");
				List<String> theirs = Files.exists(pg) ? normalised(Files.readAllLines(pg)) : List.of();
				if (!theirs.equals(statement.getValue())) {
					differ++;
					System.out.println("differs: " + statement.getKey() + "\n  Vangnet " + theirs + "\n  DuckDB  "
							+ statement.getValue());
				}
			}
			System.out.println("last run, per statement (ms): " + TIMES);
			System.out.printf("duckdb median %d ms fastest %d ms runs %d statements %d differing %d%n", ms[runs / 2],
					ms[0], runs, rows.size(), differ);
		}
	}

	static String version(Statement st) throws SQLException {
		try (ResultSet rs = st.executeQuery("select version()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	/** Every statement's rows, sorted and normalised as Vangnet's are. */
	static final Map<String, Long> TIMES = new LinkedHashMap<>();

	static Map<String, List<String>> count(Statement st, Map<String, String> params) throws SQLException {
		long began = System.nanoTime();
		st.execute(bind(POPULATION, params));
		TIMES.put("POPULATION", (System.nanoTime() - began) / 1_000_000);
		Map<String, List<String>> all = new LinkedHashMap<>();
		for (Map.Entry<String, String> statement : STATEMENTS.entrySet()) {
			List<String> rows = new ArrayList<>();
			long started = System.nanoTime();
			try (ResultSet rs = st.executeQuery(bind(statement.getValue(), params))) {
				int columns = rs.getMetaData().getColumnCount();
				while (rs.next()) {
					StringBuilder row = new StringBuilder();
					for (int i = 1; i <= columns; i++) {
						row.append((i > 1) ? "|" : "").append(rs.getString(i));
					}
					rows.add(row.toString());
				}
			}
			TIMES.put(statement.getKey(), (System.nanoTime() - started) / 1_000_000);
			all.put(statement.getKey(), normalised(rows));
		}
		return all;
	}

	static String bind(String sql, Map<String, String> params) {
		String codes = Arrays.stream(params.get("codes").split(","))
			.map((c) -> "'" + c + "'")
			.reduce((a, b) -> a + ", " + b)
			.orElseThrow();
		return sql.replace(":from", "date '" + params.get("from") + "'")
			.replace(":to", "date '" + params.get("to") + "'")
			.replace(":codes", "[" + codes + "]")
			.replace(":masks", "[" + params.get("masks") + "]::bigint[]");
	}

	/** Booleans as words, whole numbers without decimals, sorted. */
	static List<String> normalised(List<String> rows) {
		List<String> out = new ArrayList<>();
		for (String row : rows) {
			String[] cells = row.split("\\|", -1);
			for (int i = 0; i < cells.length; i++) {
				String c = cells[i];
				if ("t".equals(c)) {
					c = "true";
				}
				else if ("f".equals(c)) {
					c = "false";
				}
				else if (c.matches("-?\\d+\\.0+")) {
					c = c.substring(0, c.indexOf('.'));
				}
				cells[i] = c;
			}
			out.add(String.join("|", cells));
		}
		out.sort(null);
		return out;
	}

}
