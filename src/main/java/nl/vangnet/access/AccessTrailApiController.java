package nl.vangnet.access;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access trail through the JSON API.
 */
@RestController
class AccessTrailApiController {

	private final AccessTrail trail;

	AccessTrailApiController(AccessTrail trail) {
		this.trail = trail;
	}

	/**
	 * For a coordinator: the trail of one household or person, or the latest entries of
	 * the organisation.
	 */
	@GetMapping("/api/v1/access-trail")
	List<TrailEntry> trail(@RequestParam(required = false) UUID subject,
			@RequestParam(defaultValue = "200") int limit) {
		return (subject != null) ? this.trail.ofSubject(subject) : this.trail.latest(Math.max(1, limit));
	}

	/**
	 * For an administrator: sign-ins, failed sign-ins and sign-outs of every account.
	 */
	@GetMapping("/api/v1/sign-ins")
	List<TrailEntry> signIns(@RequestParam(defaultValue = "200") int limit) {
		return this.trail.signIns(Math.max(1, limit));
	}

}
