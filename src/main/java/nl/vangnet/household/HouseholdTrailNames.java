package nl.vangnet.household;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.access.TrailNames;

import org.springframework.stereotype.Component;

/**
 * Names the households and members in the coordinator's access trail, through
 * {@link HouseholdApi}.
 */
@Component
class HouseholdTrailNames implements TrailNames {

	private final HouseholdApi households;

	HouseholdTrailNames(HouseholdApi households) {
		this.households = households;
	}

	@Override
	public Map<UUID, String> names(Set<UUID> ids) {
		return this.households.names(ids);
	}

}
