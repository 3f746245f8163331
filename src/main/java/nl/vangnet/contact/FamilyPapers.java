package nl.vangnet.contact;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The family's overview of obligations (letters and forms to return to which agency by
 * when, appointments, benefit renewals) and of debts (creditor, amount, payment
 * arrangement, status, with every change kept as history). Coordinators and professionals
 * only; every view and change is in the access trail; a change to a stale version is
 * refused with what changed. The rules are the aggregates' ({@link Obligation},
 * {@link Debt}); this service adds who may, the trail, and the views.
 */
@Service
@Transactional
class FamilyPapers {

	/** Open obligations due within this many days appear on the worklist. */
	static final int DUE_SOON_DAYS = Obligation.DUE_SOON_DAYS;

	private final ObligationRepository obligations;

	private final DebtRepository debts;

	private final Families families;

	private final ContactTrail trail;

	private final Clock clock;

	FamilyPapers(ObligationRepository obligations, DebtRepository debts, Families families, ContactTrail trail,
			Clock clock) {
		this.obligations = obligations;
		this.debts = debts;
		this.families = families;
		this.trail = trail;
		this.clock = clock;
	}

	/** The clock's day (no transaction of its own: a page asks it for its forms). */
	@Transactional(propagation = Propagation.SUPPORTS)
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
		return this.obligations.ofHousehold(householdId, openOnly).stream().map((o) -> view(o, today)).toList();
	}

	UUID addObligation(UUID householdId, ObligationInput input) {
		Staff actor = caseWorker(householdId);
		Obligation obligation = Obligation.note(householdId, actor.organisationId(), input.terms());
		this.obligations.insert(obligation);
		this.trail.record(actor, AccessAction.CREATE, householdId);
		return obligation.id();
	}

	/**
	 * Changes an obligation read at {@code version}.
	 * @throws ConflictException when someone else changed it since
	 */
	ObligationView changeObligation(UUID id, int version, ObligationInput input) {
		Obligation obligation = this.obligations.find(id).orElseThrow(() -> new NotFoundException("obligation"));
		Staff actor = caseWorker(obligation.householdId());
		obligation.rewrite(version, input.terms());
		if (!this.obligations.update(obligation)) {
			throw this.obligations.find(id)
				.orElseThrow(() -> new NotFoundException("obligation"))
				.conflictWith(input.terms());
		}
		this.trail.record(actor, AccessAction.UPDATE, obligation.householdId());
		return view(this.obligations.find(id).orElseThrow(), today());
	}

	/**
	 * The household of an obligation or debt ({@code table} is one of those two).
	 */
	@Transactional(readOnly = true)
	java.util.Optional<UUID> householdOf(String table, UUID id) {
		if ("obligation".equals(table)) {
			return this.obligations.find(id).map(Obligation::householdId);
		}
		if ("debt".equals(table)) {
			return this.debts.householdOf(id);
		}
		throw new IllegalArgumentException(table);
	}

	// ---- Debts

	@Transactional
	DebtOverview debts(UUID householdId) {
		Staff actor = caseWorker(householdId);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		List<Debt> debts = this.debts.ofHousehold(householdId);
		Map<UUID, String> staff = this.families.staffNames(actor.organisationId());
		BigDecimal total = debts.stream().filter(Debt::owed).map(Debt::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new DebtOverview(debts.stream().map((d) -> view(d, staff)).toList(), total);
	}

	/**
	 * What the family still owes: the sum of the debts that are not paid off.
	 */
	BigDecimal debtTotal(UUID householdId) {
		return this.debts.owedBy(householdId);
	}

	UUID addDebt(UUID householdId, DebtInput input) {
		Staff actor = caseWorker(householdId);
		Debt debt = Debt.register(householdId, actor.organisationId(), input.terms(), actor.userId(),
				Instant.now(this.clock));
		this.debts.insert(debt);
		this.trail.record(actor, AccessAction.CREATE, householdId);
		return debt.id();
	}

	/**
	 * Changes a debt read at {@code version}; the change is kept in its history.
	 * @throws ConflictException when someone else changed it since
	 */
	DebtView changeDebt(UUID id, int version, DebtInput input) {
		Debt debt = this.debts.find(id).orElseThrow(() -> new NotFoundException("debt"));
		Staff actor = caseWorker(debt.householdId());
		debt.restate(version, input.terms(), actor.userId(), Instant.now(this.clock));
		if (!this.debts.update(debt)) {
			throw this.debts.find(id).orElseThrow(() -> new NotFoundException("debt")).conflictWith(input.terms());
		}
		this.trail.record(actor, AccessAction.UPDATE, debt.householdId());
		return view(this.debts.find(id).orElseThrow(), this.families.staffNames(actor.organisationId()));
	}

	private Staff caseWorker(UUID householdId) {
		Staff actor = Staff.current().requireOrganisation("household");
		if (!actor.worksWithCases()) {
			throw new AccessDeniedException("Only coordinators and professionals");
		}
		this.families.require(householdId);
		return actor;
	}

	private static ObligationView view(Obligation o, LocalDate today) {
		return new ObligationView(o.id(), o.householdId(), o.kind(), o.description(), o.agency(), o.dueOn(), o.status(),
				o.version(), o.dueSoon(today), o.overdue(today));
	}

	private static DebtView view(Debt d, Map<UUID, String> staff) {
		return new DebtView(d.id(), d.householdId(), d.creditor(), d.amount(), d.arrangement(), d.status(), d.version(),
				d.history()
					.stream()
					.map((s) -> new DebtChange(s.at(), staff.get(s.by()), s.creditor(), s.amount(), s.arrangement(),
							s.status()))
					.toList());
	}

	record ObligationInput(ObligationKind kind, String description, String agency, LocalDate dueOn,
			ObligationStatus status) {

		Obligation.Terms terms() {
			return new Obligation.Terms(this.kind, this.description, this.agency, this.dueOn, this.status);
		}

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

		Debt.Terms terms() {
			return new Debt.Terms(this.creditor, this.amount, this.arrangement, this.status);
		}

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
