package nl.vangnet.household;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The household was reopened on a day, for a reason: the closing it lifted stays beside
 * it, and the support that started again is the trajectory.
 */
record Reopening(LocalDate on, String reason, LocalDate closedOn, String closingReason, UUID trajectoryId) {
}
