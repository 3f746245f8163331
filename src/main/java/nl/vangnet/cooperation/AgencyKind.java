package nl.vangnet.cooperation;

/**
 * What kind of agency is involved with the family (seed 003): the benefits office, the
 * tax office's allowances (Toeslagen), debt help, the housing corporation, a school,
 * youth care, …
 */
public enum AgencyKind {

	BENEFITS, TAX_ALLOWANCES, DEBT_HELP, HOUSING, SCHOOL, YOUTH_CARE, HEALTH, EMPLOYMENT, CREDITOR, LEGAL, OTHER

}
