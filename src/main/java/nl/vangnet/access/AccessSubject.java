package nl.vangnet.access;

import java.util.UUID;

/**
 * The client data an action concerned: a household, a person in it, or something else
 * identified by kind and id.
 */
public record AccessSubject(String type, UUID id) {

	public static final AccessSubject NONE = new AccessSubject(null, null);

	public static AccessSubject household(UUID id) {
		return new AccessSubject("HOUSEHOLD", id);
	}

	public static AccessSubject person(UUID id) {
		return new AccessSubject("PERSON", id);
	}

	public static AccessSubject account(UUID id) {
		return new AccessSubject("ACCOUNT", id);
	}

}
