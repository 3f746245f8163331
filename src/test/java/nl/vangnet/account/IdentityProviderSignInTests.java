package nl.vangnet.account;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import nl.vangnet.ApiClient;
import nl.vangnet.MockMvcSessions;
import nl.vangnet.TestData;
import nl.vangnet.organisation.IdentityProvider;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.tenancy.TenantScope;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Sign-in with the organisation's own identity provider, against a real OpenID Connect
 * provider started here (Spring Authorization Server in a Tomcat of its own, on a random
 * port): the whole authorization-code flow as a browser does it (the test's HTTP client
 * follows the redirects and posts the provider's login form). An account an administrator
 * created is linked by its e-mail address, only in its own organisation; an unknown
 * address is refused; a provider that reports {@code mfa} counts as the second factor; an
 * issuer that does not answer as one is refused when it is set, with a clear message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ TestData.class, ApiClient.class, MockMvcSessions.class })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityProviderSignInTests {

	private static final String PROVIDER_PASSWORD = "het-wachtwoord-bij-de-organisatie";

	static final String CLIENT_SECRET = "geheim-van-de-client-" + UUID.randomUUID();

	/** Whether the provider's next ID token says {@code amr: ["pwd", "mfa"]}. */
	static volatile boolean multiFactor;

	@LocalServerPort
	private int port;

	@Autowired
	private TestData data;

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApiClient api;

	private Tomcat provider;

	private String issuer;

	private TestData.Organisation organisation;

	@BeforeAll
	void startTheProvider() throws Exception {
		this.organisation = this.data.organisation();
		int providerPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			providerPort = socket.getLocalPort();
		}
		this.issuer = "http://localhost:" + providerPort;
		OidcTestProvider.issuer = this.issuer;
		OidcTestProvider.redirectUri = "http://localhost:" + this.port + "/login/oauth2/code/"
				+ this.organisation.code().toLowerCase(java.util.Locale.ROOT);
		AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
		context.register(OidcTestProvider.class);
		this.provider = new Tomcat();
		this.provider.setBaseDir(java.nio.file.Files.createTempDirectory("provider").toString());
		this.provider.setPort(providerPort);
		this.provider.getConnector();
		Context web = this.provider.addContext("", null);
		web.addServletContainerInitializer((classes, servletContext) -> {
			context.setServletContext(servletContext);
			context.refresh();
		}, null);
		FilterDef filter = new FilterDef();
		filter.setFilterName("springSecurityFilterChain");
		filter.setFilter(new DelegatingFilterProxy("springSecurityFilterChain", context));
		web.addFilterDef(filter);
		FilterMap mapping = new FilterMap();
		mapping.setFilterName("springSecurityFilterChain");
		mapping.addURLPattern("/*");
		web.addFilterMap(mapping);
		Tomcat.addServlet(web, "nothing", new jakarta.servlet.http.HttpServlet() {
			@Override
			protected void service(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
				response.sendError(404);
			}
		});
		web.addServletMappingDecoded("/", "nothing");
		this.provider.start();
		System.setProperty(IdentityProvider.secretVariable(this.organisation.code()), CLIENT_SECRET);
	}

	@AfterAll
	void stopTheProvider() throws Exception {
		System.clearProperty(IdentityProvider.secretVariable(this.organisation.code()));
		this.provider.stop();
		this.provider.destroy();
	}

	@Test
	void anAdministratorSetsTheIssuerOnlyWhenItAnswersAsOne() throws Exception {
		MockHttpSession admin = TestData.signIn(this.mvc, this.data.person(null, Role.ADMINISTRATOR));
		JsonNode current = this.api.getJson("/api/v1/organisations/" + this.organisation.code(), admin);
		String unknown = "http://localhost:1/nergens";
		MockHttpServletResponse refused = this.api.send(put("/api/v1/organisations/" + this.organisation.code()),
				body(current, unknown), admin, 400);
		JsonNode error = this.api.read(refused).get("errors").get(0);
		assertThat(error.get("field").stringValue()).isEqualTo("identityProvider.issuer");
		assertThat(error.get("message").stringValue()).contains("antwoordt niet als OpenID Connect-issuer",
				"niets opgeslagen");
		// the provider answers for localhost, not for 127.0.0.1: another issuer
		this.api.send(put("/api/v1/organisations/" + this.organisation.code()),
				body(current, this.issuer.replace("localhost", "127.0.0.1")), admin, 400);
		assertThat(this.api.getJson("/api/v1/organisations/" + this.organisation.code(), admin).get("identityProvider"))
			.as("nothing half-saved")
			.isEqualTo(current.get("identityProvider"));

		JsonNode saved = this.api.read(this.api.send(put("/api/v1/organisations/" + this.organisation.code()),
				body(current, this.issuer), admin, 200));
		assertThat(saved.get("identityProvider").get("issuer").stringValue()).isEqualTo(this.issuer);
		assertThat(saved.get("identityProvider").get("clientId").stringValue()).isEqualTo("vangnet");
	}

	@Test
	void anAccountAnAdministratorCreatedSignsInThroughTheProviderWithItsOwnRole() throws Exception {
		configure();
		TestData.Person coordinator = this.data.person(this.organisation, Role.COORDINATOR);
		OidcTestProvider.users.createUser(
				User.withUsername(coordinator.email()).password("{noop}" + PROVIDER_PASSWORD).roles("USER").build());
		multiFactor = false;
		Browserless browser = new Browserless();
		HttpResponse<String> home = browser.signInWithTheOrganisation(coordinator.email());
		assertThat(home.uri().getPath()).isEqualTo("/");
		JsonNode me = browser.json("/api/v1/me");
		assertThat(me.get("email").stringValue()).isEqualTo(coordinator.email());
		assertThat(me.get("role").stringValue()).isEqualTo("COORDINATOR");
		assertThat(trail(coordinator.id())).contains("SIGN_IN");
	}

	@Test
	void aProviderThatReportsMultiFactorCountsAsTheSecondFactorAndOneThatDoesNotAsAPassword() throws Exception {
		configure();
		requireSecondFactor();
		TestData.Person professional = this.data.person(this.organisation, Role.PROFESSIONAL);
		OidcTestProvider.users.createUser(
				User.withUsername(professional.email()).password("{noop}" + PROVIDER_PASSWORD).roles("USER").build());

		multiFactor = true;
		Browserless withMfa = new Browserless();
		assertThat(withMfa.signInWithTheOrganisation(professional.email()).uri().getPath()).isEqualTo("/");
		assertThat(withMfa.status("/api/v1/households")).isEqualTo(200);

		multiFactor = false;
		Browserless withoutMfa = new Browserless();
		assertThat(withoutMfa.signInWithTheOrganisation(professional.email()).uri().getPath())
			.isEqualTo("/account/factors");
		assertThat(withoutMfa.status("/api/v1/households")).isEqualTo(401);
	}

	@Test
	void anAddressVangnetDoesNotKnowInThatOrganisationIsRefused() throws Exception {
		configure();
		String stranger = TestData.unique("vreemd").toLowerCase() + "@test.example";
		OidcTestProvider.users
			.createUser(User.withUsername(stranger).password("{noop}" + PROVIDER_PASSWORD).roles("USER").build());
		// an account of another organisation with an address the provider also knows
		TestData.Person elsewhere = this.data.person(this.data.organisation(), Role.COORDINATOR);
		OidcTestProvider.users.createUser(
				User.withUsername(elsewhere.email()).password("{noop}" + PROVIDER_PASSWORD).roles("USER").build());
		for (String email : List.of(stranger, elsewhere.email())) {
			Browserless browser = new Browserless();
			HttpResponse<String> page = browser.signInWithTheOrganisation(email);
			assertThat(page.uri().getPath()).isEqualTo("/login");
			assertThat(page.uri().getQuery()).isEqualTo("oidc=unknownAccount");
			assertThat(page.body()).contains("Vangnet kent voor dat e-mailadres geen account bij die organisatie");
			assertThat(browser.status("/api/v1/me")).isEqualTo(401);
		}
	}

	@Test
	void anOrganisationWithoutAProviderIsAClearMessageOnTheSignInPage() throws Exception {
		Browserless browser = new Browserless();
		HttpResponse<String> page = browser.chooseOrganisation("GEENIDP");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("deze organisatie kent geen aanmelding met eigen accounts", "Fout:");
	}

	// ---- helpers

	private void configure() {
		this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())),
				(sql) -> sql
					.sql("update organisation set oidc_issuer = :issuer, oidc_client_id = 'vangnet' where id = :id")
					.param("issuer", this.issuer)
					.param("id", this.organisation.id())
					.update());
	}

	private void requireSecondFactor() {
		this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())),
				(sql) -> sql.sql("update organisation set second_factor = 'REQUIRED' where id = :id")
					.param("id", this.organisation.id())
					.update());
	}

	private String body(JsonNode current, String issuer) {
		return "{\"name\":\"" + current.get("name").stringValue() + "\",\"kind\":\"INFORMAL\",\"districts\":[],"
				+ "\"monitorParticipant\":true,\"identityProvider\":{\"issuer\":\"" + issuer
				+ "\",\"clientId\":\"vangnet\"}}";
	}

	private List<String> trail(UUID account) {
		return this.data.inScope(TenantScope.Scope.system(Set.of(this.organisation.id())),
				(sql) -> sql.sql("select action from access_trail where actor_id = :id")
					.param("id", account)
					.query(String.class)
					.list());
	}

	/** A browser without a window: cookies, redirects followed, forms posted. */
	private final class Browserless {

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();

		private final String vangnet = "http://localhost:" + IdentityProviderSignInTests.this.port;

		HttpResponse<String> chooseOrganisation(String code) throws Exception {
			HttpResponse<String> login = get(this.vangnet + "/login");
			Document page = Jsoup.parse(login.body());
			String csrf = page.selectFirst("#organisation-sign-in input[name=_csrf]").attr("value");
			return post(this.vangnet + "/login/organisation", Map.of("organisation", code, "_csrf", csrf));
		}

		/** Vangnet's sign-in page → the provider's login form → back in Vangnet. */
		HttpResponse<String> signInWithTheOrganisation(String email) throws Exception {
			HttpResponse<String> providerLogin = chooseOrganisation(
					IdentityProviderSignInTests.this.organisation.code());
			assertThat(providerLogin.uri().toString()).startsWith(IdentityProviderSignInTests.this.issuer + "/login");
			Document form = Jsoup.parse(providerLogin.body());
			String csrf = form.selectFirst("input[name=_csrf]").attr("value");
			return post(IdentityProviderSignInTests.this.issuer + "/login",
					Map.of("username", email, "password", PROVIDER_PASSWORD, "_csrf", csrf));
		}

		JsonNode json(String path) throws Exception {
			HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(URI.create(this.vangnet + path))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
			return JsonMapper.builder().build().readTree(answer.body());
		}

		int status(String path) throws Exception {
			return this.http
				.send(HttpRequest.newBuilder(URI.create(this.vangnet + path))
					.header("Accept", "application/json")
					.build(), HttpResponse.BodyHandlers.ofString())
				.statusCode();
		}

		private HttpResponse<String> get(String url) throws Exception {
			return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		private HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
			String form = fields.entrySet()
				.stream()
				.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return this.http.send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
