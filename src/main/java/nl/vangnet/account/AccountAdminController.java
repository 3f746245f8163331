package nl.vangnet.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.organisation.TeamSummary;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages for accounts. The list filters by organisation with htmx: the
 * same URL serves the whole page or only the table.
 */
@Controller
@RequestMapping("/admin/users")
class AccountAdminController {

	private final AccountManagement accounts;

	private final OrganisationApi organisations;

	private final org.springframework.context.MessageSource messages;

	AccountAdminController(AccountManagement accounts, OrganisationApi organisations,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.accounts = accounts;
		this.organisations = organisations;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@ModelAttribute("organisations")
	List<OrganisationSummary> organisations() {
		return this.organisations.all();
	}

	/** The teams to choose from, per organisation. */
	@ModelAttribute("teams")
	Map<String, List<TeamSummary>> teams(@ModelAttribute("organisations") List<OrganisationSummary> organisations) {
		Map<String, List<TeamSummary>> teams = new LinkedHashMap<>();
		for (OrganisationSummary organisation : organisations) {
			List<TeamSummary> ofOrganisation = this.organisations.teams(organisation.id());
			if (!ofOrganisation.isEmpty()) {
				teams.put(organisation.name(), ofOrganisation);
			}
		}
		return teams;
	}

	@GetMapping
	String list(@RequestParam(required = false) String organisation,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("organisation", organisation);
		model.addAttribute("accounts", this.accounts.list(organisation));
		return (htmx != null) ? "account/list :: #accounts" : "account/list";
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) String organisation, Model model) {
		model.addAttribute("form", new NewAccount(null, null, organisation, Role.PROFESSIONAL, null, null));
		return "account/new";
	}

	@PostMapping
	String open(@Valid @ModelAttribute("form") NewAccount form, BindingResult result, Model model,
			jakarta.servlet.http.HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				AccountView created = this.accounts.open(form);
				redirect.addFlashAttribute("saved", true);
				redirect.addAttribute("organisation", created.organisation());
				return "redirect:/admin/users";
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
		nl.vangnet.platform.web.ErrorSummary.fields(model, this.messages, NEW_ACCOUNT_FIELDS, "");
		return "account/new";
	}

	/**
	 * The new account's fields: per field the id of its element and its label's key, so
	 * that the page's summary links each error to its field as rendered and names it.
	 */
	private static final Map<String, String[]> NEW_ACCOUNT_FIELDS = Map.of("",
			new String[] { "displayName", "account.displayName" }, "displayName",
			new String[] { "displayName", "account.displayName" }, "email", new String[] { "email", "account.email" },
			"role", new String[] { "role", "account.role" }, "organisation",
			new String[] { "organisation", "account.organisation" }, "team", new String[] { "team", "account.team" },
			"meldcodeOfficer", new String[] { "meldcodeOfficer", "account.meldcodeOfficer.designate" }, "password",
			new String[] { "password", "account.password" });

	@PostMapping("/{id}/deactivation")
	String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		AccountView account = this.accounts.deactivate(id);
		redirect.addFlashAttribute("deactivated", account.displayName());
		redirect.addAttribute("organisation", account.organisation());
		return "redirect:/admin/users";
	}

	/**
	 * Designates the account as meldcode officer, or ends that (issue 14). A value other
	 * than {@code true} or {@code false}, or a role that cannot be one, comes back as the
	 * list with the error.
	 */
	@PostMapping("/{id}/meldcode-officer")
	String designateMeldcodeOfficer(@PathVariable UUID id, @ModelAttribute("officerForm") OfficerForm form,
			BindingResult result, RedirectAttributes redirect, Model model,
			jakarta.servlet.http.HttpServletResponse response) {
		AccountView account = null;
		if (!result.hasErrors() && form != null && form.meldcodeOfficer() != null) {
			try {
				account = this.accounts.designateMeldcodeOfficer(id, form.meldcodeOfficer());
			}
			catch (DomainException ex) {
				account = null;
			}
		}
		if (account == null) {
			response.setStatus(422);
			model.addAttribute("officerRefused", true);
			model.addAttribute("accounts", this.accounts.list(null));
			return "account/list";
		}
		redirect.addFlashAttribute("officerChanged", account.displayName());
		redirect.addAttribute("organisation", account.organisation());
		return "redirect:/admin/users";
	}

	/** Whether the account is to be the organisation's meldcode officer. */
	record OfficerForm(Boolean meldcodeOfficer) {
	}

	/**
	 * The administrator's accounts page: a number that is not one comes back as the list
	 * with the error at that account's field.
	 */
	@PostMapping("/{id}/work-phone")
	String changeByAdministrator(@PathVariable UUID id,
			@Valid @ModelAttribute("phoneForm") WorkPhoneController.WorkPhone form, BindingResult result, Model model,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				AccountView account = this.accounts.changeWorkPhone(nl.vangnet.platform.staff.Staff.current(), id,
						form.workPhone());
				redirect.addFlashAttribute("workPhoneChanged", account.displayName());
				redirect.addAttribute("organisation", account.organisation());
				return "redirect:/admin/users";
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		AccountView account = this.accounts.get(id);
		response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("phoneAccount", id);
		model.addAttribute(nl.vangnet.platform.web.ErrorSummary.TARGETS, java.util.Map.of("", "workPhone-" + id));
		return list(account.organisation(), null, model);
	}

	@PostMapping("/{id}/activation")
	String reactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		AccountView account = this.accounts.reactivate(id);
		redirect.addFlashAttribute("reactivated", account.displayName());
		redirect.addAttribute("organisation", account.organisation());
		return "redirect:/admin/users";
	}

}
