package nl.vangnet.cooperation;

/** What an agency got wrong: an error, a lost file, a wrong decision, a delay. */
public enum AgencyIssueKind {

	ERROR, LOST_FILE, WRONG_DECISION, DELAY, OTHER

}
