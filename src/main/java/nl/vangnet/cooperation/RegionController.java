package nl.vangnet.cooperation;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's regions: a page to define, change and remove them
 * ({@code /admin/regions}; the JSON API is {@link RegionApiController}). A region decides
 * which partners of the who-does-what map its organisations share.
 */
@Controller
class RegionController {

	private final Regions regions;

	private final Conflicts conflicts;

	private final MessageSource messages;

	RegionController(Regions regions, Conflicts conflicts, MessageSource messages) {
		this.messages = messages;
		this.regions = regions;
		this.conflicts = conflicts;
	}

	// ---- Pages

	@GetMapping("/admin/regions")
	String list(Model model) {
		if (!model.containsAttribute("regionForm")) {
			model.addAttribute("regionForm", RegionForm.empty());
		}
		model.addAttribute("regions", this.regions.all());
		return "cooperation/regions";
	}

	@PostMapping("/admin/regions")
	String define(@ModelAttribute("regionForm") RegionForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormErrors.throwIfAny(result);
			this.regions.define(form.input(null));
			redirect.addFlashAttribute("saved", "region.saved");
			return "redirect:/admin/regions";
		}
		catch (DomainErrors ex) {
			if (!result.hasErrors()) {
				FormErrors.reject(result, onTheForm(ex));
			}
		}
		catch (DomainException ex) {
			FormErrors.reject(result, ex);
		}
		FormErrors.keep(model, "regionForm", form, result);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("failed", true);
		ErrorSummary.fields(model, this.messages, FIELDS, "");
		return list(model);
	}

	@GetMapping("/admin/regions/{id}")
	String edit(@PathVariable UUID id, Model model) {
		Region region = this.regions.get(id);
		if (!model.containsAttribute("regionForm")) {
			model.addAttribute("regionForm", RegionForm.of(region));
		}
		model.addAttribute("region", region);
		return "cooperation/region";
	}

	@PostMapping("/admin/regions/{id}")
	String change(@PathVariable UUID id, @ModelAttribute("regionForm") RegionForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormErrors.throwIfAny(result);
			this.regions.change(id, form.input(form.version()));
			redirect.addFlashAttribute("saved", "region.saved");
			return "redirect:/admin/regions";
		}
		catch (ConflictException ex) {
			this.conflicts.show(ex, "region.conflict.title", model, response);
			model.addAttribute("region", this.regions.get(id));
			return "cooperation/region";
		}
		catch (DomainErrors ex) {
			if (!result.hasErrors()) {
				FormErrors.reject(result, onTheForm(ex));
			}
		}
		catch (DomainException ex) {
			FormErrors.reject(result, ex);
		}
		FormErrors.keep(model, "regionForm", form, result);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("failed", true);
		ErrorSummary.fields(model, this.messages, FIELDS, "");
		model.addAttribute("region", this.regions.get(id));
		return "cooperation/region";
	}

	@PostMapping("/admin/regions/{id}/removal")
	String remove(@PathVariable UUID id, @RequestParam(required = false) String version, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.regions.remove(id, number(version));
			redirect.addFlashAttribute("saved", "region.removed");
			return "redirect:/admin/regions";
		}
		catch (ConflictException ex) {
			this.conflicts.show(ex, "region.conflict.title", model, response);
			Region region = this.regions.get(id);
			model.addAttribute("region", region);
			model.addAttribute("regionForm", RegionForm.of(region));
			return "cooperation/region";
		}
	}

	/** The form has one field for all districts: an error of one is an error there. */
	private static DomainErrors onTheForm(DomainErrors errors) {
		return new DomainErrors(errors.errors()
			.stream()
			.map((e) -> (e.field() != null && e.field().startsWith("districts["))
					? new DomainException("districts", e.messageKey(), e.arguments()) : e)
			.toList());
	}

	private static Integer number(String value) {
		try {
			return (value != null && !value.isBlank()) ? Integer.valueOf(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * @param districts the districts, separated by commas or one per line
	 */
	/**
	 * The region form's fields (cooperation/region-fields): per field the id of its
	 * element and its label's key, so that the page's summary links each error to its
	 * field as rendered and names it.
	 */
	private static final Map<String, String[]> FIELDS = Map.of("", new String[] { "region-name", "region.name" },
			"name", new String[] { "region-name", "region.name" }, "districts",
			new String[] { "region-districts", "region.districts" });

	record RegionForm(String name, String districts, Integer version) {

		static RegionForm empty() {
			return new RegionForm(null, null, null);
		}

		static RegionForm of(Region region) {
			return new RegionForm(region.name(), String.join(", ", region.districts()), region.version());
		}

		Regions.RegionInput input(Integer version) {
			String text = (this.districts != null) ? this.districts.replace('\n', ',') : null;
			return new Regions.RegionInput(this.name, CooperationForms.split(text), version);
		}

	}

}
