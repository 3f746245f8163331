package nl.vangnet.contact;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A family's follow-up checks after departure through the JSON API (issue 15, item 3):
 * {@code GET} her departures with their checks at 3, 6 and 12 months, {@code POST} a
 * check (reached with her outcome, or not reached). Errors are problem details naming the
 * field.
 */
@RestController
@RequestMapping("/api/v1/households/{id}/follow-up-checks")
class FollowUpCheckApiController {

	private final FollowUpChecks checks;

	FollowUpCheckApiController(FollowUpChecks checks) {
		this.checks = checks;
	}

	@GetMapping
	List<FollowUpChecks.Departure> checks(@PathVariable UUID id) {
		return this.checks.checks(id);
	}

	@PostMapping
	ResponseEntity<Map<String, UUID>> record(@PathVariable UUID id, @RequestBody FollowUpChecks.NewCheck body) {
		UUID created = this.checks.record(id, body);
		return ResponseEntity.created(URI.create("/api/v1/households/" + id + "/follow-up-checks"))
			.body(Map.of("id", created));
	}

}
