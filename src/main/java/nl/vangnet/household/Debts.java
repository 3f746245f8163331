package nl.vangnet.household;

/**
 * Whether the household has debts (vangnet-household/1 {@code debts}); {@code UNKNOWN} is
 * "not registered".
 */
public enum Debts {

	YES, NO, UNKNOWN

}
