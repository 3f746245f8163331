package nl.vangnet.household;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a trajectory of a household.
 */
public record TrajectoryId(UUID value) {

	public TrajectoryId {
		Objects.requireNonNull(value, "TrajectoryId needs a value");
	}

	public static TrajectoryId of(UUID value) {
		return new TrajectoryId(value);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
