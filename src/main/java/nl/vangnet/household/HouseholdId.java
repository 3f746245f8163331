package nl.vangnet.household;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a household.
 */
public record HouseholdId(UUID value) {

	public HouseholdId {
		Objects.requireNonNull(value, "HouseholdId needs a value");
	}

	public static HouseholdId of(UUID value) {
		return new HouseholdId(value);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
