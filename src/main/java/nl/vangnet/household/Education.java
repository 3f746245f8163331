package nl.vangnet.household;

/**
 * The main contact's education: below the start qualification (none, primary, lower
 * secondary), the start qualification (MBO), higher (HBO, WO).
 */
public enum Education {

	BELOW_START_QUALIFICATION, START_QUALIFICATION, HIGHER, UNKNOWN

}
