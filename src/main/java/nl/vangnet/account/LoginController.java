package nl.vangnet.account;

import java.util.Locale;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

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

	@GetMapping("/login")
	String login(Authentication authentication, Model model) {
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		model.addAttribute("organisationForm", new OrganisationSignIn(null));
		return "account/login";
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
		return "account/login";
	}

}
