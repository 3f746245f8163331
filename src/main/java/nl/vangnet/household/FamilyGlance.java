package nl.vangnet.household;

import java.util.UUID;

/**
 * What a list shows of a household at a glance.
 *
 * @param name the main contact's name (trimmed; {@code null} when unknown)
 * @param contactPerson the fixed contact person of its current (else latest) trajectory
 * @param running whether the household is open and one of its trajectories runs today
 */
public record FamilyGlance(HouseholdId id, String name, UUID contactPerson, boolean running) {
}
