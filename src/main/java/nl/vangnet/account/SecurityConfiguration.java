package nl.vangnet.account;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import nl.vangnet.platform.VangnetProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Who may reach what, how one signs in, and the headers every answer carries. The
 * authorization matrix test holds every endpoint against these rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
			SignInHandlers handlers, ProblemResponses problems, SessionRegistry sessionRegistry, Clock clock,
			VangnetProperties properties, CsrfTokenRepository csrfTokens) throws Exception {
		LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
		AccessDeniedHandlerImpl deniedPage = new AccessDeniedHandlerImpl();
		http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico")
					.permitAll()
					.requestMatchers("/login", "/login/**", "/error", "/actuator/health", "/actuator/health/**")
					.permitAll()
					.requestMatchers("/api/v1/openapi", "/api/v1/openapi.yaml", "/api/v1/openapi/**")
					.permitAll()
					// contact: volunteers record and read their own contact moments
					// with their families (the module checks which); the rest of
					// contacts, time, rhythms, the worklist, obligations and debts is
					// for coordinators and professionals.
					.requestMatchers("/households/*/contacts", "/households/*/contact-summary",
							"/api/v1/households/*/contacts", "/api/v1/households/*/rhythms")
					.hasAnyRole(Role.COORDINATOR.name(), Role.PROFESSIONAL.name(), Role.VOLUNTEER.name())
					.requestMatchers("/worklist", "/api/v1/worklist", "/obligations/**", "/debts/**",
							"/api/v1/obligations/**", "/api/v1/debts/**")
					.hasAnyRole(Role.COORDINATOR.name(), Role.PROFESSIONAL.name())
					// Households: coordinators and professionals; volunteers
					// only their own families (the module checks which).
					.requestMatchers(HttpMethod.POST, "/households/*/trajectories/*/contact-person")
					.hasRole(Role.COORDINATOR.name())
					.requestMatchers("/phase-model")
					.hasRole(Role.COORDINATOR.name())
					.requestMatchers(HttpMethod.GET, "/households/new")
					.hasAnyRole(Role.COORDINATOR.name(), Role.PROFESSIONAL.name())
					.requestMatchers(HttpMethod.GET, "/caseload", "/households/*")
					.hasAnyRole(Role.COORDINATOR.name(), Role.PROFESSIONAL.name(), Role.VOLUNTEER.name())
					.requestMatchers(HttpMethod.GET, "/api/v1/households", "/api/v1/households/*")
					.hasAnyRole(Role.COORDINATOR.name(), Role.PROFESSIONAL.name(), Role.VOLUNTEER.name())
					// Plan (help questions, plan, progress): volunteers see the plan's
					// volunteer actions and the dossier's block of their own families
					// (the module checks which); the rest is for case workers.
					.requestMatchers(HttpMethod.GET, "/households/*/plan", "/households/*/plan-summary",
							"/api/v1/households/*/plan")
					.hasAnyRole(Role.COORDINATOR.name(), Role.PROFESSIONAL.name(), Role.VOLUNTEER.name())
					.requestMatchers("/help-questions/**", "/plan/**", "/api/v1/help-questions/**", "/api/v1/goals/**",
							"/api/v1/actions/**")
					.hasAnyRole(Role.COORDINATOR.name(), Role.PROFESSIONAL.name())
					.requestMatchers("/households", "/households/**", "/api/v1/households", "/api/v1/households/**")
					.hasAnyRole(Role.COORDINATOR.name(), Role.PROFESSIONAL.name())
					.requestMatchers("/admin/**", "/api/v1/organisations/**", "/api/v1/organisations",
							"/api/v1/users/**", "/api/v1/users", "/api/v1/sign-ins")
					.hasRole(Role.ADMINISTRATOR.name())
					.requestMatchers("/access-trail/**", "/access-trail", "/api/v1/access-trail")
					.hasRole(Role.COORDINATOR.name())
					.requestMatchers("/organisation")
					.hasAnyRole(Role.COORDINATOR.name(), Role.PROFESSIONAL.name(), Role.VOLUNTEER.name())
					.requestMatchers(HttpMethod.POST, "/api/v1/frameworks")
					.hasRole(Role.ADMINISTRATOR.name())
					.requestMatchers("/organisation/framework", "/api/v1/organisation/framework")
					.hasRole(Role.COORDINATOR.name())
					// network: coordinators and professionals only (a danger's name, the
					// client's most private relations)
					.requestMatchers("/network/**", "/api/v1/network/**")
					.hasAnyRole(Role.COORDINATOR.name(), Role.PROFESSIONAL.name())
					// monitor (issue 7): the anonymised monitor for researchers and
					// coordinators; household import and export for coordinators.
					.requestMatchers("/monitor", "/api/v1/monitor", "/api/v1/monitor/**")
					.hasAnyRole(Role.RESEARCHER.name(), Role.COORDINATOR.name())
					.requestMatchers("/imports", "/imports/**", "/api/v1/imports", "/api/v1/exports")
					.hasRole(Role.COORDINATOR.name())
					.anyRequest()
					.authenticated())
			.authenticationManager(authenticationManager)
			.formLogin((form) -> form.loginPage("/login").successHandler(handlers).failureHandler(handlers))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(handlers))
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(new CsrfTokenHandler()))

			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId())
				.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredSessionStrategy((event) -> {
					if (isApi(event.getRequest())) {
						problems.write(event.getRequest(), event.getResponse(), 401, "problem.401");
					}
					else {
						event.getResponse().sendRedirect(event.getRequest().getContextPath() + "/login?expired");
					}
				}))
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
			.addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class);
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
		return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

}
