package nl.vangnet.account;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.RecentAuthentication;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second factor in the browser: the second step of a sign-in, one's own factors (the
 * authenticator app with its QR code and recovery codes), re-authentication, and an
 * administrator's reset.
 */
@Controller
class SecondFactorController {

	private final SecondFactors factors;

	private final SecondFactorSignIn signIn;

	private final RecentAuthentication recentAuthentication;

	private final AccountManagement accounts;

	SecondFactorController(SecondFactors factors, SecondFactorSignIn signIn, RecentAuthentication recentAuthentication,
			AccountManagement accounts) {
		this.factors = factors;
		this.signIn = signIn;
		this.recentAuthentication = recentAuthentication;
		this.accounts = accounts;
	}

	// ---- The second step of a sign-in

	@GetMapping("/login/second-factor")
	String secondFactorForm(HttpSession session, Model model) {
		if (SecondFactorSignIn.pending(session) != SecondFactorStep.CODE) {
			return "redirect:/";
		}
		model.addAttribute("form", new CodeForm(null));
		return "account/second-factor";
	}

	@PostMapping("/login/second-factor")
	String secondFactor(@ModelAttribute("form") CodeForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (SecondFactorSignIn.pending(request.getSession(false)) != SecondFactorStep.CODE) {
			return "redirect:/";
		}
		model.addAttribute(ErrorSummary.TARGETS, CODE);
		if (result.hasErrors()) {
			model.addAttribute("failed", true);
			return "account/second-factor";
		}
		try {
			if (this.signIn.verify(request, VangnetUser.current(), form.code())) {
				return "redirect:" + this.signIn.continueUrl(request, response);
			}
			result.rejectValue("code", "factor.code.wrong");
			model.addAttribute("failed", true);
		}
		catch (ThrottledAuthenticationProvider.SignInThrottledException ex) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(ex.retryAfterSeconds()));
			result.rejectValue("code", "signIn.throttled");
			model.addAttribute("failed", true);
		}
		return "account/second-factor";
	}

	// ---- One's own factors

	@GetMapping("/account/factors")
	String factors(HttpSession session, Model model) {
		VangnetUser user = VangnetUser.current();
		model.addAttribute("factors", this.factors.view(user.id(), user.role(), user.organisationId()));
		model.addAttribute("enrolling", SecondFactorSignIn.pending(session) == SecondFactorStep.ENROL);
		return "account/factors";
	}

	/**
	 * Starts a TOTP enrolment and shows its secret, QR code and recovery codes, this once
	 * (the answer to the POST itself: the secret never goes into a URL or the session).
	 */
	@PostMapping("/account/factors/totp")
	String startTotp(Model model) {
		VangnetUser user = VangnetUser.current();
		if (this.factors.enrolled(user.id())) {
			this.recentAuthentication.require();
		}
		SecondFactors.Enrolment enrolment = this.factors.startTotp(user.id(), user.email());
		model.addAttribute("secret", grouped(enrolment.secret()));
		model.addAttribute("qrCode", QrCode.svgDataUri(enrolment.otpauthUri()));
		model.addAttribute("recoveryCodes", enrolment.recoveryCodes());
		model.addAttribute("form", new CodeForm(null));
		return "account/totp";
	}

	@PostMapping("/account/factors/totp/confirmation")
	String confirmTotp(@ModelAttribute("form") CodeForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		VangnetUser user = VangnetUser.current();
		if (!result.hasErrors()) {
			try {
				this.factors.confirmTotp(user.id(), user.organisationId(), form.code());
				redirect.addFlashAttribute("enrolled", true);
				if (SecondFactorSignIn.pending(request.getSession(false)) == SecondFactorStep.ENROL) {
					this.signIn.complete(request, user, true);
					return "redirect:" + this.signIn.continueUrl(request, response);
				}
				return "redirect:/account/factors";
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		model.addAttribute("failed", true);
		model.addAttribute(ErrorSummary.TARGETS, CODE);
		String secret = this.factors.pendingSecret(user.id()).orElse(null);
		if (secret != null) {
			model.addAttribute("secret", grouped(secret));
			model.addAttribute("qrCode", QrCode.svgDataUri(Totp.otpauthUri(secret, user.email())));
		}
		return "account/totp";
	}

	// ---- Re-authentication

	@GetMapping("/account/reauthentication")
	String reauthenticationForm(Model model) {
		model.addAttribute("form", new ReauthenticationForm(null, null));
		return "account/reauthentication";
	}

	@PostMapping("/account/reauthentication")
	String reauthenticate(@ModelAttribute("form") ReauthenticationForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		boolean withPassword = form.password() != null && !form.password().isEmpty();
		boolean withCode = form.code() != null && !form.code().isBlank();
		model.addAttribute(ErrorSummary.TARGETS, Map.of("", "password", "password", "password", "code", "code"));
		if (result.hasErrors()) {
			model.addAttribute("failed", true);
		}
		else if (!withPassword && !withCode) {
			result.rejectValue("password", "reauthentication.missing");
			model.addAttribute("failed", true);
		}
		else {
			try {
				if (this.signIn.reauthenticate(request, VangnetUser.current(), form.password(), form.code())) {
					HttpSession session = request.getSession();
					Object target = session.getAttribute(Sessions.REAUTHENTICATION_CONTINUE);
					session.removeAttribute(Sessions.REAUTHENTICATION_CONTINUE);
					return "redirect:" + ((target instanceof String path) ? path : "/");
				}
				if (withPassword) {
					result.rejectValue("password", "reauthentication.passwordWrong");
				}
				else {
					result.rejectValue("code", "factor.code.wrong");
				}
				model.addAttribute("failed", true);
			}
			catch (ThrottledAuthenticationProvider.SignInThrottledException ex) {
				response.setStatus(429);
				response.setHeader("Retry-After", String.valueOf(ex.retryAfterSeconds()));
				result.rejectValue(withPassword ? "password" : "code", "signIn.throttled");
				model.addAttribute("failed", true);
			}
		}
		return "account/reauthentication";
	}

	// ---- An administrator's reset

	@PostMapping("/admin/users/{id}/factors/reset")
	String resetFactors(@PathVariable UUID id, RedirectAttributes redirect) {
		AccountView account = this.accounts.resetFactors(id);
		redirect.addFlashAttribute("factorsReset", account.displayName());
		redirect.addAttribute("organisation", account.organisation());
		return "redirect:/admin/users";
	}

	/**
	 * The code's field, to which the page's summary links its error as the server renders
	 * the page (issue 18).
	 */
	private static final Map<String, String> CODE = Map.of("", "code", "code", "code");

	/** The secret in groups of four, easier to type into an app by hand. */
	static String grouped(String secret) {
		return secret.replaceAll("(.{4})(?!$)", "$1 ");
	}

	/**
	 * A code as typed. A class rather than a record: a value that breaks the input rules
	 * leaves the field empty with its error, and the form is still there to show it.
	 */
	static class CodeForm {

		private String code;

		CodeForm() {
		}

		CodeForm(String code) {
			this.code = code;
		}

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		String code() {
			return this.code;
		}

	}

	/** The password, or a code (a class for the same reason as {@link CodeForm}). */
	static class ReauthenticationForm extends CodeForm {

		private String password;

		ReauthenticationForm() {
		}

		ReauthenticationForm(String password, String code) {
			super(code);
			this.password = password;
		}

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		String password() {
			return this.password;
		}

	}

}
