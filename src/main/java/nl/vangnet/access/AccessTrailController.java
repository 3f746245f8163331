package nl.vangnet.access;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The access trail in the browser: a coordinator's view of their organisation's client
 * data, and an administrator's view of sign-ins.
 */
@Controller
class AccessTrailController {

	private static final int PAGE = 200;

	private final AccessTrail trail;

	AccessTrailController(AccessTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/access-trail")
	String organisationTrail(@RequestParam(required = false) UUID subject, Model model) {
		model.addAttribute("subject", subject);
		model.addAttribute("entries", (subject != null) ? this.trail.ofSubject(subject) : this.trail.latest(PAGE));
		return "access/trail";
	}

	@GetMapping("/admin/sign-ins")
	String signIns(Model model) {
		model.addAttribute("entries", this.trail.signIns(PAGE));
		return "access/sign-ins";
	}

}
