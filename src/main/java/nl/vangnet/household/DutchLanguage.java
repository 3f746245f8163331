package nl.vangnet.household;

/**
 * How the main contact's Dutch works in a conversation.
 */
public enum DutchLanguage {

	GOOD_OR_SUFFICIENT, HAMPERS_CONVERSATION, UNKNOWN

}
