package nl.vangnet.household;

/**
 * A phase to choose, labelled in the reader's language.
 */
record PhaseOption(String code, String label) {
}
