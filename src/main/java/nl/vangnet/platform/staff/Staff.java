package nl.vangnet.platform.staff;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.tenancy.TenantPrincipal;
import nl.vangnet.platform.tenancy.TenantScope;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is at work right now, and what they may do: a signed-in staff member with their
 * {@link Role}, or the system (the demo, an import, a command-line task) working for
 * organisations. The one type services, controllers, URL rules and templates ask; they
 * never compare role names.
 * <p>
 * {@link #organisationId()} is the organisation whose client data the work sees, or
 * {@code null} when that is not exactly one (administrators, researchers, the system
 * across organisations). Capability methods speak the domain's words; each is a rule of
 * the product, so a changed rule changes here and everywhere at once.
 */
public final class Staff {

	private static final String SYSTEM = "SYSTEM";

	private static final Staff NOBODY = new Staff(null, null, null, false, Set.of());

	private final UUID organisationId;

	private final UUID userId;

	private final Role role;

	private final boolean system;

	private final Set<Designation> designations;

	private Staff(UUID organisationId, UUID userId, Role role, boolean system, Set<Designation> designations) {
		this.organisationId = organisationId;
		this.userId = userId;
		this.role = role;
		this.system = system;
		this.designations = Set.copyOf(designations);
	}

	/**
	 * A signed-in staff member.
	 * @param organisationId the organisation whose client data they work with, or
	 * {@code null}
	 */
	public static Staff member(UUID organisationId, UUID userId, Role role, Set<Designation> designations) {
		return new Staff(organisationId, Objects.requireNonNull(userId), Objects.requireNonNull(role), false,
				designations);
	}

	/**
	 * The system working for one organisation, or across organisations when
	 * {@code organisationId} is {@code null}.
	 */
	public static Staff system(UUID organisationId) {
		return new Staff(organisationId, null, null, true, Set.of());
	}

	/** Nobody signed in: every capability is refused. */
	public static Staff nobody() {
		return NOBODY;
	}

	/**
	 * The staff at work in this thread: the {@link TenantScope} declared for the work,
	 * else the signed-in user.
	 */
	public static Staff current() {
		return of(TenantScope.current(), principal(SecurityContextHolder.getContext().getAuthentication()));
	}

	/**
	 * The signed-in user of an authentication, whatever scope is declared (for the URL
	 * rules).
	 */
	public static Staff of(Authentication authentication) {
		TenantPrincipal principal = principal(authentication);
		return (principal != null) ? of(principal.tenantScope(), principal) : NOBODY;
	}

	static Staff of(TenantScope.Scope scope, TenantPrincipal principal) {
		UUID organisation = (scope.organisations().size() == 1) ? scope.organisations().iterator().next() : null;
		if (SYSTEM.equals(scope.role())) {
			return system(organisation);
		}
		if (scope.userId() == null || scope.role() == null || scope.role().isEmpty()) {
			return NOBODY;
		}
		Set<Designation> designations = (principal != null && scope.userId().equals(principal.userId()))
				? principal.designations() : Set.of();
		return member(organisation, scope.userId(), Role.valueOf(scope.role()), designations);
	}

	private static TenantPrincipal principal(Authentication authentication) {
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return null;
		}
		return (authentication.getPrincipal() instanceof TenantPrincipal principal) ? principal : null;
	}

	/** The organisation whose client data this work sees, or {@code null}. */
	public UUID organisationId() {
		return this.organisationId;
	}

	/** The signed-in user; {@code null} for the system. */
	public UUID userId() {
		return this.userId;
	}

	/** The staff member's role; {@code null} for the system and for nobody. */
	public Role role() {
		return this.role;
	}

	/**
	 * @return this staff, working for exactly one organisation
	 * @throws NotFoundException (naming {@code what}) for anyone who does not: they see
	 * no client data at all, not even whether it exists
	 */
	public Staff requireOrganisation(String what) {
		if (this.organisationId == null) {
			throw new NotFoundException(what);
		}
		return this;
	}

	/**
	 * @return this staff, when they {@link #worksWithCases() work with cases}
	 * @throws AccessDeniedException for anyone else
	 */
	public Staff requireCaseWork() {
		if (!worksWithCases()) {
			throw new AccessDeniedException("Only coordinators and professionals do this");
		}
		return this;
	}

	/** The system (the demo, an import, a command-line task), not a person. */
	public boolean isSystem() {
		return this.system;
	}

	/** Whether an account of the organisation has given this person the designation. */
	public boolean holds(Designation designation) {
		return this.designations.contains(designation);
	}

	/**
	 * Works with an organisation's client data at all: its coordinators, professionals
	 * and volunteers, and the system.
	 */
	public boolean seesClientData() {
		return this.system || (this.role != null && this.role.seesClientData());
	}

	/**
	 * Does the case work: coordinators, professionals and the system see and change help
	 * questions, plans, progress, time, rhythms, papers and networks.
	 */
	public boolean worksWithCases() {
		return this.system || (this.role != null && this.role.worksWithCases());
	}

	/**
	 * Registers and changes households: coordinators, professionals and the system;
	 * volunteers only look at the families they are involved in.
	 */
	public boolean mayChangeHouseholds() {
		return worksWithCases();
	}

	/**
	 * Sees only the families they are involved in, and in them only what they need: a
	 * volunteer (buddy). Which families those are is the involvement rule of the module
	 * that owns it, asked with {@link #userId()}.
	 */
	public boolean seesOnlyOwnFamilies() {
		return this.role == Role.VOLUNTEER;
	}

	/**
	 * Opens a confidential address, deliberately: the organisation's coordinators and
	 * professionals, never volunteers, never the system.
	 */
	public boolean mayOpenConfidentialAddress() {
		return this.role != null && this.role.worksWithCases();
	}

	/**
	 * Sees the secret address of the organisation's own locations: coordinators and
	 * professionals, not volunteers.
	 */
	public boolean seesSecretLocations() {
		return this.role != null && this.role.worksWithCases();
	}

	/**
	 * Runs a team: assigns caseloads and contact persons, sees the team's worklist, the
	 * access trail and sensitive notes, chooses the organisation's phase model and
	 * framework, imports and exports households. The coordinator.
	 */
	public boolean leadsTeam() {
		return this.role == Role.COORDINATOR;
	}

	/**
	 * Handles the client's rights for the organisation: requests, reviews and delivers a
	 * person's subject-access report, requests an erasure and approves another's (AVG
	 * articles 15 and 17), keeps the retention period. The coordinator.
	 */
	public boolean handlesPrivacyRequests() {
		return leadsTeam();
	}

	/**
	 * Hands a family to another fixed contact person: coordinators, and the system (the
	 * demo, an import).
	 */
	public boolean assignsContactPersons() {
		return this.system || leadsTeam();
	}

	/**
	 * Reads a contact moment's note: any note that is not sensitive; a sensitive one only
	 * its author and coordinators.
	 */
	public boolean readsNote(UUID author, boolean sensitive) {
		return !sensitive || leadsTeam() || (this.userId != null && this.userId.equals(author));
	}

	/**
	 * Imports and exports households as files: coordinators for their own organisation,
	 * the system for the organisations a file names.
	 */
	public boolean exchangesHouseholdFiles() {
		return this.system || leadsTeam();
	}

	/**
	 * The organisation's meldcode officer (aandachtsfunctionaris): a coordinator or
	 * professional the administrator designated.
	 */
	public boolean isMeldcodeOfficer() {
		return this.role != null && this.role.worksWithCases() && holds(Designation.MELDCODE_OFFICER);
	}

	/**
	 * Sees a meldcode case: its author, the organisation's meldcode officers and its
	 * coordinators (the system too, for the demo).
	 */
	public boolean seesMeldcodeCase(UUID author) {
		return this.system || leadsTeam() || isMeldcodeOfficer() || (this.userId != null && this.role != null
				&& this.role.worksWithCases() && this.userId.equals(author));
	}

	/** Sees the anonymised monitor: researchers and coordinators. */
	public boolean seesMonitor() {
		return this.role == Role.RESEARCHER || this.role == Role.COORDINATOR;
	}

	/**
	 * Sees the anonymised monitor of any participants and nothing else, never a client:
	 * the researcher.
	 */
	public boolean seesOnlyAnonymisedFigures() {
		return this.role == Role.RESEARCHER;
	}

	/** Manages organisations, accounts and frameworks; sees no client data. */
	public boolean administers() {
		return this.role == Role.ADMINISTRATOR;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Staff staff && Objects.equals(staff.organisationId, this.organisationId)
				&& Objects.equals(staff.userId, this.userId) && staff.role == this.role && staff.system == this.system
				&& staff.designations.equals(this.designations);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.organisationId, this.userId, this.role, this.system);
	}

	@Override
	public String toString() {
		return "Staff[" + (this.system ? SYSTEM : this.role) + "]";
	}

}
