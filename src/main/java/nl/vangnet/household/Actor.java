package nl.vangnet.household;

import java.util.UUID;

import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.tenancy.TenantScope;

/**
 * Who works with households right now: a signed-in staff member of one organisation, or
 * the system (the demo, a command-line task) working for one organisation.
 */
record Actor(UUID organisationId, UUID userId, String role) {

	static final String COORDINATOR = "COORDINATOR";

	static final String PROFESSIONAL = "PROFESSIONAL";

	static final String VOLUNTEER = "VOLUNTEER";

	static final String SYSTEM = "SYSTEM";

	/**
	 * The current actor. Anyone who does not work for exactly one organisation sees no
	 * household at all.
	 */
	static Actor current() {
		TenantScope.Scope scope = TenantScope.current();
		if (scope.organisations().size() != 1) {
			throw new NotFoundException("household");
		}
		return new Actor(scope.organisations().iterator().next(), scope.userId(), scope.role());
	}

	boolean volunteer() {
		return VOLUNTEER.equals(this.role);
	}

	boolean coordinator() {
		return COORDINATOR.equals(this.role);
	}

	boolean system() {
		return this.userId == null;
	}

	/**
	 * Coordinators and professionals of the organisation may open a confidential address,
	 * deliberately; volunteers never.
	 */
	boolean mayOpenConfidential() {
		return COORDINATOR.equals(this.role) || PROFESSIONAL.equals(this.role);
	}

	/**
	 * Coordinators and professionals register and change households; volunteers only look
	 * at the families they are involved in.
	 */
	boolean mayChange() {
		return COORDINATOR.equals(this.role) || PROFESSIONAL.equals(this.role) || SYSTEM.equals(this.role);
	}

}
