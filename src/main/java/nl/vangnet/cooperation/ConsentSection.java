package nl.vangnet.cooperation;

/**
 * What of the dossier a consent lets be shared (EXCHANGE.md section 3). Safety
 * information is never among them: a report to Veilig Thuis goes through the meldcode
 * track.
 */
public enum ConsentSection {

	/**
	 * Names, birth dates, composition, contact details (never a confidential address),
	 * the contact person.
	 */
	SUMMARY,
	/** Help questions, within the consented domains. */
	HELP_QUESTIONS,
	/** Goals and actions within the consented domains; never internal notes. */
	PLAN,
	/** The latest network map per member; never a contact marked as a danger. */
	NETWORK,
	/** Obligations and debts. */
	PAPERS

}
