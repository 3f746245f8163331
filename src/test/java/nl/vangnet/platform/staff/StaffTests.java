package nl.vangnet.platform.staff;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffTests {

	private static final UUID ORGANISATION = UUID.randomUUID();

	private static Staff as(Role role) {
		return Staff.member(role.seesClientData() ? ORGANISATION : null, UUID.randomUUID(), role, Set.of());
	}

	private static final Staff SYSTEM = Staff.system(ORGANISATION);

	/** Who has the capability: each role, then the system, then nobody. */
	private static void holdsFor(Predicate<Staff> capability, Set<Role> roles, boolean system) {
		for (Role role : Role.values()) {
			assertThat(capability.test(as(role))).as(role.name()).isEqualTo(roles.contains(role));
		}
		assertThat(capability.test(SYSTEM)).as("system").isEqualTo(system);
		assertThat(capability.test(Staff.nobody())).as("nobody").isFalse();
	}

	@Test
	void coordinatorsProfessionalsAndTheSystemWorkWithCases() {
		holdsFor(Staff::worksWithCases, Set.of(Role.COORDINATOR, Role.PROFESSIONAL), true);
	}

	@Test
	void coordinatorsProfessionalsAndTheSystemChangeHouseholds() {
		holdsFor(Staff::mayChangeHouseholds, Set.of(Role.COORDINATOR, Role.PROFESSIONAL), true);
	}

	@Test
	void everyoneWhoWorksWithFamiliesSeesClientDataButNotAdministratorsOrResearchers() {
		holdsFor(Staff::seesClientData, Set.of(Role.COORDINATOR, Role.PROFESSIONAL, Role.VOLUNTEER), true);
	}

	@Test
	void onlyPeopleOfTheOrganisationOpenAConfidentialAddressNeverVolunteersOrTheSystem() {
		holdsFor(Staff::mayOpenConfidentialAddress, Set.of(Role.COORDINATOR, Role.PROFESSIONAL), false);
		holdsFor(Staff::seesSecretLocations, Set.of(Role.COORDINATOR, Role.PROFESSIONAL), false);
	}

	@Test
	void volunteersSeeOnlyTheirOwnFamilies() {
		holdsFor(Staff::seesOnlyOwnFamilies, Set.of(Role.VOLUNTEER), false);
	}

	@Test
	void theCoordinatorLeadsTheTeam() {
		holdsFor(Staff::leadsTeam, Set.of(Role.COORDINATOR), false);
	}

	@Test
	void coordinatorsAndTheSystemAssignContactPersons() {
		holdsFor(Staff::assignsContactPersons, Set.of(Role.COORDINATOR), true);
	}

	@Test
	void coordinatorsAndTheSystemExchangeHouseholdFiles() {
		holdsFor(Staff::exchangesHouseholdFiles, Set.of(Role.COORDINATOR), true);
	}

	@Test
	void researchersAndCoordinatorsSeeTheMonitorResearchersNothingElse() {
		holdsFor(Staff::seesMonitor, Set.of(Role.RESEARCHER, Role.COORDINATOR), false);
		holdsFor(Staff::seesOnlyAnonymisedFigures, Set.of(Role.RESEARCHER), false);
	}

	@Test
	void administratorsAdministerAndNothingElse() {
		holdsFor(Staff::administers, Set.of(Role.ADMINISTRATOR), false);
		Staff administrator = as(Role.ADMINISTRATOR);
		assertThat(administrator.seesClientData()).isFalse();
		assertThat(administrator.worksWithCases()).isFalse();
	}

	@Test
	void aSensitiveNoteIsReadByItsAuthorAndCoordinatorsOnly() {
		UUID author = UUID.randomUUID();
		Staff writer = Staff.member(ORGANISATION, author, Role.VOLUNTEER, Set.of());
		Map<Staff, Boolean> readers = Map.of(writer, true, as(Role.COORDINATOR), true, as(Role.PROFESSIONAL), false,
				as(Role.VOLUNTEER), false, SYSTEM, false);
		readers.forEach((reader, reads) -> {
			assertThat(reader.readsNote(author, true)).as(reader.toString()).isEqualTo(reads);
			assertThat(reader.readsNote(author, false)).as(reader.toString()).isTrue();
		});
	}

	@Test
	void onlyTheSystemIsTheSystem() {
		holdsFor(Staff::isSystem, Set.of(), true);
		assertThat(SYSTEM.userId()).isNull();
		assertThat(SYSTEM.role()).isNull();
	}

	@Test
	void caseWorkIsRequiredOfVolunteers() {
		assertThat(as(Role.PROFESSIONAL).requireCaseWork()).isNotNull();
		assertThatThrownBy(() -> as(Role.VOLUNTEER).requireCaseWork()).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> Staff.nobody().requireCaseWork()).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void whoDoesNotWorkForExactlyOneOrganisationFindsNothing() {
		assertThat(as(Role.VOLUNTEER).requireOrganisation("household").organisationId()).isEqualTo(ORGANISATION);
		assertThatThrownBy(() -> as(Role.RESEARCHER).requireOrganisation("household"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> Staff.system(null).requireOrganisation("household"))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void theCurrentStaffFollowsTheDeclaredScope() {
		UUID user = UUID.randomUUID();
		Staff professional = TenantScope.callAs(new TenantScope.Scope(Set.of(ORGANISATION), "PROFESSIONAL", user),
				Staff::current);
		assertThat(professional).isEqualTo(Staff.member(ORGANISATION, user, Role.PROFESSIONAL, Set.of()));
		Staff system = TenantScope.callAs(TenantScope.Scope.system(Set.of(ORGANISATION)), Staff::current);
		assertThat(system.isSystem()).isTrue();
		assertThat(system.organisationId()).isEqualTo(ORGANISATION);
		Staff monitor = TenantScope.callAs(TenantScope.Scope.system(Set.of(ORGANISATION, UUID.randomUUID())),
				Staff::current);
		assertThat(monitor.organisationId()).isNull();
		assertThat(TenantScope.callAs(TenantScope.Scope.NONE, Staff::current)).isEqualTo(Staff.nobody());
	}

	@Test
	void anAnonymousVisitorIsNobody() {
		assertThat(Staff.of(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))))
			.isEqualTo(Staff.nobody());
		assertThat(Staff.of(null)).isEqualTo(Staff.nobody());
	}

}
