package nl.vangnet.account;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import nl.vangnet.access.AccessTrail;
import nl.vangnet.access.DeniedAttempts;
import nl.vangnet.platform.VangnetProperties;
import nl.vangnet.platform.staff.UrlRuleSet;
import nl.vangnet.platform.staff.UrlRules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;

/**
 * Who may reach what, how one signs in, and the headers every answer carries. Who may
 * reach a URL is declared by the module that serves it (a {@link UrlRules} bean); here
 * they are collected, most specific first, and whatever nobody declared is for everyone
 * signed in. The authorization matrix test holds every endpoint against these rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
			SignInHandlers handlers, ProblemResponses problems, Clock clock, VangnetProperties properties,
			CsrfTokenRepository csrfTokens, List<UrlRules> moduleRules, AccessTrail trail, PasskeySignIn passkeys,
			SecondFactorGate.Reauthentication reauthentication, IdentityProviders identityProviders, OidcSignIn oidc)
			throws Exception {
		LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
		AccessDeniedHandlerImpl deniedPage = new AccessDeniedHandlerImpl();
		UrlRuleSet urls = UrlRuleSet.of(moduleRules);
		http.authorizeHttpRequests((requests) -> {
			urls.applyTo(requests);
			requests.anyRequest().authenticated();
		})
			.authenticationManager(authenticationManager)
			.formLogin((form) -> form.loginPage("/login").successHandler(handlers).failureHandler(handlers))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(handlers))
			// the organisation's own identity provider (OpenID Connect), beside passwords
			.oauth2Login((login) -> login.loginPage("/login")
				.clientRegistrationRepository(identityProviders)
				.authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
				.successHandler(oidc)
				.failureHandler(oidc)
				// an organisation without a provider (or none at all): back to the
				// sign-in
				// page with a message, never an error page
				.withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
					@Override
					public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
						filter.setAuthenticationFailureHandler(oidc::unknownOrganisation);
						return filter;
					}
				}))
			// passkeys (WebAuthn), kept in PostgreSQL (Passkeys), as a second factor
			.webAuthn((webAuthn) -> webAuthn.rpName("Vangnet")
				.rpId(properties.passkeys().rpId())
				.allowedOrigins(properties.passkeys().origins())
				.disableDefaultRegistrationPage(true)
				.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
					@Override
					public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationSuccessHandler(passkeys);
						filter.setAuthenticationFailureHandler(passkeys);
						return filter;
					}
				}))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(new CsrfTokenHandler()))

			// sessions live in PostgreSQL (SessionStore); ending one ends it on every
			// node
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				if (isApi(request)) {
					problems.write(request, response, 401, "problem.401");
				}
				else {
					loginPage.commence(request, response, ex);
				}
			}).accessDeniedHandler((request, response, ex) -> {
				if (isApi(request)) {
					problems.write(request, response, 403, "problem.forbidden");
				}
				else {
					deniedPage.handle(request, response, ex);
				}
			}))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
			.addFilterBefore(new SessionTimeoutFilter(clock, properties.session()), SecurityContextHolderFilter.class)
			.addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
			// after a right password, only the second step until it is done
			.addFilterBefore(new SecondFactorGate(problems, reauthentication), AuthorizationFilter.class)
			// a passkey registered twice is a 400, not an error page (before Spring
			// Security's registration filter, which comes after the authorization too)
			.addFilterAfter(new PasskeyRegistrationErrors(problems), AuthorizationFilter.class)
			// a passkey of a throttled sign-in is not checked
			.addFilterBefore(passkeys.throttleFilter(), UsernamePasswordAuthenticationFilter.class)
			// every refusal of a signed-in person, by these rules or by a module, is in
			// the access trail as DENIED
			.addFilterAfter(new DeniedAttempts(trail), ExceptionTranslationFilter.class);
		return http.build();
	}

	static boolean isApi(HttpServletRequest request) {
		return PathPatternRequestMatcher.withDefaults().matcher("/api/**").matches(request);
	}

	/**
	 * The CSRF token lives in the cookie {@code XSRF-TOKEN}, readable by the page's
	 * script and by API clients, which send it back in the header {@code X-XSRF-TOKEN}.
	 */
	@Bean
	CsrfTokenRepository csrfTokenRepository() {
		return CookieCsrfTokenRepository.withHttpOnlyFalse();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
	}

	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
			SignInThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		// one manager, without a parent: the password (throttled) and the organisation's
		// identity provider (OpenID Connect's authorization code); passkeys have their
		// own
		return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle),
				new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
						new OidcUserService()));
	}

}
