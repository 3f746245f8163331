package nl.vangnet.platform;

import java.util.List;

/**
 * Several rules of the domain were not met at once, such as every invalid field of a
 * document: all of them are reported, not only the first.
 */
public class DomainErrors extends RuntimeException {

	private final transient List<DomainException> errors;

	public DomainErrors(List<DomainException> errors) {
		super(errors.size() + " invalid fields");
		if (errors.isEmpty()) {
			throw new IllegalArgumentException("DomainErrors needs at least one error");
		}
		this.errors = List.copyOf(errors);
	}

	/**
	 * Throws when there is anything to report.
	 */
	public static void throwIfAny(List<DomainException> errors) {
		if (!errors.isEmpty()) {
			throw new DomainErrors(errors);
		}
	}

	public List<DomainException> errors() {
		return this.errors;
	}

}
