package nl.vangnet.access;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the access trail as it is shown.
 */
public record TrailEntry(long id, Instant occurredAt, String actor, String actorRole, String subjectType,
		UUID subjectId, AccessAction action, AccessOutcome outcome, String clientAddress) {

}
