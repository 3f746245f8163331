package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deputy contact persons (waarnemers) through the JSON API: per household, and for every
 * family of an absent worker at once.
 */
@RestController
@RequestMapping("/api/v1")
class DeputyApiController {

	private final Deputies deputies;

	DeputyApiController(Deputies deputies) {
		this.deputies = deputies;
	}

	/** The household's deputies, newest first, ended ones too. */
	@GetMapping("/households/{id}/deputies")
	List<Deputies.Deputy> list(@PathVariable UUID id) {
		return this.deputies.of(id);
	}

	/**
	 * Arranges a deputy for one trajectory: {@code trajectory}, {@code deputy}, dates.
	 */
	@PostMapping("/households/{id}/deputies")
	ResponseEntity<Deputies.Deputy> add(@PathVariable UUID id, @RequestBody DeputyBody body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.deputies.add(id, body.trajectory(), body.deputy(), body.from(), body.until()));
	}

	@DeleteMapping("/households/{id}/deputies/{deputyId}")
	ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable UUID deputyId) {
		this.deputies.remove(id, deputyId);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A coordinator arranges one deputy for every running family of an absent worker;
	 * answers the households covered.
	 */
	@PostMapping("/workload/{accountId}/deputy")
	Covered cover(@PathVariable UUID accountId, @RequestBody AbsenceBody body) {
		return new Covered(this.deputies.coverAbsence(accountId, body.deputy(), body.from(), body.until()));
	}

	record DeputyBody(UUID trajectory, UUID deputy, LocalDate from, LocalDate until) {
	}

	record AbsenceBody(UUID deputy, LocalDate from, LocalDate until) {
	}

	record Covered(List<UUID> households) {
	}

}
