package nl.vangnet.household;

import java.util.Locale;

import nl.vangnet.platform.staff.Staff;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator chooses the phase model the organisation works with. Running support
 * keeps the model it started with.
 */
@Controller
class PhaseModelController {

	private final PhaseModels phaseModels;

	PhaseModelController(PhaseModels phaseModels) {
		this.phaseModels = phaseModels;
	}

	@GetMapping("/phase-model")
	@Transactional(readOnly = true)
	public String show(Model model, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household");
		model.addAttribute("models", this.phaseModels.all().values());
		model.addAttribute("chosen", this.phaseModels.chosenBy(actor.organisationId()).code());
		model.addAttribute("english", "en".equals(locale.getLanguage()));
		return "household/phase-model";
	}

	@PostMapping("/phase-model")
	@Transactional
	public String choose(@RequestParam(required = false) String model, RedirectAttributes redirect) {
		Staff actor = Staff.current().requireOrganisation("household");
		if (model == null || this.phaseModels.model(model).isEmpty()) {
			redirect.addFlashAttribute("invalid", true);
			return "redirect:/phase-model";
		}
		this.phaseModels.choose(actor.organisationId(), model);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/phase-model";
	}

}
