package nl.vangnet.household;

/**
 * How a participant experienced an activity (vangnet-household/1
 * {@code activities[].satisfaction}, seed 004 Tabel 3.4).
 */
public enum Satisfaction {

	GREEN, ORANGE, RED

}
