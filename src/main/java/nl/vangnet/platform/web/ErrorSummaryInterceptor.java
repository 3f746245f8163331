package nl.vangnet.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.platform.DomainException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Gathers the errors of every form that a page shows again into its {@link ErrorSummary},
 * once each, in the user's language, so that every form gets the summary at the top
 * without its controller doing anything. A page that shows domain errors without a bound
 * form puts them in the model as {@value ErrorSummary#PROBLEMS} (a list of
 * {@link DomainException}); a page that knows the element ids of its fields puts them in
 * the model as {@value ErrorSummary#TARGETS}, so that the summary links to them and marks
 * them as the server renders the page, and the labels of its fields as
 * {@value ErrorSummary#LABELS}, so that each entry names its field.
 */
class ErrorSummaryInterceptor implements HandlerInterceptor {

	private final MessageSource messages;

	ErrorSummaryInterceptor(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null) {
			return;
		}
		String view = page.getViewName();
		if (view != null && (view.startsWith("redirect:") || view.startsWith("forward:"))) {
			return;
		}
		Map<String, Object> model = page.getModel();
		Locale locale = LocaleContextHolder.getLocale();
		List<ErrorSummary.Entry> found = new ArrayList<>();
		// a binding error that the controller summarised already, from its most general
		// message key (FormErrors.throwIfAny): that entry, told in the binding's own
		// words
		Map<ErrorSummary.Entry, String> generic = new java.util.HashMap<>();
		Map<?, ?> targets = (model.get(ErrorSummary.TARGETS) instanceof Map<?, ?> given) ? given : Map.of();
		Map<?, ?> labels = (model.get(ErrorSummary.LABELS) instanceof Map<?, ?> given) ? given : Map.of();
		for (Map.Entry<String, Object> attribute : model.entrySet()) {
			if (attribute.getKey().startsWith(BindingResult.MODEL_KEY_PREFIX)
					&& attribute.getValue() instanceof BindingResult result && result.hasErrors()) {
				for (ObjectError error : result.getAllErrors()) {
					String field = (error instanceof FieldError fieldError) ? fieldError.getField() : null;
					String message = this.messages.getMessage(error, locale);
					ErrorSummary.Entry entry = ErrorSummary.entry(null, field, target(targets, field),
							label(labels, field), message);
					found.add(entry);
					String[] codes = error.getCodes();
					if (field != null && codes != null && codes.length > 0) {
						String key = codes[codes.length - 1];
						generic.put(entry, this.messages.getMessage(key, error.getArguments(), key, locale));
					}
				}
			}
		}
		if (model.get(ErrorSummary.PROBLEMS) instanceof List<?> problems) {
			for (Object problem : problems) {
				if (problem instanceof DomainException error) {
					String message = this.messages.getMessage(error.messageKey(), error.arguments(), error.messageKey(),
							locale);
					if (generic.entrySet()
						.stream()
						.anyMatch((bound) -> java.util.Objects.equals(bound.getKey().field(), error.field())
								&& bound.getValue().equals(message))) {
						// the binding's own error, in its own words already
						continue;
					}
					found.add(ErrorSummary.entry(null, error.field(), target(targets, error.field()),
							label(labels, error.field()), message));
				}
			}
		}
		Object existing = model.get(ErrorSummary.ATTRIBUTE);
		if (found.isEmpty() && !(existing instanceof ErrorSummary)) {
			return;
		}
		ExtendedModelMap map = new ExtendedModelMap();
		map.addAllAttributes(model);
		ErrorSummary summary = ErrorSummary.of(map);
		for (ErrorSummary.Entry entry : found) {
			if (!(generic.containsKey(entry) && summary.reword(entry, generic.get(entry)))) {
				summary.add(entry);
			}
		}
		if (summary.isEmpty()) {
			model.remove(ErrorSummary.ATTRIBUTE);
		}
		else {
			model.put(ErrorSummary.ATTRIBUTE, summary);
		}
	}

	/** The label of a field as the page shows it, by its name. */
	private static String label(Map<?, ?> labels, String field) {
		Object label = (field != null) ? labels.get(field) : null;
		return (label instanceof String text) ? text : null;
	}

	/**
	 * The element id of a field, by its name, else of the form's first field
	 * ({@code ""}).
	 */
	private static String target(Map<?, ?> targets, String field) {
		Object target = (field != null && targets.containsKey(field)) ? targets.get(field) : targets.get("");
		return (target instanceof String id) ? id : null;
	}

}
