package nl.vangnet.platform;

/**
 * A well-formed request that a rule of the domain does not allow in the state things are
 * in (a referral without a covering consent, a status out of order): the API answers 422,
 * naming the field. Forms show it like any other domain error.
 */
public class UnprocessableException extends DomainException {

	public UnprocessableException(String field, String messageKey, Object... arguments) {
		super(field, messageKey, arguments);
	}

}
