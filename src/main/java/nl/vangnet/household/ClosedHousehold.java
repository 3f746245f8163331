package nl.vangnet.household;

import java.time.LocalDate;

/** A closed household and the day it was closed (for the retention period). */
public record ClosedHousehold(HouseholdId id, LocalDate closedOn) {
}
