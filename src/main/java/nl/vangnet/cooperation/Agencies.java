package nl.vangnet.cooperation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agencies involved with a family (seed 003: "she no longer knows which papers go
 * where") with the family's reference number there and the contact person, and what they
 * got wrong: an error, a lost file, a wrong decision, with the date it was noticed, the
 * objection (bezwaar) and its deadline, the status and the amount recovered. Kept by the
 * organisation that owns the household and never shared: EXCHANGE.md section 3 defines
 * the sections a consent may share, and this is none of them. Coordinators and
 * professionals only; every view and change is one row in the access trail; a change to a
 * stale version is refused with what changed.
 */
@Service
@Transactional
class Agencies {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	/** numeric(12, 2): below ten thousand million. */
	private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

	private final JdbcClient jdbc;

	private final HouseholdApi households;

	private final Partners partners;

	private final AccessTrail trail;

	private final Clock clock;

	Agencies(JdbcClient jdbc, HouseholdApi households, Partners partners, AccessTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.households = households;
		this.partners = partners;
		this.trail = trail;
		this.clock = clock;
	}

	/** The clock's day (no transaction of its own: a page asks it for its forms). */
	@Transactional(propagation = Propagation.SUPPORTS)
	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/** The household's agencies with their issues; a view in the access trail. */
	List<AgencyView> ofHousehold(UUID householdId) {
		caseWorker(householdId);
		this.trail.record(AccessAction.VIEW, AccessSubject.household(householdId));
		return agenciesOf(householdId);
	}

	private List<AgencyView> agenciesOf(UUID householdId) {
		Map<UUID, List<IssueView>> issues = new LinkedHashMap<>();
		this.jdbc.sql(ISSUES + " where i.household_id = :h order by i.noticed_on, i.created_at")
			.param("h", householdId)
			.query(Agencies::issue)
			.list()
			.forEach((i) -> issues.computeIfAbsent(i.agency(), (k) -> new ArrayList<>()).add(i));
		return this.jdbc
			.sql("select * from agency_involved where household_id = :h order by ended_on nulls first, lower(name), id")
			.param("h", householdId)
			.query((rs, row) -> agency(rs, issues))
			.list();
	}

	AgencyView add(UUID householdId, AgencyInput input) {
		Staff actor = caseWorker(householdId);
		Map<String, Object> values = validate(input);
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into agency_involved (id, household_id, organisation_id, kind, name, partner_id, reference, contact_name,
					                             contact_phone, contact_email, ended_on)
					values (:id, :household, :organisation, :kind, :name, :partner, :reference, :contactName, :contactPhone,
					        :contactEmail, :endedOn)
					""")
			.param("id", id)
			.param("household", householdId)
			.param("organisation", actor.organisationId())
			.params(values)
			.update();
		this.trail.record(AccessAction.CREATE, AccessSubject.household(householdId));
		return agency(id).orElseThrow();
	}

	AgencyView change(UUID id, AgencyInput input) {
		AgencyView current = agency(id).orElseThrow(() -> new NotFoundException("agency"));
		caseWorker(current.household());
		requireVersion(input.version());
		Map<String, Object> values = validate(input);
		int updated = this.jdbc.sql("""
				update agency_involved set kind = :kind, name = :name, partner_id = :partner, reference = :reference,
				       contact_name = :contactName, contact_phone = :contactPhone, contact_email = :contactEmail,
				       ended_on = :endedOn, updated_at = now(), version = version + 1
				where id = :id and version = :version
				""").param("id", id).param("version", input.version()).params(values).update();
		AgencyView now = agency(id).orElseThrow(() -> new NotFoundException("agency"));
		if (updated == 0) {
			throw Differences.labelled("agency.")
				.code("kind", clean(input.kind()), now.kind().name(), "agency.kind.")
				.text("name", input.name(), now.name())
				.text("reference", input.reference(), now.reference())
				.text("contactName", input.contactName(), now.contactName())
				.text("contactPhone", input.contactPhone(), now.contactPhone())
				.text("contactEmail", input.contactEmail(), now.contactEmail())
				.value("endedOn", input.endedOn(), now.endedOn())
				.conflict(now.version());
		}
		this.trail.record(AccessAction.UPDATE, AccessSubject.household(now.household()));
		return now;
	}

	IssueView addIssue(UUID agencyId, IssueInput input) {
		AgencyView agency = agency(agencyId).orElseThrow(() -> new NotFoundException("agency"));
		Staff actor = caseWorker(agency.household());
		Map<String, Object> values = validate(input, true);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into agency_issue (id, agency_id, household_id, organisation_id, kind, description, noticed_on,
				                          objection_deadline, objection_filed_on, status, amount_recovered)
				values (:id, :agency, :household, :organisation, :kind, :description, :noticedOn, :objectionDeadline,
				        :objectionFiledOn, :status, :amountRecovered)
				""")
			.param("id", id)
			.param("agency", agencyId)
			.param("household", agency.household())
			.param("organisation", actor.organisationId())
			.params(values)
			.update();
		this.trail.record(AccessAction.CREATE, AccessSubject.household(agency.household()));
		return issue(id).orElseThrow();
	}

	IssueView changeIssue(UUID id, IssueInput input) {
		IssueView current = issue(id).orElseThrow(() -> new NotFoundException("agencyIssue"));
		caseWorker(current.household());
		requireVersion(input.version());
		Map<String, Object> values = validate(input, false);
		int updated = this.jdbc
			.sql("""
					update agency_issue set kind = :kind, description = :description, noticed_on = :noticedOn,
					       objection_deadline = :objectionDeadline, objection_filed_on = :objectionFiledOn, status = :status,
					       amount_recovered = :amountRecovered, updated_at = now(), version = version + 1
					where id = :id and version = :version
					""")
			.param("id", id)
			.param("version", input.version())
			.params(values)
			.update();
		IssueView now = issue(id).orElseThrow(() -> new NotFoundException("agencyIssue"));
		if (updated == 0) {
			throw Differences.labelled("agency.issue.")
				.code("kind", clean(input.kind()), now.kind().name(), "agency.issue.kind.")
				.text("description", input.description(), now.description())
				.value("noticedOn", input.noticedOn(), now.noticedOn())
				.value("objectionDeadline", input.objectionDeadline(), now.objectionDeadline())
				.value("objectionFiledOn", input.objectionFiledOn(), now.objectionFiledOn())
				.code("status", clean(input.status()), now.status().name(), "agency.issue.status.")
				.value("amountRecovered", input.amountRecovered(), now.amountRecovered())
				.conflict(now.version());
		}
		this.trail.record(AccessAction.UPDATE, AccessSubject.household(now.household()));
		return now;
	}

	/**
	 * The household's open issues with an objection deadline, the nearest first, for the
	 * family's obligations list. The caller records the view (it is part of its page).
	 */
	@Transactional(readOnly = true)
	List<IssueView> openWithDeadline(UUID householdId) {
		return this.jdbc
			.sql(ISSUES
					+ """
							 where i.household_id = :h and i.status in ('OPEN', 'OBJECTION_FILED') and i.objection_deadline is not null
							 order by i.objection_deadline, i.noticed_on
							""")
			.param("h", householdId)
			.query(Agencies::issue)
			.list();
	}

	/**
	 * Per household of the current organisation: its open issues with a deadline, how
	 * many and the nearest deadline.
	 */
	@Transactional(readOnly = true)
	Map<UUID, CooperationApi.IssuesDue> dueByHousehold() {
		Staff actor = Staff.current().requireOrganisation("household");
		Map<UUID, CooperationApi.IssuesDue> due = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select household_id, count(*) as open, min(objection_deadline) as first from agency_issue
					where organisation_id = :org and status in ('OPEN', 'OBJECTION_FILED') and objection_deadline is not null
					group by household_id
					""")
			.param("org", actor.organisationId())
			.query((rs) -> {
				due.put(rs.getObject("household_id", UUID.class),
						new CooperationApi.IssuesDue(rs.getInt("open"), rs.getObject("first", LocalDate.class)));
			});
		return due;
	}

	/** The household an agency or issue belongs to, for going back to its page. */
	@Transactional(readOnly = true)
	Optional<UUID> householdOf(String table, UUID id) {
		String sql = "agency_issue".equals(table) ? "select household_id from agency_issue where id = :id"
				: "select household_id from agency_involved where id = :id";
		return this.jdbc.sql(sql).param("id", id).query(UUID.class).optional();
	}

	private Optional<AgencyView> agency(UUID id) {
		Map<UUID, List<IssueView>> issues = new LinkedHashMap<>();
		this.jdbc.sql(ISSUES + " where i.agency_id = :id order by i.noticed_on, i.created_at")
			.param("id", id)
			.query(Agencies::issue)
			.list()
			.forEach((i) -> issues.computeIfAbsent(i.agency(), (k) -> new ArrayList<>()).add(i));
		return this.jdbc.sql("select * from agency_involved where id = :id")
			.param("id", id)
			.query((rs, row) -> agency(rs, issues))
			.optional();
	}

	private Optional<IssueView> issue(UUID id) {
		return this.jdbc.sql(ISSUES + " where i.id = :id").param("id", id).query(Agencies::issue).optional();
	}

	private Staff caseWorker(UUID householdId) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		this.households.family(new HouseholdId(householdId));
		return actor;
	}

	private static void requireVersion(Integer version) {
		if (version == null) {
			throw new DomainException("version", "agency.version.required");
		}
	}

	private Map<String, Object> validate(AgencyInput input) {
		List<DomainException> errors = new ArrayList<>();
		AgencyKind kind = null;
		if (clean(input.kind()) == null) {
			errors.add(new DomainException("kind", "agency.kind.required"));
		}
		else {
			try {
				kind = AgencyKind.valueOf(input.kind().strip());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new DomainException("kind", "agency.kind.invalid"));
			}
		}
		String name = clean(input.name());
		if (name == null) {
			errors.add(new DomainException("name", "agency.name.required"));
		}
		length(errors, "name", name, 200);
		if (input.partner() != null && this.partners.find(input.partner()).isEmpty()) {
			errors.add(new DomainException("partner", "consent.recipient.unknownPartner"));
		}
		String reference = clean(input.reference());
		length(errors, "reference", reference, 100);
		String contactName = clean(input.contactName());
		length(errors, "contactName", contactName, 200);
		String contactPhone = clean(input.contactPhone());
		length(errors, "contactPhone", contactPhone, 50);
		String contactEmail = clean(input.contactEmail());
		if (contactEmail != null && (contactEmail.length() > 254 || !EMAIL.matcher(contactEmail).matches())) {
			errors.add(new DomainException("contactEmail", "partner.email.invalid"));
		}
		if (input.endedOn() != null && input.endedOn().isAfter(today())) {
			errors.add(new DomainException("endedOn", "agency.endedOn.future"));
		}
		DomainErrors.throwIfAny(errors);
		Map<String, Object> values = new java.util.HashMap<>();
		values.put("kind", kind.name());
		values.put("name", name);
		values.put("partner", input.partner());
		values.put("reference", reference);
		values.put("contactName", contactName);
		values.put("contactPhone", contactPhone);
		values.put("contactEmail", contactEmail);
		values.put("endedOn", input.endedOn());
		return values;
	}

	private Map<String, Object> validate(IssueInput input, boolean adding) {
		List<DomainException> errors = new ArrayList<>();
		AgencyIssueKind kind = null;
		if (clean(input.kind()) == null) {
			errors.add(new DomainException("kind", "agency.issue.kind.required"));
		}
		else {
			try {
				kind = AgencyIssueKind.valueOf(input.kind().strip());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new DomainException("kind", "agency.issue.kind.invalid"));
			}
		}
		String description = clean(input.description());
		if (description == null) {
			errors.add(new DomainException("description", "agency.issue.description.required"));
		}
		length(errors, "description", description, 1000);
		LocalDate today = today();
		if (input.noticedOn() == null) {
			errors.add(new DomainException("noticedOn", "agency.issue.noticedOn.required"));
		}
		else if (input.noticedOn().isAfter(today)) {
			errors.add(new DomainException("noticedOn", "agency.issue.noticedOn.future"));
		}
		if (input.objectionFiledOn() != null) {
			if (input.objectionFiledOn().isAfter(today)) {
				errors.add(new DomainException("objectionFiledOn", "agency.issue.filedOn.future"));
			}
			else if (input.noticedOn() != null && input.objectionFiledOn().isBefore(input.noticedOn())) {
				errors.add(new DomainException("objectionFiledOn", "agency.issue.filedOn.beforeNoticed"));
			}
		}
		AgencyIssueStatus status = AgencyIssueStatus.OPEN;
		if (clean(input.status()) == null) {
			if (!adding) {
				errors.add(new DomainException("status", "agency.issue.status.required"));
			}
		}
		else {
			try {
				status = AgencyIssueStatus.valueOf(input.status().strip());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new DomainException("status", "agency.issue.status.invalid"));
				status = null;
			}
		}
		if (status == AgencyIssueStatus.OBJECTION_FILED && input.objectionFiledOn() == null) {
			errors.add(new DomainException("objectionFiledOn", "agency.issue.filedOn.required"));
		}
		BigDecimal amount = input.amountRecovered();
		if (amount != null) {
			if (amount.signum() < 0) {
				errors.add(new DomainException("amountRecovered", "agency.issue.amount.negative"));
			}
			else if (amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
				errors.add(new DomainException("amountRecovered", "agency.issue.amount.invalid"));
			}
		}
		DomainErrors.throwIfAny(errors);
		Map<String, Object> values = new java.util.HashMap<>();
		values.put("kind", kind.name());
		values.put("description", description);
		values.put("noticedOn", input.noticedOn());
		values.put("objectionDeadline", input.objectionDeadline());
		values.put("objectionFiledOn", input.objectionFiledOn());
		values.put("status", status.name());
		values.put("amountRecovered", amount);
		return values;
	}

	private static void length(List<DomainException> errors, String field, String value, int max) {
		if (value != null && value.length() > max) {
			errors.add(new DomainException(field, "partner.tooLong", max));
		}
	}

	private static String clean(String value) {
		return Partners.clean(value);
	}

	private static final String ISSUES = """
			select i.*, a.name as agency_name from agency_issue i join agency_involved a on a.id = i.agency_id
			""";

	private static AgencyView agency(ResultSet rs, Map<UUID, List<IssueView>> issues) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		return new AgencyView(id, rs.getObject("household_id", UUID.class), AgencyKind.valueOf(rs.getString("kind")),
				rs.getString("name"), rs.getObject("partner_id", UUID.class), rs.getString("reference"),
				rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email"),
				rs.getObject("ended_on", LocalDate.class), issues.getOrDefault(id, List.of()), rs.getInt("version"));
	}

	private static IssueView issue(ResultSet rs, int row) throws SQLException {
		return new IssueView(rs.getObject("id", UUID.class), rs.getObject("agency_id", UUID.class),
				rs.getString("agency_name"), rs.getObject("household_id", UUID.class),
				AgencyIssueKind.valueOf(rs.getString("kind")), rs.getString("description"),
				rs.getObject("noticed_on", LocalDate.class), rs.getObject("objection_deadline", LocalDate.class),
				rs.getObject("objection_filed_on", LocalDate.class), AgencyIssueStatus.valueOf(rs.getString("status")),
				rs.getBigDecimal("amount_recovered"), rs.getInt("version"));
	}

	/** An agency as the API and the form send it; {@code version} when changing. */
	record AgencyInput(String kind, String name, UUID partner, String reference, String contactName,
			String contactPhone, String contactEmail, LocalDate endedOn, Integer version) {
	}

	/**
	 * An issue as the API and the form send it; {@code status} may be left out when
	 * adding (then {@code OPEN}), {@code version} when changing.
	 */
	record IssueInput(String kind, String description, LocalDate noticedOn, LocalDate objectionDeadline,
			LocalDate objectionFiledOn, String status, BigDecimal amountRecovered, Integer version) {
	}

	/** An agency involved with the family and what it got wrong. */
	record AgencyView(UUID id, UUID household, AgencyKind kind, String name, UUID partner, String reference,
			String contactName, String contactPhone, String contactEmail, LocalDate endedOn, List<IssueView> issues,
			int version) {

		@JsonIgnore
		public boolean ended() {
			return this.endedOn != null;
		}

	}

	/** An agency issue; {@code agencyName} names the agency it is about. */
	record IssueView(UUID id, UUID agency, String agencyName, UUID household, AgencyIssueKind kind, String description,
			LocalDate noticedOn, LocalDate objectionDeadline, LocalDate objectionFiledOn, AgencyIssueStatus status,
			BigDecimal amountRecovered, int version) {

		@JsonIgnore
		public boolean open() {
			return this.status.open();
		}

		/** Open with a deadline that passed before {@code today}. */
		public boolean overdueOn(LocalDate today) {
			return open() && this.objectionDeadline != null && this.objectionDeadline.isBefore(today);
		}

	}

}
