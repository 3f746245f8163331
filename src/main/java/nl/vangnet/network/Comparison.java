package nl.vangnet.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * Two snapshots of one client side by side (say intake and now): who came and who went,
 * how many supportive contacts per circle and per life domain, and the gaps of each.
 *
 * @param added contacts in {@code to} that were not in {@code from} (matched by their
 * stable key)
 * @param lost contacts in {@code from} that are no longer in {@code to}
 */
record Comparison(SnapshotSummary from, SnapshotSummary to, List<Contact> added, List<Contact> lost,
		List<Count> circles, List<Count> domains, List<Labelled> gapsFrom, List<Labelled> gapsTo,
		List<Labelled> needed) {

	/** How many supportive contacts; dangers are never counted. */
	record Count(String code, String label, long from, long to) {
	}

	record Labelled(String code, String label) {
	}

	static Comparison of(Snapshot from, Snapshot to, SnapshotSummary fromSummary, SnapshotSummary toSummary,
			Collection<String> domainCodes, Collection<String> needed, Function<String, String> label) {
		Set<java.util.UUID> fromKeys = new java.util.HashSet<>();
		from.contacts().forEach((c) -> fromKeys.add(c.key()));
		Set<java.util.UUID> toKeys = new java.util.HashSet<>();
		to.contacts().forEach((c) -> toKeys.add(c.key()));
		List<Contact> added = to.contacts().stream().filter((c) -> !fromKeys.contains(c.key())).toList();
		List<Contact> lost = from.contacts().stream().filter((c) -> !toKeys.contains(c.key())).toList();
		List<Count> circles = new ArrayList<>();
		for (Contact.Closeness closeness : Contact.Closeness.values()) {
			circles.add(new Count(closeness.name(), null, from.count(closeness), to.count(closeness)));
		}
		Set<String> domains = new LinkedHashSet<>(domainCodes);
		domains.addAll(needed);
		List<Count> perDomain = new ArrayList<>();
		for (String domain : domains) {
			perDomain.add(new Count(domain, label.apply(domain), from.countCovering(domain), to.countCovering(domain)));
		}
		return new Comparison(fromSummary, toSummary, added, lost, circles, perDomain,
				labelled(Gaps.of(needed, from.contacts()), label), labelled(Gaps.of(needed, to.contacts()), label),
				labelled(new java.util.TreeSet<>(needed), label));
	}

	private static List<Labelled> labelled(SortedSet<String> codes, Function<String, String> label) {
		return codes.stream().map((code) -> new Labelled(code, label.apply(code))).toList();
	}

}
