package nl.vangnet.contact;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * "Who needs contact": one URL for the page and, for htmx (the start page), the list
 * only.
 */
@Controller
class WorklistController {

	private final Worklist worklist;

	WorklistController(Worklist worklist) {
		this.worklist = worklist;
	}

	@GetMapping("/worklist")
	String worklist(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("items", this.worklist.forCurrentUser());
		return (htmx != null) ? "contact/worklist :: #worklist" : "contact/worklist";
	}

}
