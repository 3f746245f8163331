package nl.vangnet.account;

import java.util.UUID;

import nl.vangnet.platform.staff.Role;

/**
 * An account as the API and the administrator's pages show it. Never the password.
 * {@code meldcodeOfficer}: the administrator designated the account as the organisation's
 * meldcode officer (issue 14); {@code workPhone}: the number a family calls to reach the
 * worker, or {@code null} (issue 18).
 */
record AccountView(UUID id, String email, String displayName, String organisation, Role role, UUID team, boolean active,
		int version, boolean meldcodeOfficer, String workPhone) {
}
