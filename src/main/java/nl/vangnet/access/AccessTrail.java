package nl.vangnet.access;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import nl.vangnet.platform.tenancy.TenantPrincipal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the access trail. Recording client-data access requires the caller's
 * transaction: if the row cannot be written, the action it records fails with it.
 */
@Service
public class AccessTrail {

	private static final int MAX_ROWS = 500;

	private final JdbcClient jdbc;

	AccessTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		insert(new Row((actor != null) ? actor.userId() : null, (actor != null) ? actor.actorLabel() : null,
				(actor != null) ? actor.roleName() : "SYSTEM", (actor != null) ? actor.organisationId() : null, subject,
				action, outcome));
	}

	/**
	 * Records that the signed-in user (or the system) looked at or exported something
	 * that is not one subject but a query, such as the anonymised monitor; the detail
	 * describes the query and never holds personal data.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordQuery(AccessAction action, String subjectType, String detail) {
		TenantPrincipal actor = currentActor();
		Row row = new Row((actor != null) ? actor.userId() : null, (actor != null) ? actor.actorLabel() : "system",
				(actor != null) ? actor.roleName() : "SYSTEM", (actor != null) ? actor.organisationId() : null,
				new AccessSubject(subjectType, null), action, AccessOutcome.SUCCESS);
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
	 * Records work done without a signed-in user (the command line), for an organisation.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordSystem(UUID organisationId, AccessAction action, AccessSubject subject) {
		insert(new Row(null, "system", "SYSTEM", organisationId, subject, action, AccessOutcome.SUCCESS));
	}

	/**
	 * Records a sign-in, failed sign-in or sign-out in a transaction of its own.
	 * @param accountId the account, when the e-mail address belongs to one
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordSession(AccessAction action, AccessOutcome outcome, UUID accountId, String accountLabel,
			String role, UUID organisationId) {
		insert(new Row(accountId, accountLabel, role, organisationId,
				(accountId != null) ? AccessSubject.account(accountId) : AccessSubject.NONE, action, outcome));
	}

	/**
	 * The trail of one household or person of the coordinator's own organisation, newest
	 * first. Reading it is itself recorded.
	 */
	@Transactional
	public List<TrailEntry> ofSubject(UUID subjectId) {
		List<TrailEntry> entries = this.jdbc
			.sql("""
					select id, occurred_at, actor_label, actor_role, subject_type, subject_id, action, outcome, client_address
					from access_trail where subject_id = :subject order by occurred_at desc, id desc limit :limit
					""")
			.param("subject", subjectId)
			.param("limit", MAX_ROWS)
			.query(AccessTrail::entry)
			.list();
		record(AccessAction.VIEW_TRAIL, new AccessSubject("TRAIL", subjectId));
		return entries;
	}

	/**
	 * The latest access to client data of the coordinator's own organisation, newest
	 * first. Reading it is itself recorded.
	 */
	@Transactional
	public List<TrailEntry> latest(int limit) {
		List<TrailEntry> entries = this.jdbc
			.sql("""
					select id, occurred_at, actor_label, actor_role, subject_type, subject_id, action, outcome, client_address
					from access_trail order by occurred_at desc, id desc limit :limit
					""")
			.param("limit", Math.min(limit, MAX_ROWS))
			.query(AccessTrail::entry)
			.list();
		record(AccessAction.VIEW_TRAIL, AccessSubject.NONE);
		return entries;
	}

	/**
	 * Sign-in events of every account, for an administrator, newest first. Reading them
	 * is itself recorded.
	 */
	@Transactional
	public List<TrailEntry> signIns(int limit) {
		List<TrailEntry> entries = this.jdbc
			.sql("""
					select id, occurred_at, actor_label, actor_role, subject_type, subject_id, action, outcome, client_address
					from access_trail where action in ('SIGN_IN', 'SIGN_IN_FAILED', 'SIGN_IN_THROTTLED', 'SIGN_OUT')
					order by occurred_at desc, id desc limit :limit
					""")
			.param("limit", Math.min(limit, MAX_ROWS))
			.query(AccessTrail::entry)
			.list();
		record(AccessAction.VIEW_TRAIL, AccessSubject.NONE);
		return entries;
	}

	private void insert(Row row) {
		insert(row, null);
	}

	private void insert(Row row, String detail) {
		this.jdbc.sql("""
				insert into access_trail (actor_id, actor_label, actor_role, organisation_id, subject_type, subject_id,
				                          action, outcome, client_address, subject_detail)
				values (:actorId, :actorLabel, :actorRole, :organisationId, :subjectType, :subjectId,
				        :action, :outcome, :clientAddress, :detail)
				""")
			.param("detail", detail)
			.param("actorId", row.actorId())
			.param("actorLabel", row.actorLabel())
			.param("actorRole", row.actorRole())
			.param("organisationId", row.organisationId())
			.param("subjectType", row.subject().type())
			.param("subjectId", row.subject().id())
			.param("action", row.action().name())
			.param("outcome", row.outcome().name())
			.param("clientAddress", clientAddress())
			.update();
	}

	private static TrailEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new TrailEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_label"),
				rs.getString("actor_role"), rs.getString("subject_type"), rs.getObject("subject_id", UUID.class),
				AccessAction.valueOf(rs.getString("action")), AccessOutcome.valueOf(rs.getString("outcome")),
				rs.getString("client_address"));
	}

	private static TenantPrincipal currentActor() {
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

}
