package nl.vangnet.household;

/**
 * The household's address as it is stored: encrypted, for the household as context. A
 * confidential address (a secret shelter address, or a family hiding from a violent
 * ex-partner) is decrypted only when a coordinator or professional of the organisation
 * opens it deliberately.
 */
record SealedAddress(byte[] ciphertext, boolean confidential) {

	static String context(java.util.UUID householdId) {
		return "household-address:" + householdId;
	}

}
