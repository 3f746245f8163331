package nl.vangnet.organisation;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Organisations through the JSON API, for administrators.
 */
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationApiController {

	private final OrganisationManagement management;

	OrganisationApiController(OrganisationManagement management) {
		this.management = management;
	}

	@GetMapping
	List<OrganisationDetails> list() {
		return this.management.all();
	}

	@GetMapping("/{code}")
	OrganisationDetails get(@PathVariable String code) {
		return this.management.get(code, null);
	}

	@PostMapping
	ResponseEntity<OrganisationDetails> register(@Valid @RequestBody OrganisationCommand command) {
		OrganisationDetails created = this.management.register(command);
		return ResponseEntity.created(
				ServletUriComponentsBuilder.fromCurrentRequest().path("/{code}").buildAndExpand(created.code()).toUri())
			.body(created);
	}

	@PutMapping("/{code}")
	OrganisationDetails describe(@PathVariable String code, @Valid @RequestBody OrganisationCommand command) {
		return this.management.describe(code, command, command.version());
	}

	@PostMapping("/{code}/locations")
	ResponseEntity<LocationView> openLocation(@PathVariable String code, @Valid @RequestBody LocationCommand command) {
		return ResponseEntity.status(201).body(this.management.openLocation(code, command));
	}

	@PostMapping("/{code}/teams")
	ResponseEntity<TeamSummary> formTeam(@PathVariable String code, @Valid @RequestBody TeamCommand command) {
		return ResponseEntity.status(201).body(this.management.formTeam(code, command.name()));
	}

}
