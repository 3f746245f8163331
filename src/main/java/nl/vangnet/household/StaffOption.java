package nl.vangnet.household;

import java.util.UUID;

/**
 * A staff member as a household shows them: name and role.
 */
record StaffOption(UUID id, String name, String role, boolean active) {
}
