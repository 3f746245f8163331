package nl.vangnet.account;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.RecentAuthentication;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The second factor through the JSON API: the second step of a sign-in, one's own
 * factors, re-authentication, and an administrator's reset.
 */
@RestController
class SecondFactorApiController {

	private final SecondFactors factors;

	private final SecondFactorSignIn signIn;

	private final RecentAuthentication recentAuthentication;

	private final AccountManagement accounts;

	private final MessageSource messages;

	SecondFactorApiController(SecondFactors factors, SecondFactorSignIn signIn,
			RecentAuthentication recentAuthentication, AccountManagement accounts, MessageSource messages) {
		this.factors = factors;
		this.signIn = signIn;
		this.recentAuthentication = recentAuthentication;
		this.accounts = accounts;
		this.messages = messages;
	}

	/**
	 * The second step of a sign-in: a code of the authenticator app or a recovery code.
	 * Right, the answer is the signed-in user (as {@code GET /api/v1/me}), as it is for a
	 * session that needs no second step.
	 */
	@PostMapping("/api/v1/sign-in/second-factor")
	ResponseEntity<Object> secondFactor(@RequestBody CodeBody body, HttpServletRequest request,
			HttpServletResponse response) {
		VangnetUser user = VangnetUser.current();
		SecondFactorStep step = SecondFactorSignIn.pending(request.getSession(false));
		if (step == SecondFactorStep.ENROL) {
			throw new DomainException("code", "factor.signIn.notPending");
		}
		try {
			// already signed in (no step pending): the answer is who is signed in
			if (step == SecondFactorStep.CODE && !this.signIn.verify(request, user, body.code())) {
				throw new DomainException("code", "factor.code.wrong");
			}
		}
		catch (ThrottledAuthenticationProvider.SignInThrottledException ex) {
			return throttled(ex);
		}
		return ResponseEntity.ok(MeView.of(user, this.accounts.mustChangePassword(user.id())));
	}

	@GetMapping("/api/v1/me/factors")
	SecondFactors.FactorsView factors() {
		VangnetUser user = VangnetUser.current();
		return this.factors.view(user.id(), user.role(), user.organisationId());
	}

	/**
	 * Starts a TOTP enrolment: the secret, its {@code otpauth://} address and the
	 * recovery codes, shown this once. Changing an enrolled factor asks for a recent
	 * check.
	 */
	@PostMapping("/api/v1/me/factors/totp")
	SecondFactors.Enrolment startTotp() {
		VangnetUser user = VangnetUser.current();
		if (this.factors.enrolled(user.id())) {
			this.recentAuthentication.require();
		}
		return this.factors.startTotp(user.id(), user.email());
	}

	/**
	 * Activates the started enrolment with a code of its secret; during a sign-in that
	 * waited for an enrolment, the sign-in is then complete.
	 */
	@PostMapping("/api/v1/me/factors/totp/confirmation")
	SecondFactors.FactorsView confirmTotp(@RequestBody CodeBody body, HttpServletRequest request) {
		VangnetUser user = VangnetUser.current();
		this.factors.confirmTotp(user.id(), user.organisationId(), body.code());
		if (SecondFactorSignIn.pending(request.getSession(false)) == SecondFactorStep.ENROL) {
			this.signIn.complete(request, user, true);
		}
		return this.factors.view(user.id(), user.role(), user.organisationId());
	}

	/**
	 * Proves again who is signed in, with the password or a code: the most sensitive acts
	 * are allowed for the next ten minutes.
	 */
	@PostMapping("/api/v1/me/reauthentication")
	ResponseEntity<Object> reauthenticate(@RequestBody ReauthenticationBody body, HttpServletRequest request) {
		boolean withPassword = body.password() != null && !body.password().isEmpty();
		if (!withPassword && (body.code() == null || body.code().isBlank())) {
			throw new DomainException("password", "reauthentication.missing");
		}
		try {
			if (!this.signIn.reauthenticate(request, VangnetUser.current(), body.password(), body.code())) {
				throw new DomainException(withPassword ? "password" : "code",
						withPassword ? "reauthentication.passwordWrong" : "factor.code.wrong");
			}
		}
		catch (ThrottledAuthenticationProvider.SignInThrottledException ex) {
			return throttled(ex);
		}
		return ResponseEntity.noContent().build();
	}

	/** An administrator removes every second factor of an account (it was lost). */
	@PostMapping("/api/v1/users/{id}/factors/reset")
	AccountView resetFactors(@PathVariable UUID id) {
		return this.accounts.resetFactors(id);
	}

	private ResponseEntity<Object> throttled(ThrottledAuthenticationProvider.SignInThrottledException ex) {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
		problem.setTitle(this.messages.getMessage("signIn.throttled", null, LocaleContextHolder.getLocale()));
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", String.valueOf(ex.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/** A code of the authenticator app (six digits) or a recovery code. */
	record CodeBody(@Size(max = 64) String code) {
	}

	/** The password, or a code. */
	record ReauthenticationBody(String password, String code) {
	}

}
