package nl.vangnet.contact;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of an obligation of a family.
 */
public record ObligationId(UUID value) {

	public ObligationId {
		Objects.requireNonNull(value, "ObligationId needs a value");
	}

	public static ObligationId of(UUID value) {
		return new ObligationId(value);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
