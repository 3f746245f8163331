package nl.vangnet.privacy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.household.Family;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.UnprocessableException;
import nl.vangnet.platform.privacy.ErasureContribution;
import nl.vangnet.platform.privacy.ErasureScope;
import nl.vangnet.platform.staff.RecentAuthentication;
import nl.vangnet.platform.staff.Staff;

import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure of a household (AVG art. 17, or its retention period passed): one coordinator
 * requests it, another approves it (four eyes: the requester cannot approve), and the
 * approval carries it out in the same transaction through every module's
 * {@link ErasureContribution}, in their order: all or nothing. The request stays as the
 * record that it happened (no names: its note is cleared); the trail records the request
 * and the erasure with the household's id only.
 */
@Service
@Transactional
public class Erasures {

	static final int NOTE_MAX = 1000;

	private final List<ErasureContribution> contributions;

	private final HouseholdApi households;

	private final Retention retention;

	private final AccessTrail trail;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RecentAuthentication recentAuthentication;

	Erasures(List<ErasureContribution> contributions, HouseholdApi households, Retention retention, AccessTrail trail,
			JdbcClient jdbc, Clock clock, RecentAuthentication recentAuthentication) {
		List<ErasureContribution> ordered = new ArrayList<>(contributions);
		AnnotationAwareOrderComparator.sort(ordered);
		this.contributions = List.copyOf(ordered);
		this.households = households;
		this.retention = retention;
		this.trail = trail;
		this.jdbc = jdbc;
		this.clock = clock;
		this.recentAuthentication = recentAuthentication;
	}

	/**
	 * Requests the erasure of a household of the coordinator's organisation.
	 * @param reason {@code RETENTION} (only when its retention period has passed) or
	 * {@code SUBJECT_REQUEST} (her request, AVG art. 17, with its reason in the note)
	 * @throws UnprocessableException naming {@code reason} or {@code note}, or
	 * {@code household} when an erasure of it is already open
	 * @throws nl.vangnet.platform.staff.ReauthenticationRequiredException when the
	 * coordinator's last check is not recent
	 */
	public ErasureRequest request(HouseholdId householdId, String reason, String note) {
		Staff staff = requireCoordinator();
		this.households.family(householdId);
		this.recentAuthentication.require();
		String cleanNote = (note != null && !note.isBlank()) ? note.strip() : null;
		if (reason == null || !(reason.equals("RETENTION") || reason.equals("SUBJECT_REQUEST"))) {
			throw new UnprocessableException("reason", "privacy.erasure.reason.required");
		}
		if (cleanNote != null && cleanNote.length() > NOTE_MAX) {
			throw new UnprocessableException("note", "privacy.erasure.note.tooLong", NOTE_MAX);
		}
		if (reason.equals("SUBJECT_REQUEST") && cleanNote == null) {
			throw new UnprocessableException("note", "privacy.erasure.note.required");
		}
		if (reason.equals("RETENTION")) {
			LocalDate closedOn = this.households.closedOn(householdId)
				.orElseThrow(() -> new UnprocessableException("reason", "privacy.erasure.notClosed"));
			LocalDate due = this.retention.dueOn(staff.organisationId(), closedOn);
			if (due.isAfter(LocalDate.now(this.clock))) {
				throw new UnprocessableException("reason", "privacy.erasure.notDue", due);
			}
		}
		if (open(householdId).isPresent()) {
			throw new UnprocessableException("household", "privacy.erasure.alreadyRequested");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into erasure_request (id, organisation_id, household_id, reason, note, requested_by, status)
				values (:id, :organisation, :household, :reason, :note, :by, 'REQUESTED')""")
			.param("id", id)
			.param("organisation", staff.organisationId())
			.param("household", householdId.value())
			.param("reason", reason)
			.param("note", cleanNote)
			.param("by", staff.userId())
			.update();
		this.trail.recordWithDetail(AccessAction.CREATE, AccessSubject.household(householdId.value()),
				PrivacyTrail.ERASURE_REQUEST + reason);
		return find(id).orElseThrow();
	}

	/**
	 * A second coordinator approves the request, and the household is erased in the same
	 * transaction.
	 * @throws NotFoundException for a request that is not of the organisation
	 * @throws UnprocessableException {@code approver} when the requester approves,
	 * {@code status} when it is no longer open
	 * @throws nl.vangnet.platform.staff.ReauthenticationRequiredException when the
	 * approver's last check is not recent
	 */
	public ErasureRequest approve(UUID requestId) {
		Staff staff = requireCoordinator();
		ErasureRequest request = find(requestId).orElseThrow(() -> new NotFoundException("erasure request"));
		this.recentAuthentication.require();
		if (!"REQUESTED".equals(request.status())) {
			throw new UnprocessableException("status", "privacy.erasure.notOpen");
		}
		if (request.requestedBy().equals(staff.userId())) {
			throw new UnprocessableException("approver", "privacy.erasure.fourEyes");
		}
		HouseholdId householdId = new HouseholdId(request.household());
		Family family = this.households.family(householdId);
		int approved = this.jdbc.sql("""
				update erasure_request set status = 'APPROVED', approved_by = :by, approved_at = clock_timestamp(),
				       version = version + 1
				where id = :id and status = 'REQUESTED'""").param("by", staff.userId()).param("id", requestId).update();
		if (approved != 1) {
			throw new UnprocessableException("status", "privacy.erasure.notOpen");
		}
		ErasureScope scope = new ErasureScope(staff.organisationId(), householdId.value(),
				family.members().stream().map(Family.FamilyMember::id).toList(), requestId);
		List<ErasureContribution.ErasedTable> erased = new ArrayList<>();
		for (ErasureContribution contribution : this.contributions) {
			erased.addAll(contribution.erase(scope));
		}
		String summary = erased.stream()
			.filter((t) -> t.rows() > 0)
			.map((t) -> t.table() + " " + t.rows())
			.collect(Collectors.joining(", "));
		this.jdbc.sql("""
				update erasure_request set status = 'ERASED', erased_at = clock_timestamp(), erased_rows = :summary,
				       note = null, version = version + 1
				where id = :id""").param("summary", summary).param("id", requestId).update();
		this.trail.recordWithDetail(AccessAction.DELETE, AccessSubject.household(householdId.value()),
				PrivacyTrail.ERASURE_DONE + requestId);
		return find(requestId).orElseThrow();
	}

	/** The organisation's erasure requests, newest first. */
	@Transactional(readOnly = true)
	public List<ErasureRequest> list() {
		requireCoordinator();
		return this.jdbc.sql("select " + COLUMNS + " from erasure_request order by requested_at desc limit 200")
			.query(Erasures::request)
			.list();
	}

	/** The open request of the household, if any. */
	@Transactional(readOnly = true)
	public Optional<ErasureRequest> open(HouseholdId householdId) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from erasure_request where household_id = :household and status in ('REQUESTED', 'APPROVED')")
			.param("household", householdId.value())
			.query(Erasures::request)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<ErasureRequest> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from erasure_request where id = :id")
			.param("id", id)
			.query(Erasures::request)
			.optional();
	}

	private static final String COLUMNS = """
			id, household_id, reason, note, requested_by, requested_at, approved_by, approved_at, erased_at, erased_rows,
			status""";

	private static ErasureRequest request(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new ErasureRequest(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getString("reason"), rs.getString("note"), rs.getObject("requested_by", UUID.class),
				instant(rs.getTimestamp("requested_at")), rs.getObject("approved_by", UUID.class),
				instant(rs.getTimestamp("approved_at")), instant(rs.getTimestamp("erased_at")),
				rs.getString("erased_rows"), rs.getString("status"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Staff requireCoordinator() {
		Staff staff = Staff.current().requireOrganisation("erasure");
		if (!staff.handlesPrivacyRequests()) {
			throw new AccessDeniedException("Only a coordinator handles erasure requests");
		}
		return staff;
	}

}
