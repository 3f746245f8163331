package nl.vangnet.account;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a staff member's account.
 */
public record AccountId(UUID value) {

	public AccountId {
		Objects.requireNonNull(value, "AccountId needs a value");
	}

	public static AccountId of(UUID value) {
		return new AccountId(value);
	}

	@Override
	public String toString() {
		return this.value.toString();
	}

}
