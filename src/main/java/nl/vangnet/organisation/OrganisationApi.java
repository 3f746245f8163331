package nl.vangnet.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.SecondFactor;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask about organisations and their teams.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationApi {

	private final OrganisationRepository organisations;

	private final TeamRepository teams;

	private final OrganisationManagement management;

	OrganisationApi(OrganisationRepository organisations, TeamRepository teams, OrganisationManagement management) {
		this.organisations = organisations;
		this.teams = teams;
		this.management = management;
	}

	/**
	 * Registers an organisation (for set-up tasks such as the demo); returns its id.
	 */
	@Transactional
	public UUID register(String code, String name, OrganisationKind kind, List<String> districts,
			boolean monitorParticipant) {
		return this.management
			.register(new OrganisationCommand(code, name, kind, districts, monitorParticipant, null, null, null, null))
			.id();
	}

	/**
	 * Registers an organisation that says itself whether its accounts must use a second
	 * factor ({@code null}: as the installation says).
	 */
	@Transactional
	public UUID register(String code, String name, OrganisationKind kind, List<String> districts,
			boolean monitorParticipant, SecondFactor secondFactor) {
		return this.management
			.register(new OrganisationCommand(code, name, kind, districts, monitorParticipant, null, secondFactor, null,
					null))
			.id();
	}

	@Transactional
	public UUID openLocation(String code, String name, String district, String address, boolean secretAddress) {
		return this.management.openLocation(code, new LocationCommand(name, district, address, secretAddress)).id();
	}

	@Transactional
	public UUID formTeam(String code, String name) {
		return this.management.formTeam(code, name).id();
	}

	public Optional<OrganisationSummary> byCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return this.organisations.findByCode(code.strip().toUpperCase(java.util.Locale.ROOT))
			.map(OrganisationApi::summary);
	}

	/**
	 * The organisation with this code, or a domain error on {@code field}.
	 */
	public OrganisationSummary requireByCode(String code, String field) {
		return byCode(code).orElseThrow(() -> new DomainException(field, "organisation.unknown", code));
	}

	public Optional<OrganisationSummary> byId(UUID id) {
		return (id != null) ? this.organisations.findById(id).map(OrganisationApi::summary) : Optional.empty();
	}

	public List<OrganisationSummary> all() {
		return this.organisations.findAllByOrderByName().stream().map(OrganisationApi::summary).toList();
	}

	public List<TeamSummary> teams(UUID organisationId) {
		return this.teams.findByOrganisationIdOrderByName(organisationId)
			.stream()
			.map((team) -> new TeamSummary(team.id(), team.organisationId(), team.name()))
			.toList();
	}

	public Optional<TeamSummary> team(UUID teamId) {
		return (teamId != null) ? this.teams.findById(teamId)
			.map((team) -> new TeamSummary(team.id(), team.organisationId(), team.name())) : Optional.empty();
	}

	static OrganisationSummary summary(Organisation organisation) {
		return new OrganisationSummary(organisation.id(), organisation.code(), organisation.name(), organisation.kind(),
				organisation.districts(), organisation.monitorParticipant(), organisation.active(),
				organisation.secondFactor(), organisation.identityProvider(), organisation.phone());
	}

}
