package nl.vangnet.household;

import java.util.List;
import java.util.UUID;

/**
 * A household as other modules see it: its name and its members, nothing confidential.
 *
 * @param name the main contact's name (or another member's); {@code null} when unknown
 * @param closed whether the household is closed
 */
public record Family(UUID id, UUID organisationId, String name, List<FamilyMember> members, boolean closed) {

	public Family {
		members = List.copyOf(members);
	}

	/**
	 * One member: {@code role} is {@code PARENT}, {@code CHILD} or {@code OTHER_ADULT};
	 * {@code name} is {@code null} when unknown.
	 */
	public record FamilyMember(UUID id, String ref, String role, String name) {
	}

}
