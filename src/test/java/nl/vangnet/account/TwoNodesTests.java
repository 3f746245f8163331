package nl.vangnet.account;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.VangnetApplication;
import nl.vangnet.VangnetTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Two application nodes on one database, as behind a load balancer: a session begun on
 * one goes on on the other, ends on both at once, and a throttled sign-in is throttled on
 * both. Nothing of it lives in one node's memory.
 */
@VangnetTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTests {

	@Autowired
	private MockMvc one;

	@Autowired
	private TestData data;

	private ConfigurableApplicationContext otherNode;

	private MockMvc other;

	@BeforeAll
	void startASecondNodeOnTheSameDatabase() {
		this.otherNode = new SpringApplicationBuilder(VangnetApplication.class).profiles("test")
			.properties("server.port=0", "vangnet.db.clean-embedded=false")
			.run();
		this.other = MockMvcBuilders.webAppContextSetup((WebApplicationContext) this.otherNode)
			.addFilters(this.otherNode.getBean("springSessionRepositoryFilter", Filter.class),
					this.otherNode.getBean("springSecurityFilterChain", Filter.class))
			.build();
	}

	@AfterAll
	void stopTheSecondNode() {
		if (this.otherNode != null) {
			this.otherNode.close();
		}
	}

	@Test
	void signedInOnOneNodeGoesOnOnTheOtherAndSigningOutThereEndsItOnBoth() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		Cookie session = signIn(this.one, person.email(), TestData.PASSWORD);

		assertThat(this.other.perform(get("/api/v1/me").cookie(session)).andReturn().getResponse())
			.satisfies((response) -> assertThat(response.getStatus()).isEqualTo(200))
			.satisfies((response) -> assertThat(response.getContentAsString()).contains(person.email()));
		assertThat(this.other.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);

		MockHttpServletResponse signedOut = this.other.perform(post("/logout").cookie(session).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(signedOut.getRedirectedUrl()).isEqualTo("/login?signedOut");

		assertThat(this.one.perform(get("/api/v1/me").cookie(session)).andReturn().getResponse().getStatus())
			.isEqualTo(401);
		assertThat(this.other.perform(get("/api/v1/me").cookie(session)).andReturn().getResponse().getStatus())
			.isEqualTo(401);
		assertThat(this.data.sessionTrail(person.id())).containsExactly("SIGN_IN", "SIGN_OUT");
	}

	@Test
	void aPasswordChangedOnOneNodeEndsTheSessionOnTheOther() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.COORDINATOR);
		Cookie onOne = signIn(this.one, person.email(), TestData.PASSWORD);
		Cookie onOther = signIn(this.other, person.email(), TestData.PASSWORD);
		MockHttpServletResponse changed = this.other
			.perform(put("/api/v1/me/password").cookie(onOther)
				.with(csrf())
				.contentType("application/json")
				.content("{\"currentPassword\":\"" + TestData.PASSWORD
						+ "\",\"newPassword\":\"groene-giraffe-leest-de-krant\"}"))
			.andReturn()
			.getResponse();
		assertThat(changed.getStatus()).isEqualTo(204);
		assertThat(this.one.perform(get("/api/v1/me").cookie(onOne)).andReturn().getResponse().getStatus())
			.isEqualTo(401);
		assertThat(this.other.perform(get("/api/v1/me").cookie(onOther)).andReturn().getResponse().getStatus())
			.as("the session that changed the password goes on")
			.isEqualTo(200);
	}

	@Test
	void failedSignInsOnOneNodeThrottleTheAccountOnBoth() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		RequestPostProcessor client = SignInTests.from(SignInTests.someSource());
		for (int attempt = 1; attempt <= 6; attempt++) {
			MockHttpServletResponse failed = this.one
				.perform(post("/login").param("username", person.email())
					.param("password", "fout-" + attempt)
					.with(client)
					.with(csrf()))
				.andReturn()
				.getResponse();
			assertThat(failed.getRedirectedUrl()).isEqualTo("/login?error");
		}
		for (MockMvc node : new MockMvc[] { this.other, this.one }) {
			MockHttpServletResponse throttled = node
				.perform(post("/login").header("Accept", "application/json")
					.param("username", person.email())
					.param("password", TestData.PASSWORD)
					.with(client)
					.with(csrf()))
				.andReturn()
				.getResponse();
			assertThat(throttled.getStatus()).isEqualTo(429);
			assertThat(Integer.parseInt(throttled.getHeader("Retry-After"))).isBetween(1, 60);
		}
	}

	private static Cookie signIn(MockMvc node, String email, String password) throws Exception {
		MockHttpServletResponse response = node
			.perform(post("/login").param("username", email).param("password", password).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(response.getRedirectedUrl()).isEqualTo("/");
		Cookie session = response.getCookie("SESSION");
		assertThat(session).as("the session cookie").isNotNull();
		return new Cookie(session.getName(), session.getValue());
	}

	/**
	 * Issue 17: the password on one node, the second factor on the other. In between the
	 * session is half signed in on both nodes alike: every endpoint either node serves
	 * (its controllers and Spring Security's own) answers 401 or leads to the second
	 * step, except the second step itself; a code on the other node completes the sign-in
	 * with a new session id that both nodes know, and the half session's old id is worth
	 * nothing on either.
	 */
	@Test
	void aPasswordOnOneNodeAndTheCodeOnTheOtherWithNothingElseReachableInBetween() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		this.data.inScope(nl.vangnet.platform.tenancy.TenantScope.Scope.system(java.util.Set.of(organisation.id())),
				(sql) -> sql.sql("update organisation set second_factor = 'REQUIRED' where id = :id")
					.param("id", organisation.id())
					.update());
		TestData.Person person = this.data.person(organisation, Role.COORDINATOR);
		String secret = enrol(person);

		MockHttpServletResponse password = this.one
			.perform(post("/login").param("username", person.email()).param("password", TestData.PASSWORD).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(password.getRedirectedUrl()).isEqualTo("/login/second-factor");
		Cookie half = new Cookie("SESSION", password.getCookie("SESSION").getValue());

		java.util.List<String> reached = new java.util.ArrayList<>();
		int tried = 0;
		for (MockMvc node : new MockMvc[] { this.one, this.other }) {
			for (String endpoint : endpoints()) {
				if (SECOND_STEP.contains(endpoint) || endpoint.startsWith("ANY /error")
						|| endpoint.equals("POST /logout")) {
					continue;
				}
				String method = endpoint.substring(0, endpoint.indexOf(' '));
				String path = endpoint.substring(endpoint.indexOf(' ') + 1)
					.replaceAll("\\{[^}]+\\}", java.util.UUID.randomUUID().toString());
				MockHttpServletResponse response = node
					.perform(
							org.springframework.test.web.servlet.request.MockMvcRequestBuilders
								.request(org.springframework.http.HttpMethod
									.valueOf("ANY".equals(method) ? "GET" : method), path)
								.cookie(half)
								.with(csrf())
								.contentType("application/json")
								.content("{}"))
					.andReturn()
					.getResponse();
				tried++;
				// the identity provider's endpoints come before the second step and lead
				// everyone back to the sign-in page with a message
				boolean signInPage = endpoint.contains("oauth2") && response.getStatus() == 302
						&& response.getRedirectedUrl() != null
						&& response.getRedirectedUrl().startsWith("/login?oidc=");
				boolean gated = signInPage || (path.startsWith("/api/")
						? response.getStatus() == 401
								&& response.getContentAsString().contains("\"secondFactorStep\":\"CODE\"")
						: response.getStatus() == 302 && "/login/second-factor".equals(response.getRedirectedUrl()));
				if (!gated) {
					reached.add(((node == this.one) ? "node 1: " : "node 2: ") + endpoint + " -> "
							+ response.getStatus() + " " + response.getRedirectedUrl());
				}
			}
		}
		assertThat(tried).as("every endpoint of both nodes").isGreaterThan(400);
		assertThat(reached).as("reachable while half signed in").isEmpty();
		for (MockMvc node : new MockMvc[] { this.one, this.other }) {
			assertThat(node.perform(get("/login/second-factor").cookie(half)).andReturn().getResponse().getStatus())
				.as("still half signed in")
				.isEqualTo(200);
		}

		MockHttpServletResponse code = this.other
			.perform(post("/api/v1/sign-in/second-factor").cookie(half)
				.with(csrf())
				.contentType("application/json")
				.content("{\"code\":\"" + TotpCodes.at(secret, java.time.Instant.now(), 1) + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(code.getStatus()).as(code.getContentAsString()).isEqualTo(200);
		Cookie signedIn = new Cookie("SESSION", code.getCookie("SESSION").getValue());
		assertThat(signedIn.getValue()).as("a new session id").isNotEqualTo(half.getValue());
		for (MockMvc node : new MockMvc[] { this.one, this.other }) {
			assertThat(node.perform(get("/api/v1/households").cookie(signedIn)).andReturn().getResponse().getStatus())
				.isEqualTo(200);
			assertThat(node.perform(get("/api/v1/me").cookie(half)).andReturn().getResponse().getStatus())
				.as("the half session's old id")
				.isEqualTo(401);
		}
		assertThat(this.data.sessionTrail(person.id())).endsWith("SIGN_IN");
	}

	/** What a half-signed-in session with an enrolled factor may reach. */
	private static final java.util.Set<String> SECOND_STEP = java.util.Set.of("GET /login/second-factor",
			"POST /login/second-factor", "POST /api/v1/sign-in/second-factor", "POST /webauthn/authenticate/options",
			"POST /login/webauthn");

	/**
	 * Every endpoint of a node: its controllers' mappings and the endpoints Spring
	 * Security's filters serve (as in the authorization matrix).
	 */
	private java.util.List<String> endpoints() {
		java.util.Set<String> endpoints = new java.util.TreeSet<>();
		org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings = this.otherNode
			.getBean("requestMappingHandlerMapping",
					org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class);
		mappings.getHandlerMethods().keySet().forEach((info) -> {
			java.util.Set<String> methods = new java.util.TreeSet<>();
			info.getMethodsCondition().getMethods().forEach((m) -> methods.add(m.name()));
			if (methods.isEmpty()) {
				methods.add("ANY");
			}
			for (String pattern : info.getPatternValues()) {
				methods.forEach((m) -> endpoints.add(m + " " + pattern));
			}
		});
		endpoints.addAll(java.util.List.of("POST /webauthn/register/options", "POST /webauthn/register",
				"DELETE /webauthn/register/{credentialId}", "POST /webauthn/authenticate/options",
				"POST /login/webauthn", "GET /oauth2/authorization/{registrationId}",
				"GET /login/oauth2/code/{registrationId}"));
		return java.util.List.copyOf(endpoints);
	}

	/**
	 * Enrols an authenticator app on node 1 (the organisation requires one) and signs
	 * out.
	 */
	private String enrol(TestData.Person person) throws Exception {
		MockHttpServletResponse password = this.one
			.perform(post("/login").param("username", person.email()).param("password", TestData.PASSWORD).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(password.getRedirectedUrl()).isEqualTo("/account/factors");
		Cookie session = new Cookie("SESSION", password.getCookie("SESSION").getValue());
		MockHttpServletResponse enrolment = this.one
			.perform(post("/api/v1/me/factors/totp").cookie(session)
				.with(csrf())
				.contentType("application/json")
				.content("{}"))
			.andReturn()
			.getResponse();
		String secret = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(enrolment.getContentAsString())
			.get("secret")
			.asString();
		MockHttpServletResponse confirmed = this.one
			.perform(post("/api/v1/me/factors/totp/confirmation").cookie(session)
				.with(csrf())
				.contentType("application/json")
				.content("{\"code\":\"" + TotpCodes.now(secret) + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(confirmed.getStatus()).as(confirmed.getContentAsString()).isEqualTo(200);
		Cookie signedIn = (confirmed.getCookie("SESSION") != null)
				? new Cookie("SESSION", confirmed.getCookie("SESSION").getValue()) : session;
		this.one.perform(post("/logout").cookie(signedIn).with(csrf()));
		return secret;
	}

}
