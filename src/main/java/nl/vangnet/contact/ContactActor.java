package nl.vangnet.contact;

import java.util.UUID;

import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.tenancy.TenantScope;

/**
 * Who works with contacts right now: a signed-in staff member of one organisation, or the
 * system working for one organisation.
 */
record ContactActor(UUID organisationId, UUID userId, String role) {

	static ContactActor current() {
		TenantScope.Scope scope = TenantScope.current();
		if (scope.organisations().size() != 1) {
			throw new NotFoundException("household");
		}
		return new ContactActor(scope.organisations().iterator().next(), scope.userId(), scope.role());
	}

	boolean volunteer() {
		return "VOLUNTEER".equals(this.role);
	}

	boolean coordinator() {
		return "COORDINATOR".equals(this.role);
	}

	boolean system() {
		return this.userId == null;
	}

	/**
	 * Coordinators and professionals keep time, activities, rhythms, obligations and
	 * debts; volunteers record only their own contact moments.
	 */
	boolean caseWorker() {
		return "COORDINATOR".equals(this.role) || "PROFESSIONAL".equals(this.role) || "SYSTEM".equals(this.role);
	}

	/**
	 * A sensitive note is read by its author and by coordinators.
	 */
	boolean readsNoteOf(UUID author, boolean sensitive) {
		return !sensitive || coordinator() || (this.userId != null && this.userId.equals(author));
	}

}
