package nl.vangnet.account;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessOutcome;
import nl.vangnet.access.AccessTrail;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * The steps of a sign-in after the password, kept in the session so that any node goes on
 * with it: whether a code (or a passkey) or an enrolment is still needed, checking a code
 * throttled like the password, and the completed sign-in (the trail's {@code SIGN_IN}, a
 * new session id, the time of the last check for
 * {@link nl.vangnet.platform.staff.RecentAuthentication}).
 */
@Component
class SecondFactorSignIn {

	private final SecondFactors factors;

	private final SignInThrottle throttle;

	private final AccessTrail trail;

	private final Clock clock;

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final RequestCache requests = new HttpSessionRequestCache();

	SecondFactorSignIn(SecondFactors factors, SignInThrottle throttle, AccessTrail trail, Clock clock,
			AccountRepository accounts, PasswordEncoder passwords) {
		this.factors = factors;
		this.throttle = throttle;
		this.trail = trail;
		this.clock = clock;
		this.accounts = accounts;
		this.passwords = passwords;
	}

	/**
	 * The password was right: what the sign-in still needs ({@code null}: nothing, the
	 * session is signed in).
	 */
	SecondFactorStep afterPassword(HttpServletRequest request, VangnetUser user) {
		SecondFactorStep step = null;
		if (this.factors.enrolled(user.id())) {
			step = SecondFactorStep.CODE;
		}
		else if (this.factors.required(user.role(), user.organisationId())) {
			step = SecondFactorStep.ENROL;
		}
		if (step == null) {
			complete(request, user, false);
		}
		else {
			request.getSession().setAttribute(Sessions.SECOND_FACTOR_STEP, step.name());
			request.getSession().setAttribute(Sessions.SECOND_FACTOR_ACCOUNT, user.id().toString());
		}
		return step;
	}

	/**
	 * An identity provider signed the person in (OpenID Connect): it counts as the second
	 * factor when it says so ({@code amr} contains {@code mfa}), else the account goes on
	 * as after a password.
	 */
	SecondFactorStep afterIdentityProvider(HttpServletRequest request, VangnetUser user, boolean multiFactor) {
		if (multiFactor) {
			complete(request, user, false);
			return null;
		}
		return afterPassword(request, user);
	}

	/** What the session still needs, or {@code null}. */
	static SecondFactorStep pending(HttpSession session) {
		Object step = (session != null) ? session.getAttribute(Sessions.SECOND_FACTOR_STEP) : null;
		return (step instanceof String name) ? SecondFactorStep.valueOf(name) : null;
	}

	/**
	 * Checks the code of a pending sign-in; right, the sign-in is complete.
	 * @throws ThrottledAuthenticationProvider.SignInThrottledException while too many
	 * wrong attempts were made (no code is checked)
	 */
	boolean verify(HttpServletRequest request, VangnetUser user, String code) {
		if (!checkCode(request, user, code)) {
			this.trail.recordSession(AccessAction.SIGN_IN_FAILED, AccessOutcome.FAILURE, user.id(), user.email(),
					user.role().name(), user.organisationId());
			return false;
		}
		complete(request, user, true);
		return true;
	}

	/**
	 * Proves again who is signed in, with the password or a code: right, the last check
	 * is now.
	 * @throws ThrottledAuthenticationProvider.SignInThrottledException while too many
	 * wrong attempts were made
	 */
	boolean reauthenticate(HttpServletRequest request, VangnetUser user, String password, String code) {
		boolean right;
		if (password != null && !password.isEmpty()) {
			throttled(request, user);
			String hash = this.accounts.findById(user.id()).map(Account::passwordHash).orElse(null);
			right = hash != null && password.length() <= 1024 && this.passwords.matches(password, hash);
			counted(request, user, right);
		}
		else {
			right = checkCode(request, user, code);
		}
		if (right) {
			request.getSession().setAttribute(Sessions.LAST_CHECKED_AT, this.clock.millis());
		}
		return right;
	}

	private boolean checkCode(HttpServletRequest request, VangnetUser user, String code) {
		throttled(request, user);
		boolean right = this.factors.verify(user.id(), code);
		counted(request, user, right);
		return right;
	}

	private void throttled(HttpServletRequest request, VangnetUser user) {
		Duration wait = this.throttle.wait(user.email(), request.getRemoteAddr());
		if (!wait.isZero() && !wait.isNegative()) {
			this.trail.recordSession(AccessAction.SIGN_IN_THROTTLED, AccessOutcome.DENIED, user.id(), user.email(),
					user.role().name(), user.organisationId());
			throw new ThrottledAuthenticationProvider.SignInThrottledException(wait);
		}
	}

	private void counted(HttpServletRequest request, VangnetUser user, boolean right) {
		if (right) {
			this.throttle.succeeded(user.email(), request.getRemoteAddr());
		}
		else {
			this.throttle.failed(user.email(), request.getRemoteAddr());
		}
	}

	/**
	 * The sign-in is complete: in the trail, with a new session id after a second step,
	 * and its check counts as recent.
	 */
	void complete(HttpServletRequest request, VangnetUser user, boolean secondStep) {
		HttpSession session = request.getSession();
		session.removeAttribute(Sessions.SECOND_FACTOR_STEP);
		session.removeAttribute(Sessions.SECOND_FACTOR_ACCOUNT);
		session.setAttribute(Sessions.LAST_CHECKED_AT, this.clock.millis());
		if (secondStep) {
			request.changeSessionId();
		}
		this.trail.recordSession(AccessAction.SIGN_IN, AccessOutcome.SUCCESS, user.id(), user.email(),
				user.role().name(), user.organisationId());
	}

	/** Where a completed sign-in continues in the browser: the page first asked for. */
	String continueUrl(HttpServletRequest request, HttpServletResponse response) {
		SavedRequest saved = this.requests.getRequest(request, response);
		if (saved != null) {
			this.requests.removeRequest(request, response);
			return saved.getRedirectUrl();
		}
		return request.getContextPath() + "/";
	}

}
