package nl.vangnet.organisation;

import jakarta.validation.constraints.Size;

/**
 * The organisation's own identity provider (OpenID Connect: Entra ID, Keycloak, Google
 * Workspace), beside local accounts: its issuer and Vangnet's client id there. The client
 * secret is never stored: it comes from the environment variable
 * {@code VANGNET_OIDC_<CODE>_CLIENT_SECRET} (the organisation's code, with {@code -} as
 * {@code _}).
 */
public record IdentityProvider(@Size(max = 500, message = "{organisation.oidc.issuerInvalid}") String issuer,
		@Size(max = 200, message = "{validation.tooLong}") String clientId) {

	/** The environment variable that holds the client secret of an organisation. */
	public static String secretVariable(String organisationCode) {
		return "VANGNET_OIDC_" + organisationCode.replace('-', '_') + "_CLIENT_SECRET";
	}

}
