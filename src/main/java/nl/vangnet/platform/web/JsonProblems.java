package nl.vangnet.platform.web;

import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Finds which JSON field a body could not be read at, and why, so that the message can
 * name both.
 */
final class JsonProblems {

	private JsonProblems() {
	}

	static String fieldOf(HttpMessageNotReadableException ex) {
		JacksonException jackson = jacksonCause(ex);
		if (jackson == null || jackson.getPath().isEmpty()) {
			return null;
		}
		return jackson.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	/** The rule a value broke ({@link JsonInputModule}), or {@code null}. */
	static JsonInputModule.RejectedInput rejectedOf(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof JsonInputModule.RejectedInput rejected) {
				return rejected;
			}
			cause = cause.getCause();
		}
		return null;
	}

	private static JacksonException jacksonCause(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		JacksonException found = null;
		while (cause != null) {
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				found = jackson;
				break;
			}
			cause = cause.getCause();
		}
		return found;
	}

}
