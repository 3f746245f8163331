package nl.vangnet.plan;

import java.util.UUID;

import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.tenancy.TenantScope;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who works with a family's questions, plan and progress: a signed-in staff member of one
 * organisation, or the system (the demo, an import) working for one.
 * <p>
 * Coordinators and professionals see and change everything. A volunteer (buddy) sees only
 * what they need in a family they are involved in: the goals with actions a volunteer
 * does, never the help questions, scores, evaluations or internal notes. Researchers and
 * administrators see nothing.
 */
record PlanActor(UUID organisationId, UUID userId, String role) {

	static PlanActor current() {
		TenantScope.Scope scope = TenantScope.current();
		if (scope.organisations().size() != 1) {
			throw new NotFoundException("household");
		}
		return new PlanActor(scope.organisations().iterator().next(), scope.userId(), scope.role());
	}

	boolean system() {
		return this.userId == null;
	}

	boolean volunteer() {
		return "VOLUNTEER".equals(this.role);
	}

	/** Coordinators, professionals and the system see and change everything. */
	boolean caseWorker() {
		return "COORDINATOR".equals(this.role) || "PROFESSIONAL".equals(this.role) || "SYSTEM".equals(this.role);
	}

	/**
	 * @throws AccessDeniedException for anyone but a coordinator, a professional or the
	 * system
	 */
	PlanActor requireCaseWorker() {
		if (!caseWorker()) {
			throw new AccessDeniedException("Only coordinators and professionals work with help questions and plans");
		}
		return this;
	}

}
