package nl.vangnet.account;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import nl.vangnet.platform.staff.ReauthenticationRequiredException;
import nl.vangnet.platform.staff.RecentAuthentication;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After a right password of an account that must use a second factor, nothing but the
 * second step is reachable: the code (or passkey) page and
 * {@code POST /api/v1/sign-in/second-factor} for an enrolled account, the enrolment for
 * one without a factor. Every other request answers 401 (API) or leads to that page.
 */
class SecondFactorGate extends OncePerRequestFilter {

	/** Reachable in every step: signing out, the page's styles and scripts, errors. */
	private static final RequestMatcher ALWAYS = matcher("/logout", "/css/**", "/js/**", "/images/**", "/webjars/**",
			"/favicon.ico", "/error");

	private static final RequestMatcher CODE = matcher("/login/second-factor", "/api/v1/sign-in/second-factor",
			"/webauthn/authenticate/options", "/login/webauthn");

	private static final RequestMatcher ENROL = matcher("/account/factors", "/account/factors/totp",
			"/account/factors/totp/confirmation", "/api/v1/me/factors/totp", "/api/v1/me/factors/totp/confirmation",
			"/webauthn/register/options", "/webauthn/register");

	/** Adding a passkey is changing one's factors. */
	private static final RequestMatcher PASSKEY_REGISTRATION = matcher("/webauthn/register/**", "/webauthn/register");

	private final ProblemResponses problems;

	private final Reauthentication reauthentication;

	SecondFactorGate(ProblemResponses problems, Reauthentication reauthentication) {
		this.problems = problems;
		this.reauthentication = reauthentication;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		SecondFactorStep step = SecondFactorSignIn.pending(request.getSession(false));
		if (step == null && PASSKEY_REGISTRATION.matches(request) && this.reauthentication.needed()) {
			this.problems.write(request, response, 401, "problem.reauthenticationRequired", Map.of(),
					ReauthenticationRequiredException.PROBLEM_TYPE);
			return;
		}
		if (step == null || ALWAYS.matches(request)
				|| ((step == SecondFactorStep.CODE) ? CODE : ENROL).matches(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (SecurityConfiguration.isApi(request)) {
			this.problems.write(request, response, 401,
					(step == SecondFactorStep.CODE) ? "problem.secondFactorRequired" : "problem.secondFactorEnrolment",
					Map.of("secondFactorStep", step.name()));
		}
		else {
			response.sendRedirect(request.getContextPath()
					+ ((step == SecondFactorStep.CODE) ? "/login/second-factor" : "/account/factors"));
		}
	}

	/**
	 * Whether the signed-in person, who has a factor already, must prove again who they
	 * are before changing their factors (Spring Security's passkey registration, which no
	 * controller serves).
	 */
	@Component
	static class Reauthentication {

		private final SecondFactors factors;

		private final RecentAuthentication recent;

		Reauthentication(SecondFactors factors, RecentAuthentication recent) {
			this.factors = factors;
			this.recent = recent;
		}

		boolean needed() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return authentication != null && authentication.getPrincipal() instanceof VangnetUser user
					&& !this.recent.isRecent() && this.factors.enrolled(user.id());
		}

	}

	private static RequestMatcher matcher(String... patterns) {
		List<RequestMatcher> matchers = java.util.Arrays.stream(patterns)
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
			.toList();
		return new OrRequestMatcher(matchers);
	}

}
