package nl.vangnet.contact;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.account.AccountApi;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.platform.staff.Staff;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

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

	private final AccountApi accounts;

	private final OrganisationApi organisations;

	WorklistController(Worklist worklist, Workload workload, HouseholdApi households, MessageSource messages,
			AccountApi accounts, OrganisationApi organisations) {
		this.accounts = accounts;
		this.organisations = organisations;
		this.worklist = worklist;
		this.workload = workload;
		this.households = households;
		this.messages = messages;
	}

	/**
	 * One page of the list, filtered by reason and, for a coordinator, by worker or team.
	 * A filter that is not right (a worker of another organisation) is named at the top
	 * and the whole list shown instead.
	 */
	@GetMapping("/worklist")
	String worklist(ListFilter filter, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			Locale locale, HttpServletResponse response) {
		Staff actor = Staff.current().requireOrganisation("household");
		Worklist.Page page;
		try {
			page = this.worklist.forCurrentUser(filter.toFilter());
		}
		catch (DomainException ex) {
			ErrorSummary.add(model, "worklist-filters", ex.field(), "worklist-" + ex.field(), null,
					this.messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			page = this.worklist.forCurrentUser(Worklist.Filter.FIRST);
		}
		model.addAttribute("page", page);
		model.addAttribute("items", page.items());
		model.addAttribute("filter", filter);
		model.addAttribute("reasons", Worklist.Reason.values());
		model.addAttribute("previousUrl", page.hasPrevious() ? filter.url(page.page() - 1) : null);
		model.addAttribute("nextUrl", page.more() ? filter.url(page.page() + 1) : null);
		if (actor.leadsTeam()) {
			model.addAttribute("workers",
					this.accounts.staff(actor.organisationId())
						.stream()
						.filter((member) -> member.active() && member.role().worksWithCases())
						.toList());
			model.addAttribute("teams", this.organisations.teams(actor.organisationId()));
		}
		return (htmx != null) ? "contact/worklist :: #worklist" : "contact/worklist";
	}

	/**
	 * The list's filters as they come from the query string; the page counts from 0.
	 */
	record ListFilter(Worklist.Reason reason, UUID worker, UUID team, Integer page) {

		Worklist.Filter toFilter() {
			return new Worklist.Filter(this.reason, this.worker, this.team, (this.page != null) ? this.page : 0,
					Worklist.DEFAULT_SIZE);
		}

		/** The list's address with these filters, on the page. */
		String url(int onPage) {
			UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/worklist");
			if (this.reason != null) {
				builder.queryParam("reason", this.reason);
			}
			if (this.worker != null) {
				builder.queryParam("worker", this.worker);
			}
			if (this.team != null) {
				builder.queryParam("team", this.team);
			}
			if (onPage > 0) {
				builder.queryParam("page", onPage);
			}
			return builder.encode().build().toUriString();
		}

	}

	/**
	 * A coordinator's view of the workload per worker, from which they reassign;
	 * {@code absent}: the worker whose absence form is open (one at a time, so that the
	 * page does not list every colleague once per worker).
	 */
	@GetMapping("/team/workload")
	String workload(@RequestParam(required = false) UUID absent, Model model) {
		model.addAttribute("workers", this.workload.forCurrentUser());
		if (absent != null && !model.containsAttribute("absentWorker")) {
			model.addAttribute("absentWorker", absent);
		}
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
		return workload(null, model);
	}

	/** The absence form of the workload page. */
	record Absence(UUID deputy, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
	}

}
