package nl.vangnet.organisation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.SecondFactor;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An organisation that supports families: a shelter, an informal neighbourhood
 * organisation, a municipal neighbourhood team. Known everywhere by its short code.
 */
@Table("organisation")
class Organisation {

	private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,15}");

	@Id
	private final UUID id;

	private final String code;

	private String name;

	private OrganisationKind kind;

	@MappedCollection(idColumn = "organisation_id", keyColumn = "position")
	private List<District> districts;

	private boolean monitorParticipant;

	private boolean active;

	private SecondFactor secondFactor;

	private String oidcIssuer;

	private String oidcClientId;

	private String phone;

	@Version
	private Integer version;

	@PersistenceCreator
	Organisation(UUID id, String code, String name, OrganisationKind kind, List<District> districts,
			boolean monitorParticipant, boolean active, SecondFactor secondFactor, String oidcIssuer,
			String oidcClientId, String phone, Integer version) {
		this.phone = phone;
		this.oidcIssuer = oidcIssuer;
		this.oidcClientId = oidcClientId;
		this.id = id;
		this.code = code;
		this.name = name;
		this.kind = kind;
		this.districts = districts;
		this.monitorParticipant = monitorParticipant;
		this.active = active;
		this.secondFactor = secondFactor;
		this.version = version;
	}

	static Organisation register(String code, String name, OrganisationKind kind, List<String> districts,
			boolean monitorParticipant) {
		Organisation organisation = new Organisation(UUID.randomUUID(), normaliseCode(code), null, null, List.of(),
				false, true, null, null, null, null, null);
		organisation.describe(name, kind, districts, monitorParticipant);
		return organisation;
	}

	static String normaliseCode(String code) {
		String normalised = (code != null) ? code.strip().toUpperCase(Locale.ROOT) : "";
		if (!CODE.matcher(normalised).matches()) {
			throw new DomainException("code", "organisation.code.invalid");
		}
		return normalised;
	}

	/**
	 * Changes what is known about the organisation.
	 */
	void describe(String name, OrganisationKind kind, List<String> districts, boolean monitorParticipant) {
		if (name == null || name.isBlank()) {
			throw new DomainException("name", "organisation.name.required");
		}
		if (kind == null) {
			throw new DomainException("kind", "organisation.kind.required");
		}
		LinkedHashSet<String> unique = new LinkedHashSet<>();
		for (String district : (districts != null) ? districts : List.<String>of()) {
			if (district != null && !district.isBlank()) {
				unique.add(district.strip());
			}
		}
		this.name = name.strip();
		this.kind = kind;
		this.districts = new ArrayList<>(unique.stream().map(District::new).toList());
		this.monitorParticipant = monitorParticipant;
	}

	UUID id() {
		return this.id;
	}

	String code() {
		return this.code;
	}

	String name() {
		return this.name;
	}

	OrganisationKind kind() {
		return this.kind;
	}

	List<String> districts() {
		return this.districts.stream().map(District::name).toList();
	}

	boolean monitorParticipant() {
		return this.monitorParticipant;
	}

	/**
	 * Whether its accounts must use a second factor; {@code null}: as the installation
	 * says.
	 */
	void requireSecondFactor(SecondFactor secondFactor) {
		this.secondFactor = secondFactor;
	}

	SecondFactor secondFactor() {
		return this.secondFactor;
	}

	/**
	 * Signs its staff in with its own identity provider as well ({@code null}: local
	 * accounts only). The provider was checked before.
	 */
	void signInWith(IdentityProvider provider) {
		this.oidcIssuer = (provider != null) ? provider.issuer() : null;
		this.oidcClientId = (provider != null) ? provider.clientId() : null;
	}

	IdentityProvider identityProvider() {
		return (this.oidcIssuer != null) ? new IdentityProvider(this.oidcIssuer, this.oidcClientId) : null;
	}

	/**
	 * The general number families call when their contact person has no work phone of her
	 * own (issue 18); blank: none.
	 */
	void answerAt(String written) {
		this.phone = nl.vangnet.platform.PhoneNumber.orNull("phone", "organisation.phone.invalid", written);
	}

	String phone() {
		return this.phone;
	}

	boolean active() {
		return this.active;
	}

	int version() {
		return (this.version != null) ? this.version : 0;
	}

	/**
	 * A district (wijk, stadsdeel) the organisation works in.
	 */
	@Table("organisation_district")
	record District(String name) {
	}

}
