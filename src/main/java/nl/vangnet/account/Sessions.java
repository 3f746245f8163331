package nl.vangnet.account;

/**
 * Names of what Vangnet keeps in a signed-in session.
 */
final class Sessions {

	static final String SIGNED_IN_AT = "vangnet.signedInAt";

	static final String LAST_SEEN = "vangnet.lastSeen";

	static final String MUST_CHANGE_PASSWORD = "vangnet.mustChangePassword";

	private Sessions() {
	}

}
