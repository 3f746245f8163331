package nl.vangnet.household;

/**
 * How the family found the organisation (seed 004, Tabel 3.1; vangnet-household/1
 * {@code referralSource}).
 */
public enum ReferralSource {

	ORGANISATION_ACTIVITY_ADULTS, ORGANISATION_ACTIVITY_CHILDREN, SOCIETAL_ORGANISATION, PROFESSIONAL_ORGANISATION,
	OWN_NETWORK, OTHER, UNKNOWN

}
