package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A household as other modules see it: its name, its members and its trajectories,
 * nothing confidential. A page that shows several parts of one family reads it once and
 * hands it on.
 *
 * @param name the main contact's name (or another member's); {@code null} when unknown
 * @param closed whether the household is closed
 * @param trajectories its trajectories in the order they started
 * @param mainContact whose network and outcome a household-level question is about: the
 * main contact, else the first parent, else the first member; {@code null} without
 * members
 */
public record Family(UUID id, UUID organisationId, String name, List<FamilyMember> members, boolean closed,
		List<FamilyTrajectory> trajectories, MemberId mainContact) {

	public Family {
		members = List.copyOf(members);
		trajectories = List.copyOf(trajectories);
	}

	/** Whose network and outcome a household-level question is about, if anyone's. */
	public Optional<MemberId> mainContactId() {
		return Optional.ofNullable(this.mainContact);
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
