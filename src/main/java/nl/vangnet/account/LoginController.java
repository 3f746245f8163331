package nl.vangnet.account;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The sign-in page. Signing in itself is Spring Security's form login at
 * {@code POST /login} with the fields {@code username} and {@code password}.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(Authentication authentication) {
		if (authentication != null && !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		return "account/login";
	}

	/**
	 * Shown, with status 429, when an account had too many failed sign-ins in the last
	 * minute.
	 */
	@RequestMapping("/login/throttled")
	String throttled(Model model) {
		model.addAttribute("throttled", true);
		return "account/login";
	}

}
