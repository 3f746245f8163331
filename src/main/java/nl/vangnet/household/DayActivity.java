package nl.vangnet.household;

/**
 * What the main contact does during the day; more than one may apply, none known means
 * unknown.
 */
public enum DayActivity {

	CARE_FOR_CHILDREN, WORK, VOLUNTEER_WORK, EDUCATION

}
