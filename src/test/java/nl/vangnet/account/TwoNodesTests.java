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

}
