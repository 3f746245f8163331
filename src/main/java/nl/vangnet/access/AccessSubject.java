package nl.vangnet.access;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The client data an action concerned: a household, a person in it, or something else
 * identified by kind and id; or, for a list or search, the kind and the ids it showed.
 *
 * @param type the kind of subject ({@code HOUSEHOLD}, {@code PERSON}, …)
 * @param id the one subject, or {@code null}
 * @param ids the subjects a list or search showed, in its order; empty for one subject
 */
public record AccessSubject(String type, UUID id, List<UUID> ids) {

	public static final AccessSubject NONE = new AccessSubject(null, null);

	public AccessSubject {
		ids = (ids != null) ? List.copyOf(ids) : List.of();
	}

	public AccessSubject(String type, UUID id) {
		this(type, id, List.of());
	}

	public static AccessSubject household(UUID id) {
		return new AccessSubject("HOUSEHOLD", id);
	}

	/** The households a list or search showed. */
	public static AccessSubject households(Collection<UUID> ids) {
		return new AccessSubject("HOUSEHOLD", null, List.copyOf(ids));
	}

	public static AccessSubject person(UUID id) {
		return new AccessSubject("PERSON", id);
	}

	public static AccessSubject account(UUID id) {
		return new AccessSubject("ACCOUNT", id);
	}

	boolean list() {
		return !this.ids.isEmpty();
	}

}
