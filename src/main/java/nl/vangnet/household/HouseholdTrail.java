package nl.vangnet.household;

import java.util.Collection;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.platform.staff.Staff;

import org.springframework.stereotype.Component;

/**
 * Writes every view, search and change of a household to the access trail, in the
 * transaction of the work itself.
 */
@Component
class HouseholdTrail {

	private final AccessTrail trail;

	HouseholdTrail(AccessTrail trail) {
		this.trail = trail;
	}

	void record(Staff actor, AccessAction action, UUID householdId) {
		if (actor.isSystem()) {
			this.trail.recordSystem(actor.organisationId(), action, AccessSubject.household(householdId));
		}
		else {
			this.trail.record(action, AccessSubject.household(householdId));
		}
	}

	/**
	 * A list or search showed these households: one row with their ids (none when it
	 * showed nothing).
	 */
	void searched(Staff actor, Collection<UUID> householdIds) {
		if (householdIds.isEmpty()) {
			return;
		}
		AccessSubject shown = AccessSubject.households(householdIds);
		if (actor.isSystem()) {
			this.trail.recordSystem(actor.organisationId(), AccessAction.SEARCH, shown);
		}
		else {
			this.trail.record(AccessAction.SEARCH, shown);
		}
	}

}
