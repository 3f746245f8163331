package nl.vangnet.account;

import java.util.List;

import jakarta.servlet.http.Cookie;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@VangnetTest
class SignInTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private SessionRepository<? extends Session> sessions;

	@Test
	void signingInLeadsToTheStartPageWithANewSessionId() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		MockHttpSession before = new MockHttpSession();
		String idBefore = before.getId();
		MvcResult result = this.mvc
			.perform(post("/login").session(before)
				.param("username", person.email())
				.param("password", TestData.PASSWORD)
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/"))
			.andReturn();
		assertThat(result.getRequest().getSession().getId()).isNotEqualTo(idBefore);
	}

	@Test
	void anUnknownAddressAndAWrongPasswordGetTheSameAnswer() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		MockHttpServletResponse wrongPassword = this.mvc
			.perform(post("/login").param("username", person.email())
				.param("password", "niet-het-goede-wachtwoord")
				.with(csrf()))
			.andReturn()
			.getResponse();
		MockHttpServletResponse unknown = this.mvc
			.perform(post("/login").param("username", "niemand-" + person.email())
				.param("password", "niet-het-goede-wachtwoord")
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(wrongPassword.getStatus()).isEqualTo(unknown.getStatus()).isEqualTo(302);
		assertThat(wrongPassword.getRedirectedUrl()).isEqualTo(unknown.getRedirectedUrl()).isEqualTo("/login?error");

		MockHttpServletResponse wrongJson = this.mvc
			.perform(post("/login").header("Accept", "application/json")
				.param("username", person.email())
				.param("password", "niet-het-goede-wachtwoord")
				.with(csrf()))
			.andReturn()
			.getResponse();
		MockHttpServletResponse unknownJson = this.mvc
			.perform(post("/login").header("Accept", "application/json")
				.param("username", "niemand-" + person.email())
				.param("password", "niet-het-goede-wachtwoord")
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(wrongJson.getStatus()).isEqualTo(unknownJson.getStatus()).isEqualTo(401);
		assertThat(wrongJson.getContentAsString()).isEqualTo(unknownJson.getContentAsString());
	}

	@Test
	void theSeventhFailedAttemptWithinAMinuteIsRefusedEvenWithTheRightPassword() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		RequestPostProcessor client = from(someSource());
		for (int attempt = 1; attempt <= 6; attempt++) {
			this.mvc
				.perform(post("/login").param("username", person.email())
					.param("password", "fout-wachtwoord-" + attempt)
					.with(client)
					.with(csrf()))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc
			.perform(post("/login").param("username", person.email().toUpperCase())
				.param("password", TestData.PASSWORD)
				.with(client)
				.with(csrf()))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "60"))
			.andExpect(forwardedUrl("/login/throttled"));
		this.mvc.perform(post("/login/throttled").with(csrf()))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Wacht een minuut")));
		this.mvc
			.perform(post("/login").header("Accept", "application/json")
				.param("username", person.email())
				.param("password", TestData.PASSWORD)
				.with(client)
				.with(csrf()))
			.andExpect(status().isTooManyRequests())
			.andExpect(jsonPath("$.status").value(429));
		Integer throttled = this.jdbc
			.sql("select count(*) from access_trail where actor_id = :id and action = 'SIGN_IN_THROTTLED'")
			.param("id", person.id())
			.query(Integer.class)
			.single();
		assertThat(throttled).as("outside an administrator's transaction the trail shows nothing").isZero();
		assertThat(this.data.sessionTrail(person.id())).containsExactly("SIGN_IN_FAILED", "SIGN_IN_FAILED",
				"SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_FAILED", "SIGN_IN_THROTTLED",
				"SIGN_IN_THROTTLED");
	}

	@Test
	void anotherAccountIsNotThrottledBySomeoneElsesFailures() throws Exception {
		TestData.Organisation organisation = this.data.organisation();
		TestData.Person attacked = this.data.person(organisation, Role.PROFESSIONAL);
		TestData.Person colleague = this.data.person(organisation, Role.PROFESSIONAL);
		RequestPostProcessor client = from(someSource());
		for (int attempt = 1; attempt <= 7; attempt++) {
			this.mvc.perform(post("/login").param("username", attacked.email())
				.param("password", "fout")
				.with(client)
				.with(csrf()));
		}
		this.mvc
			.perform(post("/login").param("username", colleague.email())
				.param("password", TestData.PASSWORD)
				.with(client)
				.with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void someoneElsesWrongGuessesDoNotLockTheRealUserOut() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		RequestPostProcessor attacker = from(someSource());
		for (int attempt = 1; attempt <= 7; attempt++) {
			this.mvc.perform(post("/login").param("username", person.email())
				.param("password", "fout-" + attempt)
				.with(attacker)
				.with(csrf()));
		}
		this.mvc
			.perform(post("/login").param("username", person.email())
				.param("password", TestData.PASSWORD)
				.with(attacker)
				.with(csrf()))
			.andExpect(status().isTooManyRequests());
		this.mvc
			.perform(post("/login").param("username", person.email())
				.param("password", TestData.PASSWORD)
				.with(from(someSource()))
				.with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void passwordSprayingFromOneClientIsSlowedDownForEveryAccount() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		RequestPostProcessor sprayer = from(someSource());
		for (int account = 1; account <= 30; account++) {
			this.mvc
				.perform(post("/login").param("username", TestData.unique("sprayed").toLowerCase() + "@test.example")
					.param("password", "Welkom2024!")
					.with(sprayer)
					.with(csrf()))
				.andExpect(redirectedUrl("/login?error"));
		}
		MockHttpServletResponse throttled = this.mvc
			.perform(post("/login").header("Accept", "application/json")
				.param("username", person.email())
				.param("password", TestData.PASSWORD)
				.with(sprayer)
				.with(csrf()))
			.andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse();
		assertThat(throttled.getHeader("Retry-After")).isEqualTo("1");
		this.mvc
			.perform(post("/login").param("username", person.email())
				.param("password", TestData.PASSWORD)
				.with(from(someSource()))
				.with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void failuresFromManyClientsDelayTheAccountBySecondsButNeverLockIt() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		for (int client = 1; client <= 20; client++) {
			this.mvc
				.perform(post("/login").param("username", person.email())
					.param("password", "fout-" + client)
					.with(from(someSource()))
					.with(csrf()))
				.andExpect(redirectedUrl("/login?error"));
		}
		MockHttpServletResponse delayed = this.mvc
			.perform(post("/login").param("username", person.email())
				.param("password", TestData.PASSWORD)
				.with(from(someSource()))
				.with(csrf()))
			.andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse();
		assertThat(delayed.getHeader("Retry-After")).isEqualTo("1");
		Thread.sleep(1_100);
		this.mvc
			.perform(post("/login").param("username", person.email())
				.param("password", TestData.PASSWORD)
				.with(from(someSource()))
				.with(csrf()))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void theDelayGrowsWithEveryFailureUpToItsLimit() {
		java.time.Duration second = java.time.Duration.ofSeconds(1);
		java.time.Duration half = java.time.Duration.ofSeconds(30);
		assertThat(SignInThrottle.growing(19, 20, second, half)).isNull();
		assertThat(SignInThrottle.growing(20, 20, second, half)).isEqualTo(second);
		assertThat(SignInThrottle.growing(21, 20, second, half)).isEqualTo(java.time.Duration.ofSeconds(2));
		assertThat(SignInThrottle.growing(24, 20, second, half)).isEqualTo(java.time.Duration.ofSeconds(16));
		assertThat(SignInThrottle.growing(25, 20, second, half)).isEqualTo(half);
		assertThat(SignInThrottle.growing(10_000, 20, second, half)).isEqualTo(half);
	}

	@Test
	void changingOnesPasswordEndsOnesOtherSessions() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		MockHttpSession phone = TestData.signIn(this.mvc, person);
		MockHttpSession laptop = TestData.signIn(this.mvc, person);
		MockHttpSession tablet = TestData.signIn(this.mvc, person);
		this.mvc
			.perform(post("/account/password").session(laptop)
				.param("currentPassword", TestData.PASSWORD)
				.param("newPassword", "groene-giraffe-leest-de-krant")
				.with(csrf()))
			.andExpect(redirectedUrl("/"));
		this.mvc.perform(get("/api/v1/me").session(phone)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/me").session(tablet)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/me").session(laptop)).andExpect(status().isOk());

		MockHttpSession again = TestData.signIn(this.mvc, person.email(), "groene-giraffe-leest-de-krant");
		this.mvc
			.perform(put("/api/v1/me/password").session(again)
				.with(csrf())
				.contentType("application/json")
				.content("{\"currentPassword\":\"groene-giraffe-leest-de-krant\","
						+ "\"newPassword\":\"blauwe-pinguin-fietst-naar-zee\"}"))
			.andExpect(status().isNoContent());
		this.mvc.perform(get("/api/v1/me").session(laptop)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/me").session(again)).andExpect(status().isOk());
	}

	/** A request from the given client address. */
	static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/**
	 * A client address of its own (from the documentation range), so that tests do not
	 * throttle each other.
	 */
	static String someSource() {
		return "2001:db8::" + Integer.toHexString(sources.nextInt(0x10000)) + ":"
				+ Integer.toHexString(sources.nextInt(0x10000));
	}

	private static final java.security.SecureRandom sources = new java.security.SecureRandom();

	@Test
	void aFormWithoutCsrfTokenIsRefused() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		this.mvc.perform(post("/login").param("username", person.email()).param("password", TestData.PASSWORD))
			.andExpect(status().isForbidden());
		MockHttpSession session = TestData.signIn(this.mvc, person);
		this.mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/me/password")
				.session(session)
				.contentType("application/json")
				.content("{}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void everyAnswerToASignedInUserCarriesTheSecurityHeaders() throws Exception {
		MockHttpSession session = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.PROFESSIONAL));
		String csp = this.mvc.perform(get("/").session(session))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andReturn()
			.getResponse()
			.getHeader("Content-Security-Policy");
		assertThat(csp).contains("frame-ancestors 'none'")
			.contains("script-src 'self'")
			.doesNotContain("unsafe-inline");
		this.mvc.perform(get("/").session(session).secure(true))
			.andExpect(header().string("Strict-Transport-Security", org.hamcrest.Matchers.containsString("max-age=")));
		this.mvc.perform(get("/").session(session)).andExpect(header().doesNotExist("Strict-Transport-Security"));
	}

	@Test
	void signingOutEndsTheSessionAndIsInTheTrail() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		MockHttpSession session = TestData.signIn(this.mvc, person);
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
		this.mvc.perform(get("/").session(session))
			.andExpect((result) -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
		assertThat(this.data.sessionTrail(person.id())).containsExactly("SIGN_IN", "SIGN_OUT");
	}

	@Test
	void aSignedInUserWithAGeneratedPasswordChoosesTheirOwnFirst() throws Exception {
		// the test profile's administrator has a policy-conform password: not forced
		MockHttpSession admin = TestData.signIn(this.mvc, "admin@test.example", "zeven-zeeen-en-een-vuurtoren");
		this.mvc.perform(get("/").session(admin)).andExpect(status().isOk());
		setStoredAttribute(this.sessions, admin.getId(), Sessions.MUST_CHANGE_PASSWORD, true);
		this.mvc.perform(get("/admin/users").session(admin)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/api/v1/me").session(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mustChangePassword").value(true));
	}

	/** Changes an attribute of a session as it is stored (in PostgreSQL). */
	static <S extends Session> void setStoredAttribute(SessionRepository<S> sessions, String id, String name,
			Object value) {
		S session = sessions.findById(id);
		assertThat(session).as("stored session").isNotNull();
		session.setAttribute(name, value);
		sessions.save(session);
	}

}
