package nl.vangnet.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface OrganisationRepository extends ListCrudRepository<Organisation, UUID> {

	Optional<Organisation> findByCode(String code);

	List<Organisation> findAllByOrderByName();

}

interface LocationRepository extends ListCrudRepository<Location, UUID> {

	List<Location> findByOrganisationIdOrderByName(UUID organisationId);

}

interface TeamRepository extends ListCrudRepository<Team, UUID> {

	List<Team> findByOrganisationIdOrderByName(UUID organisationId);

	boolean existsByOrganisationIdAndName(UUID organisationId, String name);

}
