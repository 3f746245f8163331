package nl.vangnet.cooperation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.household.Family;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.web.Conflicts;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regie holder and the agencies involved with a family in the browser. A form that is
 * refused comes back with what was typed and each field's message; a change to something
 * someone else changed meanwhile shows what is there now (409).
 */
@Controller
class AgencyController {

	private final Agencies agencies;

	private final RegieHolders regie;

	private final Partners partners;

	private final HouseholdApi households;

	private final Conflicts conflicts;

	private final MessageSource messages;

	AgencyController(Agencies agencies, RegieHolders regie, Partners partners, HouseholdApi households,
			Conflicts conflicts, MessageSource messages) {
		this.messages = messages;
		this.agencies = agencies;
		this.regie = regie;
		this.partners = partners;
		this.households = households;
		this.conflicts = conflicts;
	}

	// ---- Agencies

	@GetMapping("/households/{id}/agencies")
	String agencies(@PathVariable UUID id, Model model) {
		Family family = this.households.family(new HouseholdId(id));
		if (!model.containsAttribute("agencyForm")) {
			model.addAttribute("agencyForm", AgencyForm.empty());
		}
		model.addAttribute("householdId", id);
		model.addAttribute("householdName", family.name());
		model.addAttribute("agencies", this.agencies.ofHousehold(id));
		model.addAttribute("kinds", AgencyKind.values());
		model.addAttribute("issueKinds", AgencyIssueKind.values());
		model.addAttribute("statuses", AgencyIssueStatus.values());
		model.addAttribute("partners", this.partners.all());
		model.addAttribute("today", this.agencies.today());
		return "cooperation/agencies";
	}

	@PostMapping("/households/{id}/agencies")
	String addAgency(@PathVariable UUID id, @ModelAttribute("agencyForm") AgencyForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (form != null && !result.hasErrors()) {
			try {
				this.agencies.add(id, form.input());
				redirect.addFlashAttribute("saved", "agency.saved");
				return "redirect:/households/{id}/agencies";
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		FormErrors.keep(model, "agencyForm", (form != null) ? form : AgencyForm.empty(), result);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		ErrorSummary.fields(model, this.messages, NEW_AGENCY_FIELDS, "");
		return agencies(id, model);
	}

	@PostMapping("/agencies/{id}")
	String changeAgency(@PathVariable UUID id, AgencyForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		UUID household = household("agency_involved", id);
		typed(id, form, model);
		return change(() -> {
			FormErrors.throwIfAny(result);
			this.agencies.change(id, form.input());
		}, "agency.changed", household, model, response, redirect,
				() -> ErrorSummary.fields(model, this.messages, AGENCY_FIELDS, "-" + agencyIndex(model, id)));
	}

	@PostMapping("/agencies/{id}/issues")
	String addIssue(@PathVariable UUID id, IssueForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		UUID household = household("agency_involved", id);
		model.addAttribute("issueFor", id);
		model.addAttribute("typedIssue", form);
		return change(() -> {
			FormErrors.throwIfAny(result);
			this.agencies.addIssue(id, form.input());
		}, "agency.issue.saved", household, model, response, redirect,
				() -> ErrorSummary.fields(model, this.messages, NEW_ISSUE_FIELDS, "-" + agencyIndex(model, id)));
	}

	@PostMapping("/agency-issues/{id}")
	String changeIssue(@PathVariable UUID id, IssueForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		UUID household = household("agency_issue", id);
		typed(id, form, model);
		return change(() -> {
			FormErrors.throwIfAny(result);
			this.agencies.changeIssue(id, form.input());
		}, "agency.issue.changed", household, model, response, redirect,
				() -> ErrorSummary.fields(model, this.messages, ISSUE_FIELDS, "-" + id));
	}

	/**
	 * Makes a change and goes back to the family's agencies, or shows them again with the
	 * conflict (409) or the problems (400), keeping what was typed.
	 */
	private String change(Runnable change, String savedKey, UUID household, Model model, HttpServletResponse response,
			RedirectAttributes redirect, Runnable fields) {
		try {
			change.run();
			redirect.addFlashAttribute("saved", savedKey);
			redirect.addAttribute("household", household);
			return "redirect:/households/{household}/agencies";
		}
		catch (ConflictException ex) {
			this.conflicts.show(ex, "conflict.title", model, response);
		}
		catch (DomainErrors ex) {
			model.addAttribute("problems", ex.errors());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		catch (DomainException ex) {
			model.addAttribute("problems", List.of(ex));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		String page = agencies(household, model);
		if (model.containsAttribute("problems")) {
			fields.run();
		}
		return page;
	}

	/** The place on the page of an agency among the family's agencies. */
	private static int agencyIndex(Model model, UUID agency) {
		return ((List<?>) model.getAttribute("agencies")).stream()
			.map((a) -> ((Agencies.AgencyView) a).id())
			.toList()
			.indexOf(agency);
	}

	/**
	 * The agency forms' fields: per field the id of its element (with a row's place on
	 * the page after it) and its label's key, so that the page's summary links each error
	 * to its field as rendered and names it.
	 */
	private static final Map<String, String[]> NEW_AGENCY_FIELDS = Map.of("",
			new String[] { "agency-kind", "agency.kind" }, "kind", new String[] { "agency-kind", "agency.kind" },
			"name", new String[] { "agency-name", "agency.name" }, "partner",
			new String[] { "agency-partner", "agency.partner" }, "reference",
			new String[] { "agency-reference", "agency.reference" }, "contactName",
			new String[] { "agency-contact", "agency.contactName" }, "contactPhone",
			new String[] { "agency-phone", "agency.contactPhone" }, "contactEmail",
			new String[] { "agency-email", "agency.contactEmail" });

	/** An agency's change form's fields, as {@link #NEW_AGENCY_FIELDS}. */
	private static final Map<String, String[]> AGENCY_FIELDS = Map.of("", new String[] { "agency-kind", "agency.kind" },
			"kind", new String[] { "agency-kind", "agency.kind" }, "name",
			new String[] { "agency-name", "agency.name" }, "reference",
			new String[] { "agency-reference", "agency.reference" }, "contactName",
			new String[] { "agency-contact", "agency.contactName" }, "contactPhone",
			new String[] { "agency-phone", "agency.contactPhone" }, "contactEmail",
			new String[] { "agency-email", "agency.contactEmail" }, "endedOn",
			new String[] { "agency-ended", "agency.endedOn" });

	/** The form of a new issue with an agency, as {@link #NEW_AGENCY_FIELDS}. */
	private static final Map<String, String[]> NEW_ISSUE_FIELDS = Map.of("",
			new String[] { "new-issue-kind", "agency.issue.kind" }, "kind",
			new String[] { "new-issue-kind", "agency.issue.kind" }, "description",
			new String[] { "new-issue-description", "agency.issue.description" }, "noticedOn",
			new String[] { "new-issue-noticed", "agency.issue.noticedOn" }, "objectionDeadline",
			new String[] { "new-issue-deadline", "agency.issue.objectionDeadline" });

	/** The regie holder's form's fields, as {@link #NEW_AGENCY_FIELDS}. */
	private static final Map<String, String[]> REGIE_FIELDS = Map.of("",
			new String[] { "regie-account", "regie.account" }, "account",
			new String[] { "regie-account", "regie.account" }, "name", new String[] { "regie-name", "regie.name" },
			"worksAt", new String[] { "regie-worksAt", "regie.worksAt" }, "phone",
			new String[] { "regie-phone", "regie.phone" }, "email", new String[] { "regie-email", "regie.email" },
			"reachable", new String[] { "regie-reachable", "regie.reachable" }, "since",
			new String[] { "regie-since", "regie.since" });

	/**
	 * An issue's change form's fields (by the issue's id), as {@link #NEW_AGENCY_FIELDS}.
	 */
	private static final Map<String, String[]> ISSUE_FIELDS = Map.of("",
			new String[] { "issue-status", "agency.issue.status" }, "status",
			new String[] { "issue-status", "agency.issue.status" }, "objectionDeadline",
			new String[] { "issue-deadline", "agency.issue.objectionDeadline" }, "objectionFiledOn",
			new String[] { "issue-filed", "agency.issue.objectionFiledOn" }, "amountRecovered",
			new String[] { "issue-amount", "agency.issue.amountRecovered" });

	private static void typed(UUID id, Object form, Model model) {
		model.addAttribute("typedId", id);
		model.addAttribute("typed", form);
	}

	private UUID household(String table, UUID id) {
		return this.agencies.householdOf(table, id).orElseThrow(() -> new NotFoundException("agency"));
	}

	// ---- The regie holder

	@GetMapping("/households/{id}/regie")
	String regie(@PathVariable UUID id, Model model) {
		Family family = this.households.family(new HouseholdId(id));
		RegieHolders.RegieView current = this.regie.of(id).orElse(null);
		if (!model.containsAttribute("regieForm")) {
			model.addAttribute("regieForm", (current != null && current.sharedBy() == null) ? RegieForm.of(current)
					: RegieForm.empty(this.agencies.today()));
		}
		model.addAttribute("householdId", id);
		model.addAttribute("householdName", family.name());
		model.addAttribute("regie", current);
		model.addAttribute("workers", this.regie.workers());
		return "cooperation/regie";
	}

	@PostMapping("/households/{id}/regie")
	String recordRegie(@PathVariable UUID id, @ModelAttribute("regieForm") RegieForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Supplier<String> again = () -> regie(id, model);
		if (form != null && !result.hasErrors()) {
			try {
				this.regie.record(id, form.input());
				redirect.addFlashAttribute("saved", "regie.saved");
				return "redirect:/households/{id}";
			}
			catch (ConflictException ex) {
				this.conflicts.show(ex, "conflict.title", model, response);
				return again.get();
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		FormErrors.keep(model, "regieForm", (form != null) ? form : RegieForm.empty(this.agencies.today()), result);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		ErrorSummary.fields(model, this.messages, REGIE_FIELDS, "");
		return again.get();
	}

	// ---- Forms

	/** An agency as the form sends it. */
	record AgencyForm(Integer version, String kind, String name, UUID partner, String reference, String contactName,
			String contactPhone, String contactEmail,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedOn) {

		static AgencyForm empty() {
			return new AgencyForm(null, null, null, null, null, null, null, null, null);
		}

		Agencies.AgencyInput input() {
			return new Agencies.AgencyInput(this.kind, this.name, this.partner, this.reference, this.contactName,
					this.contactPhone, this.contactEmail, this.endedOn, this.version);
		}

	}

	/** An agency issue as the form sends it. */
	record IssueForm(Integer version, String kind, String description,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate noticedOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate objectionDeadline,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate objectionFiledOn, String status,
			BigDecimal amountRecovered) {

		Agencies.IssueInput input() {
			return new Agencies.IssueInput(this.kind, this.description, this.noticedOn, this.objectionDeadline,
					this.objectionFiledOn, this.status, this.amountRecovered, this.version);
		}

	}

	/** Who holds the regie as the form sends it. */
	record RegieForm(Integer version, UUID account, String name, String worksAt, String phone, String email,
			String reachable, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since) {

		static RegieForm empty(LocalDate today) {
			return new RegieForm(null, null, null, null, null, null, null, today);
		}

		static RegieForm of(RegieHolders.RegieView regie) {
			return new RegieForm(regie.version(), regie.account(), regie.name(), regie.worksAt(), regie.phone(),
					regie.email(), regie.reachable(), regie.since());
		}

		RegieHolders.RegieInput input() {
			return new RegieHolders.RegieInput(this.account, this.name, this.worksAt, this.phone, this.email,
					this.reachable, this.since, this.version);
		}

	}

}
