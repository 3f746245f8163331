package nl.vangnet.network;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.household.Family;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.household.MemberId;
import nl.vangnet.plan.PlanApi;

import org.springframework.stereotype.Component;

/**
 * What this module reads of households and plans, through {@link HouseholdApi} and
 * {@link PlanApi}: the clients (members) whose networks are drawn, and the domains where
 * a client needs help (for the gaps).
 */
@Component
class Clients {

	private final HouseholdApi households;

	private final PlanApi plans;

	Clients(HouseholdApi households, PlanApi plans) {
		this.households = households;
		this.plans = plans;
	}

	Optional<Client> client(UUID memberId) {
		return this.households.householdOf(MemberId.of(memberId)).flatMap((household) -> {
			Family family = this.households.family(household);
			return family.members()
				.stream()
				.filter((m) -> m.id().equals(memberId))
				.findFirst()
				.map((m) -> client(family, m));
		});
	}

	List<Client> clientsOf(UUID householdId) {
		Family family = this.households.family(HouseholdId.of(householdId));
		return family.members().stream().map((m) -> client(family, m)).toList();
	}

	/**
	 * Domains where the client needs help: those of the open help questions and of the
	 * active plan goals of the client or of the whole household.
	 */
	Set<String> neededDomains(Client client) {
		return this.plans.neededDomains(HouseholdId.of(client.householdId()), MemberId.of(client.memberId()));
	}

	private static Client client(Family family, Family.FamilyMember member) {
		String name = (member.name() != null && !member.name().isBlank()) ? member.name() : null;
		return new Client(member.id(), family.id(), family.organisationId(), name, member.ref(), member.role());
	}

}
