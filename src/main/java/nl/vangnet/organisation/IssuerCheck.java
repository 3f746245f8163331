package nl.vangnet.organisation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import nl.vangnet.platform.DomainException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Before an organisation's identity provider is stored, its issuer must answer as one:
 * its OpenID configuration ({@code /.well-known/openid-configuration}) names the same
 * issuer. An address that is none, or an issuer that does not answer so, is a field error
 * and nothing is saved.
 */
@Component
class IssuerCheck {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(TIMEOUT)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	IssuerCheck(JsonMapper json) {
		this.json = json;
	}

	/**
	 * @return the provider, normalised; {@code null} when none is given
	 * @throws DomainException on {@code identityProvider.issuer} or
	 * {@code identityProvider.clientId}
	 */
	IdentityProvider check(IdentityProvider provider) {
		if (provider == null || (blank(provider.issuer()) && blank(provider.clientId()))) {
			return null;
		}
		if (blank(provider.clientId())) {
			throw new DomainException("identityProvider.clientId", "organisation.oidc.clientIdRequired");
		}
		String issuer = (provider.issuer() != null) ? provider.issuer().strip() : "";
		URI uri = address(issuer);
		try {
			HttpResponse<String> answer = this.http
				.send(HttpRequest.newBuilder(URI.create(trimmed(issuer) + "/.well-known/openid-configuration"))
					.timeout(TIMEOUT)
					.header("Accept", "application/json")
					.GET()
					.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode configuration = (answer.statusCode() == 200) ? this.json.readTree(answer.body()) : null;
			if (configuration == null || !issuer.equals(configuration.path("issuer").asString(""))) {
				throw new DomainException("identityProvider.issuer", "organisation.oidc.issuerUnknown", uri.getHost());
			}
		}
		catch (java.io.IOException | RuntimeException ex) {
			if (ex instanceof DomainException domain) {
				throw domain;
			}
			throw new DomainException("identityProvider.issuer", "organisation.oidc.issuerUnknown", uri.getHost());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DomainException("identityProvider.issuer", "organisation.oidc.issuerUnknown", uri.getHost());
		}
		return new IdentityProvider(issuer, provider.clientId().strip());
	}

	/** An https address, or http on this machine (a provider for tests and trials). */
	private static URI address(String issuer) {
		try {
			URI uri = URI.create(issuer);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
			boolean local = host.equals("localhost") || host.equals("127.0.0.1");
			if (host.isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null
					|| !(scheme.equals("https") || (scheme.equals("http") && local))) {
				throw new IllegalArgumentException("not an issuer");
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new DomainException("identityProvider.issuer", "organisation.oidc.issuerInvalid");
		}
	}

	private static String trimmed(String issuer) {
		return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
