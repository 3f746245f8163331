package nl.vangnet.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantPrincipal;
import nl.vangnet.platform.tenancy.TenantScope;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member.
 */
public final class VangnetUser implements UserDetails, CredentialsContainer, TenantPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID id;

	private final String email;

	private final String displayName;

	private final Role role;

	private final UUID organisationId;

	private final String organisationCode;

	private final String organisationName;

	private final boolean enabled;

	private String passwordHash;

	private final boolean meldcodeOfficer;

	VangnetUser(UUID id, String email, String displayName, Role role, UUID organisationId, String organisationCode,
			String organisationName, boolean enabled, String passwordHash) {
		this(id, email, displayName, role, organisationId, organisationCode, organisationName, enabled, passwordHash,
				false);
	}

	VangnetUser(UUID id, String email, String displayName, Role role, UUID organisationId, String organisationCode,
			String organisationName, boolean enabled, String passwordHash, boolean meldcodeOfficer) {
		this.meldcodeOfficer = meldcodeOfficer;
		this.id = id;
		this.email = email;
		this.displayName = displayName;
		this.role = role;
		this.organisationId = organisationId;
		this.organisationCode = organisationCode;
		this.organisationName = organisationName;
		this.enabled = enabled;
		this.passwordHash = passwordHash;
	}

	/**
	 * The signed-in user of this request.
	 * @throws IllegalStateException when nobody is signed in
	 */
	public static VangnetUser current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof VangnetUser user) {
			return user;
		}
		throw new IllegalStateException("Nobody is signed in");
	}

	public UUID id() {
		return this.id;
	}

	public String email() {
		return this.email;
	}

	public String displayName() {
		return this.displayName;
	}

	public Role role() {
		return this.role;
	}

	@Override
	public UUID organisationId() {
		return this.organisationId;
	}

	public String organisationCode() {
		return this.organisationCode;
	}

	public String organisationName() {
		return this.organisationName;
	}

	@Override
	public TenantScope.Scope tenantScope() {
		Set<UUID> visible = (this.role.seesClientData() && this.organisationId != null) ? Set.of(this.organisationId)
				: Set.of();
		return new TenantScope.Scope(visible, this.role.name(), this.id);
	}

	@Override
	public java.util.Set<nl.vangnet.platform.staff.Designation> designations() {
		return this.meldcodeOfficer ? java.util.Set.of(nl.vangnet.platform.staff.Designation.MELDCODE_OFFICER)
				: java.util.Set.of();
	}

	@Override
	public UUID userId() {
		return this.id;
	}

	@Override
	public String actorLabel() {
		return this.email;
	}

	@Override
	public String roleName() {
		return this.role.name();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(this.role.authority()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof VangnetUser user && user.id.equals(this.id);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		return "VangnetUser[" + this.id + ", " + this.role + "]";
	}

}
