package nl.vangnet.network;

import java.util.UUID;

/**
 * A client whose network is drawn: one member of a household.
 *
 * @param name given and family name, or {@code null} when not registered
 * @param role PARENT, CHILD or OTHER_ADULT
 */
record Client(UUID memberId, UUID householdId, UUID organisationId, String name, String ref, String role) {

	public String label() {
		return (this.name != null) ? this.name : this.ref;
	}

}
