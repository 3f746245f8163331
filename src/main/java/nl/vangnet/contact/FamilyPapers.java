package nl.vangnet.contact;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The family's overview of obligations (letters and forms to return to which agency by
 * when, appointments, benefit renewals) and of debts (creditor, amount, payment
 * arrangement, status, with every change kept as history). Coordinators and professionals
 * only; every view and change is in the access trail; a change to a stale version is
 * refused with what changed.
 */
@Service
@Transactional
class FamilyPapers {

	/** Open obligations due within this many days appear on the worklist. */
	static final int DUE_SOON_DAYS = 7;

	private final JdbcClient jdbc;

	private final Families families;

	private final ContactTrail trail;

	private final Clock clock;

	FamilyPapers(JdbcClient jdbc, Families families, ContactTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.families = families;
		this.trail = trail;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	// ---- Obligations

	@Transactional
	List<ObligationView> obligations(UUID householdId) {
		Staff actor = caseWorker(householdId);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return obligationsOf(householdId, false);
	}

	List<ObligationView> openObligations(UUID householdId) {
		return obligationsOf(householdId, true);
	}

	private List<ObligationView> obligationsOf(UUID householdId, boolean openOnly) {
		LocalDate today = today();
		return this.jdbc.sql("""
				select id, household_id, kind, description, agency, due_on, status, version from obligation
				where household_id = :id and (not :open or status in ('TO_DO', 'IN_PROGRESS'))
				order by case when status in ('TO_DO', 'IN_PROGRESS') then 0 else 1 end, due_on nulls last, created_at
				""").param("id", householdId).param("open", openOnly).query((rs, n) -> {
			LocalDate due = rs.getObject("due_on", LocalDate.class);
			ObligationStatus status = ObligationStatus.valueOf(rs.getString("status"));
			return new ObligationView(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
					ObligationKind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getString("agency"),
					due, status, rs.getInt("version"),
					status.open() && due != null && !due.isAfter(today.plusDays(DUE_SOON_DAYS)),
					status.open() && due != null && due.isBefore(today));
		}).list();
	}

	UUID addObligation(UUID householdId, ObligationInput input) {
		Staff actor = caseWorker(householdId);
		check(input);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into obligation (id, household_id, organisation_id, kind, description, agency, due_on, status)
				values (:id, :household, :organisation, :kind, :description, :agency, :due, :status)
				""")
			.param("id", id)
			.param("household", householdId)
			.param("organisation", actor.organisationId())
			.param("kind", input.kind().name())
			.param("description", Contacts.trimmed(input.description()))
			.param("agency", Contacts.trimmed(input.agency()))
			.param("due", input.dueOn())
			.param("status", ((input.status() != null) ? input.status() : ObligationStatus.TO_DO).name())
			.update();
		this.trail.record(actor, AccessAction.CREATE, householdId);
		return id;
	}

	/**
	 * Changes an obligation read at {@code version}.
	 * @throws ConflictException when someone else changed it since
	 */
	ObligationView changeObligation(UUID id, int version, ObligationInput input) {
		ObligationView current = obligation(id);
		Staff actor = caseWorker(current.householdId());
		check(input);
		if (input.status() == null) {
			throw new DomainException("status", "contact.obligation.status.required");
		}
		int changed = this.jdbc.sql("""
				update obligation set kind = :kind, description = :description, agency = :agency, due_on = :due,
				  status = :status, version = version + 1 where id = :id and version = :version
				""")
			.param("kind", input.kind().name())
			.param("description", Contacts.trimmed(input.description()))
			.param("agency", Contacts.trimmed(input.agency()))
			.param("due", input.dueOn())
			.param("status", input.status().name())
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw obligationConflict(current, input);
		}
		this.trail.record(actor, AccessAction.UPDATE, current.householdId());
		return obligation(id);
	}

	private ObligationView obligation(UUID id) {
		UUID household = this.jdbc.sql("select household_id from obligation where id = :id")
			.param("id", id)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("obligation"));
		return obligationsOf(household, false).stream()
			.filter((o) -> o.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("obligation"));
	}

	private static ConflictException obligationConflict(ObligationView now, ObligationInput sent) {
		return Differences.labelled("contact.obligation.")
			.code("kind", sent.kind(), now.kind(), "contact.obligation.kind.")
			.text("description", sent.description(), now.description())
			.text("agency", sent.agency(), now.agency())
			.value("dueOn", sent.dueOn(), now.dueOn())
			.code("status", sent.status(), now.status(), "contact.obligation.status.")
			.conflict(now.version());
	}

	private static void check(ObligationInput input) {
		List<DomainException> errors = new ArrayList<>();
		if (input.kind() == null) {
			errors.add(new DomainException("kind", "contact.obligation.kind.required"));
		}
		String description = Contacts.trimmed(input.description());
		if (description == null) {
			errors.add(new DomainException("description", "contact.obligation.description.required"));
		}
		else if (description.length() > 300) {
			errors.add(new DomainException("description", "contact.obligation.description.tooLong", 300));
		}
		String agency = Contacts.trimmed(input.agency());
		if (agency != null && agency.length() > 200) {
			errors.add(new DomainException("agency", "contact.obligation.agency.tooLong", 200));
		}
		DomainErrors.throwIfAny(errors);
	}

	/**
	 * The household of an obligation or debt ({@code table} is one of those two).
	 */
	@Transactional(readOnly = true)
	java.util.Optional<UUID> householdOf(String table, UUID id) {
		if (!"obligation".equals(table) && !"debt".equals(table)) {
			throw new IllegalArgumentException(table);
		}
		return this.jdbc.sql("select household_id from " + table + " where id = :id")
			.param("id", id)
			.query(UUID.class)
			.optional();
	}

	// ---- Debts

	@Transactional
	DebtOverview debts(UUID householdId) {
		Staff actor = caseWorker(householdId);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		List<DebtView> debts = debtsOf(householdId);
		BigDecimal total = debts.stream()
			.filter((d) -> d.status() != DebtStatus.PAID_OFF)
			.map(DebtView::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return new DebtOverview(debts, total);
	}

	/**
	 * What the family still owes: the sum of the debts that are not paid off.
	 */
	BigDecimal debtTotal(UUID householdId) {
		return this.jdbc
			.sql("select coalesce(sum(amount), 0) from debt where household_id = :id and status <> 'PAID_OFF'")
			.param("id", householdId)
			.query(BigDecimal.class)
			.single();
	}

	private List<DebtView> debtsOf(UUID householdId) {
		java.util.Map<UUID, String> staff = this.families
			.staffNames(Staff.current().requireOrganisation("household").organisationId());
		java.util.Map<UUID, List<DebtChange>> history = new java.util.HashMap<>();
		this.jdbc.sql("""
				select h.debt_id, h.changed_at, h.changed_by, h.creditor, h.amount, h.arrangement, h.status
				from debt_history h join debt d on d.id = h.debt_id where d.household_id = :id
				order by h.changed_at, h.id
				""").param("id", householdId).query((rs, n) -> {
			history.computeIfAbsent(rs.getObject(1, UUID.class), (k) -> new ArrayList<>())
				.add(new DebtChange(rs.getTimestamp(2).toInstant(), staff.get(rs.getObject(3, UUID.class)),
						rs.getString(4), rs.getBigDecimal(5), rs.getString(6), DebtStatus.valueOf(rs.getString(7))));
			return null;
		}).list();
		return this.jdbc.sql("""
				select id, household_id, creditor, amount, arrangement, status, version from debt
				where household_id = :id order by case when status = 'PAID_OFF' then 1 else 0 end, created_at
				""").param("id", householdId).query((rs, n) -> {
			UUID id = rs.getObject("id", UUID.class);
			return new DebtView(id, rs.getObject("household_id", UUID.class), rs.getString("creditor"),
					rs.getBigDecimal("amount"), rs.getString("arrangement"), DebtStatus.valueOf(rs.getString("status")),
					rs.getInt("version"), history.getOrDefault(id, List.of()));
		}).list();
	}

	UUID addDebt(UUID householdId, DebtInput input) {
		Staff actor = caseWorker(householdId);
		check(input);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into debt (id, household_id, organisation_id, creditor, amount, arrangement, status)
				values (:id, :household, :organisation, :creditor, :amount, :arrangement, :status)
				""")
			.param("id", id)
			.param("household", householdId)
			.param("organisation", actor.organisationId())
			.param("creditor", Contacts.trimmed(input.creditor()))
			.param("amount", input.amount())
			.param("arrangement", Contacts.trimmed(input.arrangement()))
			.param("status", ((input.status() != null) ? input.status() : DebtStatus.OPEN).name())
			.update();
		history(actor, id);
		this.trail.record(actor, AccessAction.CREATE, householdId);
		return id;
	}

	/**
	 * Changes a debt read at {@code version}; the change is kept in its history.
	 * @throws ConflictException when someone else changed it since
	 */
	DebtView changeDebt(UUID id, int version, DebtInput input) {
		DebtView current = debt(id);
		Staff actor = caseWorker(current.householdId());
		check(input);
		if (input.status() == null) {
			throw new DomainException("status", "contact.debt.status.required");
		}
		int changed = this.jdbc.sql("""
				update debt set creditor = :creditor, amount = :amount, arrangement = :arrangement, status = :status,
				  version = version + 1 where id = :id and version = :version
				""")
			.param("creditor", Contacts.trimmed(input.creditor()))
			.param("amount", input.amount())
			.param("arrangement", Contacts.trimmed(input.arrangement()))
			.param("status", input.status().name())
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 0) {
			throw Differences.labelled("contact.debt.")
				.text("creditor", input.creditor(), current.creditor())
				.value("amount", input.amount(), current.amount())
				.text("arrangement", input.arrangement(), current.arrangement())
				.code("status", input.status(), current.status(), "contact.debt.status.")
				.conflict(current.version());
		}
		history(actor, id);
		this.trail.record(actor, AccessAction.UPDATE, current.householdId());
		return debt(id);
	}

	private DebtView debt(UUID id) {
		UUID household = this.jdbc.sql("select household_id from debt where id = :id")
			.param("id", id)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("debt"));
		return debtsOf(household).stream()
			.filter((d) -> d.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("debt"));
	}

	private void history(Staff actor, UUID debtId) {
		this.jdbc
			.sql("""
					insert into debt_history (id, debt_id, organisation_id, changed_at, changed_by, creditor, amount, arrangement, status)
					select :hid, id, organisation_id, :at, :by, creditor, amount, arrangement, status from debt where id = :id
					""")
			.param("hid", UUID.randomUUID())
			.param("at", Timestamp.from(Instant.now(this.clock)))
			.param("by", actor.userId())
			.param("id", debtId)
			.update();
	}

	private static void check(DebtInput input) {
		List<DomainException> errors = new ArrayList<>();
		String creditor = Contacts.trimmed(input.creditor());
		if (creditor == null) {
			errors.add(new DomainException("creditor", "contact.debt.creditor.required"));
		}
		else if (creditor.length() > 200) {
			errors.add(new DomainException("creditor", "contact.debt.creditor.tooLong", 200));
		}
		if (input.amount() == null) {
			errors.add(new DomainException("amount", "contact.debt.amount.required"));
		}
		else if (input.amount().signum() < 0 || input.amount().scale() > 2
				|| input.amount().compareTo(new BigDecimal("9999999999.99")) > 0) {
			errors.add(new DomainException("amount", "contact.debt.amount.invalid"));
		}
		String arrangement = Contacts.trimmed(input.arrangement());
		if (arrangement != null && arrangement.length() > 500) {
			errors.add(new DomainException("arrangement", "contact.debt.arrangement.tooLong", 500));
		}
		DomainErrors.throwIfAny(errors);
	}

	private Staff caseWorker(UUID householdId) {
		Staff actor = Staff.current().requireOrganisation("household");
		if (!actor.worksWithCases()) {
			throw new AccessDeniedException("Only coordinators and professionals");
		}
		this.families.require(householdId);
		return actor;
	}

	record ObligationInput(ObligationKind kind, String description, String agency, LocalDate dueOn,
			ObligationStatus status) {
	}

	/**
	 * @param dueSoon open and due within {@link #DUE_SOON_DAYS} days (or overdue)
	 * @param overdue open and past its day
	 */
	record ObligationView(UUID id, UUID householdId, ObligationKind kind, String description, String agency,
			LocalDate dueOn, ObligationStatus status, int version, boolean dueSoon, boolean overdue) {

		public boolean open() {
			return this.status.open();
		}

	}

	record DebtInput(String creditor, BigDecimal amount, String arrangement, DebtStatus status) {
	}

	record DebtView(UUID id, UUID householdId, String creditor, BigDecimal amount, String arrangement,
			DebtStatus status, int version, List<DebtChange> history) {
	}

	record DebtChange(Instant at, String by, String creditor, BigDecimal amount, String arrangement,
			DebtStatus status) {
	}

	/**
	 * @param total what is still owed (every debt not paid off)
	 */
	record DebtOverview(List<DebtView> debts, BigDecimal total) {
	}

}
