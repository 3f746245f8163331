package nl.vangnet.household;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * "My caseload": the families whose fixed contact person you are (for a volunteer: the
 * families you are involved in), with their phase and how long since it last changed.
 */
@Controller
class CaseloadController {

	private final HouseholdSearch search;

	CaseloadController(HouseholdSearch search) {
		this.search = search;
	}

	@GetMapping("/caseload")
	String caseload(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
		model.addAttribute("caseload", this.search.caseload(locale));
		return (htmx != null) ? "household/caseload :: #caseload" : "household/caseload";
	}

}
