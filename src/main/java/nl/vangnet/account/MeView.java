package nl.vangnet.account;

import java.util.UUID;

import nl.vangnet.platform.staff.Role;

/**
 * The signed-in user, as {@code GET /api/v1/me} and a JSON sign-in answer show them.
 */
record MeView(UUID id, String email, String displayName, Role role, String organisation, String organisationName,
		boolean mustChangePassword) {

	static MeView of(VangnetUser user, boolean mustChangePassword) {
		return new MeView(user.id(), user.email(), user.displayName(), user.role(), user.organisationCode(),
				user.organisationName(), mustChangePassword);
	}

}
