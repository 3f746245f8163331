package nl.vangnet.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record LocationCommand(
		@NotBlank(message = "{location.name.required}") @Size(max = 200, message = "{validation.tooLong}") String name,
		@Size(max = 100, message = "{validation.tooLong}") String district,
		@Size(max = 300, message = "{validation.tooLong}") String address, Boolean secretAddress) {
}
