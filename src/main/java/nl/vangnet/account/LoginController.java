package nl.vangnet.account;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.web.ErrorSummary;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Signing in itself is Spring Security's form login at
 * {@code POST /login} with the fields {@code username} and {@code password}.
 */
@Controller
class LoginController {

	private final IdentityProviders identityProviders;

	LoginController(IdentityProviders identityProviders) {
		this.identityProviders = identityProviders;
	}

	/**
	 * The sign-in page; after a failed sign-in ({@code ?error}, a flag and nothing
	 * personal, as Spring Security's form login sends it) or a failed sign-in with the
	 * organisation ({@code ?oidc=why}) with the page's error summary, linked to the
	 * e-mail address as the server renders the page (issue 18).
	 */
	@GetMapping("/login")
	String login(Authentication authentication, @RequestParam(required = false) String error,
			@RequestParam(required = false) String oidc, Model model) {
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		model.addAttribute("organisationForm", new OrganisationSignIn(null));
		if (error != null) {
			model.addAttribute(ErrorSummary.PROBLEMS, List.of(new DomainException("username", "signIn.failed")));
		}
		else if (oidc != null) {
			model.addAttribute(ErrorSummary.PROBLEMS, List.of(new DomainException(null, oidcMessage(oidc))));
		}
		model.addAttribute(ErrorSummary.TARGETS, TARGETS);
		return "account/login";
	}

	/** The sign-in forms' fields by name: the id of each element. */
	private static final Map<String, String> TARGETS = Map.of("username", "username", "organisation", "organisation");

	/** Why a sign-in with the organisation failed, as the page says it. */
	private static String oidcMessage(String why) {
		return switch (why.split(",")[0]) {
			case "unknownAccount" -> "login.oidc.unknownAccount";
			case "issuer" -> "login.oidc.issuer";
			case "unknownOrganisation" -> "login.oidc.unknownOrganisation";
			default -> "login.oidc.failed";
		};
	}

	/**
	 * Sign-in with the organisation's identity provider: the organisation's code leads to
	 * its provider ({@code /oauth2/authorization/{code}}, Spring Security's OpenID
	 * Connect login), or back to this page with a clear message.
	 */
	@PostMapping("/login/organisation")
	String organisation(@ModelAttribute("organisationForm") OrganisationSignIn form, BindingResult result,
			Model model) {
		String code = (form.organisation() != null) ? form.organisation().strip().toLowerCase(Locale.ROOT) : "";
		if (!result.hasErrors() && code.matches("[a-z0-9][a-z0-9_-]{1,15}")
				&& this.identityProviders.findByRegistrationId(code) != null) {
			return "redirect:/oauth2/authorization/" + code;
		}
		result.rejectValue("organisation", "login.organisation.unknown");
		model.addAttribute("failed", true);
		model.addAttribute(ErrorSummary.TARGETS, TARGETS);
		return "account/login";
	}

	/** The code of the organisation whose identity provider signs the person in. */
	static class OrganisationSignIn {

		private String organisation;

		OrganisationSignIn() {
		}

		OrganisationSignIn(String organisation) {
			this.organisation = organisation;
		}

		public String getOrganisation() {
			return this.organisation;
		}

		public void setOrganisation(String organisation) {
			this.organisation = organisation;
		}

		String organisation() {
			return this.organisation;
		}

	}

	/**
	 * Shown, with status 429, when an account had too many failed sign-ins in the last
	 * minute.
	 */
	@RequestMapping("/login/throttled")
	String throttled(Model model) {
		model.addAttribute("throttled", true);
		model.addAttribute("organisationForm", new OrganisationSignIn(null));
		// in the page's summary, linked to no field: it is about the attempts
		model.addAttribute(ErrorSummary.PROBLEMS, List.of(new DomainException(null, "signIn.throttled")));
		return "account/login";
	}

}
