package nl.vangnet.contact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;

/**
 * Something the family has to do for an agency, by a day: a letter or form to return, an
 * appointment, a benefit renewal, a payment. It is open while it is to do or in progress;
 * open and due within {@link #DUE_SOON_DAYS} days it is due soon (and on the worklist).
 */
final class Obligation {

	/** Open obligations due within this many days appear on the worklist. */
	static final int DUE_SOON_DAYS = 7;

	static final int DESCRIPTION_MAX = 300;

	static final int AGENCY_MAX = 200;

	private final UUID id;

	private final UUID householdId;

	private final UUID organisationId;

	private ObligationKind kind;

	private String description;

	private String agency;

	private LocalDate dueOn;

	private ObligationStatus status;

	private final int version;

	Obligation(UUID id, UUID householdId, UUID organisationId, ObligationKind kind, String description, String agency,
			LocalDate dueOn, ObligationStatus status, int version) {
		this.id = id;
		this.householdId = householdId;
		this.organisationId = organisationId;
		this.kind = kind;
		this.description = description;
		this.agency = agency;
		this.dueOn = dueOn;
		this.status = status;
		this.version = version;
	}

	/**
	 * A new obligation on the family's overview, to do unless another status is given.
	 * @throws nl.vangnet.platform.DomainErrors when it breaks the rules
	 */
	static Obligation note(UUID householdId, UUID organisationId, Terms terms) {
		check(terms);
		return new Obligation(UUID.randomUUID(), householdId, organisationId, terms.kind(),
				Contacts.trimmed(terms.description()), Contacts.trimmed(terms.agency()), terms.dueOn(),
				(terms.status() != null) ? terms.status() : ObligationStatus.TO_DO, 0);
	}

	/**
	 * Rewrites the obligation as read at {@code readVersion}; a status is required.
	 * @throws ConflictException when someone else changed it since
	 */
	void rewrite(int readVersion, Terms terms) {
		check(terms);
		if (terms.status() == null) {
			throw new DomainException("status", "contact.obligation.status.required");
		}
		if (readVersion != this.version) {
			throw conflictWith(terms);
		}
		this.kind = terms.kind();
		this.description = Contacts.trimmed(terms.description());
		this.agency = Contacts.trimmed(terms.agency());
		this.dueOn = terms.dueOn();
		this.status = terms.status();
	}

	/**
	 * The refusal of a change to a stale version: what differs between what was sent and
	 * the obligation now.
	 */
	ConflictException conflictWith(Terms sent) {
		return Differences.labelled("contact.obligation.")
			.code("kind", sent.kind(), this.kind, "contact.obligation.kind.")
			.text("description", sent.description(), this.description)
			.text("agency", sent.agency(), this.agency)
			.value("dueOn", sent.dueOn(), this.dueOn)
			.code("status", sent.status(), this.status, "contact.obligation.status.")
			.conflict(this.version);
	}

	boolean open() {
		return this.status.open();
	}

	/** Open and due within {@link #DUE_SOON_DAYS} days of the day (or overdue). */
	boolean dueSoon(LocalDate today) {
		return open() && this.dueOn != null && !this.dueOn.isAfter(today.plusDays(DUE_SOON_DAYS));
	}

	/** Open and past its day. */
	boolean overdue(LocalDate today) {
		return open() && this.dueOn != null && this.dueOn.isBefore(today);
	}

	private static void check(Terms terms) {
		List<DomainException> errors = new ArrayList<>();
		if (terms.kind() == null) {
			errors.add(new DomainException("kind", "contact.obligation.kind.required"));
		}
		String description = Contacts.trimmed(terms.description());
		if (description == null) {
			errors.add(new DomainException("description", "contact.obligation.description.required"));
		}
		else if (description.length() > DESCRIPTION_MAX) {
			errors.add(new DomainException("description", "contact.obligation.description.tooLong", DESCRIPTION_MAX));
		}
		String agency = Contacts.trimmed(terms.agency());
		if (agency != null && agency.length() > AGENCY_MAX) {
			errors.add(new DomainException("agency", "contact.obligation.agency.tooLong", AGENCY_MAX));
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

	ObligationKind kind() {
		return this.kind;
	}

	String description() {
		return this.description;
	}

	String agency() {
		return this.agency;
	}

	LocalDate dueOn() {
		return this.dueOn;
	}

	ObligationStatus status() {
		return this.status;
	}

	int version() {
		return this.version;
	}

	/**
	 * What an obligation says: {@code status} {@code null} on a new one means to do.
	 */
	record Terms(ObligationKind kind, String description, String agency, LocalDate dueOn, ObligationStatus status) {
	}

}
