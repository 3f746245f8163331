package nl.vangnet.plan;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of an action towards a goal.
 */
public record ActionId(UUID value) {

	public ActionId {
		Objects.requireNonNull(value, "ActionId needs a value");
	}

	public static ActionId of(UUID value) {
		return new ActionId(value);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
