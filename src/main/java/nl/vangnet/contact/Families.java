package nl.vangnet.contact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.account.AccountApi;
import nl.vangnet.account.StaffMember;
import nl.vangnet.household.Family;
import nl.vangnet.household.FamilyTrajectory;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.platform.NotFoundException;

import org.springframework.stereotype.Component;

/**
 * What this module reads of households, through {@link HouseholdApi}: whether the actor
 * may see the family (a volunteer only a family they are involved in), its name, members
 * and trajectories; and the names of the organisation's staff through {@link AccountApi}.
 */
@Component
class Families {

	private final HouseholdApi households;

	private final AccountApi accounts;

	Families(HouseholdApi households, AccountApi accounts) {
		this.households = households;
		this.accounts = accounts;
	}

	/**
	 * The family, if the actor may see it.
	 * @throws NotFoundException when the household does not exist for the actor
	 */
	Family require(UUID householdId) {
		return this.households.family(HouseholdId.of(householdId));
	}

	/** Whose network a household-level check counts: the main contact (else a parent). */
	java.util.Optional<nl.vangnet.household.MemberId> mainContact(UUID householdId) {
		return require(householdId).mainContactId();
	}

	String name(UUID householdId) {
		return require(householdId).name();
	}

	/**
	 * The members by id, with their name (or their reference when no name is known).
	 */
	Map<UUID, String> members(UUID householdId) {
		return members(require(householdId));
	}

	static Map<UUID, String> members(Family family) {
		Map<UUID, String> members = new LinkedHashMap<>();
		for (Family.FamilyMember member : family.members()) {
			members.put(member.id(), (member.name() != null) ? member.name() : member.ref());
		}
		return members;
	}

	/**
	 * The household's trajectories in the order they started.
	 */
	List<FamilyTrajectory> trajectories(UUID householdId) {
		return require(householdId).trajectories();
	}

	/**
	 * Whom the family calls (issue 18): the fixed contact person of its latest trajectory
	 * and her work phone, else the organisation's general number. Never an address.
	 */
	nl.vangnet.account.FamilyContact contact(UUID householdId) {
		Family family = require(householdId);
		List<FamilyTrajectory> trajectories = family.trajectories();
		UUID contactPerson = trajectories.isEmpty() ? null : trajectories.get(trajectories.size() - 1).contactPerson();
		return this.accounts.familyContact(family.organisationId(), contactPerson);
	}

	Map<UUID, String> staffNames(UUID organisationId) {
		Map<UUID, String> names = new LinkedHashMap<>();
		for (StaffMember member : this.accounts.staff(organisationId)) {
			names.put(member.id(), member.displayName());
		}
		return names;
	}

}
