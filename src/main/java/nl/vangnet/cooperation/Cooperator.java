package nl.vangnet.cooperation;

import java.util.UUID;

import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.tenancy.TenantScope;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who works with partners, consents and referrals: a staff member of one organisation, or
 * the system (the demo) working for one. Coordinators keep the partners; coordinators and
 * professionals record consents and refer; everyone on staff reads the partners.
 */
record Cooperator(UUID organisationId, UUID userId, String role) {

	static Cooperator current() {
		TenantScope.Scope scope = TenantScope.current();
		if (scope.organisations().size() != 1) {
			throw new NotFoundException("organisation");
		}
		return new Cooperator(scope.organisations().iterator().next(), scope.userId(), scope.role());
	}

	boolean system() {
		return this.userId == null;
	}

	boolean coordinator() {
		return "COORDINATOR".equals(this.role);
	}

	boolean caseWorker() {
		return "COORDINATOR".equals(this.role) || "PROFESSIONAL".equals(this.role) || "SYSTEM".equals(this.role);
	}

	Cooperator requireCaseWorker() {
		if (!caseWorker()) {
			throw new AccessDeniedException("Only coordinators and professionals work with consents and referrals");
		}
		return this;
	}

	Cooperator requireKeeper() {
		if (!coordinator() && !system()) {
			throw new AccessDeniedException("Coordinators keep the partners");
		}
		return this;
	}

}
