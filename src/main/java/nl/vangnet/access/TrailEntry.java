package nl.vangnet.access;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the access trail as it is shown: with the names of the person who acted and
 * of the household or person it concerned, where the modules that own them know them
 * (else only the ids).
 *
 * @param subjectIds the households a list or search showed (then {@code subjectId} is
 * empty)
 * @param detail what a query or a refused request concerned (dates, codes, a path), never
 * personal data
 */
public record TrailEntry(long id, Instant occurredAt, UUID actorId, String actor, String actorName, String actorRole,
		String subjectType, UUID subjectId, String subjectName, List<UUID> subjectIds, List<String> subjectNames,
		AccessAction action, AccessOutcome outcome, String detail, String clientAddress) {

	public TrailEntry {
		subjectIds = (subjectIds != null) ? List.copyOf(subjectIds) : List.of();
		subjectNames = (subjectNames != null) ? List.copyOf(subjectNames) : List.of();
	}

	/** The same entry with the names that are known. */
	TrailEntry named(Map<UUID, String> names) {
		return new TrailEntry(this.id, this.occurredAt, this.actorId, this.actor,
				(this.actorId != null) ? names.get(this.actorId) : null, this.actorRole, this.subjectType,
				this.subjectId, (this.subjectId != null) ? names.get(this.subjectId) : null, this.subjectIds,
				this.subjectIds.stream().map(names::get).filter(Objects::nonNull).toList(), this.action, this.outcome,
				this.detail, this.clientAddress);
	}

}
