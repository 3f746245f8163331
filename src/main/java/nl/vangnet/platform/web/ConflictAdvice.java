package nl.vangnet.platform.web;

import nl.vangnet.platform.ConflictException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A conflict that a page did not show in its own place still answers 409 with what
 * changed, on the friendly error page. (The API answers through
 * {@link ApiExceptionHandler}, which comes first.)
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ConflictAdvice {

	private final Conflicts conflicts;

	ConflictAdvice(Conflicts conflicts) {
		this.conflicts = conflicts;
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex) {
		ModelAndView page = new ModelAndView("error");
		page.addObject(Conflicts.ATTRIBUTE, this.conflicts.view(ex, "conflict.title", null));
		page.addObject("status", HttpStatus.CONFLICT.value());
		page.addObject("requestPath", "/");
		page.setStatus(HttpStatus.CONFLICT);
		return page;
	}

}
