package nl.vangnet.contact;

/**
 * How a contact moment took place. An outreach attempt is knocking on the door (or
 * calling) to get in touch; it may or may not reach the family.
 */
public enum Channel {

	HOME_VISIT, OFFICE, PHONE, MESSAGE, WALK_IN, OUTREACH_ATTEMPT, GROUP_ACTIVITY

}
