package nl.vangnet.platform;

/**
 * A rule of the domain was not met. Carries the message key (resolved in the user's
 * language) and the field it concerns, so that forms and the API can both name the field.
 */
public class DomainException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final transient Object[] arguments;

	public DomainException(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments;
	}

}
