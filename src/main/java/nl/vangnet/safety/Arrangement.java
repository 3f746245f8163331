package nl.vangnet.safety;

/**
 * A child's contact arrangement with the other parent (omgangsregeling): supervised,
 * suspended, as the parents agreed, or no contact at all.
 */
enum Arrangement {

	SUPERVISED, SUSPENDED, AS_AGREED, NONE

}
