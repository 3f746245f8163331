package nl.vangnet.organisation;

import java.util.List;

import nl.vangnet.platform.staff.SecondFactor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.vangnet.platform.staff.SecondFactor;

/**
 * Registers or describes an organisation. {@code phone}: its general number for the
 * families' papers (issue 18); empty: none.
 */
record OrganisationCommand(@Size(max = 16, message = "{organisation.code.invalid}") String code,
		@NotBlank(message = "{organisation.name.required}") @Size(max = 200,
				message = "{validation.tooLong}") String name,
		@NotNull(message = "{organisation.kind.required}") OrganisationKind kind,
		List<@Size(max = 100, message = "{validation.tooLong}") String> districts, Boolean monitorParticipant,
		Integer version, SecondFactor secondFactor, @Valid IdentityProvider identityProvider,
		@Size(max = 20, message = "{organisation.phone.invalid}") String phone) {

	OrganisationCommand {
		districts = (districts != null) ? districts : List.of();
	}

}
