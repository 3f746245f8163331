package nl.vangnet.account;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Choosing a new password in the browser ({@code PUT /api/v1/me/password} in the API);
 * the same page sets one's work phone ({@link WorkPhoneController}).
 */
@Controller
class PasswordController {

	private final AccountManagement accounts;

	private final MessageSource messages;

	PasswordController(AccountManagement accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@GetMapping("/account/password")
	String form(Model model) {
		model.addAttribute("form", new PasswordChange(null, null));
		workPhone(model);
		return "account/password";
	}

	@PostMapping("/account/password")
	String change(@Valid @ModelAttribute("form") PasswordChange form, BindingResult result, HttpSession session,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
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
		// refused (issue 18): 400, the summary at the top linked to its fields; the
		// passwords are not shown again
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		ErrorSummary.fields(model, this.messages, FIELDS, "");
		workPhone(model);
		return "account/password";
	}

	/** The password form's fields: the id of each element and its label's key. */
	static final Map<String, String[]> FIELDS = Map.of("", new String[] { "currentPassword", "password.current" },
			"currentPassword", new String[] { "currentPassword", "password.current" }, "newPassword",
			new String[] { "newPassword", "password.new" });

	/**
	 * The work phone's form, for those who can be a family's contact person (issue 18).
	 */
	private void workPhone(Model model) {
		VangnetUser user = VangnetUser.current();
		if (user.role() != null && user.role().worksWithCases() && !model.containsAttribute("phoneForm")) {
			model.addAttribute("phoneForm",
					new WorkPhoneController.WorkPhone(this.accounts.get(user.id()).workPhone()));
		}
	}

	record PasswordChange(@NotBlank(message = "{password.currentWrong}") String currentPassword,
			@NotBlank(message = "{password.tooShort}") String newPassword) {
	}

}
