package nl.vangnet.account;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import nl.vangnet.ApiClient;
import nl.vangnet.MovableClock;
import nl.vangnet.TestData;
import nl.vangnet.VangnetTest;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static nl.vangnet.platform.web.ErrorSummaryAssertions.assertLinked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A second factor after the password: enrolment of a TOTP authenticator app (the codes
 * are computed here from the secret the API hands out), the second step of a sign-in
 * (nothing else is reachable until it is done), recovery codes, the throttle, the
 * organisation's setting, an administrator's reset, and re-authentication for the most
 * sensitive acts.
 */
@VangnetTest
@Import(MovableClock.Configuration.class)
class SecondFactorTests {

	private static final AtomicInteger CLIENTS = new AtomicInteger();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	@Autowired
	private TestData data;

	@Autowired
	private MovableClock clock;

	@Test
	void anOrganisationThatRequiresASecondFactorLetsNothingButTheEnrolmentThroughUntilItIsConfirmed() throws Exception {
		TestData.Organisation organisation = requiringOrganisation();
		TestData.Person professional = this.data.person(organisation, Role.PROFESSIONAL);
		MvcResult signIn = this.mvc
			.perform(post("/login").param("username", professional.email())
				.param("password", TestData.PASSWORD)
				.with(csrf()))
			.andReturn();
		assertThat(signIn.getResponse().getRedirectedUrl()).isEqualTo("/account/factors");
		MockHttpSession session = (MockHttpSession) signIn.getRequest().getSession(false);

		assertThat(this.mvc.perform(get("/households").session(session)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/account/factors");
		MockHttpServletResponse api = this.mvc.perform(get("/api/v1/households").session(session))
			.andReturn()
			.getResponse();
		assertThat(api.getStatus()).isEqualTo(401);
		assertThat(this.api.read(api).get("secondFactorStep").stringValue()).isEqualTo("ENROL");
		assertThat(this.api.status(get("/api/v1/me"), session)).isEqualTo(401);
		assertThat(this.api.status(get("/account/factors"), session)).isEqualTo(200);

		JsonNode enrolment = this.api.read(this.api.send(post("/api/v1/me/factors/totp"), "{}", session, 200));
		String secret = enrolment.get("secret").stringValue();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(enrolment.get("otpauthUri").stringValue()).startsWith("otpauth://totp/Vangnet:").contains(secret);
		assertThat(enrolment.get("recoveryCodes")).hasSize(SecondFactors.RECOVERY_CODES);

		MockHttpServletResponse wrong = this.api.send(post("/api/v1/me/factors/totp/confirmation").with(from()),
				"{\"code\":\"" + wrongCode(secret) + "\"}", session, 400);
		assertThat(this.api.read(wrong).get("errors").get(0).get("field").stringValue()).isEqualTo("code");
		assertThat(this.api.status(get("/api/v1/households"), session)).isEqualTo(401);

		MvcResult confirmed = call(post("/api/v1/me/factors/totp/confirmation"),
				"{\"code\":\"" + code(secret, 0) + "\"}", session, 200);
		assertThat(this.api.read(confirmed.getResponse()).get("totp").booleanValue()).isTrue();
		MockHttpSession signedIn = renamed(confirmed);
		assertThat(this.api.status(get("/api/v1/households"), signedIn)).isEqualTo(200);
		assertThat(this.api.getJson("/api/v1/me", signedIn).get("secondFactorStep").isNull()).isTrue();
		assertThat(trailActions(organisation, professional.id())).contains("FACTOR_ENROLLED", "SIGN_IN");
	}

	@Test
	void anEnrolledAccountSignsInWithPasswordAndCodeEachCodeOnceAndCannotEnrolAnotherFactorInBetween()
			throws Exception {
		TestData.Organisation organisation = requiringOrganisation();
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		String secret = enrol(coordinator).secret();

		MockHttpSession half = passwordOnly(coordinator, "/login/second-factor");
		assertThat(this.api.status(get("/api/v1/me"), half)).isEqualTo(401);
		assertThat(this.api.send(post("/api/v1/me/factors/totp"), "{}", half).getStatus())
			.as("a stolen password does not enrol a factor of its own")
			.isEqualTo(401);
		assertThat(this.api.status(get("/login/second-factor"), half)).isEqualTo(200);
		// the code of the step used at enrolment does not count a second time
		assertThat(this.api
			.send(post("/api/v1/sign-in/second-factor").with(from()), "{\"code\":\"" + code(secret, 0) + "\"}", half)
			.getStatus()).isEqualTo(400);
		MvcResult right = call(post("/api/v1/sign-in/second-factor"), "{\"code\":\"" + code(secret, 1) + "\"}", half,
				200);
		assertThat(this.api.read(right.getResponse()).get("email").stringValue()).isEqualTo(coordinator.email());
		MockHttpSession session = renamed(right);
		assertThat(this.api.status(get("/api/v1/households"), session)).isEqualTo(200);

		MockHttpSession again = passwordOnly(coordinator, "/login/second-factor");
		assertThat(this.api
			.send(post("/api/v1/sign-in/second-factor").with(from()), "{\"code\":\"" + code(secret, 1) + "\"}", again)
			.getStatus()).as("each code once").isEqualTo(400);
	}

	@Test
	void aRecoveryCodeSignsInOnceAndTheBrowserFormContinuesToThePageFirstAskedFor() throws Exception {
		TestData.Organisation organisation = requiringOrganisation();
		TestData.Person professional = this.data.person(organisation, Role.PROFESSIONAL);
		String recovery = enrol(professional).recoveryCodes().get(3);

		MockHttpSession half = passwordOnly(professional, "/login/second-factor");
		MockHttpServletResponse wrong = this.mvc
			.perform(post("/login/second-factor").param("code", "000000").with(csrf()).with(from()).session(half))
			.andReturn()
			.getResponse();
		assertThat(wrong.getStatus()).isEqualTo(200);
		assertThat(wrong.getContentAsString()).contains("Fout:", "Code: deze code klopt niet", "aria-invalid=\"true\"");

		MvcResult signedIn = this.mvc
			.perform(post("/login/second-factor").param("code", recovery.toUpperCase()).with(csrf()).session(half))
			.andReturn();
		assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/");
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
		assertThat(this.api.status(get("/caseload"), session)).isEqualTo(200);
		assertThat(this.api.getJson("/api/v1/me/factors", session).get("recoveryCodesLeft").intValue())
			.isEqualTo(SecondFactors.RECOVERY_CODES - 1);

		MockHttpSession again = passwordOnly(professional, "/login/second-factor");
		assertThat(this.api
			.send(post("/api/v1/sign-in/second-factor").with(from()), "{\"code\":\"" + recovery + "\"}", again)
			.getStatus()).as("a recovery code counts once").isEqualTo(400);
	}

	@Test
	void wrongCodesAreThrottledLikeThePassword() throws Exception {
		TestData.Organisation organisation = requiringOrganisation();
		TestData.Person professional = this.data.person(organisation, Role.PROFESSIONAL);
		String secret = enrol(professional).secret();
		MockHttpSession half = passwordOnly(professional, "/login/second-factor");
		RequestPostProcessor client = from();
		for (int i = 0; i < 6; i++) {
			assertThat(this.api
				.send(post("/api/v1/sign-in/second-factor").with(client), "{\"code\":\"" + wrongCode(secret) + "\"}",
						half)
				.getStatus()).isEqualTo(400);
		}
		MockHttpServletResponse throttled = this.api.send(post("/api/v1/sign-in/second-factor").with(client),
				"{\"code\":\"" + code(secret, 1) + "\"}", half);
		assertThat(throttled.getStatus()).isEqualTo(429);
		assertThat(throttled.getHeader("Retry-After")).isNotBlank();
		assertThat(this.api.status(get("/api/v1/households"), half)).isEqualTo(401);
	}

	@Test
	void anExpiredEnrolmentIsRefusedAndSavesNothing() throws Exception {
		TestData.Person researcher = this.data.person(this.data.organisation(), Role.RESEARCHER);
		MockHttpSession session = TestData.signIn(this.mvc, researcher);
		String secret = this.api.read(this.api.send(post("/api/v1/me/factors/totp"), "{}", session, 200))
			.get("secret")
			.stringValue();
		this.clock.advance(SecondFactors.ENROLMENT_TIME.plusMinutes(1));
		MockHttpServletResponse expired = this.api.send(post("/api/v1/me/factors/totp/confirmation"),
				"{\"code\":\"" + code(secret, 0) + "\"}", session, 400);
		assertThat(this.api.read(expired).get("errors").get(0).get("message").stringValue()).contains("verlopen");
		assertThat(this.api.getJson("/api/v1/me/factors", session).get("totp").booleanValue()).isFalse();
	}

	@Test
	void theInstallationsSettingHoldsWhereTheOrganisationSetsNoneAndTheOrganisationsOwnOverridesIt() throws Exception {
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		TestData.Organisation organisation = this.data.organisation();
		JsonNode shown = this.api.getJson("/api/v1/organisations/" + organisation.code(), admin);
		assertThat(shown.get("secondFactor").isNull()).isTrue();
		// the tests' installation is OPTIONAL: without a setting of its own, nobody must
		passwordOnly(this.data.person(organisation, Role.PROFESSIONAL), "/");
		require(organisation, "REQUIRED", admin);
		passwordOnly(this.data.person(organisation, Role.PROFESSIONAL), "/account/factors");
		// researchers see no client data: never required
		passwordOnly(this.data.person(organisation, Role.RESEARCHER), "/");
		require(organisation, "OPTIONAL", admin);
		passwordOnly(this.data.person(organisation, Role.PROFESSIONAL), "/");

		MockHttpServletResponse wrong = this.api.send(put("/api/v1/organisations/" + organisation.code()),
				"{\"name\":\"X\",\"kind\":\"INFORMAL\",\"secondFactor\":\"SOMETIMES\"}", admin);
		assertThat(wrong.getStatus()).isEqualTo(400);
		assertThat(wrong.getContentAsString()).contains("secondFactor");
	}

	@Test
	void anAdministratorResetsTheFactorsInTheTrailAndTheAccountEnrolsAgain() throws Exception {
		TestData.Organisation organisation = requiringOrganisation();
		TestData.Person professional = this.data.person(organisation, Role.PROFESSIONAL);
		Enrolled enrolled = enrol(professional);
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		this.api.send(post("/api/v1/users/{id}/factors/reset", professional.id()), "{}", admin, 200);
		assertThat(this.api.status(get("/api/v1/households"), enrolled.session())).as("the account's sessions end")
			.isEqualTo(401);
		assertThat(trailActions(organisation, professional.id())).contains("FACTORS_RESET");
		passwordOnly(professional, "/account/factors");
		assertThat(this.api.send(post("/api/v1/users/{id}/factors/reset", UUID.randomUUID()), "{}", admin).getStatus())
			.isEqualTo(404);
	}

	@Test
	void theMostSensitiveActsAskForARecentCheckAndThePasswordOrACodeRenewsIt() throws Exception {
		TestData.Organisation organisation = requiringOrganisation();
		TestData.Person coordinator = this.data.person(organisation, Role.COORDINATOR);
		Enrolled enrolled = enrol(coordinator);
		MockHttpSession session = enrolled.session();
		UUID household = registerWithConfidentialAddress(coordinator, session);
		String path = "/api/v1/households/" + household + "/confidential-address";
		this.api.send(post(path), "{}", session, 200);

		this.clock.advance(Duration.ofMinutes(11));
		MockHttpServletResponse refused = this.api.send(post(path), "{}", session, 401);
		assertThat(this.api.read(refused).get("type").stringValue()).isEqualTo("reauthentication-required");
		assertThat(this.api.status(get("/api/v1/exports"), session)).isEqualTo(401);
		assertThat(this.api.status(get("/api/v1/access-trail/export"), session)).isEqualTo(401);
		assertThat(this.api.send(post("/api/v1/me/factors/totp"), "{}", session).getStatus())
			.as("changing one's factors")
			.isEqualTo(401);
		assertThat(this.mvc.perform(get("/access-trail/export").session(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).as("the trail's export on the page").isEqualTo("/account/reauthentication");
		assertThat(this.mvc.perform(post("/account/factors/totp").with(csrf()).session(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).as("changing one's factors on the page").isEqualTo("/account/reauthentication");
		MockHttpServletResponse passkey = this.api.send(post("/webauthn/register/options"), "", session, 401);
		assertThat(this.api.read(passkey).get("type").stringValue()).as("adding a passkey")
			.isEqualTo("reauthentication-required");
		assertThat(this.api.getJson("/api/v1/me/factors", session).get("totp").booleanValue())
			.as("nothing changed meanwhile")
			.isTrue();
		MvcResult page = this.mvc
			.perform(post("/households/" + household + "/confidential-address").with(csrf())
				.header("Referer", "http://localhost/households/" + household)
				.session(session))
			.andReturn();
		assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/account/reauthentication");
		assertThat(
				this.mvc.perform(get("/imports/export").session(session)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/account/reauthentication");

		MockHttpServletResponse wrongPassword = this.api.send(post("/api/v1/me/reauthentication").with(from()),
				"{\"password\":\"niet-het-goede-wachtwoord\"}", session, 400);
		assertThat(wrongPassword.getContentAsString()).contains("password");
		this.api.send(post("/api/v1/me/reauthentication"), "{\"password\":\"" + TestData.PASSWORD + "\"}", session,
				204);
		this.api.send(post(path), "{}", session, 200);

		this.clock.advance(Duration.ofMinutes(11));
		assertThat(this.api.status(get("/api/v1/exports"), session)).isEqualTo(401);
		MvcResult form = this.mvc
			.perform(post("/account/reauthentication").param("code", code(enrolled.secret(), 1))
				.with(csrf())
				.session(session))
			.andReturn();
		assertThat(form.getResponse().getRedirectedUrl()).isEqualTo("/imports/export");
		assertThat(this.api.status(get("/api/v1/exports"), session)).isEqualTo(200);
		assertThat(this.api.status(get("/api/v1/access-trail/export"), session)).isEqualTo(200);
		assertThat(this.api.send(post("/webauthn/register/options"), "", session).getStatus()).isEqualTo(200);
	}

	/**
	 * Issue 18, item 1: the second step, the authenticator app's set-up and
	 * re-authentication link their errors to their fields as the server renders them,
	 * without app.js; the statuses stay those of the sign-in (200, 429 when throttled).
	 */
	@Test
	void theSecondStepTheAppsSetUpAndReauthenticationLinkTheirErrorsToTheirFields() throws Exception {
		TestData.Organisation organisation = requiringOrganisation();
		TestData.Person newcomer = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		MockHttpSession own = TestData.signIn(this.mvc, newcomer);
		MockHttpServletResponse started = this.mvc.perform(post("/account/factors/totp").with(csrf()).session(own))
			.andReturn()
			.getResponse();
		assertThat(started.getStatus()).isEqualTo(200);
		String secret = Jsoup.parse(started.getContentAsString()).getElementById("totp-secret").text().replace(" ", "");
		Document setUp = page(post("/account/factors/totp/confirmation").param("code", wrongCode(secret)), own, 200);
		assertLinked(setUp, "code", null);
		assertThat(setUp.getElementById("code").attr("aria-describedby")).isEqualTo("code-error");

		TestData.Person professional = this.data.person(organisation, Role.PROFESSIONAL);
		Enrolled enrolled = enrol(professional);
		MockHttpSession half = passwordOnly(professional, "/login/second-factor");
		Document step = page(post("/login/second-factor").param("code", wrongCode(enrolled.secret())).with(from()),
				half, 200);
		assertLinked(step, "code", null);
		assertThat(step.select("#error-summary li")).hasSize(1);

		Document wrong = page(post("/account/reauthentication").param("password", "niet-het-wachtwoord")
			.param("code", "")
			.with(from()), enrolled.session(), 200);
		Document missing = page(post("/account/reauthentication").param("password", "").param("code", " "),
				enrolled.session(), 200);
		assertLinked(wrong, "password", null);
		assertThat(wrong.getElementById("code").hasAttr("aria-invalid")).isFalse();
		assertLinked(missing, "password", null);
	}

	private Document page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			MockHttpSession session, int status) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request.with(csrf()).session(session))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		return Jsoup.parse(response.getContentAsString());
	}

	// ---- helpers

	private TestData.Organisation requiringOrganisation() {
		TestData.Organisation organisation = this.data.organisation();
		this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(sql) -> sql.sql("update organisation set second_factor = 'REQUIRED' where id = :id")
					.param("id", organisation.id())
					.update());
		return organisation;
	}

	private void require(TestData.Organisation organisation, String setting, MockHttpSession admin) throws Exception {
		JsonNode current = this.api.getJson("/api/v1/organisations/" + organisation.code(), admin);
		String body = "{\"name\":\"" + current.get("name").stringValue() + "\",\"kind\":\"INFORMAL\",\"districts\":[],"
				+ "\"monitorParticipant\":true,\"version\":" + current.get("version").intValue()
				+ ",\"secondFactor\":\"" + setting + "\"}";
		JsonNode changed = this.api
			.read(this.api.send(put("/api/v1/organisations/" + organisation.code()), body, admin, 200));
		assertThat(changed.get("secondFactor").stringValue()).isEqualTo(setting);
	}

	/** Signs in with the password only and checks where the browser goes next. */
	private MockHttpSession passwordOnly(TestData.Person person, String next) throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").param("username", person.email()).param("password", TestData.PASSWORD).with(csrf()))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(next);
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** Signs in and enrols an authenticator app through the API. */
	private Enrolled enrol(TestData.Person person) throws Exception {
		MockHttpSession session = TestData.signIn(this.mvc, person);
		JsonNode enrolment = this.api.read(this.api.send(post("/api/v1/me/factors/totp"), "{}", session, 200));
		String secret = enrolment.get("secret").stringValue();
		MvcResult confirmed = call(post("/api/v1/me/factors/totp/confirmation"),
				"{\"code\":\"" + code(secret, 0) + "\"}", session, 200);
		List<String> codes = new java.util.ArrayList<>();
		enrolment.get("recoveryCodes").forEach((code) -> codes.add(code.stringValue()));
		return new Enrolled(secret, codes, renamed(confirmed));
	}

	private UUID registerWithConfidentialAddress(TestData.Person coordinator, MockHttpSession session)
			throws Exception {
		String document = """
				{ "members": [ { "role": "PARENT", "mainContact": true, "givenName": "Lotte", "familyName": "Veilig" } ],
				  "trajectories": [ { "kind": "INTENSIVE", "start": "2024-01-15", "contactPerson": "%s" } ],
				  "contact": { "address": "Geheimhofje 1", "addressConfidential": true } }
				"""
			.formatted(coordinator.id());
		MockHttpServletResponse response = this.api.send(post("/api/v1/households"), document, session, 201);
		return UUID.fromString(this.api.read(response).get("id").stringValue());
	}

	/** The code of the authenticator app now, or {@code offset} steps later. */
	private String code(String secret, int offset) {
		return Totp.code(secret, Totp.step(this.clock.instant()) + offset);
	}

	/** A code that is none of the three accepted ones. */
	private String wrongCode(String secret) {
		long step = Totp.step(this.clock.instant());
		List<String> valid = List.of(Totp.code(secret, step - 1), Totp.code(secret, step), Totp.code(secret, step + 1));
		for (int i = 0;; i++) {
			String candidate = String.format("%06d", (123456 + i * 7919) % 1_000_000);
			if (!valid.contains(candidate)) {
				return candidate;
			}
		}
	}

	/** The session after a request (a completed second step changes its id). */
	private static MockHttpSession renamed(MvcResult result) {
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	private MvcResult call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String body, MockHttpSession session, int expected) throws Exception {
		MvcResult result = this.mvc
			.perform(request.session(session)
				.with(csrf())
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content(body))
			.andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(expected);
		return result;
	}

	/** Requests from a client address of their own (failures count per client). */
	private static RequestPostProcessor from() {
		String address = "10.17." + (CLIENTS.incrementAndGet() / 250) + "." + (CLIENTS.get() % 250 + 1);
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private List<String> trailActions(TestData.Organisation organisation, UUID account) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(organisation.id())),
				(sql) -> sql.sql("select action from access_trail where subject_id = :id or actor_id = :id")
					.param("id", account)
					.query(String.class)
					.list());
	}

	private record Enrolled(String secret, List<String> recoveryCodes, MockHttpSession session) {
	}

}
