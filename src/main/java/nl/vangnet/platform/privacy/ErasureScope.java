package nl.vangnet.platform.privacy;

import java.util.List;
import java.util.UUID;

/**
 * The household an approved erasure removes.
 *
 * @param organisationId the organisation that keeps it
 * @param householdId the household
 * @param memberIds its members (every one of them goes)
 * @param erasureRequestId the approved request this erasure carries out
 */
public record ErasureScope(UUID organisationId, UUID householdId, List<UUID> memberIds, UUID erasureRequestId) {

	public ErasureScope {
		memberIds = List.copyOf(memberIds);
	}

}
