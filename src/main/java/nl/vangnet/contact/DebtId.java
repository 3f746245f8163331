package nl.vangnet.contact;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a debt of a family.
 */
public record DebtId(UUID value) {

	public DebtId {
		Objects.requireNonNull(value, "DebtId needs a value");
	}

	public static DebtId of(UUID value) {
		return new DebtId(value);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
