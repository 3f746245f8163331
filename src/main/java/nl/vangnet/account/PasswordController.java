package nl.vangnet.account;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Choosing a new password in the browser ({@code PUT /api/v1/me/password} in the API).
 */
@Controller
class PasswordController {

	private final AccountManagement accounts;

	PasswordController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/account/password")
	String form(Model model) {
		model.addAttribute("form", new PasswordChange(null, null));
		return "account/password";
	}

	@PostMapping("/account/password")
	String change(@Valid @ModelAttribute("form") PasswordChange form, BindingResult result, HttpSession session,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				this.accounts.changeOwnPassword(VangnetUser.current().id(), form.currentPassword(), form.newPassword(),
						session.getId());
				session.setAttribute(Sessions.MUST_CHANGE_PASSWORD, false);
				redirect.addFlashAttribute("passwordChanged", true);
				return "redirect:/";
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		return "account/password";
	}

	record PasswordChange(@NotBlank(message = "{password.currentWrong}") String currentPassword,
			@NotBlank(message = "{password.tooShort}") String newPassword) {
	}

}
