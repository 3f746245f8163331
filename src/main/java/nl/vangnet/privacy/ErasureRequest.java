package nl.vangnet.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * An erasure request as the API shows it: who requested and approved it, when, and per
 * table how many rows went ({@code erasedRows}); never a name.
 *
 * @param reason {@code RETENTION} or {@code SUBJECT_REQUEST} (AVG art. 17)
 * @param note her reason, until the erasure clears it
 * @param status {@code REQUESTED}, {@code APPROVED} (being carried out) or {@code ERASED}
 */
public record ErasureRequest(UUID id, UUID household, String reason, String note, UUID requestedBy, Instant requestedAt,
		UUID approvedBy, Instant approvedAt, Instant erasedAt, String erasedRows, String status) {
}
