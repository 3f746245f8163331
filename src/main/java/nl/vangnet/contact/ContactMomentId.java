package nl.vangnet.contact;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a contact moment with a family.
 */
public record ContactMomentId(UUID value) {

	public ContactMomentId {
		Objects.requireNonNull(value, "ContactMomentId needs a value");
	}

	public static ContactMomentId of(UUID value) {
		return new ContactMomentId(value);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
