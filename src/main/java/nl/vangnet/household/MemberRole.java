package nl.vangnet.household;

/**
 * What a member is in the household. Every child is a client in its own right.
 */
public enum MemberRole {

	PARENT, CHILD, OTHER_ADULT

}
