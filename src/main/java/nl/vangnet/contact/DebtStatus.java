package nl.vangnet.contact;

/**
 * Where a debt stands: open, under a payment arrangement, in debt counselling
 * (schuldhulpverlening) or paid off.
 */
public enum DebtStatus {

	OPEN, ARRANGEMENT, DEBT_COUNSELLING, PAID_OFF

}
