package nl.vangnet.account;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The number a family calls to reach its contact person (issue 18): the worker sets her
 * own on her account page ({@code PUT /api/v1/me/work-phone}), an administrator anyone's
 * on the accounts page ({@link AccountAdminController}), a coordinator her colleagues'
 * through the API ({@code PUT /api/v1/users/{id}/work-phone}).
 */
@Controller
class WorkPhoneController {

	private final AccountManagement accounts;

	WorkPhoneController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/account/work-phone")
	String changeOwn(@Valid @ModelAttribute("phoneForm") WorkPhone form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				this.accounts.changeWorkPhone(Staff.current(), VangnetUser.current().id(), form.workPhone());
				redirect.addFlashAttribute("workPhoneSaved", true);
				return "redirect:/account/password";
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("form", new PasswordController.PasswordChange(null, null));
		model.addAttribute(ErrorSummary.TARGETS, Map.of("", "workPhone", "workPhone", "workPhone"));
		return "account/password";
	}

	/** {@code workPhone}: the number as written; empty removes it. */
	record WorkPhone(@Size(max = 20, message = "{account.workPhone.invalid}") String workPhone) {
	}

}
