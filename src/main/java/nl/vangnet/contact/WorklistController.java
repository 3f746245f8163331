package nl.vangnet.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.web.ErrorSummary;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Who needs contact": one URL for the page and, for htmx (the start page), the list
 * only; and for a coordinator the workload per worker, from which they reassign or
 * arrange a deputy for an absent worker's families.
 */
@Controller
class WorklistController {

	private final Worklist worklist;

	private final Workload workload;

	private final HouseholdApi households;

	private final MessageSource messages;

	WorklistController(Worklist worklist, Workload workload, HouseholdApi households, MessageSource messages) {
		this.worklist = worklist;
		this.workload = workload;
		this.households = households;
		this.messages = messages;
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

	/** A deputy for every running family of an absent worker, from a day until a day. */
	@PostMapping("/team/workload/{accountId}/deputy")
	String cover(@PathVariable UUID accountId, @ModelAttribute("absence") Absence form, BindingResult result,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		List<DomainException> problems;
		try {
			nl.vangnet.platform.web.FormErrors.throwIfAny(result);
			List<UUID> covered = this.households.coverAbsence(accountId, form.deputy(), form.from(), form.until());
			redirect.addFlashAttribute("covered", covered.size());
			return "redirect:/team/workload";
		}
		catch (DomainErrors ex) {
			problems = ex.errors();
		}
		catch (DomainException ex) {
			problems = List.of(ex);
		}
		model.asMap().keySet().removeIf((key) -> key.startsWith(BindingResult.MODEL_KEY_PREFIX));
		for (DomainException problem : problems) {
			String field = (problem.field() != null) ? problem.field() : "deputy";
			ErrorSummary.add(model, null, field, "absence-" + field + "-" + accountId, null,
					this.messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), locale));
		}
		model.addAttribute("absentWorker", accountId);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return workload(model);
	}

	/** The absence form of the workload page. */
	record Absence(UUID deputy, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
	}

}
