package nl.vangnet.cooperation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.lifedomain.LifeDomainApi;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import nl.vangnet.platform.staff.Staff;

import org.springframework.context.MessageSource;
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

/**
 * The who-does-what map in the browser: search by domain, district and word (the results
 * are an htmx partial of the same URL), and for coordinators a form to add or change a
 * partner.
 */
@Controller
class PartnerController {

	private final Partners partners;

	private final LifeDomainApi lifeDomains;

	private final OrganisationApi organisations;

	private final MessageSource messages;

	PartnerController(Partners partners, LifeDomainApi lifeDomains, OrganisationApi organisations,
			MessageSource messages) {
		this.messages = messages;
		this.partners = partners;
		this.lifeDomains = lifeDomains;
		this.organisations = organisations;
	}

	@GetMapping("/partners")
	String partners(@RequestParam(required = false) String domain, @RequestParam(required = false) String district,
			@RequestParam(required = false) String q, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, Locale locale) {
		model.addAttribute("results", this.partners.search(domain, district, q));
		model.addAttribute("domain", domain);
		model.addAttribute("district", district);
		model.addAttribute("q", q);
		if (htmx != null) {
			domainLabels(model, locale);
			return "cooperation/partners :: results";
		}
		if (!model.containsAttribute("partnerForm")) {
			model.addAttribute("partnerForm", CooperationForms.PartnerForm.empty());
		}
		options(model, locale);
		return "cooperation/partners";
	}

	@PostMapping("/partners")
	String add(@ModelAttribute("partnerForm") CooperationForms.PartnerForm form, BindingResult result, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormErrors.throwIfAny(result);
			Partner added = this.partners.add(form.input());
			redirect.addFlashAttribute("saved", "partner.saved");
			redirect.addAttribute("q", added.name());
			return "redirect:/partners";
		}
		catch (DomainErrors ex) {
			if (!result.hasErrors()) {
				FormErrors.reject(result, ex);
			}
		}
		catch (DomainException ex) {
			FormErrors.reject(result, ex);
		}
		FormErrors.keep(model, "partnerForm", form, result);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("failed", true);
		ErrorSummary.fields(model, this.messages, fields("new-partner"), "");
		return partners(null, null, null, null, model, locale);
	}

	@GetMapping("/partners/{id}")
	String partner(@PathVariable UUID id, Model model, Locale locale) {
		Partner partner = this.partners.get(id);
		model.addAttribute("partner", partner);
		if (!model.containsAttribute("partnerForm")) {
			model.addAttribute("partnerForm", CooperationForms.PartnerForm.of(partner));
		}
		options(model, locale);
		return "cooperation/partner";
	}

	@PostMapping("/partners/{id}")
	String change(@PathVariable UUID id, @ModelAttribute("partnerForm") CooperationForms.PartnerForm form,
			BindingResult result, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			FormErrors.throwIfAny(result);
			this.partners.change(id, form.input());
			redirect.addFlashAttribute("saved", "partner.saved");
			return "redirect:/partners/{id}";
		}
		catch (DomainErrors ex) {
			if (!result.hasErrors()) {
				FormErrors.reject(result, ex);
			}
			FormErrors.keep(model, "partnerForm", form, result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("failed", true);
			ErrorSummary.fields(model, this.messages, fields("change-partner"), "");
		}
		catch (DomainException ex) {
			FormErrors.reject(result, ex);
			FormErrors.keep(model, "partnerForm", form, result);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("failed", true);
			ErrorSummary.fields(model, this.messages, fields("change-partner"), "");
		}
		catch (ConflictException ex) {
			model.addAttribute("conflict", true);
			model.addAttribute("partnerForm", CooperationForms.PartnerForm.of(this.partners.get(id)));
			response.setStatus(HttpServletResponse.SC_CONFLICT);
		}
		return partner(id, model, locale);
	}

	/**
	 * The partner form's fields (cooperation/partner-fields, whose ids start with
	 * {@code prefix}): per field the id of its element (the first box of the domains) and
	 * its label's key, so that the page's summary links each error to its field as
	 * rendered and names it.
	 */
	private static Map<String, String[]> fields(String prefix) {
		return Map.ofEntries(Map.entry("", new String[] { prefix + "-name", "partner.name" }),
				Map.entry("name", new String[] { prefix + "-name", "partner.name" }),
				Map.entry("kind", new String[] { prefix + "-kind", "partner.kind" }),
				Map.entry("organisation", new String[] { prefix + "-organisation", "partner.organisation" }),
				Map.entry("domains", new String[] { "domains1", "partner.domains" }),
				Map.entry("districts", new String[] { prefix + "-districts", "partner.districts" }),
				Map.entry("phone", new String[] { prefix + "-phone", "partner.phone" }),
				Map.entry("email", new String[] { prefix + "-email", "partner.email" }),
				Map.entry("howToRefer", new String[] { prefix + "-how", "partner.howToRefer" }),
				Map.entry("languages", new String[] { prefix + "-languages", "partner.languages" }),
				Map.entry("notes", new String[] { prefix + "-notes", "partner.notes" }));
	}

	private void options(Model model, Locale locale) {
		domainLabels(model, locale);
		model.addAttribute("kinds", PartnerKind.values());
		model.addAttribute("organisations", this.organisations.all());
		model.addAttribute("mayKeep", Staff.current().leadsTeam());
	}

	private void domainLabels(Model model, Locale locale) {
		List<DomainOption> options = domainOptions(this.lifeDomains, locale);
		model.addAttribute("domains", options);
		model.addAttribute("domainLabels", labels(options));
	}

	static java.util.Map<String, String> labels(List<DomainOption> options) {
		java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
		options.forEach((o) -> labels.put(o.code(), o.label()));
		return labels;
	}

	static List<DomainOption> domainOptions(LifeDomainApi lifeDomains, Locale locale) {
		return lifeDomains.monitorFramework()
			.domains()
			.stream()
			.map((d) -> new DomainOption(d.code(), d.label(locale), d.parentCode() != null))
			.toList();
	}

	record DomainOption(String code, String label, boolean sub) {
	}

}
