package nl.vangnet.safety;

/**
 * The family pattern behind the violence (seed 001, after Verwey-Jonker 2020), or
 * unknown.
 */
enum SafetyPattern {

	INTIMATE_TERRORISM, FAMILY_UNDER_STRESS, LONG_TERM_CARE, CHILD_BEHAVIOUR_AND_PARENTING_STRESS,
	COMPLEX_CONFLICT_DIVORCE, UNKNOWN

}
