package nl.vangnet.home;

import nl.vangnet.account.VangnetUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: what this person's role does first.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(@AuthenticationPrincipal VangnetUser user, Model model) {
		model.addAttribute("user", user);
		return switch (user.role()) {
			case ADMINISTRATOR -> "home/administrator";
			case COORDINATOR -> "home/coordinator";
			case PROFESSIONAL -> "home/professional";
			case VOLUNTEER -> "home/volunteer";
			case RESEARCHER -> "home/researcher";
		};
	}

}
