package nl.vangnet.platform.web;

import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;

import org.springframework.validation.BindingResult;

/**
 * Turns a domain rule that was not met into an error on the form field it concerns.
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

}
