package nl.vangnet.access;

/**
 * What was done to client data, or to an account's session.
 */
public enum AccessAction {

	VIEW, VIEW_SHARED, SEARCH, CREATE, UPDATE, EXPORT, IMPORT, DELETE, OPEN_CONFIDENTIAL, VIEW_TRAIL, SIGN_IN,
	SIGN_IN_FAILED, SIGN_IN_THROTTLED, SIGN_OUT,
	/** A second factor of an account was enrolled (subject: the account). */
	FACTOR_ENROLLED,
	/**
	 * An administrator removed every second factor of an account (subject: the account).
	 */
	FACTORS_RESET

}
