package nl.vangnet.lifedomain;

import java.util.ArrayList;
import java.util.List;

import nl.vangnet.account.VangnetUser;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Life domains in the browser: an administrator sees and adds frameworks; a coordinator
 * chooses the framework of their organisation.
 */
@Controller
class LifeDomainController {

	private final LifeDomainApi lifeDomains;

	private final OrganisationApi organisations;

	private final org.springframework.context.MessageSource messages;

	LifeDomainController(LifeDomainApi lifeDomains, OrganisationApi organisations,
			org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.lifeDomains = lifeDomains;
		this.organisations = organisations;
	}

	@GetMapping("/admin/frameworks")
	String list(Model model) {
		model.addAttribute("frameworks", this.lifeDomains.frameworks());
		model.addAttribute("instruments", this.lifeDomains.instruments());
		return "lifedomain/list";
	}

	@GetMapping("/admin/frameworks/{code}")
	String show(@PathVariable String code, Model model) {
		model.addAttribute("framework", this.lifeDomains.framework(code));
		model.addAttribute("monitor", this.lifeDomains.monitorFramework());
		return "lifedomain/show";
	}

	@GetMapping("/admin/frameworks/new")
	String newForm(Model model) {
		model.addAttribute("form", new FrameworkForm(null, null, null, null, null));
		model.addAttribute("organisations", this.organisations.all());
		model.addAttribute("monitor", this.lifeDomains.monitorFramework());
		return "lifedomain/new";
	}

	@PostMapping("/admin/frameworks")
	String add(@ModelAttribute("form") FrameworkForm form, BindingResult result, Model model,
			jakarta.servlet.http.HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Framework added = this.lifeDomains.add(form.toCommand());
				redirect.addAttribute("code", added.code());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/admin/frameworks/{code}";
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		FormErrors.keep(model, "form", form, result);
		model.addAttribute("organisations", this.organisations.all());
		model.addAttribute("monitor", this.lifeDomains.monitorFramework());
		response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
		nl.vangnet.platform.web.ErrorSummary.fields(model, this.messages, FIELDS, "");
		return "lifedomain/new";
	}

	@GetMapping("/organisation/framework")
	String own(Model model) {
		VangnetUser user = VangnetUser.current();
		model.addAttribute("current", this.lifeDomains.frameworkOf(user.organisationId()));
		model.addAttribute("choices", this.lifeDomains.choicesFor(user.organisationCode()));
		return "lifedomain/choose";
	}

	@PostMapping("/organisation/framework")
	String choose(@RequestParam(required = false) String framework, RedirectAttributes redirect) {
		VangnetUser user = VangnetUser.current();
		try {
			this.lifeDomains.choose(user.organisationId(), user.organisationCode(), framework);
			redirect.addFlashAttribute("saved", true);
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("refused", ex.messageKey());
			redirect.addFlashAttribute("refusedArguments", ex.arguments());
		}
		return "redirect:/organisation/framework";

	}

	/**
	 * A new framework: its domains one per line, as {@code CODE | label | English label |
	 * MONITOR_CODE}, where the last part may list several monitor codes separated by
	 * commas: the first is the default, the others a help question may choose.
	 */
	/**
	 * The new framework's fields: per field the id of its element and its label's key, so
	 * that the page's summary links each error to its field as rendered and names it.
	 */
	private static final java.util.Map<String, String[]> FIELDS = java.util.Map.of("",
			new String[] { "code", "framework.code" }, "code", new String[] { "code", "framework.code" }, "nameNl",
			new String[] { "nameNl", "framework.nameNl" }, "nameEn", new String[] { "nameEn", "framework.nameEn" },
			"organisation", new String[] { "organisation", "framework.organisation" }, "domains",
			new String[] { "domains", "framework.domains" });

	record FrameworkForm(String code, String nameNl, String nameEn, String organisation, String domains) {

		NewFramework toCommand() {
			List<NewFramework.NewDomain> parsed = new ArrayList<>();
			if (this.domains != null) {
				for (String line : this.domains.split("\\R")) {
					if (line.isBlank()) {
						continue;
					}
					String[] parts = line.split("\\|", -1);
					String monitor = part(parts, 3);
					List<String> codes = (monitor != null) ? List.of(monitor.split(",", -1)) : List.of();
					parsed.add(new NewFramework.NewDomain(part(parts, 0), part(parts, 1), part(parts, 2),
							codes.isEmpty() ? null : codes.get(0).strip(), codes.stream().skip(1).toList()));
				}
			}
			return new NewFramework(this.code, this.nameNl, this.nameEn, this.organisation, parsed);
		}

		private static String part(String[] parts, int index) {
			return (index < parts.length) ? parts[index].strip() : null;
		}

	}

}
