package nl.vangnet.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import nl.vangnet.platform.staff.Role;

/**
 * Opens an account: the organisation by its code (none for an administrator), an optional
 * team id, and a first password that the policy accepts; {@code meldcodeOfficer}
 * designates a coordinator or professional as the organisation's meldcode officer.
 */
public record NewAccount(
		@NotBlank(message = "{account.email.invalid}") @Size(max = 254,
				message = "{account.email.invalid}") String email,
		@NotBlank(message = "{account.displayName.required}") @Size(max = 200,
				message = "{validation.tooLong}") String displayName,
		String organisation, @NotNull(message = "{account.role.required}") Role role,
		@NotBlank(message = "{password.tooShort}") String password, java.util.UUID team, Boolean meldcodeOfficer) {

	/** An account that is no meldcode officer. */
	public NewAccount(String email, String displayName, String organisation, Role role, String password,
			java.util.UUID team) {
		this(email, displayName, organisation, role, password, team, null);
	}

}
