package nl.vangnet.access;

import java.util.Set;
import java.util.UUID;

import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The access trail is written with the action or not at all, cannot be changed by the
 * application, and is read only by those who may.
 */
@VangnetTest
class AccessTrailTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private AccessTrail trail;

	@Test
	void theApplicationCannotChangeOrDeleteTheTrail() {
		TestData.Organisation organisation = this.data.organisation();
		TenantScope.Scope scope = TenantScope.Scope.system(Set.of(organisation.id()));
		UUID household = UUID.randomUUID();
		this.data.inScope(scope, (sql) -> {
			this.trail.recordSystem(organisation.id(), AccessAction.VIEW, AccessSubject.household(household));
			return null;
		});
		assertThatThrownBy(() -> this.data.inScope(scope,
				(sql) -> sql.sql("update access_trail set action = 'DELETE' where subject_id = :id")
					.param("id", household)
					.update()))
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> this.data.inScope(scope,
				(sql) -> sql.sql("delete from access_trail where subject_id = :id").param("id", household).update()))
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> this.data.inScope(scope, (sql) -> sql.sql("truncate access_trail").update()))
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThat(this.data.<Object>inScope(scope,
				(sql) -> sql.sql("select action from access_trail where subject_id = :id")
					.param("id", household)
					.query(String.class)
					.list()))
			.isEqualTo(java.util.List.of("VIEW"));
	}

	@Test
	void aTrailRowIsWrittenInTheSameTransactionAsTheActionOrNotAtAll() {
		TestData.Organisation organisation = this.data.organisation();
		TenantScope.Scope scope = TenantScope.Scope.system(Set.of(organisation.id()));
		UUID household = UUID.randomUUID();
		assertThatThrownBy(() -> this.data.inScope(scope, (sql) -> {
			this.trail.recordSystem(organisation.id(), AccessAction.UPDATE, AccessSubject.household(household));
			throw new IllegalStateException("the action itself failed");
		})).hasMessage("the action itself failed");
		assertThat(this.data.<Object>inScope(scope,
				(sql) -> sql.sql("select count(*) from access_trail where subject_id = :id")
					.param("id", household)
					.query(Integer.class)
					.single()))
			.isEqualTo(0);
		assertThatThrownBy(() -> this.trail.record(AccessAction.VIEW, AccessSubject.household(household)))
			.as("recording client-data access outside the action's transaction is refused")
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void aFailingTrailFailsTheActionItRecords() {
		TestData.Organisation organisation = this.data.organisation();
		TenantScope.Scope scope = TenantScope.Scope.system(Set.of(organisation.id()));
		assertThatThrownBy(() -> this.data.inScope(scope, (sql) -> {
			sql.sql("create temporary table action_done (id int) on commit drop").update();
			this.trail.recordSystem(organisation.id(), AccessAction.UPDATE, new AccessSubject("X".repeat(40), null));
			return null;
		})).hasMessageContaining("subject_type");
	}

	@Test
	void rowLevelSecurityHidesAnotherOrganisationsRowsEvenFromAnUnscopedQuery() {
		TestData.Organisation mine = this.data.organisation();
		TestData.Organisation theirs = this.data.organisation();
		UUID theirHousehold = UUID.randomUUID();
		this.data.inScope(TenantScope.Scope.system(Set.of(theirs.id())), (sql) -> {
			this.trail.recordSystem(theirs.id(), AccessAction.VIEW, AccessSubject.household(theirHousehold));
			return null;
		});
		String unscoped = "select count(*) from access_trail where organisation_id = :theirs";
		assertThat(this.data.<Object>inScope(TenantScope.Scope.system(Set.of(mine.id())),
				(sql) -> sql.sql(unscoped).param("theirs", theirs.id()).query(Integer.class).single()))
			.isEqualTo(0);
		assertThat(this.data.<Object>inScope(TenantScope.Scope.NONE,
				(sql) -> sql.sql("select count(*) from access_trail").query(Integer.class).single()))
			.as("no scope sees nothing at all")
			.isEqualTo(0);
		assertThat(this.data.<Object>inScope(TenantScope.Scope.system(Set.of(theirs.id())),
				(sql) -> sql.sql(unscoped).param("theirs", theirs.id()).query(Integer.class).single()))
			.isEqualTo(1);
	}

	@Test
	void aCoordinatorSeesTheTrailOfTheirOwnOrganisationOnlyAndReadingItIsRecorded() throws Exception {
		TestData.Organisation mine = this.data.organisation();
		TestData.Organisation theirs = this.data.organisation();
		UUID myHousehold = UUID.randomUUID();
		UUID theirHousehold = UUID.randomUUID();
		this.data.inScope(TenantScope.Scope.system(Set.of(mine.id(), theirs.id())), (sql) -> {
			this.trail.recordSystem(mine.id(), AccessAction.VIEW, AccessSubject.household(myHousehold));
			this.trail.recordSystem(theirs.id(), AccessAction.VIEW, AccessSubject.household(theirHousehold));
			return null;
		});
		MockHttpSession coordinator = TestData.signIn(this.mvc, this.data.person(mine, Role.COORDINATOR));
		this.mvc.perform(get("/api/v1/access-trail").param("subject", myHousehold.toString()).session(coordinator))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].action").value("VIEW"))
			.andExpect(jsonPath("$[0].subjectId").value(myHousehold.toString()));
		this.mvc.perform(get("/api/v1/access-trail").param("subject", theirHousehold.toString()).session(coordinator))
			.andExpect(jsonPath("$").isEmpty());
		this.mvc.perform(get("/api/v1/access-trail").session(coordinator))
			.andExpect(jsonPath("$[*].action", hasItem("VIEW_TRAIL")))
			.andExpect(jsonPath("$[?(@.action == 'VIEW')].subjectId", hasItem(myHousehold.toString())))
			.andExpect(jsonPath("$[?(@.action == 'VIEW')].subjectId", not(hasItem(theirHousehold.toString()))));
		this.mvc.perform(get("/access-trail").param("subject", myHousehold.toString()).session(coordinator))
			.andExpect(status().isOk());
	}

	@Test
	void anAdministratorSeesSignInsOfEveryoneButNoClientDataTrail() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person professional = this.data.person(organisation, Role.PROFESSIONAL);
		TestData.signIn(this.mvc, professional);
		UUID household = UUID.randomUUID();
		this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())), (sql) -> {
			this.trail.recordSystem(organisation.id(), AccessAction.VIEW, AccessSubject.household(household));
			return null;
		});
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		this.mvc.perform(get("/api/v1/sign-ins").session(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].actor", hasItem(professional.email())))
			.andExpect(jsonPath("$[*].subjectId", not(hasItem(household.toString()))));
		this.mvc.perform(get("/admin/sign-ins").session(admin)).andExpect(status().isOk());
		assertThat(this.data.<Object>inScope(new TenantScope.Scope(Set.of(), "ADMINISTRATOR", null),
				(sql) -> sql.sql("select count(*) from access_trail where subject_id = :id")
					.param("id", household)
					.query(Integer.class)
					.single()))
			.isEqualTo(0);
	}

}
