package nl.vangnet.contact;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.web.ErrorSummary;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator sets the organisation's aftercare period on the page
 * {@code /organisation/aftercare} (the API: {@link AftercareApiController}).
 */
@Controller
class AftercareController {

	private final Aftercare aftercare;

	AftercareController(Aftercare aftercare) {
		this.aftercare = aftercare;
	}

	@GetMapping("/organisation/aftercare")
	String page(Model model) {
		model.addAttribute("setting", this.aftercare.setting());
		return "contact/aftercare";
	}

	@PostMapping("/organisation/aftercare")
	String save(@RequestParam(required = false) String months, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Integer value;
			try {
				value = (months == null || months.isBlank()) ? null : Integer.valueOf(months.strip());
			}
			catch (NumberFormatException ex) {
				throw new DomainException("months", "contact.aftercare.months.number");
			}
			this.aftercare.set(value);
			redirect.addFlashAttribute("saved", true);
			return "redirect:/organisation/aftercare";
		}
		catch (DomainException ex) {
			model.addAttribute(ErrorSummary.PROBLEMS, List.of(ex));
			model.addAttribute(ErrorSummary.TARGETS, Map.of("months", "months"));
			model.addAttribute("typedMonths", months);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model);
		}
	}

}
