package nl.vangnet.cooperation;

/**
 * What kind of partner (EXCHANGE.md section 3).
 */
public enum PartnerKind {

	NEIGHBOURHOOD_TEAM, SHELTER, DEBT_HELP, BENEFITS, HOUSING, HEALTH, SCHOOL, YOUTH_CARE, SAFE_HOME, LANGUAGE,
	FOOD_BANK, FAITH, FUND, LEGAL, INFORMAL, OTHER

}
