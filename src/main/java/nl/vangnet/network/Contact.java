package nl.vangnet.network;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One person or organisation on a client's network map.
 *
 * @param id this contact in this snapshot
 * @param key the same contact in every snapshot (kept when a snapshot is copied)
 * @param domains codes of the organisation's life-domain framework it helps with
 * @param danger a danger to the client (a violent ex-partner): shown unmistakably, never
 * counted or suggested as support
 */
record Contact(UUID id, UUID key, String name, Relation relation, Closeness closeness, Tie tie, Set<Support> support,
		List<String> domains, Reciprocity reciprocity, SocialCapital socialCapital, boolean danger, String note) {

	Contact {
		support = Set.copyOf(support);
		domains = List.copyOf(domains);
	}

	/** Whether the contact counts as support at all: a danger never does. */
	boolean supportive() {
		return !this.danger;
	}

	/**
	 * Whether this contact supports the client on the domain: it helps with the domain
	 * itself, with its parent domain, or with one of its sub-domains, and is no danger.
	 */
	boolean covers(String domain) {
		if (!supportive()) {
			return false;
		}
		for (String own : this.domains) {
			if (own.equals(domain) || own.equals(parent(domain)) || domain.equals(parent(own))) {
				return true;
			}
		}
		return false;
	}

	Contact withCloseness(Closeness closeness) {
		return new Contact(this.id, this.key, this.name, this.relation, closeness, this.tie, this.support, this.domains,
				this.reciprocity, this.socialCapital, this.danger, this.note);
	}

	static String parent(String code) {
		int dot = code.indexOf('.');
		return (dot < 0) ? null : code.substring(0, dot);
	}

	enum Relation {

		FAMILY, PARTNER, EX_PARTNER, FRIEND, NEIGHBOUR, FELLOW_RESIDENT, VOLUNTEER_BUDDY, PROFESSIONAL, ORGANISATION,
		OTHER

	}

	/** The experienced distance: the circle the contact is drawn in. */
	enum Closeness {

		INNER, MIDDLE, OUTER

	}

	enum Tie {

		STRONG, WEAK

	}

	enum Support {

		EMOTIONAL, PRACTICAL, INFORMATION, FINANCIAL, CHILDCARE, COMPANY

	}

	enum Reciprocity {

		GIVES, RECEIVES, BOTH

	}

	/** Bonding: people alike; bridging: a contact into other social worlds. */
	enum SocialCapital {

		BONDING, BRIDGING

	}

}
