package nl.vangnet.organisation;

import java.util.UUID;

public record TeamSummary(UUID id, UUID organisationId, String name) {
}
