package nl.vangnet.contact;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * "Who needs contact": one URL for the page and, for htmx (the start page), the list
 * only; and for a coordinator the workload per worker.
 */
@Controller
class WorklistController {

	private final Worklist worklist;

	private final Workload workload;

	WorklistController(Worklist worklist, Workload workload) {
		this.worklist = worklist;
		this.workload = workload;
	}

	@GetMapping("/worklist")
	String worklist(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("items", this.worklist.forCurrentUser());
		return (htmx != null) ? "contact/worklist :: #worklist" : "contact/worklist";
	}

	/** A coordinator's view of the workload per worker, from which they reassign. */
	@GetMapping("/team/workload")
	String workload(Model model) {
		model.addAttribute("workers", this.workload.forCurrentUser());
		return "contact/workload";
	}

}
