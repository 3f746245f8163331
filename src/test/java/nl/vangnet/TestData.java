package nl.vangnet;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import nl.vangnet.account.AccountApi;
import nl.vangnet.account.NewAccount;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.tenancy.TenantScope;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Makes organisations and accounts with unique codes and addresses, so that tests sharing
 * one database never see each other's data by accident, and signs people in for real.
 */
@TestComponent
public class TestData {

	/**
	 * Today as the application counts days (its clock's zone, VANGNET_TIME_ZONE, by
	 * default Europe/Amsterdam), not as the test JVM's zone does: between 23:00 and
	 * midnight UTC those are different days.
	 */
	public static java.time.LocalDate today() {
		String zone = System.getenv("VANGNET_TIME_ZONE");
		return java.time.LocalDate
			.now(java.time.ZoneId.of((zone != null && !zone.isBlank()) ? zone : "Europe/Amsterdam"));
	}

	/** The password every test account gets; it satisfies the password policy. */
	public static final String PASSWORD = "paarse-olifant-danst-op-het-dak";

	private static final SecureRandom random = new SecureRandom();

	private final OrganisationApi organisations;

	private final AccountApi accounts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	TestData(OrganisationApi organisations, AccountApi accounts, JdbcClient jdbc,
			PlatformTransactionManager transactionManager) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Runs SQL in a transaction with the given scope, as the application would.
	 */
	public <T> T inScope(TenantScope.Scope scope, Function<JdbcClient, T> work) {
		return TenantScope.callAs(scope, () -> this.transactions.execute((status) -> work.apply(this.jdbc)));
	}

	/**
	 * The trail actions of an account, oldest first, as an administrator sees sign-ins.
	 */
	public List<String> sessionTrail(UUID accountId) {
		return inScope(new TenantScope.Scope(Set.of(), "ADMINISTRATOR", null),
				(sql) -> sql.sql("select action from access_trail where actor_id = :id order by id")
					.param("id", accountId)
					.query(String.class)
					.list());
	}

	public static String unique(String prefix) {
		StringBuilder suffix = new StringBuilder();
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		for (int i = 0; i < 6; i++) {
			suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return prefix + suffix;
	}

	/** A new organisation with a unique code. */
	public Organisation organisation(OrganisationKind kind) {
		String code = unique("T");
		UUID id = this.organisations.register(code, "Testorganisatie " + code, kind, List.of("Centrum"), true);
		return new Organisation(id, code);
	}

	public Organisation organisation() {
		return organisation(OrganisationKind.INFORMAL);
	}

	/** A new account of the organisation (or none, for an administrator). */
	public Person person(Organisation organisation, Role role) {
		String email = unique("p").toLowerCase() + "@test.example";
		UUID id = this.accounts.open(new NewAccount(email, "Test " + role.name().toLowerCase(),
				(organisation != null) ? organisation.code() : null, role, PASSWORD, null));
		return new Person(id, email, role, organisation);
	}

	/** Signs in through the real form login; the session is what a browser would keep. */
	public static MockHttpSession signIn(MockMvc mvc, String email, String password) throws Exception {
		MvcResult result = mvc.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as("sign-in of %s", email).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	public static MockHttpSession signIn(MockMvc mvc, Person person) throws Exception {
		return signIn(mvc, person.email(), PASSWORD);
	}

	public record Organisation(UUID id, String code) {
	}

	public record Person(UUID id, String email, Role role, Organisation organisation) {
	}

}
