package nl.vangnet.account;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import nl.vangnet.ApiClient;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Passkeys (WebAuthn) as a second factor: the ceremonies' options come from Spring
 * Security's endpoints for the signed-in account, the credentials are kept in PostgreSQL
 * by its JDBC repositories, an account with a passkey is asked for its second step, and
 * an administrator's reset removes them. A full registration and sign-in run with a
 * {@link TestAuthenticator} (a real P-256 key, a {@code none} attestation and ES256
 * assertions that Spring Security and webauthn4j verify), and passkeys that do not verify
 * count in the sign-in throttle like wrong passwords and codes.
 */
@VangnetTest
class PasskeyTests {

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	@Autowired
	private PublicKeyCredentialUserEntityRepository users;

	@Autowired
	private UserCredentialRepository credentials;

	@Autowired
	private Passkeys passkeys;

	@Test
	void theRegistrationOptionsNameTheSignedInAccountAndTheRelyingParty() throws Exception {
		TestData.Person professional = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		MockHttpSession session = TestData.signIn(this.mvc, professional);
		MockHttpServletResponse response = this.api.send(post("/webauthn/register/options"), "", session, 200);
		JsonNode options = this.api.read(response);
		assertThat(options.get("rp").get("id").stringValue()).isEqualTo("localhost");
		assertThat(options.get("rp").get("name").stringValue()).isEqualTo("Vangnet");
		assertThat(options.get("user").get("name").stringValue()).isEqualTo(professional.email());
		assertThat(options.get("challenge").stringValue()).isNotBlank();
		// Spring Security's filter answers 400 to nobody signed in: no options, no
		// challenge
		MockHttpServletResponse anonymous = this.mvc
			.perform(post("/webauthn/register/options").with(
					org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andReturn()
			.getResponse();
		assertThat(anonymous.getStatus()).as("nobody signed in").isIn(302, 400, 401, 403);
		assertThat(anonymous.getContentAsString()).doesNotContain("challenge");
	}

	@Test
	void aPasskeyKeptInPostgresqlMakesTheSignInAskForTheSecondStepAndAResetRemovesIt() throws Exception {
		TestData.Person coordinator = this.data.person(this.data.organisation(), Role.COORDINATOR);
		PublicKeyCredentialUserEntity entity = ImmutablePublicKeyCredentialUserEntity.builder()
			.id(Bytes.random())
			.name(coordinator.email())
			.displayName("Test")
			.build();
		this.users.save(entity);
		Bytes credentialId = Bytes.random();
		this.credentials.save(ImmutableCredentialRecord.builder()
			.credentialType(PublicKeyCredentialType.PUBLIC_KEY)
			.credentialId(credentialId)
			.userEntityUserId(entity.getId())
			.publicKey(new ImmutablePublicKeyCose(new byte[] { 1, 2, 3 }))
			.signatureCount(0)
			.uvInitialized(true)
			.transports(Set.of(AuthenticatorTransport.INTERNAL))
			.backupEligible(false)
			.backupState(false)
			.created(Instant.now())
			.lastUsed(Instant.now())
			.label("Telefoon")
			.build());
		assertThat(this.credentials.findByCredentialId(credentialId).getLabel()).isEqualTo("Telefoon");
		assertThat(this.passkeys.any(coordinator.id())).isTrue();
		assertThat(this.passkeys.list(coordinator.id())).extracting(Passkeys.PasskeyView::label)
			.containsExactly("Telefoon");

		MockHttpSession half = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", coordinator.email())
				.param("password", TestData.PASSWORD)
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		assertThat(this.api
			.status(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/me"), half))
			.isEqualTo(401);
		MockHttpServletResponse options = this.api.send(post("/webauthn/authenticate/options"), "", half, 200);
		assertThat(this.api.read(options).get("challenge").stringValue()).isNotBlank();
		assertThat(this.api.send(post("/login/webauthn"), "{}", half).getStatus()).as("no assertion").isNotEqualTo(200);

		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		this.api.send(post("/api/v1/users/{id}/factors/reset", coordinator.id()), "{}", admin, 200);
		assertThat(this.passkeys.any(coordinator.id())).isFalse();
		assertThat(this.credentials.findByCredentialId(credentialId)).isNull();
	}

	@Test
	void aPasskeyRegisteredWithAnAuthenticatorSignsInAtTheSecondStepAndCountsOnlyForItsOwnAccount() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		TestAuthenticator authenticator = new TestAuthenticator();
		register(coordinator, authenticator, "Telefoon");
		assertThat(this.passkeys.list(coordinator.id())).extracting(Passkeys.PasskeyView::label)
			.containsExactly("Telefoon");
		// her credential registered for someone else (a copied answer): refused with a
		// 400, not an error page, and nothing saved
		TestData.Person copier = this.data.person(organisation, Role.PROFESSIONAL);
		MockHttpSession copying = TestData.signIn(this.mvc, copier);
		JsonNode copyOptions = this.api.read(this.api.send(post("/webauthn/register/options"), "", copying, 200));
		MockHttpServletResponse copied = this.api.send(post("/webauthn/register"),
				authenticator.register(copyOptions.get("challenge").stringValue(),
						copyOptions.get("user").get("id").stringValue(), "Kopie"),
				copying);
		assertThat(copied.getStatus()).as(copied.getContentAsString()).isEqualTo(400);
		assertThat(this.passkeys.any(copier.id())).isFalse();

		RequestPostProcessor client = from();
		MockHttpSession half = passwordOnly(coordinator, client);
		assertThat(this.api.status(get("/api/v1/me"), half)).as("half signed in").isEqualTo(401);
		MvcResult signedIn = signInWithPasskey(half, authenticator, client);
		assertThat(signedIn.getResponse().getStatus()).as(signedIn.getResponse().getContentAsString()).isEqualTo(200);
		JsonNode answer = this.api.read(signedIn.getResponse());
		assertThat(answer.get("authenticated").booleanValue()).isTrue();
		assertThat(answer.get("redirectUrl").stringValue()).isEqualTo("/");
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
		assertThat(session.getId()).as("a new session id after the second step").isNotEqualTo(half.getId());
		assertThat(this.api.getJson("/api/v1/me", session).get("email").stringValue()).isEqualTo(coordinator.email());
		assertThat(this.api.status(get("/api/v1/households"), session)).isEqualTo(200);
		assertThat(trail(organisation, coordinator.id())).contains("SIGN_IN");

		// her passkey does not finish the sign-in of a colleague whose password was right
		TestData.Person colleague = this.data.person(organisation, Role.PROFESSIONAL);
		register(colleague, new TestAuthenticator(), "Sleutel");
		MockHttpSession other = passwordOnly(colleague, client);
		MvcResult wrongAccount = signInWithPasskey(other, authenticator, client);
		assertThat(wrongAccount.getResponse().getStatus()).isEqualTo(401);
		assertThat(this.api.status(get("/api/v1/me"), other)).isEqualTo(401);

		// and nobody signs in with a passkey alone
		MockHttpServletResponse options = this.mvc.perform(post("/webauthn/authenticate/options").with(csrf()))
			.andReturn()
			.getResponse();
		if (options.getStatus() == 200) {
			MvcResult alone = this.mvc
				.perform(post("/login/webauthn").with(csrf())
					.with(client)
					.contentType(MediaType.APPLICATION_JSON)
					.content(authenticator.assertion(this.api.read(options).get("challenge").stringValue())))
				.andReturn();
			assertThat(alone.getResponse().getStatus()).isEqualTo(401);
			MockHttpSession after = (MockHttpSession) alone.getRequest().getSession(false);
			if (after != null && !after.isInvalid()) {
				assertThat(this.api.status(get("/api/v1/me"), after)).isEqualTo(401);
			}
		}
	}

	@Test
	void passkeysThatDoNotVerifyAreThrottledLikeWrongPasswordsAndCodes() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person professional = this.data.person(organisation, Role.PROFESSIONAL);
		TestAuthenticator authenticator = new TestAuthenticator();
		register(professional, authenticator, "Telefoon");
		RequestPostProcessor client = from();
		MockHttpSession half = passwordOnly(professional, client);
		for (int i = 0; i < 6; i++) {
			String challenge = challenge(half);
			MockHttpServletResponse wrong = this.mvc
				.perform(post("/login/webauthn").with(csrf())
					.with(client)
					.session(half)
					.contentType(MediaType.APPLICATION_JSON)
					.content(authenticator.forgedAssertion(challenge)))
				.andReturn()
				.getResponse();
			assertThat(wrong.getStatus()).as("attempt %d", i + 1).isEqualTo(401);
		}
		MockHttpServletResponse throttled = signInWithPasskey(half, authenticator, client).getResponse();
		assertThat(throttled.getStatus()).as("even the right passkey waits").isEqualTo(429);
		assertThat(throttled.getHeader("Retry-After")).isNotBlank();
		assertThat(this.api.status(get("/api/v1/me"), half)).isEqualTo(401);
		List<String> trail = trail(organisation, professional.id());
		assertThat(trail).contains("SIGN_IN_THROTTLED");
		assertThat(trail).filteredOn("SIGN_IN_FAILED"::equals).hasSize(6);
		assertThat(trail).filteredOn("SIGN_IN"::equals).as("only the sign-in that added the passkey").hasSize(1);
		// the throttle counts the account from this client, as for passwords: the code
		// step is throttled too
		assertThat(this.api.send(post("/api/v1/sign-in/second-factor").with(client), "{\"code\":\"000000\"}", half)
			.getStatus()).isEqualTo(429);
	}

	/** Signs in (no factor yet) and registers the authenticator's passkey. */
	private void register(TestData.Person person, TestAuthenticator authenticator, String label) throws Exception {
		MockHttpSession session = TestData.signIn(this.mvc, person);
		JsonNode options = this.api.read(this.api.send(post("/webauthn/register/options"), "", session, 200));
		MockHttpServletResponse registered = this.api.send(post("/webauthn/register"), authenticator.register(
				options.get("challenge").stringValue(), options.get("user").get("id").stringValue(), label), session);
		assertThat(registered.getStatus()).as(registered.getContentAsString()).isEqualTo(200);
		assertThat(registered.getContentAsString()).contains("\"success\":true");
	}

	private MockHttpSession passwordOnly(TestData.Person person, RequestPostProcessor client) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").param("username", person.email())
				.param("password", TestData.PASSWORD)
				.with(csrf())
				.with(client))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private String challenge(MockHttpSession session) throws Exception {
		return this.api.read(this.api.send(post("/webauthn/authenticate/options"), "", session, 200))
			.get("challenge")
			.stringValue();
	}

	private MvcResult signInWithPasskey(MockHttpSession half, TestAuthenticator authenticator,
			RequestPostProcessor client) throws Exception {
		String challenge = challenge(half);
		return this.mvc
			.perform(post("/login/webauthn").with(csrf())
				.with(client)
				.session(half)
				.contentType(MediaType.APPLICATION_JSON)
				.content(authenticator.assertion(challenge)))
			.andReturn();
	}

	private List<String> trail(TestData.Organisation organisation, UUID account) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(sql) -> sql.sql("select action from access_trail where actor_id = :id or subject_id = :id")
					.param("id", account)
					.query(String.class)
					.list());
	}

	/** Requests from a client address of their own (failures count per client). */
	private static RequestPostProcessor from() {
		String address = "10.18." + (CLIENTS.incrementAndGet() / 250) + "." + (CLIENTS.get() % 250 + 1);
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
