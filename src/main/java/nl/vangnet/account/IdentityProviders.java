package nl.vangnet.account;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.vangnet.organisation.IdentityProvider;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.stereotype.Component;

/**
 * The organisations' identity providers (OpenID Connect) as Spring Security's client
 * registrations, built from the organisations' settings in PostgreSQL: the registration
 * id is the organisation's code in lower case, the client secret comes from the
 * environment ({@code VANGNET_OIDC_<CODE>_CLIENT_SECRET}). The provider's configuration
 * is read once per issuer and client id (a changed setting is read anew).
 */
@Component
class IdentityProviders implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(IdentityProviders.class);

	private final OrganisationApi organisations;

	private final Environment environment;

	private final Map<String, ClientRegistration> registrations = new ConcurrentHashMap<>();

	IdentityProviders(OrganisationApi organisations, Environment environment) {
		this.organisations = organisations;
		this.environment = environment;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		OrganisationSummary organisation = this.organisations.byCode(registrationId).orElse(null);
		if (organisation == null || !organisation.active() || organisation.identityProvider() == null) {
			return null;
		}
		IdentityProvider provider = organisation.identityProvider();
		String secret = this.environment.getProperty(IdentityProvider.secretVariable(organisation.code()));
		if (secret == null || secret.isBlank()) {
			log.warn("The identity provider of {} has no client secret in {}", organisation.code(),
					IdentityProvider.secretVariable(organisation.code()));
			return null;
		}
		String key = organisation.code() + "\n" + provider.issuer() + "\n" + provider.clientId() + "\n"
				+ secret.hashCode();
		try {
			return this.registrations.computeIfAbsent(key,
					(k) -> ClientRegistrations.fromIssuerLocation(provider.issuer())
						.registrationId(organisation.code().toLowerCase(java.util.Locale.ROOT))
						.clientName(organisation.name())
						.clientId(provider.clientId())
						.clientSecret(secret)
						.scope("openid", "email", "profile")
						.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
						.userNameAttributeName(IdTokenClaimNames.SUB)
						.build());
		}
		catch (RuntimeException ex) {
			log.warn("The identity provider of {} did not answer: {}", organisation.code(), ex.getClass().getName());
			return null;
		}
	}

}
