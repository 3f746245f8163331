package nl.vangnet.account;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessOutcome;
import nl.vangnet.access.AccessTrail;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * What happens after a sign-in attempt and a sign-out: the access trail, the session's
 * clock, and an answer fit for a browser (redirects) or for an API client (JSON).
 */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

	private final AccessTrail trail;

	private final AccountRepository accounts;

	private final ProblemResponses problems;

	private final Clock clock;

	private final CsrfTokenRepository csrfTokens;

	private final SecondFactorSignIn secondFactor;

	private final SavedRequestAwareAuthenticationSuccessHandler browserSuccess = new SavedRequestAwareAuthenticationSuccessHandler();

	SignInHandlers(AccessTrail trail, AccountRepository accounts, ProblemResponses problems, Clock clock,
			CsrfTokenRepository csrfTokens, SecondFactorSignIn secondFactor) {
		this.trail = trail;
		this.secondFactor = secondFactor;
		this.csrfTokens = csrfTokens;
		this.accounts = accounts;
		this.problems = problems;
		this.clock = clock;
		this.browserSuccess.setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		VangnetUser user = (VangnetUser) authentication.getPrincipal();
		HttpSession session = request.getSession();
		long now = this.clock.millis();
		session.setAttribute(Sessions.SIGNED_IN_AT, now);
		session.setAttribute(Sessions.LAST_SEEN, now);
		boolean mustChange = this.accounts.findById(user.id()).map(Account::mustChangePassword).orElse(false);
		session.setAttribute(Sessions.MUST_CHANGE_PASSWORD, mustChange);
		// the trail's SIGN_IN is written once the sign-in is complete, after a second
		// factor where one is needed
		SecondFactorStep step = this.secondFactor.afterPassword(request, user);
		// A new session gets a new token: hand it over in this very response, so that an
		// API
		// client can write straight away.
		CsrfToken token = this.csrfTokens.generateToken(request);
		this.csrfTokens.saveToken(token, request, response);
		if (wantsJson(request)) {
			this.problems.writeJson(response, 200, MeView.of(user, mustChange, step));
		}
		else if (step != null) {
			response.sendRedirect(request.getContextPath()
					+ ((step == SecondFactorStep.CODE) ? "/login/second-factor" : "/account/factors"));
		}
		else {
			this.browserSuccess.onAuthenticationSuccess(request, response, authentication);
		}
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		String username = request.getParameter("username");
		Account account = (username != null)
				? this.accounts.findByEmail(username.strip().toLowerCase(Locale.ROOT)).orElse(null) : null;
		ThrottledAuthenticationProvider.SignInThrottledException throttledBy = (exception instanceof ThrottledAuthenticationProvider.SignInThrottledException ex)
				? ex : null;
		boolean throttled = throttledBy != null;
		this.trail.recordSession(throttled ? AccessAction.SIGN_IN_THROTTLED : AccessAction.SIGN_IN_FAILED,
				throttled ? AccessOutcome.DENIED : AccessOutcome.FAILURE, (account != null) ? account.id() : null,
				(account != null) ? account.email() : null, (account != null) ? account.role().name() : null,
				(account != null) ? account.organisationId() : null);
		if (throttled) {
			if (wantsJson(request)) {
				response.setHeader("Retry-After", String.valueOf(throttledBy.retryAfterSeconds()));
				this.problems.write(request, response, 429, "signIn.throttled");
			}
			else {
				response.setStatus(429);
				response.setHeader("Retry-After", String.valueOf(throttledBy.retryAfterSeconds()));
				request.getRequestDispatcher("/login/throttled").forward(request, response);
			}
		}
		else if (wantsJson(request)) {
			this.problems.write(request, response, 401, "signIn.failed");
		}
		else {
			response.sendRedirect(request.getContextPath() + "/login?error");
		}
	}

	@Override
	public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		if (authentication != null && authentication.getPrincipal() instanceof VangnetUser user) {
			this.trail.recordSession(AccessAction.SIGN_OUT, AccessOutcome.SUCCESS, user.id(), user.email(),
					user.role().name(), user.organisationId());
		}
		if (wantsJson(request)) {
			response.setStatus(204);
		}
		else {
			response.sendRedirect(request.getContextPath() + "/login?signedOut");
		}
	}

	static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("json") && !accept.contains("text/html");
	}

}
