package nl.vangnet.organisation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.SecondFactor;
import nl.vangnet.platform.web.Conflicts;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages for organisations, their locations and teams.
 */
@Controller
@RequestMapping("/admin/organisations")
class OrganisationAdminController {

	private final OrganisationManagement management;

	private final Conflicts conflicts;

	private final MessageSource messages;

	OrganisationAdminController(OrganisationManagement management, Conflicts conflicts, MessageSource messages) {
		this.messages = messages;
		this.management = management;
		this.conflicts = conflicts;
	}

	@ModelAttribute("secondFactors")
	SecondFactor[] secondFactors() {
		return SecondFactor.values();
	}

	@ModelAttribute("kinds")
	OrganisationKind[] kinds() {
		return OrganisationKind.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("organisations", this.management.all());
		return "organisation/list";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		model.addAttribute("form", new OrganisationForm(null, null, null, null, false, null, null, null, null, null));
		return "organisation/new";
	}

	@PostMapping
	String register(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				OrganisationDetails created = this.management.register(form.toCommand());
				redirect.addFlashAttribute("saved", true);
				redirect.addAttribute("code", created.code());
				return "redirect:/admin/organisations/{code}";
			}
			catch (DomainException ex) {
				FormErrors.reject(result, onForm(ex));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		ErrorSummary.fields(model, this.messages, organisationFields(true), "");
		return "organisation/new";
	}

	@GetMapping("/{code}")
	String show(@PathVariable String code, Model model) {
		OrganisationDetails organisation = this.management.get(code, null);
		model.addAttribute("organisation", organisation);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", OrganisationForm.of(organisation));
		}
		if (!model.containsAttribute("location")) {
			model.addAttribute("location", new LocationCommand(null, null, null, false));
		}
		if (!model.containsAttribute("team")) {
			model.addAttribute("team", new TeamCommand(null));
		}
		return "organisation/show";
	}

	@PostMapping("/{code}")
	String describe(@PathVariable String code, @Valid @ModelAttribute("form") OrganisationForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				this.management.describe(code, form.toCommand(), form.version());
				redirect.addFlashAttribute("saved", true);
				redirect.addAttribute("code", code);
				return "redirect:/admin/organisations/{code}";
			}
			catch (ConflictException ex) {
				this.conflicts.show(ex, "conflict.title", model, response);
				model.addAttribute("form", form.withVersion((int) ex.currentVersion()));
			}
			catch (DomainException ex) {
				FormErrors.reject(result, onForm(ex));
			}
		}
		if (result.hasErrors()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			ErrorSummary.fields(model, this.messages, organisationFields(false), "");
		}
		return show(code, model);
	}

	@PostMapping("/{code}/locations")
	String openLocation(@PathVariable String code, @Valid @ModelAttribute("location") LocationCommand location,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.management.openLocation(code, location);
				redirect.addFlashAttribute("saved", true);
				redirect.addAttribute("code", code);
				return "redirect:/admin/organisations/{code}";
			}
			catch (DomainException ex) {
				FormErrors.reject(result, onForm(ex));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		ErrorSummary.fields(model, this.messages, LOCATION_FIELDS, "");
		return show(code, model);
	}

	@PostMapping("/{code}/teams")
	String formTeam(@PathVariable String code, @Valid @ModelAttribute("team") TeamCommand team, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.management.formTeam(code, team.name());
				redirect.addFlashAttribute("saved", true);
				redirect.addAttribute("code", code);
				return "redirect:/admin/organisations/{code}";
			}
			catch (DomainException ex) {
				FormErrors.reject(result, onForm(ex));
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		ErrorSummary.fields(model, this.messages, Map.of("", new String[] { "team-name", "team.name" }, "name",
				new String[] { "team-name", "team.name" }), "");
		return show(code, model);
	}

	/**
	 * The organisation form's fields (organisation/form-fields; the code only on the new
	 * organisation's): per field the id of its element and its label's key, so that the
	 * page's summary links each error to its field as rendered and names it.
	 */
	private static Map<String, String[]> organisationFields(boolean withCode) {
		Map<String, String[]> fields = new java.util.HashMap<>(Map.of("",
				new String[] { withCode ? "code" : "name", "organisation.name" }, "name",
				new String[] { "name", "organisation.name" }, "kind", new String[] { "kind", "organisation.kind" },
				"districts", new String[] { "districts", "organisation.districts" }, "phone",
				new String[] { "phone", "organisation.phone" }, "secondFactor",
				new String[] { "secondFactor", "organisation.secondFactor" }, "identityIssuer",
				new String[] { "identityIssuer", "organisation.oidc.issuer" }, "identityClientId",
				new String[] { "identityClientId", "organisation.oidc.clientId" }, "monitorParticipant",
				new String[] { "monitorParticipant1", "organisation.monitorParticipant.label" }));
		if (withCode) {
			fields.put("code", new String[] { "code", "organisation.code" });
		}
		return fields;
	}

	/** The new location's fields, as {@link #organisationFields}. */
	private static final Map<String, String[]> LOCATION_FIELDS = Map.of("",
			new String[] { "location-name", "location.name.label" }, "name",
			new String[] { "location-name", "location.name.label" }, "district",
			new String[] { "location-district", "location.district" }, "address",
			new String[] { "location-address", "location.address" }, "secretAddress",
			new String[] { "location-secret", "location.secret.label" });

	/** The identity provider's fields have names of their own on the form. */
	private static DomainException onForm(DomainException ex) {
		String field = "identityProvider.issuer".equals(ex.field()) ? "identityIssuer"
				: "identityProvider.clientId".equals(ex.field()) ? "identityClientId" : null;
		return (field != null) ? new DomainException(field, ex.messageKey(), ex.arguments()) : ex;
	}

	/**
	 * The organisation form: districts as one line, separated by commas.
	 */
	record OrganisationForm(String code,
			@jakarta.validation.constraints.NotBlank(message = "{organisation.name.required}") String name,
			@jakarta.validation.constraints.NotNull(message = "{organisation.kind.required}") OrganisationKind kind,
			String districts, Boolean monitorParticipant, Integer version, SecondFactor secondFactor,
			String identityIssuer, String identityClientId, String phone) {

		static OrganisationForm of(OrganisationDetails organisation) {
			return new OrganisationForm(organisation.code(), organisation.name(), organisation.kind(),
					String.join(", ", organisation.districts()), organisation.monitorParticipant(),
					organisation.version(), organisation.secondFactor(),
					(organisation.identityProvider() != null) ? organisation.identityProvider().issuer() : null,
					(organisation.identityProvider() != null) ? organisation.identityProvider().clientId() : null,
					organisation.phone());
		}

		OrganisationCommand toCommand() {
			List<String> list = (this.districts == null) ? List.of()
					: Arrays.stream(this.districts.split("[,\\n]"))
						.map(String::strip)
						.filter((d) -> !d.isEmpty())
						.toList();
			return new OrganisationCommand(this.code, this.name, this.kind, list, this.monitorParticipant, this.version,
					this.secondFactor, new IdentityProvider(this.identityIssuer, this.identityClientId), this.phone);
		}

		OrganisationForm withVersion(Integer newVersion) {
			return new OrganisationForm(this.code, this.name, this.kind, this.districts, this.monitorParticipant,
					newVersion, this.secondFactor, this.identityIssuer, this.identityClientId, this.phone);
		}

	}

}
