package nl.vangnet.plan;

/**
 * Where an action of the plan stands.
 */
public enum ActionStatus {

	PLANNED, IN_PROGRESS, DONE, NOT_DONE

}
