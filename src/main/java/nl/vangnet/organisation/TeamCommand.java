package nl.vangnet.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record TeamCommand(
		@NotBlank(message = "{team.name.required}") @Size(max = 200, message = "{validation.tooLong}") String name) {
}
