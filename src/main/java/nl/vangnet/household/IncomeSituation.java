package nl.vangnet.household;

/**
 * Her main income at departure and at a follow-up check (issue 15, item 3). Not given:
 * unknown.
 */
public enum IncomeSituation {

	WORK, BENEFITS, OTHER, NONE

}
