package nl.vangnet.household;

import java.util.Map;
import java.util.UUID;

/**
 * A household as stored, for the modules that keep sections of its document: its id, its
 * organisation and its members' ids by their reference in the document ({@code m1}, …).
 */
public record StoredHousehold(UUID id, UUID organisationId, Map<String, UUID> memberIds) {

	public StoredHousehold {
		memberIds = Map.copyOf(memberIds);
	}

	/**
	 * The id of the member with the reference, or {@code null} for a {@code null}
	 * reference (the household as a whole).
	 * @throws IllegalArgumentException for a reference the household does not have
	 */
	public UUID memberId(String ref) {
		if (ref == null) {
			return null;
		}
		UUID id = this.memberIds.get(ref);
		if (id == null) {
			throw new IllegalArgumentException("No member " + ref);
		}
		return id;
	}

	/**
	 * The reference of the member, or {@code null} for {@code null} (the household as a
	 * whole) or a member that is no longer in the household.
	 */
	public String ref(UUID memberId) {
		if (memberId == null) {
			return null;
		}
		return this.memberIds.entrySet()
			.stream()
			.filter((e) -> e.getValue().equals(memberId))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

}
