package nl.vangnet.household;

import java.time.LocalDate;
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
	 * {@code name} and {@code birthDate} are {@code null} when unknown.
	 */
	public record FamilyMember(UUID id, String ref, String role, String name, LocalDate birthDate) {

		public FamilyMember(UUID id, String ref, String role, String name) {
			this(id, ref, role, name, null);
		}

	}

}
