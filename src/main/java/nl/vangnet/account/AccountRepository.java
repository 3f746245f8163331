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

	@org.springframework.data.jdbc.repository.query.Query("select meldcode_officer from account where id = :id")
	boolean meldcodeOfficer(UUID id);

	@org.springframework.data.jdbc.repository.query.Query("select id from account where meldcode_officer and organisation_id = :organisationId and active order by display_name")
	List<UUID> meldcodeOfficersOf(UUID organisationId);

	@org.springframework.data.jdbc.repository.query.Modifying
	@org.springframework.data.jdbc.repository.query.Query("update account set meldcode_officer = :officer where id = :id")
	int designateMeldcodeOfficer(UUID id, boolean officer);

}
