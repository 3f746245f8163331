package nl.vangnet.network;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A client's network map on a date, with its contacts; the unit of optimistic locking.
 */
record Snapshot(UUID id, UUID householdId, UUID memberId, LocalDate drawnOn, String label, UUID copiedFrom, int version,
		List<Contact> contacts) {

	Snapshot {
		contacts = List.copyOf(contacts);
	}

	List<Contact> supportive() {
		return this.contacts.stream().filter(Contact::supportive).toList();
	}

	public List<Contact> dangers() {
		return this.contacts.stream().filter(Contact::danger).toList();
	}

	long count(Contact.Closeness closeness) {
		return supportive().stream().filter((c) -> c.closeness() == closeness).count();
	}

	long countCovering(String domain) {
		return this.contacts.stream().filter((c) -> c.covers(domain)).count();
	}

}
