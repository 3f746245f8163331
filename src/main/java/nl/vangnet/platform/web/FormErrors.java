package nl.vangnet.platform.web;

import java.util.ArrayList;
import java.util.List;

import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a domain rule that was not met into an error on the form field it concerns, and
 * keeps a form whose fields could not all be read (a date that is no date, a code that is
 * not in the list) on the page with everything the user typed.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static void reject(BindingResult result, DomainException ex) {
		if (ex.field() != null && result.getFieldType(ex.field()) != null) {
			result.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), ex.messageKey());
		}
		else {
			result.reject(ex.messageKey(), ex.arguments(), ex.messageKey());
		}
	}

	public static void reject(BindingResult result, DomainErrors errors) {
		errors.errors().forEach((error) -> reject(result, error));
	}

	/**
	 * Throws the fields that could not be read as domain errors, so that a page that
	 * shows domain errors shows these the same way.
	 */
	public static void throwIfAny(BindingResult result) {
		if (!result.hasErrors()) {
			return;
		}
		List<DomainException> errors = new ArrayList<>();
		for (ObjectError error : result.getAllErrors()) {
			String field = (error instanceof FieldError fieldError) ? fieldError.getField() : null;
			errors.add(new DomainException(field, messageKey(error), error.getArguments()));
		}
		throw new DomainErrors(errors);
	}

	/**
	 * Applies {@link InputRules} to a list of texts from a form. A {@code List<String>}
	 * field is bound through the conversion service, which the text rules of
	 * {@link FormInputAdvice} do not see; a form with such a list checks it here.
	 */
	public static void checkTexts(String field, java.util.Collection<String> texts) {
		if (texts == null) {
			return;
		}
		for (String text : texts) {
			String problem = InputRules.checkText(text);
			if (problem != null) {
				throw new DomainException(field, problem);
			}
		}
	}

	/**
	 * Puts the form back in the model with its errors. Spring binds a form record through
	 * its constructor; when a field cannot be read, the binding result it made has no
	 * target, so the page would show neither the form nor what was typed. This binds the
	 * errors to the form that was made (with the unreadable fields empty), and the page
	 * shows each rejected value as typed beside its message.
	 */
	public static void keep(Model model, String name, Object form, BindingResult result) {
		if (form == null || result.getTarget() == form) {
			return;
		}
		DirectFieldBindingResult kept = new DirectFieldBindingResult(form, name);
		kept.setMessageCodesResolver(new org.springframework.validation.DefaultMessageCodesResolver());
		result.getAllErrors().forEach(kept::addError);
		model.addAttribute(name, form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, kept);
	}

	/**
	 * The most specific message key of a binding error that the bundles are expected to
	 * hold: the field's own ({@code typeMismatch.birthDate}) is not known here, so the
	 * type's and then the general one are the candidates; the templates resolve the error
	 * itself, which tries all of its codes.
	 */
	private static String messageKey(ObjectError error) {
		String[] codes = error.getCodes();
		if (codes == null || codes.length == 0) {
			return "validation.invalidValue";
		}
		return codes[codes.length - 1];
	}

}
