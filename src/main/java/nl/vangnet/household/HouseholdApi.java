package nl.vangnet.household;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.vangnet.platform.staff.Staff;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may do with households. Works for the current tenant scope: the
 * signed-in user, or work without one (such as the demo) declared with
 * {@code TenantScope.runAs(Scope.system(Set.of(organisationId)), …)}.
 */
@Service
@Transactional
public class HouseholdApi {

	private final HouseholdExchange exchange;

	private final HouseholdSearch search;

	private final PhaseModels phaseModels;

	private final HouseholdManagement management;

	HouseholdApi(HouseholdExchange exchange, HouseholdSearch search, PhaseModels phaseModels,
			HouseholdManagement management) {
		this.exchange = exchange;
		this.search = search;
		this.phaseModels = phaseModels;
		this.management = management;
	}

	/**
	 * The household with its members, if the current reader may see it (its own
	 * organisation; a volunteer only a family they are involved in). Not in the access
	 * trail: the caller records what it shows.
	 * @throws nl.vangnet.platform.NotFoundException when it does not exist or is not
	 * visible
	 */
	@Transactional(readOnly = true)
	public Family family(UUID id) {
		Household household = this.management.visible(Staff.current().requireOrganisation("household"), id);
		return new Family(household.id(), household.organisationId(), household.name(),
				household.details()
					.members()
					.stream()
					.map((m) -> new Family.FamilyMember(m.id(), m.ref(), m.role().name(), m.name(), m.birthDate()))
					.toList(),
				household.closure() != null);
	}

	/**
	 * The current organisation works with this phase model from now on ({@code FLEXIBLE},
	 * {@code SHELTER} or {@code EIGHT_PHASES}).
	 * @throws IllegalArgumentException for a model that does not exist
	 */
	public void choosePhaseModel(String modelCode) {
		if (this.phaseModels.model(modelCode).isEmpty()) {
			throw new IllegalArgumentException("No phase model " + modelCode);
		}
		this.phaseModels.choose(Staff.current().requireOrganisation("household").organisationId(), modelCode);
	}

	/**
	 * Registers a household of the current organisation from a document of the exchange
	 * contract; returns its id.
	 * @throws nl.vangnet.platform.DomainErrors when the document breaks the rules
	 */
	public UUID register(HouseholdDocument document) {
		return this.exchange.create(document);
	}

	/**
	 * The household as a document (a view: it is in the access trail).
	 */
	public HouseholdDocument document(UUID id) {
		return this.exchange.get(id);
	}

	/**
	 * The signed-in person's caseload: the households whose fixed contact person they are
	 * (for a volunteer: the families they are involved in), labelled in the language.
	 */
	public List<HouseholdSummary> caseload(Locale locale) {
		return this.search.caseload(locale);
	}

}
