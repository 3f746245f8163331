package nl.vangnet.account;

/**
 * Names of what Vangnet keeps in a signed-in session.
 */
final class Sessions {

	static final String SIGNED_IN_AT = "vangnet.signedInAt";

	static final String LAST_SEEN = "vangnet.lastSeen";

	static final String MUST_CHANGE_PASSWORD = "vangnet.mustChangePassword";

	/**
	 * What a password sign-in still needs before the session is signed in:
	 * {@link SecondFactorStep#CODE} or {@link SecondFactorStep#ENROL}; absent when
	 * nothing.
	 */
	static final String SECOND_FACTOR_STEP = "vangnet.secondFactorStep";

	/** The account whose password was right, while a second step is pending. */
	static final String SECOND_FACTOR_ACCOUNT = "vangnet.secondFactorAccount";

	/**
	 * When the signed-in person last proved who they are (sign-in or re-authentication),
	 * in epoch milliseconds.
	 */
	static final String LAST_CHECKED_AT = "vangnet.lastCheckedAt";

	/** Where the re-authentication page returns to (a path of this application). */
	static final String REAUTHENTICATION_CONTINUE = "vangnet.reauthenticationContinue";

	private Sessions() {
	}

}
