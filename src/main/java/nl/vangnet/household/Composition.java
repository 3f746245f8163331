package nl.vangnet.household;

/**
 * The household's composition (vangnet-household/1 {@code composition}).
 */
public enum Composition {

	ONE_PARENT, TWO_PARENT, UNKNOWN

}
