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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
		for (int attempt = 1; attempt <= 6; attempt++) {
			this.mvc
				.perform(post("/login").param("username", person.email())
					.param("password", "fout-wachtwoord-" + attempt)
					.with(csrf()))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc
			.perform(post("/login").param("username", person.email().toUpperCase())
				.param("password", TestData.PASSWORD)
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
		for (int attempt = 1; attempt <= 7; attempt++) {
			this.mvc.perform(post("/login").param("username", attacked.email()).param("password", "fout").with(csrf()));
		}
		TestData.signIn(this.mvc, colleague);
	}

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
		admin.setAttribute(Sessions.MUST_CHANGE_PASSWORD, true);
		this.mvc.perform(get("/admin/users").session(admin)).andExpect(redirectedUrl("/account/password"));
		this.mvc.perform(get("/api/v1/me").session(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.mustChangePassword").value(true));
	}

}
