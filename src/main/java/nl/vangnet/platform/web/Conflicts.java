package nl.vangnet.platform.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.platform.ConflictException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The one way a page shows an optimistic conflict: the answer is always 409, the model
 * gets {@code conflict} (rendered by {@code fragments/conflict :: conflict}) with every
 * field that differs named and its codes labelled through the messages, in the user's
 * language. The page around it lets the user redo: its form again with what they typed
 * and the current version, or (for an action without a form) a button that sends the same
 * request again on top of the current version.
 */
@Component
public class Conflicts {

	/** The model attribute the fragment reads. */
	public static final String ATTRIBUTE = "conflict";

	private static final String NONE = "—";

	private final MessageSource messages;

	Conflicts(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Shows the conflict above a form that keeps what the user typed.
	 * @param title the message key of the heading, e.g. {@code household.conflict.title}
	 */
	public void show(ConflictException conflict, String title, Model model, HttpServletResponse response) {
		model.addAttribute(ATTRIBUTE, view(conflict, title, null));
		response.setStatus(HttpServletResponse.SC_CONFLICT);
	}

	/**
	 * Shows the conflict with a button that sends the same request again (without its
	 * version and CSRF token, which the button brings anew) on the current version.
	 */
	public void showWithRedo(ConflictException conflict, String title, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute(ATTRIBUTE, view(conflict, title, redo(request, conflict.currentVersion())));
		response.setStatus(HttpServletResponse.SC_CONFLICT);
	}

	/** The conflict as the fragment shows it, in the current language. */
	public ConflictView view(ConflictException conflict, String title, Redo redo) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Line> lines = conflict.changes().stream().map((change) -> line(change, locale)).toList();
		return new ConflictView(title, lines, conflict.currentVersion(), redo);
	}

	private Line line(ConflictException.Change change, Locale locale) {
		String label = this.messages.getMessage(change.label(), null, change.field(), locale);
		if (change.hidden()) {
			String hidden = this.messages.getMessage("conflict.hidden", null, locale);
			return new Line(change.field(), label, null, hidden);
		}
		return new Line(change.field(), label, shown(change.before(), change.codes(), locale),
				shown(change.now(), change.codes(), locale));
	}

	private String shown(String value, String codes, Locale locale) {
		if (value == null) {
			return NONE;
		}
		if (codes == null) {
			return value;
		}
		return Arrays.stream(value.split(", "))
			.map((code) -> this.messages.getMessage(codes + code, null, code, locale))
			.collect(Collectors.joining(", "));
	}

	private static Redo redo(HttpServletRequest request, long version) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!"version".equals(name) && !"_csrf".equals(name)) {
				parameters.put(name, List.of(values));
			}
		});
		return new Redo(request.getRequestURI().substring(request.getContextPath().length()), parameters, version);
	}

	/**
	 * A conflict on a page: the heading's message key, what differs, the version now, and
	 * the request to send again ({@code null} when the page's own form is the way to
	 * redo).
	 */
	public record ConflictView(String title, List<Line> changes, long currentVersion, Redo redo) {
	}

	/**
	 * One field that differs, named and shown in the user's language: what the refused
	 * change had ({@code before}) and what it is now ({@code now}), "—" when empty.
	 */
	public record Line(String field, String label, String before, String now) {
	}

	/**
	 * The request to send again: its path and parameters, and the version to send it on.
	 */
	public record Redo(String action, Map<String, List<String>> parameters, long version) {
	}

}
