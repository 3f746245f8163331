package nl.vangnet.network;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The gaps in a network: life domains where help is needed (open help questions and
 * active plan goals) that no supportive contact covers.
 */
final class Gaps {

	private Gaps() {
	}

	/**
	 * The needed domains that none of the contacts covers; a contact marked as a danger
	 * never covers a gap.
	 * @see Contact#covers(String)
	 */
	static SortedSet<String> of(Collection<String> neededDomains, Collection<Contact> contacts) {
		SortedSet<String> gaps = new TreeSet<>();
		for (String domain : neededDomains) {
			if (contacts.stream().noneMatch((contact) -> contact.covers(domain))) {
				gaps.add(domain);
			}
		}
		return gaps;
	}

}
