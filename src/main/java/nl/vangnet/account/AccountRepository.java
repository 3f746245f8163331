package nl.vangnet.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.vangnet.platform.staff.Role;

import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, UUID> {

	Optional<Account> findByEmail(String email);

	List<Account> findAllByOrderByDisplayName();

	List<Account> findByOrganisationIdOrderByDisplayName(UUID organisationId);

	boolean existsByRole(Role role);

}
