package nl.vangnet.home;

import java.util.List;
import java.util.Locale;

import nl.vangnet.account.VangnetUser;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdSummary;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: what this person's role does first. People who work with families see
 * their caseload straight away.
 */
@Controller
class HomeController {

	private final HouseholdApi households;

	HomeController(HouseholdApi households) {
		this.households = households;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal VangnetUser user, Model model, Locale locale) {
		model.addAttribute("user", user);
		if (user.role().seesClientData()) {
			List<HouseholdSummary> caseload = this.households.caseload(locale);
			model.addAttribute("caseload", caseload);
		}
		return switch (user.role()) {
			case ADMINISTRATOR -> "home/administrator";
			case COORDINATOR -> "home/coordinator";
			case PROFESSIONAL -> "home/professional";
			case VOLUNTEER -> "home/volunteer";
			case RESEARCHER -> "home/researcher";
		};
	}

}
