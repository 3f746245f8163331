package nl.vangnet.household;

/**
 * A reason for the first contact (seed 004, Tabel 3.2); several may apply.
 */
public enum ContactReason {

	FINANCES, SOCIAL, PARTICIPATION, HOUSING, HEALTH, OTHER

}
