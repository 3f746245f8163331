package nl.vangnet.household;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a member of a household (each child a client in its own right).
 */
public record MemberId(UUID value) {

	public MemberId {
		Objects.requireNonNull(value, "MemberId needs a value");
	}

	public static MemberId of(UUID value) {
		return new MemberId(value);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
