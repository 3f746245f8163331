package nl.vangnet.account;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A staff member's account. Administrators belong to no organisation; everybody else to
 * exactly one.
 */
@Table("account")
class Account {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	@Id
	private final UUID id;

	private final String email;

	private String displayName;

	private String passwordHash;

	private final Role role;

	private final UUID organisationId;

	private UUID teamId;

	private boolean active;

	private boolean mustChangePassword;

	private Instant deactivatedAt;

	private String workPhone;

	@Version
	private Integer version;

	@PersistenceCreator
	Account(UUID id, String email, String displayName, String passwordHash, Role role, UUID organisationId, UUID teamId,
			boolean active, boolean mustChangePassword, Instant deactivatedAt, String workPhone, Integer version) {
		this.workPhone = workPhone;
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.organisationId = organisationId;
		this.teamId = teamId;
		this.active = active;
		this.mustChangePassword = mustChangePassword;
		this.deactivatedAt = deactivatedAt;
		this.version = version;
	}

	static Account open(String email, String displayName, Role role, UUID organisationId, UUID teamId,
			String passwordHash, boolean mustChangePassword) {
		if (role == null) {
			throw new DomainException("role", "account.role.required");
		}
		if (role == Role.ADMINISTRATOR && organisationId != null) {
			throw new DomainException("organisation", "account.administrator.noOrganisation");
		}
		if (role != Role.ADMINISTRATOR && organisationId == null) {
			throw new DomainException("organisation", "account.organisation.required");
		}
		if (displayName == null || displayName.isBlank()) {
			throw new DomainException("displayName", "account.displayName.required");
		}
		return new Account(UUID.randomUUID(), normaliseEmail(email), displayName.strip(), passwordHash, role,
				organisationId, teamId, true, mustChangePassword, null, null, null);
	}

	static String normaliseEmail(String email) {
		String normalised = (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
		if (normalised.length() > 254 || !EMAIL.matcher(normalised).matches()) {
			throw new DomainException("email", "account.email.invalid");
		}
		return normalised;
	}

	void changePassword(String newHash, boolean chosenByUser) {
		this.passwordHash = newHash;
		this.mustChangePassword = !chosenByUser;
	}

	void deactivate(Instant at) {
		if (this.active) {
			this.active = false;
			this.deactivatedAt = at;
		}
	}

	/**
	 * The number a family calls to reach this worker (issue 18); blank removes it, and
	 * the family is given the organisation's general number.
	 */
	void useWorkPhone(String written) {
		this.workPhone = nl.vangnet.platform.PhoneNumber.orNull("workPhone", "account.workPhone.invalid", written);
	}

	String workPhone() {
		return this.workPhone;
	}

	void reactivate() {
		this.active = true;
		this.deactivatedAt = null;
	}

	UUID id() {
		return this.id;
	}

	String email() {
		return this.email;
	}

	String displayName() {
		return this.displayName;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Role role() {
		return this.role;
	}

	UUID organisationId() {
		return this.organisationId;
	}

	UUID teamId() {
		return this.teamId;
	}

	boolean active() {
		return this.active;
	}

	boolean mustChangePassword() {
		return this.mustChangePassword;
	}

	int version() {
		return (this.version != null) ? this.version : 0;
	}

}
