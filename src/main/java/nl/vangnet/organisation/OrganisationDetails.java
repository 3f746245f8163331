package nl.vangnet.organisation;

import java.util.List;
import java.util.UUID;

import nl.vangnet.platform.staff.SecondFactor;

/**
 * An organisation with its locations and teams, as the API and the administrator's pages
 * show it. {@code phone}: its general number, or {@code null}.
 */
record OrganisationDetails(UUID id, String code, String name, OrganisationKind kind, List<String> districts,
		boolean monitorParticipant, boolean active, int version, List<LocationView> locations, List<TeamSummary> teams,
		SecondFactor secondFactor, IdentityProvider identityProvider, String phone) {
}
