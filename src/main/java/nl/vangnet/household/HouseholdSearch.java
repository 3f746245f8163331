package nl.vangnet.household;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.account.StaffMember;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists of households: an organisation's households with filters and a search by
 * name, and a worker's caseload. Plain SQL, in the reader's transaction (row-level
 * security keeps other organisations out); every household shown is in the access trail.
 * No list ever carries an address.
 */
@Service
@Transactional
class HouseholdSearch {

	static final int MAX_PAGE_SIZE = 100;

	/**
	 * Above this many households the list says "more than" instead of counting them all:
	 * a page costs what it shows, not what the organisation holds.
	 */
	static final int COUNT_LIMIT = 1000;

	/**
	 * The involvement rule of V9 ({@code household_involves}): the person {@code :me} is
	 * the contact person or other staff of a trajectory of the household that runs on
	 * {@code :today}. A volunteer sees only these families.
	 */
	static final String INVOLVES = "household_involves(%s, :me, :today)";

	/** The household's row: its main contact (else a member with a name) and counts. */
	private static final String SELECT = """
			select h.id, h.version, h.external_id, h.district, h.closed_on, mc.given_name, mc.family_name,
			  (select count(*) from household_member m2 where m2.household_id = h.id) as member_count,
			  ct.id as trajectory_id, ct.kind, ct.contact_person, ct.end_date, cp.phase_code, cp.entered_on
			from household h
			left join lateral (
			  select m.given_name, m.family_name from household_member m where m.household_id = h.id
			  order by m.main_contact desc, (m.given_name is null and m.family_name is null), m.position limit 1
			) mc on true
			""";

	private static final String LATEST_PHASE = """
			left join lateral (
			  select p.phase_code, p.entered_on from trajectory_phase p where p.trajectory_id = ct.id
			  order by p.entered_on desc, p.sequence desc limit 1
			) cp on true
			""";

	/**
	 * The main contact's family name, else given name, else the external id; then the
	 * given name. V28_1 keeps these on the household, in the index
	 * {@code household_list_order}, so that a page is read in index order.
	 */
	private static final String ORDER = "order by h.sort_name, h.sort_given, h.id";

	private final JdbcClient jdbc;

	private final HouseholdManagement management;

	private final HouseholdTrail trail;

	HouseholdSearch(JdbcClient jdbc, HouseholdManagement management, HouseholdTrail trail) {
		this.jdbc = jdbc;
		this.management = management;
		this.trail = trail;
	}

	/**
	 * The organisation's households that pass the filter, a page at a time. A volunteer
	 * finds only the families they are involved in.
	 */
	Page search(Filter filter, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household");
		LocalDate today = this.management.today();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("today", today);
		// The organisation named, not only left to row-level security: its policies allow
		// a shared household too (in a shared read), and only a named organisation lets
		// the list be read in the order of its index.
		parameters.put("organisation", actor.organisationId());
		StringBuilder where = new StringBuilder(" where h.organisation_id = :organisation");
		String openOnly = "";
		if (filter.status() == Status.OPEN) {
			where.append(" and h.closed_on is null");
			openOnly = " and (t.end_date is null or t.end_date >= :today)";
		}
		else if (filter.status() == Status.CLOSED) {
			where.append(" and h.closed_on is not null");
		}
		if (filter.q() != null) {
			where
				.append("""
						 and (h.id in (select m.household_id from household_member m
						     where lower(coalesce(m.given_name, '') || ' ' || coalesce(m.family_name, '')) like :q escape '\\')
						   or lower(h.external_id) like :q escape '\\')
						""");
			parameters.put("q", "%" + likeEscaped(filter.q().toLowerCase(Locale.ROOT)) + "%");
		}
		if (filter.district() != null) {
			where.append(" and lower(h.district) = lower(:district)");
			parameters.put("district", filter.district());
		}
		if (filter.kind() != null) {
			where.append(" and exists (select 1 from trajectory t where t.household_id = h.id and t.kind = :kind")
				.append(openOnly)
				.append(")");
			parameters.put("kind", filter.kind().name());
		}
		if (filter.contactPerson() != null) {
			where.append(" and exists (select 1 from trajectory t where t.household_id = h.id")
				.append(" and t.contact_person = :contactPerson")
				.append(openOnly)
				.append(")");
			parameters.put("contactPerson", filter.contactPerson());
		}
		if (filter.phase() != null) {
			where.append(" and exists (select 1 from trajectory t where t.household_id = h.id")
				.append(openOnly)
				.append(" and (select p.phase_code from trajectory_phase p where p.trajectory_id = t.id")
				.append(" order by p.entered_on desc, p.sequence desc limit 1) = :phase)");
			parameters.put("phase", filter.phase());
		}
		if (actor.seesOnlyOwnFamilies()) {
			where.append(" and ").append(INVOLVES.formatted("h.id"));
			parameters.put("me", actor.userId());
		}
		// Counted up to one past the limit (the trigram and list-order indexes serve it).
		long total = this.jdbc.sql("select count(*) from (select 1 from household h" + where + " limit :countLimit) c")
			.params(parameters)
			.param("countLimit", COUNT_LIMIT + 1)
			.query(Long.class)
			.single();
		parameters.put("limit", filter.size() + 1);
		parameters.put("offset", (long) filter.page() * filter.size());
		String currentTrajectory = """
				left join lateral (
				  select t.id, t.kind, t.contact_person, t.end_date from trajectory t where t.household_id = h.id
				  order by (t.end_date is null or t.end_date >= :today) desc, t.start_date desc, t.position desc limit 1
				) ct on true
				""";
		List<Row> rows = this.jdbc
			.sql(SELECT + currentTrajectory + LATEST_PHASE + where + "\n" + ORDER + " limit :limit offset :offset")
			.params(parameters)
			.query(HouseholdSearch::row)
			.list();
		boolean more = rows.size() > filter.size();
		if (more) {
			rows = rows.subList(0, filter.size());
		}
		this.trail.searched(actor, rows.stream().map(Row::id).toList());
		boolean lowerBound = total > COUNT_LIMIT;
		return new Page(summaries(actor, rows, locale, today), lowerBound ? COUNT_LIMIT : total, lowerBound,
				filter.page(), filter.size(), more);
	}

	/**
	 * The households whose support the person carries now: as fixed contact person, or
	 * for a volunteer as involved staff, and the families a professional or coordinator
	 * covers today as deputy for an absent contact person. Every household shown is in
	 * the access trail.
	 */
	List<HouseholdSummary> caseload(Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household");
		LocalDate today = this.management.today();
		// Driven from the person's own trajectories (the indexes on the contact person
		// and
		// on the trajectory's staff), so that it costs the caseload, not the
		// organisation.
		String mine = actor.seesOnlyOwnFamilies() ? """
				t.id in (select i.trajectory_id from household_involvement i
				  where i.organisation_id = :organisation and i.account_id = :me)"""
				: """
						t.id in (select c.id from trajectory c where c.organisation_id = :organisation and c.contact_person = :me
						  union all
						  select d.trajectory_id from trajectory_deputy d where d.organisation_id = :organisation
						    and d.deputy_id = :me and d.until_date >= :today and d.from_date <= :today)""";
		String ownTrajectory = """
				join (
				  select distinct on (t.household_id) t.household_id, t.id, t.kind, t.contact_person, t.end_date
				  from trajectory t where (t.end_date is null or t.end_date >= :today) and %s
				  order by t.household_id, t.start_date desc, t.position desc
				) ct on ct.household_id = h.id
				""".formatted(mine);
		List<Row> rows = this.jdbc.sql(SELECT + ownTrajectory + LATEST_PHASE + " where h.closed_on is null " + ORDER)
			.param("today", today)
			.param("organisation", actor.organisationId())
			.param("me", actor.userId())
			.query(HouseholdSearch::row)
			.list();
		this.trail.searched(actor, rows.stream().map(Row::id).toList());
		return summaries(actor, rows, locale, today);
	}

	/**
	 * The households at a glance, for another module's list (such as the worklist). Not
	 * in the access trail: the caller records what it shows.
	 */
	Map<HouseholdId, FamilyGlance> glance(java.util.Collection<HouseholdId> ids) {
		Map<HouseholdId, FamilyGlance> found = new java.util.LinkedHashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.jdbc
			.sql("""
					select h.id,
					  (select trim(coalesce(m.given_name, '') || ' ' || coalesce(m.family_name, '')) from household_member m
					    where m.household_id = h.id order by m.main_contact desc, m.position limit 1) as name,
					  (select t.contact_person from trajectory t where t.household_id = h.id and t.contact_person is not null
					    order by (t.end_date is null) desc, t.start_date desc limit 1) as contact_person,
					  exists (select 1 from trajectory t where t.household_id = h.id and (t.end_date is null or t.end_date >= :today))
					    and h.closed_on is null as running
					from household h where h.id in (:ids)
					""")
			.param("ids", ids.stream().map(HouseholdId::value).toList())
			.param("today", this.management.today())
			.query((rs, n) -> {
				HouseholdId id = new HouseholdId(rs.getObject("id", UUID.class));
				return found.put(id, new FamilyGlance(id, rs.getString("name"),
						rs.getObject("contact_person", UUID.class), rs.getBoolean("running")));
			})
			.list();
		return found;
	}

	/**
	 * The names of households (their main contact, else a member with a name, else the
	 * external id) and of members among the ids, for a coordinator's access trail; nobody
	 * else gets names this way. Not itself a view of the households: the trail page that
	 * shows them is in the trail.
	 */
	@Transactional(readOnly = true)
	Map<UUID, String> names(Collection<UUID> ids) {
		if (ids.isEmpty() || !Staff.current().leadsTeam()) {
			return Map.of();
		}
		Map<UUID, String> names = new HashMap<>();
		this.jdbc.sql("""
				select h.id, mc.given_name, mc.family_name, h.external_id from household h
				left join lateral (
				  select m.given_name, m.family_name from household_member m where m.household_id = h.id
				  order by m.main_contact desc, (m.given_name is null and m.family_name is null), m.position limit 1
				) mc on true
				where h.id = any (:ids)
				union all
				select m.id, m.given_name, m.family_name, null from household_member m where m.id = any (:ids)
				""").param("ids", new SqlArrayValue("uuid", ids.toArray())).query((rs, n) -> {
			String name = name(rs.getString("given_name"), rs.getString("family_name"));
			if (name == null) {
				name = rs.getString("external_id");
			}
			if (name != null) {
				names.put(rs.getObject("id", UUID.class), name);
			}
			return null;
		}).list();
		return names;
	}

	private static String name(String given, String family) {
		return (given == null) ? family : (family == null) ? given : given + " " + family;
	}

	private List<HouseholdSummary> summaries(Staff actor, List<Row> rows, Locale locale, LocalDate today) {
		Map<UUID, StaffMember> staff = this.management.staff(actor);
		return rows.stream().map((row) -> {
			StaffMember contact = (row.contactPerson() != null) ? staff.get(row.contactPerson()) : null;
			Long days = (row.phaseSince() != null) ? java.time.temporal.ChronoUnit.DAYS.between(row.phaseSince(), today)
					: null;
			return new HouseholdSummary(row.id(), row.version(), row.name(), row.externalId(), row.district(),
					row.members(), row.trajectoryId(), row.kind(), row.phase(),
					(row.phase() != null) ? this.management.label(row.phase(), locale) : null, row.phaseSince(), days,
					row.contactPerson(), (contact != null) ? contact.displayName() : null,
					row.trajectoryId() != null && (row.end() == null || !row.end().isBefore(today)), row.closedOn());
		}).toList();
	}

	private static Row row(java.sql.ResultSet rs, int number) throws java.sql.SQLException {
		String name = name(rs.getString("given_name"), rs.getString("family_name"));
		String kind = rs.getString("kind");
		return new Row(rs.getObject("id", UUID.class), rs.getInt("version"), name, rs.getString("external_id"),
				rs.getString("district"), rs.getInt("member_count"), rs.getObject("trajectory_id", UUID.class),
				(kind != null) ? TrajectoryKind.valueOf(kind) : null, rs.getObject("contact_person", UUID.class),
				rs.getObject("end_date", LocalDate.class), rs.getString("phase_code"),
				rs.getObject("entered_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class));
	}

	static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	enum Status {

		OPEN, CLOSED, ALL

	}

	/**
	 * What to look for. Blank texts are no filter; the page counts from 0.
	 */
	record Filter(String q, String phase, UUID contactPerson, String district, TrajectoryKind kind, Status status,
			int page, int size) {

		static final int DEFAULT_SIZE = 20;

		Filter {
			q = Texts.clean(q);
			phase = Texts.clean(phase);
			district = Texts.clean(district);
			status = (status != null) ? status : Status.OPEN;
			page = Math.max(0, page);
			size = (size <= 0) ? DEFAULT_SIZE : Math.min(size, MAX_PAGE_SIZE);
		}

	}

	/**
	 * One page of households and how many there are in all: exactly, or, when
	 * {@code totalAtLeast}, at least {@code total} (more than {@link #COUNT_LIMIT} are
	 * not counted); {@code more}: a next page has households.
	 */
	record Page(List<HouseholdSummary> items, long total, boolean totalAtLeast, int page, int size, boolean more) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

		public boolean hasPrevious() {
			return this.page > 0;
		}

		public boolean hasNext() {
			return this.more;
		}

	}

	private record Row(UUID id, int version, String name, String externalId, String district, int members,
			UUID trajectoryId, TrajectoryKind kind, UUID contactPerson, LocalDate end, String phase,
			LocalDate phaseSince, LocalDate closedOn) {
	}

}
