package nl.vangnet.household;

/**
 * Whether the family experienced the support on a domain as helpful (vangnet-household/1
 * {@code experience[].helped}, seed 004 Tabel 3.3).
 */
public enum Helped {

	YES, A_BIT, NO

}
