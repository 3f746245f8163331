package nl.vangnet.account;

import java.util.UUID;

import nl.vangnet.platform.staff.Role;

/**
 * A member of an organisation's staff, as other modules see them.
 */
public record StaffMember(UUID id, String displayName, Role role, UUID teamId, boolean active) {
}
