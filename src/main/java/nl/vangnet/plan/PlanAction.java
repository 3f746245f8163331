package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.UUID;

import nl.vangnet.platform.DomainException;

/**
 * What someone does towards a goal, who does it and by when: the family member
 * themselves, someone from their network, a professional, a volunteer or a partner
 * organisation.
 */
final class PlanAction {

	static final int NAME_MAX = 200;

	private final UUID id;

	private final UUID goalId;

	private final UUID householdId;

	private String description;

	private ActionActor actor;

	private String actorName;

	private UUID partnerId;

	private LocalDate dueOn;

	private ActionStatus status;

	private final int version;

	PlanAction(UUID id, UUID goalId, UUID householdId, String description, ActionActor actor, String actorName,
			UUID partnerId, LocalDate dueOn, ActionStatus status, int version) {
		this.id = id;
		this.goalId = goalId;
		this.householdId = householdId;
		this.description = description;
		this.actor = actor;
		this.actorName = actorName;
		this.partnerId = partnerId;
		this.dueOn = dueOn;
		this.status = status;
		this.version = version;
	}

	static PlanAction plan(UUID goalId, UUID householdId, String description, ActionActor actor, String actorName,
			UUID partnerId, LocalDate dueOn) {
		PlanAction action = new PlanAction(UUID.randomUUID(), goalId, householdId, null, null, null, null, null,
				ActionStatus.PLANNED, 0);
		action.change(description, actor, actorName, partnerId, dueOn, ActionStatus.PLANNED);
		return action;
	}

	/**
	 * Changes what is done, by whom and by when. A partner from the who-does-what map
	 * ({@code newPartnerId}, checked by the caller against the map of the region) acts
	 * only when the actor is {@link ActionActor#PARTNER}.
	 */
	void change(String newDescription, ActionActor newActor, String newActorName, UUID newPartnerId, LocalDate newDueOn,
			ActionStatus newStatus) {
		String text = (newDescription != null) ? newDescription.strip() : "";
		if (text.isEmpty()) {
			throw new DomainException("description", "planAction.description.required");
		}
		if (text.length() > Goal.TEXT_MAX) {
			throw new DomainException("description", "plan.text.tooLong", Goal.TEXT_MAX);
		}
		if (newActor == null) {
			throw new DomainException("actor", "planAction.actor.required");
		}
		String name = (newActorName != null && !newActorName.isBlank()) ? newActorName.strip() : null;
		if (name != null && name.length() > NAME_MAX) {
			throw new DomainException("actorName", "plan.text.tooLong", NAME_MAX);
		}
		if (newPartnerId != null && newActor != ActionActor.PARTNER) {
			throw new DomainException("partner", "planAction.partner.notPartner");
		}
		if (newStatus == null) {
			throw new DomainException("status", "planAction.status.required");
		}
		this.description = text;
		this.actor = newActor;
		this.actorName = name;
		this.partnerId = newPartnerId;
		this.dueOn = newDueOn;
		this.status = newStatus;
	}

	UUID id() {
		return this.id;
	}

	UUID goalId() {
		return this.goalId;
	}

	UUID householdId() {
		return this.householdId;
	}

	String description() {
		return this.description;
	}

	ActionActor actor() {
		return this.actor;
	}

	String actorName() {
		return this.actorName;
	}

	/** The partner from the who-does-what map who acts, or {@code null}. */
	UUID partnerId() {
		return this.partnerId;
	}

	LocalDate dueOn() {
		return this.dueOn;
	}

	ActionStatus status() {
		return this.status;
	}

	int version() {
		return this.version;
	}

}
