package nl.vangnet.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.vangnet.platform.staff.Role;

/**
 * Opens an account: the organisation by its code (none for an administrator), an optional
 * team id, and a first password that the policy accepts.
 */
public record NewAccount(
		@NotBlank(message = "{account.email.invalid}") @Size(max = 254,
				message = "{account.email.invalid}") String email,
		@NotBlank(message = "{account.displayName.required}") @Size(max = 200,
				message = "{validation.tooLong}") String displayName,
		String organisation, @NotNull(message = "{account.role.required}") Role role,
		@NotBlank(message = "{password.tooShort}") String password, java.util.UUID team) {
}
