package nl.vangnet.platform.staff;

/**
 * Whether staff must use a second factor (a TOTP authenticator app or a passkey) after
 * their password: for the installation ({@code VANGNET_SECOND_FACTOR}) and, where an
 * administrator set it, for one organisation.
 */
public enum SecondFactor {

	/** Every account that sees client data, and every administrator, uses one. */
	REQUIRED,

	/** Whoever enrolled one uses it; nobody must. */
	OPTIONAL

}
