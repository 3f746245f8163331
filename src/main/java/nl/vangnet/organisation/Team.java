package nl.vangnet.organisation;

import java.util.UUID;

import nl.vangnet.platform.DomainException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A team inside an organisation, run by a coordinator.
 */
@Table("team")
class Team {

	@Id
	private final UUID id;

	private final UUID organisationId;

	private final String name;

	@Version
	private Integer version;

	@PersistenceCreator
	Team(UUID id, UUID organisationId, String name, Integer version) {
		this.id = id;
		this.organisationId = organisationId;
		this.name = name;
		this.version = version;
	}

	static Team form(UUID organisationId, String name) {
		if (name == null || name.isBlank()) {
			throw new DomainException("name", "team.name.required");
		}
		return new Team(UUID.randomUUID(), organisationId, name.strip(), null);
	}

	UUID id() {
		return this.id;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	String name() {
		return this.name;
	}

}
