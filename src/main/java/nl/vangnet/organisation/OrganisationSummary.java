package nl.vangnet.organisation;

import java.util.List;
import java.util.UUID;

import nl.vangnet.platform.staff.SecondFactor;

/**
 * What other modules know of an organisation. {@code phone}: its general number, for the
 * families' papers (issue 18), or {@code null}.
 */
public record OrganisationSummary(UUID id, String code, String name, OrganisationKind kind, List<String> districts,
		boolean monitorParticipant, boolean active, SecondFactor secondFactor, IdentityProvider identityProvider,
		String phone) {
}
