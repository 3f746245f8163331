package nl.vangnet.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.vangnet.household.MemberId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may do with a client's network, for the current tenant scope (a
 * signed-in coordinator or professional, or the system working for one organisation, such
 * as the demo). Every change is in the access trail. It is also the network module's side
 * of {@link nl.vangnet.household.NetworkMaps}, for the modules that may not depend on
 * this one.
 */
@Service
@Transactional
public class NetworkApi implements nl.vangnet.household.NetworkMaps {

	private final NetworkManagement network;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	NetworkApi(NetworkManagement network, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.network = network;
		this.jdbc = jdbc;
	}

	/**
	 * The contacts on the latest network map of each member of the household (as far as
	 * the current tenant scope sees them), with their danger mark: for another module
	 * that lets a worker pick people from her map (never a danger-marked one) or link
	 * something to a danger-marked contact. Not in the access trail: the caller records
	 * what it shows.
	 */
	@Transactional(readOnly = true)
	public List<MapContact> latestContacts(nl.vangnet.household.HouseholdId household) {
		return this.jdbc.sql("""
				select c.contact_key, s.member_id, c.name, c.relation, c.danger
				from network_contact c join network_snapshot s on s.id = c.snapshot_id
				where s.household_id = :household and s.id = (select l.id from network_snapshot l
				  where l.member_id = s.member_id order by l.drawn_on desc, l.created_at desc limit 1)
				order by s.member_id, c.position
				""")
			.param("household", household.value())
			.query((rs, row) -> new MapContact(rs.getObject("contact_key", java.util.UUID.class),
					new MemberId(rs.getObject("member_id", java.util.UUID.class)), rs.getString("name"),
					rs.getString("relation"), rs.getBoolean("danger")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<LatestMap> latest(MemberId member) {
		return this.network.latest(member.value()).map(NetworkApi::map);
	}

	@Override
	public LatestMap quickUpdate(MemberId member, LocalDate on, java.util.Set<java.util.UUID> removed,
			List<NewPerson> added) {
		List<ContactInput> inputs = added.stream()
			.map((p) -> new ContactInput(p.name(), p.relation(), Contact.Closeness.MIDDLE.name(),
					Contact.Tie.STRONG.name(),
					(p.support() == null || p.support().isBlank()) ? List.of() : List.of(p.support().strip()),
					List.of(), null, null, false, null))
			.toList();
		return map(this.network.quickUpdate(member.value(), on, removed, inputs));
	}

	private static LatestMap map(Snapshot snapshot) {
		return new LatestMap(snapshot.drawnOn(),
				snapshot.contacts()
					.stream()
					.map((c) -> new Person(c.key(), c.name(), c.relation().name(), c.closeness().name(),
							c.support().stream().map(Enum::name).sorted().toList(), c.danger()))
					.toList());
	}

	/**
	 * A contact on a member's latest map: {@code key} names the same person in every
	 * snapshot; {@code relation} is a code as in {@link NetworkContact}.
	 */
	public record MapContact(java.util.UUID key, MemberId member, String name, String relation, boolean danger) {
	}

	/**
	 * Draws a snapshot of the client's network on a date: a copy of the latest snapshot
	 * (empty for the first), with the contacts named in {@code moved} moved to another
	 * circle ({@code INNER}, {@code MIDDLE}, {@code OUTER}) and the {@code added} ones
	 * added. Returns the snapshot's id.
	 * @throws nl.vangnet.platform.DomainErrors when a contact breaks the rules
	 */
	public SnapshotId drawSnapshot(MemberId memberId, LocalDate on, String label, List<NetworkContact> added,
			Map<String, String> moved) {
		Snapshot snapshot = this.network.startSnapshot(memberId.value(), on, label, null);
		for (Map.Entry<String, String> move : moved.entrySet()) {
			Contact contact = snapshot.contacts()
				.stream()
				.filter((c) -> c.name().equals(move.getKey()))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No contact " + move.getKey()));
			snapshot = this.network.moveContact(snapshot.id(), snapshot.version(), contact.id(), move.getValue());
		}
		for (NetworkContact contact : added) {
			snapshot = this.network.addContact(snapshot.id(), snapshot.version(),
					new ContactInput(contact.name(), contact.relation(), contact.closeness(), contact.tie(),
							contact.support(), contact.domains(), contact.reciprocity(), contact.socialCapital(),
							contact.danger(), contact.note()));
		}
		return new SnapshotId(snapshot.id());
	}

	/**
	 * Places the client in the integration safety net on a date: weights for government,
	 * help and services, and society summing to 100.
	 */
	public void placeInTriangle(MemberId memberId, LocalDate on, int government, int services, int society,
			String note) {
		this.network.place(memberId.value(), on, government, services, society, false, note);
	}

	/**
	 * Records the next step of the five-step plan on a domain (evaluating, the fifth,
	 * starts a new snapshot).
	 */
	public void recordPlanStep(MemberId memberId, String domain, LocalDate on, String note) {
		this.network.recordStep(memberId.value(), domain, on, note);
	}

	/**
	 * A contact on a network map, with codes as text: {@code relation} (FAMILY, PARTNER,
	 * EX_PARTNER, FRIEND, NEIGHBOUR, FELLOW_RESIDENT, VOLUNTEER_BUDDY, PROFESSIONAL,
	 * ORGANISATION, OTHER), {@code closeness} (INNER, MIDDLE, OUTER), {@code tie}
	 * (STRONG, WEAK), {@code support} (EMOTIONAL, PRACTICAL, INFORMATION, FINANCIAL,
	 * CHILDCARE, COMPANY), {@code domains} (codes of the organisation's framework),
	 * {@code reciprocity} (GIVES, RECEIVES, BOTH), {@code socialCapital} (BONDING,
	 * BRIDGING); {@code danger} marks a danger such as a violent ex-partner.
	 */
	public record NetworkContact(String name, String relation, String closeness, String tie, List<String> support,
			List<String> domains, String reciprocity, String socialCapital, boolean danger, String note) {
	}

}
