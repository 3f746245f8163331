package nl.vangnet.account;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import nl.vangnet.TestData;
import nl.vangnet.platform.staff.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API client as a script would be: a real HTTP server, a cookie jar, the token from
 * the {@code XSRF-TOKEN} cookie sent back in {@code X-XSRF-TOKEN}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestData.class)
class ApiClientOverHttpTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestData data;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(this.cookies).build();

	@Test
	void anApiClientSignsInAndWritesStraightAwayWithTheTokenFromTheCookie() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.PROFESSIONAL);
		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).GET());
		assertThat(login.statusCode()).isEqualTo(200);
		String before = token();
		assertThat(before).isNotBlank();

		HttpResponse<String> signIn = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.header("X-XSRF-TOKEN", before)
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + encode(person.email()) + "&password=" + encode(TestData.PASSWORD))));
		assertThat(signIn.statusCode()).isEqualTo(200);
		assertThat(signIn.body()).contains(person.email());
		String after = token();
		assertThat(after).as("a new session gets a new token").isNotBlank().isNotEqualTo(before);

		HttpResponse<String> change = send(HttpRequest.newBuilder(uri("/api/v1/me/password"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", after)
			.PUT(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + TestData.PASSWORD
					+ "\",\"newPassword\":\"een-heel-ander-lang-wachtwoord\"}")));
		assertThat(change.statusCode()).isEqualTo(204);

		HttpResponse<String> withoutToken = send(HttpRequest.newBuilder(uri("/api/v1/me/password"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withoutToken.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));

		HttpResponse<String> me = send(HttpRequest.newBuilder(uri("/api/v1/me")).GET());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(token()).as("responses to a signed-in user carry the current token").isNotBlank();
	}

	@Test
	void aScriptMayPostTheSignInFormWithTheCookiesTokenAsAField() throws Exception {
		TestData.Person person = this.data.person(this.data.organisation(), Role.COORDINATOR);
		send(HttpRequest.newBuilder(uri("/login")).GET());
		HttpResponse<String> signIn = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(token()) + "&username=" + encode(person.email())
					+ "&password=" + encode(TestData.PASSWORD))));
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying((url) -> assertThat(url).endsWith("/"));
		HttpResponse<String> forged = send(HttpRequest.newBuilder(uri("/logout"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(token() + "x"))));
		assertThat(forged.statusCode()).isEqualTo(403);
	}

	private String token() {

		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
