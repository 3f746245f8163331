package nl.vangnet.platform.web;

import java.util.stream.Collectors;

import tools.jackson.databind.DatabindException;

import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Finds which JSON field a body could not be read at, so that the message can name it.
 */
final class JsonProblems {

	private JsonProblems() {
	}

	static String fieldOf(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		while (cause != null) {
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
				return databind.getPath()
					.stream()
					.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
							: "[" + reference.getIndex() + "]")
					.collect(Collectors.joining("."))
					.replace(".[", "[");
			}
			cause = cause.getCause();
		}
		return null;
	}

}
