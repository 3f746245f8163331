package nl.vangnet.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;

/**
 * A client's network map on a date with its contacts: the aggregate, and the unit of
 * optimistic locking. It is drawn as a copy of an earlier snapshot (the copied contacts
 * keep their identity, {@link Contact#key()}), and changed one contact at a time, each
 * change over the version it was read at.
 */
final class NetworkSnapshot {

	static final int LABEL_MAX = 200;

	private final UUID id;

	private final UUID organisationId;

	private final UUID householdId;

	private final UUID memberId;

	private final LocalDate drawnOn;

	private final String label;

	private final UUID copiedFrom;

	private final int version;

	private final List<Contact> contacts;

	NetworkSnapshot(UUID id, UUID organisationId, UUID householdId, UUID memberId, LocalDate drawnOn, String label,
			UUID copiedFrom, int version, List<Contact> contacts) {
		this.id = id;
		this.organisationId = organisationId;
		this.householdId = householdId;
		this.memberId = memberId;
		this.drawnOn = drawnOn;
		this.label = label;
		this.copiedFrom = copiedFrom;
		this.version = version;
		this.contacts = new ArrayList<>(contacts);
	}

	/**
	 * Draws the client's network on a day as a copy of {@code source} ({@code null}: an
	 * empty map); the copies keep the contacts' identity.
	 * @throws DomainException when the label is too long
	 */
	static NetworkSnapshot draw(Client client, LocalDate on, String label, NetworkSnapshot source) {
		if (label != null && label.length() > LABEL_MAX) {
			throw new DomainException("label", "network.snapshot.label.tooLong", LABEL_MAX);
		}
		List<Contact> contacts = new ArrayList<>();
		if (source != null) {
			source.contacts.forEach((c) -> contacts
				.add(new Contact(UUID.randomUUID(), c.key(), c.name(), c.relation(), c.closeness(), c.tie(),
						c.support(), c.domains(), c.reciprocity(), c.socialCapital(), c.danger(), c.note())));
		}
		return new NetworkSnapshot(UUID.randomUUID(), client.organisationId(), client.householdId(), client.memberId(),
				on, label, (source != null) ? source.id : null, 0, contacts);
	}

	/**
	 * Refuses a change to a version someone else has changed since, with what
	 * {@code whatDiffers} finds between the change and the snapshot now.
	 * @throws ConflictException when {@code readVersion} is not the current one
	 */
	void expectVersion(int readVersion, Function<Snapshot, Differences> whatDiffers) {
		if (readVersion != this.version) {
			throw whatDiffers.apply(view()).conflict(this.version);
		}
	}

	/**
	 * The contact in this snapshot.
	 * @throws NotFoundException when it is not on this map
	 */
	Contact contact(UUID contactId) {
		return this.contacts.stream()
			.filter((c) -> c.id().equals(contactId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("contact"));
	}

	void add(Contact contact) {
		this.contacts.add(contact);
	}

	/**
	 * Puts the contact's new description in its place (same id and key).
	 */
	void redescribe(Contact after) {
		Contact before = contact(after.id());
		this.contacts.set(this.contacts.indexOf(before), after);
	}

	/** Moves a contact to another circle (a drag on the map, or the table's form). */
	void move(UUID contactId, Contact.Closeness to) {
		Contact before = contact(contactId);
		this.contacts.set(this.contacts.indexOf(before), before.withCloseness(to));
	}

	void remove(UUID contactId) {
		this.contacts.remove(contact(contactId));
	}

	/**
	 * The snapshot as it reads, at {@code version}.
	 */
	Snapshot view(int version) {
		return new Snapshot(this.id, this.householdId, this.memberId, this.drawnOn, this.label, this.copiedFrom,
				version, this.contacts);
	}

	Snapshot view() {
		return view(this.version);
	}

	UUID id() {
		return this.id;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	UUID householdId() {
		return this.householdId;
	}

	UUID memberId() {
		return this.memberId;
	}

	LocalDate drawnOn() {
		return this.drawnOn;
	}

	String label() {
		return this.label;
	}

	UUID copiedFrom() {
		return this.copiedFrom;
	}

	int version() {
		return this.version;
	}

	List<Contact> contacts() {
		return List.copyOf(this.contacts);
	}

}
