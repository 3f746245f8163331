package nl.vangnet.organisation;

import java.util.UUID;

import nl.vangnet.platform.DomainException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A place where an organisation works. A shelter's location may have a secret address: it
 * is shown only inside its own organisation.
 */
@Table("location")
class Location {

	@Id
	private final UUID id;

	private final UUID organisationId;

	private String name;

	private String district;

	private String address;

	private boolean secretAddress;

	@Version
	private Integer version;

	@PersistenceCreator
	Location(UUID id, UUID organisationId, String name, String district, String address, boolean secretAddress,
			Integer version) {
		this.id = id;
		this.organisationId = organisationId;
		this.name = name;
		this.district = district;
		this.address = address;
		this.secretAddress = secretAddress;
		this.version = version;
	}

	static Location open(UUID organisationId, String name, String district, String address, boolean secretAddress) {
		if (name == null || name.isBlank()) {
			throw new DomainException("name", "location.name.required");
		}
		return new Location(UUID.randomUUID(), organisationId, name.strip(), blankToNull(district),
				blankToNull(address), secretAddress, null);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
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

	String district() {
		return this.district;
	}

	/**
	 * The address as it may be shown to someone of {@code viewerOrganisation}: a secret
	 * address only inside its own organisation.
	 */
	String addressFor(UUID viewerOrganisation) {
		if (this.secretAddress && !this.organisationId.equals(viewerOrganisation)) {
			return null;
		}
		return this.address;
	}

	boolean secretAddress() {
		return this.secretAddress;
	}

}
