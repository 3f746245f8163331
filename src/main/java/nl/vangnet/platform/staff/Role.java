package nl.vangnet.platform.staff;

/**
 * What a staff member may do in Vangnet.
 */
public enum Role {

	/** Manages organisations and accounts; sees no client data. */
	ADMINISTRATOR,
	/**
	 * Runs a team, assigns caseloads, sees the organisation's figures and access trail.
	 */
	COORDINATOR,
	/**
	 * Works with families: family supporter, trajectory counsellor, mentor, child worker.
	 */
	PROFESSIONAL,
	/** A trained volunteer buddy (maatje), matched to families. */
	VOLUNTEER,
	/** Sees the anonymised monitor only, never a client. */
	RESEARCHER;

	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * Whether this role does case work and can be a family's contact person: coordinators
	 * and professionals.
	 */
	public boolean worksWithCases() {
		return this == COORDINATOR || this == PROFESSIONAL;
	}

	/** Whether this role works with an organisation's client data. */
	public boolean seesClientData() {
		return this == COORDINATOR || this == PROFESSIONAL || this == VOLUNTEER;
	}

}
