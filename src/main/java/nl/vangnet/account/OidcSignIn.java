package nl.vangnet.account;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessOutcome;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * A sign-in through the organisation's identity provider (OpenID Connect). The provider
 * says who it is (its e-mail address); Vangnet signs in the account an administrator
 * created for that address in that very organisation (no self-registration; the roles
 * stay Vangnet's). A provider that reports multi-factor authentication ({@code amr}
 * contains {@code mfa}) counts as the second factor; otherwise the account goes on as
 * after a password.
 */
@Component
class OidcSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OidcSignIn.class);

	private final AccountUserDetailsService users;

	private final OrganisationApi organisations;

	private final SecondFactorSignIn signIn;

	private final AccessTrail trail;

	private final java.time.Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	OidcSignIn(AccountUserDetailsService users, OrganisationApi organisations, SecondFactorSignIn signIn,
			AccessTrail trail, java.time.Clock clock) {
		this.users = users;
		this.organisations = organisations;
		this.signIn = signIn;
		this.trail = trail;
		this.clock = clock;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
		OidcUser person = (OidcUser) token.getPrincipal();
		OrganisationSummary organisation = this.organisations.byCode(token.getAuthorizedClientRegistrationId())
			.orElse(null);
		VangnetUser user = account(person);
		if (organisation == null || user == null || !organisation.id().equals(user.organisationId())
				|| !user.isEnabled() || Boolean.FALSE.equals(person.getEmailVerified())) {
			this.trail.recordSession(AccessAction.SIGN_IN_FAILED, AccessOutcome.FAILURE,
					(user != null) ? user.id() : null, (user != null) ? user.email() : null,
					(user != null) ? user.role().name() : null, (organisation != null) ? organisation.id() : null);
			refuse(request, response, "unknownAccount");
			return;
		}
		user.eraseCredentials();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		HttpSession session = request.getSession();
		long now = this.clock.millis();
		session.setAttribute(Sessions.SIGNED_IN_AT, now);
		session.setAttribute(Sessions.LAST_SEEN, now);
		session.setAttribute(Sessions.MUST_CHANGE_PASSWORD, false);
		List<String> methods = person.getAuthenticationMethods();
		boolean multiFactor = methods != null && methods.stream().anyMatch("mfa"::equals);
		SecondFactorStep step = this.signIn.afterIdentityProvider(request, user, multiFactor);
		this.contexts.saveContext(context, request, response);
		if (step == SecondFactorStep.CODE) {
			response.sendRedirect(request.getContextPath() + "/login/second-factor");
		}
		else if (step == SecondFactorStep.ENROL) {
			response.sendRedirect(request.getContextPath() + "/account/factors");
		}
		else {
			response.sendRedirect(this.signIn.continueUrl(request, response));
		}
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String code = (exception instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode() : "";
		String description = (exception instanceof OAuth2AuthenticationException oauth
				&& oauth.getError().getDescription() != null) ? oauth.getError().getDescription() : "";
		if ("authorization_request_not_found".equals(code) || "invalid_request".equals(code)) {
			// a callback that this session never asked for (a stray or forged link): it
			// signs nobody in and ends nothing
			response.sendRedirect(request.getContextPath() + "/login?oidc=failed");
			return;
		}
		boolean issuer = "invalid_id_token".equals(code) && description.toLowerCase(Locale.ROOT).contains("iss");
		log.warn("A sign-in through an identity provider failed: {} {} {}", exception.getClass().getSimpleName(), code,
				description);
		this.trail.recordSession(AccessAction.SIGN_IN_FAILED, AccessOutcome.FAILURE, null, null, null, null);
		refuse(request, response, issuer ? "issuer" : "failed");
	}

	/**
	 * {@code /oauth2/authorization/{code}} of an organisation that has no identity
	 * provider (or of none): the sign-in page with a message. Nobody was signed in by it,
	 * so nothing goes into the trail and no session ends.
	 */
	void unknownOrganisation(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		response.sendRedirect(request.getContextPath() + "/login?oidc=unknownOrganisation");
	}

	private VangnetUser account(OidcUser person) {
		String email = person.getEmail();
		if (email == null || email.isBlank()) {
			return null;
		}
		try {
			return this.users.loadUserByUsername(email);
		}
		catch (UsernameNotFoundException ex) {
			return null;
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		response.sendRedirect(request.getContextPath() + "/login?oidc=" + why);
	}

}
