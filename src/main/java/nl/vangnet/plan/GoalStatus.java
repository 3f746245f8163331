package nl.vangnet.plan;

/**
 * Where a goal of the plan stands: worked on, reached, or stopped (no longer the family's
 * goal).
 */
public enum GoalStatus {

	ACTIVE, ACHIEVED, STOPPED

}
