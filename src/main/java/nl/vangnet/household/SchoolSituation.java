package nl.vangnet.household;

/**
 * Whether the children of school age go to school, at departure and at a follow-up check
 * (issue 15, item 3). Not given: unknown.
 */
public enum SchoolSituation {

	ALL_AT_SCHOOL, NOT_ALL_AT_SCHOOL, NO_SCHOOL_AGE_CHILDREN

}
