package nl.vangnet.household;

/**
 * Where she went when the stay or trajectory ended (issue 15, item 3).
 */
public enum Destination {

	OWN_HOME, SOCIAL_HOUSING, FAMILY_OR_FRIENDS, OTHER_SHELTER, SUPPORTED_HOUSING, BACK_WITH_PARTNER, ABROAD, OTHER,
	UNKNOWN

}
