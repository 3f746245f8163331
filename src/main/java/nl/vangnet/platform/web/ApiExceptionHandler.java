package nl.vangnet.platform.web;

import java.net.URI;
import java.util.List;

import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.UnprocessableException;
import nl.vangnet.platform.staff.ReauthenticationRequiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as RFC 9457 problem details, in the caller's language. Invalid
 * input lists every field with its message under {@code errors}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	ProblemDetail domain(DomainException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid");
		problem.setProperty("errors", List.of(new FieldMessage(ex.field(), this.messages.getMessage(ex.messageKey(),
				ex.arguments(), ex.messageKey(), LocaleContextHolder.getLocale()))));
		return problem;
	}

	@ExceptionHandler(UnprocessableException.class)
	ProblemDetail unprocessable(UnprocessableException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "problem.unprocessable");
		problem.setProperty("errors", List.of(new FieldMessage(ex.field(), this.messages.getMessage(ex.messageKey(),
				ex.arguments(), ex.messageKey(), LocaleContextHolder.getLocale()))));
		return problem;
	}

	@ExceptionHandler(DomainErrors.class)
	ProblemDetail domainErrors(DomainErrors ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid");
		problem.setProperty("errors",
				ex.errors()
					.stream()
					.map((error) -> new FieldMessage(error.field(),
							this.messages.getMessage(error.messageKey(), error.arguments(), error.messageKey(),
									LocaleContextHolder.getLocale())))
					.toList());
		return problem;
	}

	@ExceptionHandler(ReauthenticationRequiredException.class)
	ProblemDetail reauthenticationRequired(ReauthenticationRequiredException ex) {
		ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, "problem.reauthenticationRequired");
		problem.setType(URI.create(ReauthenticationRequiredException.PROBLEM_TYPE));
		return problem;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "problem.notFound");
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "problem.conflict");
		problem.setProperty("currentVersion", ex.currentVersion());
		problem.setProperty("changes",
				ex.changes().stream().map((c) -> new ChangedField(c.field(), c.before(), c.now())).toList());
		return problem;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail optimisticLock(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "problem.conflict");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "problem.forbidden");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid");
		problem.setProperty("errors", List.of(new FieldMessage(ex.getName(),
				this.messages.getMessage("validation.invalidValue", null, LocaleContextHolder.getLocale()))));
		return problem;
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error in the API", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.unexpected");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.invalid");
		List<FieldMessage> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((FieldError error) -> new FieldMessage(error.getField(),
					this.messages.getMessage(error, LocaleContextHolder.getLocale())))
			.toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "problem.unreadable");
		String field = JsonProblems.fieldOf(ex);
		JsonInputModule.RejectedInput rejected = JsonProblems.rejectedOf(ex);
		if (field != null || rejected != null) {
			String message = (rejected != null)
					? this.messages.getMessage(rejected.messageKey(), rejected.arguments(),
							LocaleContextHolder.getLocale())
					: this.messages.getMessage("validation.invalidValue", null, LocaleContextHolder.getLocale());
			problem.setProperty("errors", List.of(new FieldMessage((field != null) ? field : "", message)));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getTitle() != null) {
			problem.setTitle(this.messages.getMessage("problem." + statusCode.value(), null, problem.getTitle(),
					LocaleContextHolder.getLocale()));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ProblemDetail problem(HttpStatus status, String titleKey) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(this.messages.getMessage(titleKey, null, LocaleContextHolder.getLocale()));
		return problem;
	}

	/**
	 * One field of a conflict: what the refused change had and what it is now (both
	 * {@code null} when empty or confidential).
	 */
	record ChangedField(String field, String before, String now) {
	}

	/**
	 * One invalid field and what is wrong with it, in the caller's language.
	 */
	record FieldMessage(String field, String message) {
	}

}
