package nl.vangnet.network;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of the network: the gaps of a client's latest map, for the
 * domains of open help questions plus the ones they know of (such as plan goals).
 */
@Service
@Transactional
public class NetworkApi {

	private final NetworkManagement management;

	private final NetworkRepository repository;

	NetworkApi(NetworkManagement management, NetworkRepository repository) {
		this.management = management;
		this.repository = repository;
	}

	/**
	 * Life-domain codes that are needed (open help questions of the client and
	 * {@code alsoNeeded}) but covered by no supportive contact of the latest snapshot. A
	 * contact marked as a danger never covers a gap.
	 */
	public SortedSet<String> gaps(UUID memberId, Collection<String> alsoNeeded) {
		Set<String> needed = new HashSet<>(this.management.neededDomains(memberId));
		needed.addAll(alsoNeeded);
		List<SnapshotSummary> snapshots = this.repository.snapshots(memberId);
		List<Contact> contacts = snapshots.isEmpty() ? List.of()
				: this.repository.snapshot(snapshots.get(snapshots.size() - 1).id()).orElseThrow().contacts();
		return Gaps.of(needed, contacts);
	}

}
