package nl.vangnet.account;

/**
 * What a sign-in with the right password still needs, kept in the session (so that any
 * node continues it).
 */
enum SecondFactorStep {

	/** A code of the enrolled authenticator app, a recovery code or a passkey. */
	CODE,

	/** The account must use a second factor and has none yet: enrol one first. */
	ENROL

}
