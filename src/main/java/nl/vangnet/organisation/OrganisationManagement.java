package nl.vangnet.organisation;

import java.util.List;
import java.util.UUID;

import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an administrator registers and describes organisations, their locations and teams.
 */
@Service
@Transactional
class OrganisationManagement {

	private final OrganisationRepository organisations;

	private final LocationRepository locations;

	private final TeamRepository teams;

	private final IssuerCheck issuers;

	OrganisationManagement(OrganisationRepository organisations, LocationRepository locations, TeamRepository teams,
			IssuerCheck issuers) {
		this.issuers = issuers;
		this.organisations = organisations;
		this.locations = locations;
		this.teams = teams;
	}

	OrganisationDetails register(OrganisationCommand command) {
		String code = Organisation.normaliseCode(command.code());
		if (this.organisations.findByCode(code).isPresent()) {
			throw new DomainException("code", "organisation.code.taken", code);
		}
		Organisation organisation = Organisation.register(code, command.name(), command.kind(), command.districts(),
				Boolean.TRUE.equals(command.monitorParticipant()));
		organisation.requireSecondFactor(command.secondFactor());
		organisation.signInWith(this.issuers.check(command.identityProvider()));
		organisation.answerAt(command.phone());
		organisation = this.organisations.save(organisation);
		return details(organisation, null);
	}

	OrganisationDetails describe(String code, OrganisationCommand command, Integer expectedVersion) {
		Organisation organisation = find(code);
		if (expectedVersion != null && expectedVersion != organisation.version()) {
			throw new ConflictException(organisation.version(), differences(organisation, command));
		}
		organisation.describe(command.name(), command.kind(), command.districts(),
				Boolean.TRUE.equals(command.monitorParticipant()));
		organisation.requireSecondFactor(command.secondFactor());
		organisation.signInWith(this.issuers.check(command.identityProvider()));
		organisation.answerAt(command.phone());
		organisation = this.organisations.save(organisation);
		return details(organisation, null);
	}

	@Transactional(readOnly = true)
	List<OrganisationDetails> all() {
		return this.organisations.findAllByOrderByName().stream().map((o) -> details(o, null)).toList();
	}

	/**
	 * @param viewerOrganisation whose eyes: secret addresses show only to their own
	 * organisation
	 */
	@Transactional(readOnly = true)
	OrganisationDetails get(String code, UUID viewerOrganisation) {
		return details(find(code), viewerOrganisation);
	}

	LocationView openLocation(String code, LocationCommand command) {
		Organisation organisation = find(code);
		Location location = Location.open(organisation.id(), command.name(), command.district(), command.address(),
				Boolean.TRUE.equals(command.secretAddress()));
		this.locations.save(location);
		return view(location, null);
	}

	TeamSummary formTeam(String code, String name) {
		Organisation organisation = find(code);
		Team team = Team.form(organisation.id(), name);
		if (this.teams.existsByOrganisationIdAndName(organisation.id(), team.name())) {
			throw new DomainException("name", "team.name.taken");
		}
		this.teams.save(team);
		return new TeamSummary(team.id(), team.organisationId(), team.name());
	}

	private Organisation find(String code) {
		return this.organisations.findByCode((code != null) ? code.toUpperCase(java.util.Locale.ROOT) : "")
			.orElseThrow(() -> new NotFoundException("organisation"));
	}

	private OrganisationDetails details(Organisation organisation, UUID viewerOrganisation) {
		List<LocationView> locationViews = this.locations.findByOrganisationIdOrderByName(organisation.id())
			.stream()
			.map((location) -> view(location, viewerOrganisation))
			.toList();
		List<TeamSummary> teamSummaries = this.teams.findByOrganisationIdOrderByName(organisation.id())
			.stream()
			.map((team) -> new TeamSummary(team.id(), team.organisationId(), team.name()))
			.toList();
		return new OrganisationDetails(organisation.id(), organisation.code(), organisation.name(), organisation.kind(),
				organisation.districts(), organisation.monitorParticipant(), organisation.active(),
				organisation.version(), locationViews, teamSummaries, organisation.secondFactor(),
				organisation.identityProvider(), organisation.phone());
	}

	private static LocationView view(Location location, UUID viewerOrganisation) {
		return new LocationView(location.id(), location.name(), location.district(),
				location.addressFor(viewerOrganisation), location.secretAddress());
	}

	private static List<ConflictException.Change> differences(Organisation current, OrganisationCommand command) {
		return Differences.labelled("organisation.")
			.text("name", command.name(), current.name())
			.code("kind", command.kind(), current.kind(), "organisation.kind.")
			.texts("districts", command.districts(), current.districts())
			.yesNo("monitorParticipant", command.monitorParticipant(), current.monitorParticipant())
			.code("secondFactor", command.secondFactor(), current.secondFactor(), "organisation.secondFactor.")
			.text("phone", command.phone(), current.phone())
			.text("identityProvider.issuer",
					(command.identityProvider() != null) ? command.identityProvider().issuer() : null,
					(current.identityProvider() != null) ? current.identityProvider().issuer() : null)
			.list();
	}

}
