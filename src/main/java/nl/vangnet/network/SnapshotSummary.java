package nl.vangnet.network;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A snapshot in a client's list: when it was drawn and how many contacts it has.
 */
record SnapshotSummary(UUID id, LocalDate drawnOn, String label, int version, int contacts, int dangers) {
}
