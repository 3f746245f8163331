package nl.vangnet.plan;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a goal of a family's plan.
 */
public record GoalId(UUID value) {

	public GoalId {
		Objects.requireNonNull(value, "GoalId needs a value");
	}

	public static GoalId of(UUID value) {
		return new GoalId(value);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
