package nl.vangnet.account;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.access.TrailNames;
import nl.vangnet.platform.tenancy.TenantScope;

import org.springframework.stereotype.Component;

/**
 * Names the staff in the access trail of the reader's organisation, through
 * {@link AccountApi}: one call for the whole page.
 */
@Component
class AccountTrailNames implements TrailNames {

	private final AccountApi accounts;

	AccountTrailNames(AccountApi accounts) {
		this.accounts = accounts;
	}

	@Override
	public Map<UUID, String> names(Set<UUID> ids) {
		Map<UUID, String> names = new HashMap<>();
		staff().stream().filter((s) -> ids.contains(s.id())).forEach((s) -> names.put(s.id(), s.displayName()));
		return names;
	}

	@Override
	public Map<UUID, String> people() {
		Map<UUID, String> people = new LinkedHashMap<>();
		staff().forEach((s) -> people.put(s.id(), s.displayName()));
		return people;
	}

	private List<StaffMember> staff() {
		Set<UUID> organisations = TenantScope.current().organisations();
		return (organisations.size() == 1) ? this.accounts.staff(organisations.iterator().next()) : List.of();
	}

}
