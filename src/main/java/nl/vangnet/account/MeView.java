package nl.vangnet.account;

import java.util.UUID;

import nl.vangnet.platform.staff.Role;

/**
 * The signed-in user, as {@code GET /api/v1/me} and a JSON sign-in answer show them;
 * after a right password {@code secondFactorStep} says what the sign-in still needs.
 */
record MeView(UUID id, String email, String displayName, Role role, String organisation, String organisationName,
		boolean mustChangePassword, SecondFactorStep secondFactorStep) {

	static MeView of(VangnetUser user, boolean mustChangePassword) {
		return of(user, mustChangePassword, null);
	}

	/**
	 * @param secondFactorStep what the sign-in still needs ({@code CODE} or
	 * {@code ENROL}); {@code null} once signed in
	 */
	static MeView of(VangnetUser user, boolean mustChangePassword, SecondFactorStep secondFactorStep) {
		return new MeView(user.id(), user.email(), user.displayName(), user.role(), user.organisationCode(),
				user.organisationName(), mustChangePassword, secondFactorStep);
	}

}
