package nl.vangnet.contact;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;

/**
 * A debt of the family with a creditor: the amount still owed, the payment arrangement
 * and its status. Every state it was in is kept as its history (who changed it, when); a
 * paid-off debt no longer counts towards what the family owes.
 */
final class Debt {

	static final int CREDITOR_MAX = 200;

	static final int ARRANGEMENT_MAX = 500;

	static final BigDecimal AMOUNT_MAX = new BigDecimal("9999999999.99");

	private final UUID id;

	private final UUID householdId;

	private final UUID organisationId;

	private String creditor;

	private BigDecimal amount;

	private String arrangement;

	private DebtStatus status;

	private final int version;

	private final List<State> history;

	private final List<State> recorded = new ArrayList<>();

	Debt(UUID id, UUID householdId, UUID organisationId, String creditor, BigDecimal amount, String arrangement,
			DebtStatus status, int version, List<State> history) {
		this.id = id;
		this.householdId = householdId;
		this.organisationId = organisationId;
		this.creditor = creditor;
		this.amount = amount;
		this.arrangement = arrangement;
		this.status = status;
		this.version = version;
		this.history = new ArrayList<>(history);
	}

	/**
	 * A debt registered by {@code by} at {@code at}: open unless another status is given;
	 * its first state is its history's first entry.
	 * @throws DomainErrors when it breaks the rules
	 */
	static Debt register(UUID householdId, UUID organisationId, Terms terms, UUID by, Instant at) {
		check(terms);
		Debt debt = new Debt(UUID.randomUUID(), householdId, organisationId, Contacts.trimmed(terms.creditor()),
				terms.amount(), Contacts.trimmed(terms.arrangement()),
				(terms.status() != null) ? terms.status() : DebtStatus.OPEN, 0, List.of());
		debt.keep(by, at);
		return debt;
	}

	/**
	 * The debt as it stands now, read at {@code readVersion}: a new amount, arrangement
	 * or status (a status is required); the new state is kept in its history.
	 * @throws ConflictException when someone else changed it since
	 */
	void restate(int readVersion, Terms terms, UUID by, Instant at) {
		check(terms);
		if (terms.status() == null) {
			throw new DomainException("status", "contact.debt.status.required");
		}
		if (readVersion != this.version) {
			throw conflictWith(terms);
		}
		this.creditor = Contacts.trimmed(terms.creditor());
		this.amount = terms.amount();
		this.arrangement = Contacts.trimmed(terms.arrangement());
		this.status = terms.status();
		keep(by, at);
	}

	/**
	 * The refusal of a change to a stale version: what differs between what was sent and
	 * the debt now.
	 */
	ConflictException conflictWith(Terms sent) {
		return Differences.labelled("contact.debt.")
			.text("creditor", sent.creditor(), this.creditor)
			.value("amount", sent.amount(), this.amount)
			.text("arrangement", sent.arrangement(), this.arrangement)
			.code("status", sent.status(), this.status, "contact.debt.status.")
			.conflict(this.version);
	}

	/**
	 * Whether the family still owes it (it is not paid off).
	 */
	boolean owed() {
		return this.status != DebtStatus.PAID_OFF;
	}

	private void keep(UUID by, Instant at) {
		State state = new State(UUID.randomUUID(), at, by, this.creditor, this.amount, this.arrangement, this.status);
		this.history.add(state);
		this.recorded.add(state);
	}

	private static void check(Terms terms) {
		List<DomainException> errors = new ArrayList<>();
		String creditor = Contacts.trimmed(terms.creditor());
		if (creditor == null) {
			errors.add(new DomainException("creditor", "contact.debt.creditor.required"));
		}
		else if (creditor.length() > CREDITOR_MAX) {
			errors.add(new DomainException("creditor", "contact.debt.creditor.tooLong", CREDITOR_MAX));
		}
		if (terms.amount() == null) {
			errors.add(new DomainException("amount", "contact.debt.amount.required"));
		}
		else if (terms.amount().signum() < 0 || terms.amount().scale() > 2
				|| terms.amount().compareTo(AMOUNT_MAX) > 0) {
			errors.add(new DomainException("amount", "contact.debt.amount.invalid"));
		}
		String arrangement = Contacts.trimmed(terms.arrangement());
		if (arrangement != null && arrangement.length() > ARRANGEMENT_MAX) {
			errors.add(new DomainException("arrangement", "contact.debt.arrangement.tooLong", ARRANGEMENT_MAX));
		}
		DomainErrors.throwIfAny(errors);
	}

	UUID id() {
		return this.id;
	}

	UUID householdId() {
		return this.householdId;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	String creditor() {
		return this.creditor;
	}

	BigDecimal amount() {
		return this.amount;
	}

	String arrangement() {
		return this.arrangement;
	}

	DebtStatus status() {
		return this.status;
	}

	int version() {
		return this.version;
	}

	/** Every state the debt was in, oldest first. */
	List<State> history() {
		return List.copyOf(this.history);
	}

	/** The states kept since it was loaded, still to be stored. */
	List<State> recorded() {
		return List.copyOf(this.recorded);
	}

	/**
	 * What a debt says: {@code status} {@code null} on a new one means open.
	 */
	record Terms(String creditor, BigDecimal amount, String arrangement, DebtStatus status) {
	}

	/**
	 * A state the debt was in, who put it there and when.
	 */
	record State(UUID id, Instant at, UUID by, String creditor, BigDecimal amount, String arrangement,
			DebtStatus status) {
	}

}
