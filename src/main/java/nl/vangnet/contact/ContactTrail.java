package nl.vangnet.contact;

import java.util.List;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.platform.staff.Staff;

import org.springframework.stereotype.Component;

/**
 * Writes every view and change of a family's contacts, time, obligations and debts to the
 * access trail, with the household as the subject, in the transaction of the work itself.
 */
@Component
class ContactTrail {

	private final AccessTrail trail;

	ContactTrail(AccessTrail trail) {
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
	 * A list showed these households: one row with their ids (none when it showed
	 * nothing).
	 */
	void searched(Staff actor, List<UUID> householdIds) {
		if (householdIds.isEmpty()) {
			return;
		}
		if (actor.isSystem()) {
			this.trail.recordSystem(actor.organisationId(), AccessAction.SEARCH,
					AccessSubject.households(householdIds));
		}
		else {
			this.trail.record(AccessAction.SEARCH, AccessSubject.households(householdIds));
		}
	}

}
