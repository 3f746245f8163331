package nl.vangnet.contact;

/**
 * What a family has to do for an agency.
 */
public enum ObligationKind {

	LETTER, FORM, APPOINTMENT, BENEFIT_RENEWAL, PAYMENT, OTHER

}
