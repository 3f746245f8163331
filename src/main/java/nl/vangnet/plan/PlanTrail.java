package nl.vangnet.plan;

import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.platform.staff.Staff;

import org.springframework.stereotype.Component;

/**
 * Writes every view, change and export of a family's questions, plan and progress to the
 * access trail, with the household as subject, in the transaction of the work itself.
 */
@Component
class PlanTrail {

	private final AccessTrail trail;

	PlanTrail(AccessTrail trail) {
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

}
