package nl.vangnet.household;

/**
 * Free text as it is kept: stripped, and blank is not known.
 */
final class Texts {

	private Texts() {
	}

	static String clean(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
