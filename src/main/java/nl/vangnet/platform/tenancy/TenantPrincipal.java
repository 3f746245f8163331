package nl.vangnet.platform.tenancy;

import java.util.Set;
import java.util.UUID;

import nl.vangnet.platform.staff.Designation;

/**
 * A signed-in person as the platform knows them: whose data they may touch, and how they
 * appear in the access trail.
 */
public interface TenantPrincipal {

	TenantScope.Scope tenantScope();

	UUID userId();

	/** How the actor is named in the access trail (the account's e-mail address). */
	String actorLabel();

	String roleName();

	/** The organisation the person works for; {@code null} for administrators. */
	UUID organisationId();

	/** The tasks the person is designated for on top of their role. */
	default Set<Designation> designations() {
		return Set.of();
	}

}
