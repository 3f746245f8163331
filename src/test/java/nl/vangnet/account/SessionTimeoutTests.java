package nl.vangnet.account;

import java.time.Duration;

import nl.vangnet.MovableClock;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions end after 30 idle minutes and 12 hours after sign-in; a deactivated account's
 * sessions end at once.
 */
@VangnetTest
@Import(MovableClock.Configuration.class)
class SessionTimeoutTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestData data;

	@Autowired
	private MovableClock clock;

	@Test
	void aSessionIdleForMoreThanThirtyMinutesEnds() throws Exception {
		MockHttpSession session = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.PROFESSIONAL));
		this.clock.advance(Duration.ofMinutes(29));
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
		this.clock.advance(Duration.ofMinutes(29));
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
		this.clock.advance(Duration.ofMinutes(31));
		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?expired"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void anIdleApiSessionAnswersUnauthorized() throws Exception {
		MockHttpSession session = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.PROFESSIONAL));
		this.clock.advance(Duration.ofMinutes(31));
		this.mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void anActiveSessionStillEndsTwelveHoursAfterSignIn() throws Exception {
		MockHttpSession session = TestData.signIn(this.mvc,
				this.data.person(this.data.organisation(), Role.PROFESSIONAL));
		for (int i = 0; i < 28; i++) {
			this.clock.advance(Duration.ofMinutes(25));
			this.mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk());
		}
		this.clock.advance(Duration.ofMinutes(25));
		this.mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());
	}

	@Test
	void deactivatingAnAccountEndsItsSessionsAndItCannotSignInAgain() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.COORDINATOR);
		MockHttpSession session = TestData.signIn(this.mvc, person);
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		this.mvc.perform(post("/api/v1/users/{id}/deactivation", person.id()).session(admin).with(csrf()))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/").session(session))
			.andExpect((result) -> assertThat(result.getResponse().getRedirectedUrl()).contains("/login"));
		this.mvc
			.perform(post("/login").param("username", person.email()).param("password", TestData.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(post("/api/v1/users/{id}/activation", person.id()).session(admin).with(csrf()))
			.andExpect(status().isOk());
		TestData.signIn(this.mvc, person);
	}

}
