package nl.vangnet.cooperation;

/**
 * Where an agency issue stands: noticed and open, the objection (bezwaar) filed, resolved
 * (put right), rejected (the objection failed), or closed. The first two are open.
 */
public enum AgencyIssueStatus {

	OPEN, OBJECTION_FILED, RESOLVED, REJECTED, CLOSED;

	public boolean open() {
		return this == OPEN || this == OBJECTION_FILED;
	}

}
