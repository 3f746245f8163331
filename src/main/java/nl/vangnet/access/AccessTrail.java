package nl.vangnet.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import nl.vangnet.platform.tenancy.TenantPrincipal;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the access trail. Recording client-data access requires the caller's
 * transaction: if the row cannot be written, the action it records fails with it.
 * <p>
 * One view is one row. Within one HTTP request the same action on the same subject by the
 * same person is written once, however many service calls the request makes. A page that
 * loads fragments of itself (the dossier) asks for a {@link TrailCover} after its row is
 * written; a fragment that sends it back in the header {@value #COVER_HEADER} writes no
 * row of its own (see {@link #coverFragments}).
 */
@Service
public class AccessTrail {

	/** The request header in which a fragment hands back its page's cover. */
	public static final String COVER_HEADER = "Vangnet-Trail-Cover";

	/** How long after its page a fragment is covered. */
	static final int COVER_SECONDS = 60;

	static final int MAX_ROWS = 500;

	static final String COLUMNS = """
			id, occurred_at, actor_id, actor_label, actor_role, subject_type, subject_id, subject_ids, action, outcome,
			subject_detail, client_address""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TrailChain chain;

	AccessTrail(JdbcClient jdbc, Clock clock, TrailChain chain) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.chain = chain;
	}

	/**
	 * Records that the signed-in user did something to client data of their organisation.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AccessAction action, AccessSubject subject) {
		record(action, subject, AccessOutcome.SUCCESS);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AccessAction action, AccessSubject subject, AccessOutcome outcome) {
		TenantPrincipal actor = currentActor();
		Row row = new Row((actor != null) ? actor.userId() : null, (actor != null) ? actor.actorLabel() : null,
				(actor != null) ? actor.roleName() : "SYSTEM", (actor != null) ? actor.organisationId() : null, subject,
				action, outcome);
		TrailRequest request = (actor != null) ? TrailRequest.current() : null;
		if (request == null) {
			insert(row, null);
			return;
		}
		String key = key(actor, action, subject, outcome);
		if (request.contains(key)) {
			return;
		}
		if (coveredByPage(request, actor, action, subject, outcome)) {
			request.remember(key, TrailRequest.COVERED);
			return;
		}
		request.remember(key, insertAndIdentify(row, null));
	}

	/**
	 * Records that the signed-in user (or the system) looked at or exported something
	 * that is not one subject but a query, such as the anonymised monitor; the detail
	 * describes the query and never holds personal data.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordQuery(AccessAction action, String subjectType, String detail) {
		recordQuery(action, new AccessSubject(subjectType, null), detail);
	}

	void recordQuery(AccessAction action, AccessSubject subject, String detail) {
		TenantPrincipal actor = currentActor();
		Row row = new Row((actor != null) ? actor.userId() : null, (actor != null) ? actor.actorLabel() : "system",
				(actor != null) ? actor.roleName() : "SYSTEM", (actor != null) ? actor.organisationId() : null, subject,
				action, AccessOutcome.SUCCESS);
		insert(row, detail);
	}

	/**
	 * Records, in the trail of the organisation that owns a household, that someone of
	 * another organisation read data of that household it shares with them (a referral
	 * resting on a consent). The row names the reader (actor) and, in its detail, the
	 * reader's organisation code and what was read; never personal data.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordSharedRead(UUID owningOrganisationId, UUID householdId, String readerOrganisationCode,
			String detail) {
		TenantPrincipal actor = currentActor();
		insert(new Row((actor != null) ? actor.userId() : null, (actor != null) ? actor.actorLabel() : "system",
				(actor != null) ? actor.roleName() : "SYSTEM", owningOrganisationId,
				AccessSubject.household(householdId), AccessAction.VIEW_SHARED, AccessOutcome.SUCCESS),
				"reader organisation " + readerOrganisationCode + ((detail != null) ? "; " + detail : ""));
	}

	/**
	 * Records, in the reader's own trail, a read of data another organisation shares with
	 * it, with the subject as given (such as the referral) and a detail without personal
	 * data.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordWithDetail(AccessAction action, AccessSubject subject, String detail) {
		TenantPrincipal actor = currentActor();
		insert(new Row((actor != null) ? actor.userId() : null, (actor != null) ? actor.actorLabel() : "system",
				(actor != null) ? actor.roleName() : "SYSTEM", (actor != null) ? actor.organisationId() : null, subject,
				action, AccessOutcome.SUCCESS), detail);
	}

	/**
	 * Before a transaction records into the trails of other organisations besides the
	 * signed-in user's own (a read of data another organisation shares): takes the heads
	 * of all their chains, the user's own among them, in one order, so that two such
	 * transactions never deadlock. Call it before the transaction's first trail row. (The
	 * rows of the main strand take their heads at commit, in the same order, so this is
	 * for a transaction that must hold them from the start.)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockChains(UUID... organisations) {
		TenantPrincipal actor = currentActor();
		List<UUID> all = new java.util.ArrayList<>(java.util.Arrays.asList(organisations));
		if (actor != null) {
			all.add(actor.organisationId());
		}
		this.chain.takeInOrder(this.jdbc, all, TrailChain.MAIN);
	}

	/**
	 * Records work done without a signed-in user (the command line), for an organisation.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordSystem(UUID organisationId, AccessAction action, AccessSubject subject) {
		insert(new Row(null, "system", "SYSTEM", organisationId, subject, action, AccessOutcome.SUCCESS), null);
	}

	/**
	 * Records a sign-in, failed sign-in or sign-out in a transaction of its own.
	 * @param accountId the account, when the e-mail address belongs to one
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSession(AccessAction action, AccessOutcome outcome, UUID accountId, String accountLabel,
			String role, UUID organisationId) {
		insert(new Row(accountId, accountLabel, role, organisationId,
				(accountId != null) ? AccessSubject.account(accountId) : AccessSubject.NONE, action, outcome), null,
				TrailChain.SELF);
	}

	/**
	 * Records that the signed-in user did something to an account (its second factors),
	 * in the trail of the account's organisation.
	 * @param accountOrganisationId the account's organisation; {@code null} for an
	 * administrator's account
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAccount(AccessAction action, UUID accountId, UUID accountOrganisationId) {
		TenantPrincipal actor = currentActor();
		insert(new Row((actor != null) ? actor.userId() : null, (actor != null) ? actor.actorLabel() : "system",
				(actor != null) ? actor.roleName() : "SYSTEM", accountOrganisationId, AccessSubject.account(accountId),
				action, AccessOutcome.SUCCESS), null);
	}

	/**
	 * Records that the signed-in user was refused something, in a transaction of its own:
	 * the refused request's own transaction (if any) rolls back. Once per request.
	 * @param detail what was asked (method and path), never personal data
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordDenied(AccessAction action, AccessSubject subject, String detail) {
		TenantPrincipal actor = currentActor();
		if (actor == null) {
			return;
		}
		TrailRequest request = TrailRequest.current();
		String key = "DENIED";
		if (request != null) {
			if (request.contains(key)) {
				return;
			}
		}
		long id = insertAndIdentify(new Row(actor.userId(), actor.actorLabel(), actor.roleName(),
				actor.organisationId(), subject, action, AccessOutcome.DENIED), detail, TrailChain.SELF);
		if (request != null) {
			request.remember(key, id);
		}
	}

	/**
	 * For a page that loads fragments of itself by htmx: after the page's VIEW of the
	 * subject is written in this request, a cover for exactly these fragment paths. Each
	 * path, fetched once within {@value #COVER_SECONDS} seconds by the same person with
	 * the cover in the header {@value #COVER_HEADER}, is part of the page's view and
	 * writes no row; anything else (another person, subject, path, a second fetch, a
	 * later one, a change) writes its own row as always. The token is random and sent
	 * only in a header, never in a URL.
	 * @return the cover, or {@link TrailCover#NONE} when this request wrote no VIEW row
	 * of the subject (the fragments then record their own views)
	 */
	@Transactional
	public TrailCover coverFragments(AccessSubject subject, Collection<String> paths) {
		TenantPrincipal actor = currentActor();
		TrailRequest request = (actor != null) ? TrailRequest.current() : null;
		if (request == null || actor.organisationId() == null || subject.id() == null || paths.isEmpty()) {
			return TrailCover.NONE;
		}
		Long rowId = request.rowId(key(actor, AccessAction.VIEW, subject, AccessOutcome.SUCCESS));
		if (rowId == null) {
			return TrailCover.NONE;
		}
		this.jdbc
			.sql("delete from trail_cover where organisation_id = :organisation and expires_at < clock_timestamp()")
			.param("organisation", actor.organisationId())
			.update();
		UUID token = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into trail_cover (token, organisation_id, actor_id, subject_type, subject_id, trail_id, paths, expires_at)
					values (:token, :organisation, :actor, :type, :subject, :trail, :paths,
					        clock_timestamp() + make_interval(secs => :seconds))
					""")
			.param("token", token)
			.param("organisation", actor.organisationId())
			.param("actor", actor.userId())
			.param("type", subject.type())
			.param("subject", subject.id())
			.param("trail", rowId)
			.param("paths", new SqlArrayValue("text", paths.toArray()))
			.param("seconds", COVER_SECONDS)
			.update();
		return new TrailCover(token);
	}

	/**
	 * Sign-in events of every account, for an administrator, newest first. Reading them
	 * is itself recorded.
	 */
	@Transactional
	public List<TrailEntry> signIns(int limit) {
		List<TrailEntry> entries = this.jdbc.sql("select " + COLUMNS + """
				 from access_trail where action in ('SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'SIGN_OUT')
				order by occurred_at desc, id desc limit :limit
				""").param("limit", Math.min(limit, MAX_ROWS)).query(AccessTrail::entry).list();
		record(AccessAction.VIEW_TRAIL, AccessSubject.NONE);
		return entries;
	}

	/**
	 * Rows of the reader's own organisation, newest first; index-backed for every filter
	 * (V15): the organisation with the period, the person, the action or the subject.
	 */
	List<TrailEntry> rows(TrailFilter filter, Long before, int limit) {
		linkNow();
		TenantPrincipal actor = currentActor();
		UUID organisation = (actor != null) ? actor.organisationId() : null;
		if (organisation == null) {
			return List.of();
		}
		StringBuilder where = new StringBuilder(" from access_trail where organisation_id = :org");
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("org", organisation);
		if (filter.from() != null) {
			where.append(" and occurred_at >= :from");
			parameters.put("from", Timestamp.from(start(filter.from())));
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < :to");
			parameters.put("to", Timestamp.from(start(filter.to().plusDays(1))));
		}
		if (filter.actor() != null) {
			where.append(" and actor_id = :actor");
			parameters.put("actor", filter.actor());
		}
		if (filter.action() != null) {
			where.append(" and action = :action");
			parameters.put("action", filter.action().name());
		}
		if (before != null) {
			where.append(
					" and (occurred_at, id) < (select b.occurred_at, b.id from access_trail b where b.id = :before)");
			parameters.put("before", before);
		}
		String order = " order by occurred_at desc, id desc limit :limit";
		parameters.put("limit", limit);
		String sql;
		if (filter.subject() != null) {
			// One subject: its own rows (index access_trail_subject) and the lists that
			// showed it (GIN on subject_ids), each in order, merged. A row is never both.
			parameters.put("subject", filter.subject());
			sql = "select * from ((select " + COLUMNS + where + " and subject_id = :subject" + order + ")"
					+ " union all (select " + COLUMNS + where + " and subject_ids @> array[cast(:subject as uuid)]"
					+ order + ")) t" + order;
		}
		else {
			sql = "select " + COLUMNS + where + order;
		}
		return this.jdbc.sql(sql).params(parameters).query(AccessTrail::entry).list();
	}

	/** The start of the day on the application's clock. */
	private Instant start(LocalDate day) {
		return day.atStartOfDay(this.clock.getZone()).toInstant();
	}

	/**
	 * Links the rows this transaction recorded so far into their chains now (their heads
	 * are then held until it ends), so that a read of the trail in the same transaction
	 * sees them: an export that lists its own row.
	 */
	void linkNow() {
		if (LinkedAtCommit.applies(TrailChain.MAIN)) {
			LinkedAtCommit.of(this).beforeCommit(false);
		}
	}

	/**
	 * Inserts the row and answers its id (one more round trip: only where it is needed).
	 */
	private long insertAndIdentify(Row row, String detail) {
		return insertAndIdentify(row, detail, TrailChain.MAIN);
	}

	private long insertAndIdentify(Row row, String detail, String chain) {
		if (LinkedAtCommit.applies(chain)) {
			// The row's id now (its position in the chain comes at commit).
			long id = this.jdbc.sql("select nextval(pg_get_serial_sequence('access_trail', 'id'))")
				.query(Long.class)
				.single();
			LinkedAtCommit.of(this).add(new Pending(row, detail, clientAddress(), id));
			return id;
		}
		insert(row, detail, chain);
		// Not "returning id": that would need the row to be readable under the trail's
		// policy, and an administrator's own rows are not.
		return this.jdbc.sql("select currval(pg_get_serial_sequence('access_trail', 'id'))").query(Long.class).single();
	}

	private void insert(Row row, String detail) {
		insert(row, detail, TrailChain.MAIN);
	}

	/**
	 * Writes the row as the next link of its organisation's chain; a row of the main
	 * strand at the end of its transaction ({@link LinkedAtCommit}).
	 */
	private void insert(Row row, String detail, String chain) {
		if (LinkedAtCommit.applies(chain)) {
			LinkedAtCommit.of(this).add(new Pending(row, detail, clientAddress(), null));
			return;
		}
		link(row, detail, chain, clientAddress(), null);
	}

	/**
	 * Inserts the row as the next link of its organisation's chain: takes the chain's
	 * head (the lock holds until this transaction ends), computes the row's HMAC, and
	 * writes the row and the new head in one statement; {@code id}: the row's id taken
	 * before ({@code null}: the next).
	 */
	private void link(Row row, String detail, String chain, String address, Long id) {
		TrailChain.Head head = this.chain.take(this.jdbc, row.organisationId(), chain);
		List<UUID> ids = row.subject().list() ? row.subject().ids() : null;
		TrailChain.Link link = new TrailChain.Link(head.chainOrganisation(), chain, head.seq() + 1, head.now(),
				row.actorId(), row.actorLabel(), row.actorRole(), row.subject().type(), row.subject().id(), ids,
				row.action().name(), row.outcome().name(), detail, address);
		byte[] hmac = this.chain.hmac(link, head.hmac());
		this.jdbc
			.sql("""
					with written as (
					  insert into access_trail (id, actor_id, actor_label, actor_role, organisation_id, subject_type,
					                            subject_id, subject_ids, action, outcome, client_address, subject_detail,
					                            occurred_at, chain, chain_seq, chain_hmac)
					  overriding system value
					  values (coalesce(:id, nextval(pg_get_serial_sequence('access_trail', 'id'))), :actorId, :actorLabel,
					          :actorRole, :organisationId, :subjectType, :subjectId, :subjectIds, :action, :outcome,
					          :clientAddress, :detail, :occurredAt, :chain, :seq, :hmac)
					)
					update trail_chain set seq = :seq, hmac = :hmac where organisation_id = :chainOrganisation and chain = :chain
					""")
			.param("id", id, java.sql.Types.BIGINT)
			.param("detail", detail)
			.param("actorId", row.actorId())
			.param("actorLabel", row.actorLabel())
			.param("actorRole", row.actorRole())
			.param("organisationId", row.organisationId())
			.param("subjectType", row.subject().type())
			.param("subjectId", row.subject().id())
			.param("subjectIds", (ids != null) ? new SqlArrayValue("uuid", ids.toArray()) : null)
			.param("action", row.action().name())
			.param("outcome", row.outcome().name())
			.param("clientAddress", address)
			.param("occurredAt", head.now())
			.param("chain", chain)
			.param("seq", link.seq())
			.param("hmac", hmac)
			.param("chainOrganisation", head.chainOrganisation())
			.update();
	}

	/**
	 * Whether this fragment's view is part of the view its page already wrote: a GET with
	 * the page's cover, by the cover's person, of its subject, on one of its paths not
	 * yet fetched, in time. The cover's use is spent in the fragment's own transaction.
	 */
	private boolean coveredByPage(TrailRequest request, TenantPrincipal actor, AccessAction action,
			AccessSubject subject, AccessOutcome outcome) {
		HttpServletRequest http = request.request();
		if (action != AccessAction.VIEW || outcome != AccessOutcome.SUCCESS || subject.id() == null || subject.list()
				|| actor.userId() == null || !"GET".equals(http.getMethod())) {
			return false;
		}
		String header = http.getHeader(COVER_HEADER);
		UUID token;
		try {
			token = (header != null) ? UUID.fromString(header.strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			token = null;
		}
		if (token == null) {
			return false;
		}
		String path = http.getRequestURI().substring(http.getContextPath().length());
		return this.jdbc.sql("""
				update trail_cover set paths = array_remove(paths, :path)
				where token = :token and actor_id = :actor and subject_type = :type and subject_id = :subject
				  and expires_at > clock_timestamp() and :path = any (paths)
				""")
			.param("path", path)
			.param("token", token)
			.param("actor", actor.userId())
			.param("type", subject.type())
			.param("subject", subject.id())
			.update() == 1;
	}

	private static String key(TenantPrincipal actor, AccessAction action, AccessSubject subject,
			AccessOutcome outcome) {
		return actor.userId() + "|" + action + "|" + subject.type() + "|" + subject.id() + "|" + subject.ids() + "|"
				+ outcome;
	}

	static TrailEntry entry(ResultSet rs, int row) throws SQLException {
		Array ids = rs.getArray("subject_ids");
		return new TrailEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("actor_id", UUID.class), rs.getString("actor_label"), null, rs.getString("actor_role"),
				rs.getString("subject_type"), rs.getObject("subject_id", UUID.class), null,
				(ids != null) ? Arrays.asList((UUID[]) ids.getArray()) : List.of(), List.of(),
				AccessAction.valueOf(rs.getString("action")), AccessOutcome.valueOf(rs.getString("outcome")),
				rs.getString("subject_detail"), rs.getString("client_address"));
	}

	static TenantPrincipal currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof TenantPrincipal principal) {
			return principal;
		}
		return null;
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private record Row(UUID actorId, String actorLabel, String actorRole, UUID organisationId, AccessSubject subject,
			AccessAction action, AccessOutcome outcome) {
	}

	/** A row of the main strand waiting for its transaction's commit. */
	private record Pending(Row row, String detail, String clientAddress, Long id) {
	}

	/**
	 * The rows of the main strand a transaction records, linked into their chains just
	 * before it commits, in the same transaction: the head of an organisation's chain is
	 * then held from the link to the commit, not while the page or action that records
	 * its view goes on, so that the writers of one organisation no longer take turns for
	 * the whole of their work. The heads are taken in organisation order
	 * ({@link TrailChain#takeInOrder}), so two such transactions never deadlock. A
	 * transaction that rolls back writes none of them, as before. A row's id, where it is
	 * asked for (the page's cover), is taken when it is recorded.
	 */
	private static final class LinkedAtCommit implements TransactionSynchronization {

		private final AccessTrail trail;

		private final List<Pending> rows = new ArrayList<>();

		private LinkedAtCommit(AccessTrail trail) {
			this.trail = trail;
		}

		static boolean applies(String chain) {
			return TrailChain.MAIN.equals(chain) && TransactionSynchronizationManager.isSynchronizationActive()
					&& TransactionSynchronizationManager.isActualTransactionActive();
		}

		/** This transaction's rows (the synchronizations are per transaction). */
		static LinkedAtCommit of(AccessTrail trail) {
			for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
				if (synchronization instanceof LinkedAtCommit pending && pending.trail == trail) {
					return pending;
				}
			}
			LinkedAtCommit pending = new LinkedAtCommit(trail);
			TransactionSynchronizationManager.registerSynchronization(pending);
			return pending;
		}

		void add(Pending row) {
			this.rows.add(row);
		}

		/** Before the other synchronizations' own work at commit. */
		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			if (this.rows.isEmpty()) {
				return;
			}
			this.trail.chain.takeInOrder(this.trail.jdbc,
					this.rows.stream().map((pending) -> pending.row().organisationId()).toList(), TrailChain.MAIN);
			for (Pending pending : this.rows) {
				this.trail.link(pending.row(), pending.detail(), TrailChain.MAIN, pending.clientAddress(),
						pending.id());
			}
			this.rows.clear();
		}

	}

}
