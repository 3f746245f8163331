package nl.vangnet.network;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.vangnet.platform.DomainException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The network through the JSON API: a client's snapshots, their contacts (every change
 * names the snapshot's {@code version}; a stale one gets 409), the comparison with the
 * gaps, and the integration safety net. Codes as in {@link Contact}.
 */
@RestController
@RequestMapping("/api/v1/network")
class NetworkApiController {

	private final NetworkManagement management;

	NetworkApiController(NetworkManagement management) {
		this.management = management;
	}

	@GetMapping("/members/{memberId}/snapshots")
	List<SnapshotSummary> snapshots(@PathVariable UUID memberId) {
		return this.management.snapshots(memberId);
	}

	/**
	 * Starts a snapshot: a copy of {@code copyFrom}, else of the latest (or empty).
	 */
	@PostMapping("/members/{memberId}/snapshots")
	ResponseEntity<Snapshot> startSnapshot(@PathVariable UUID memberId,
			@RequestBody(required = false) NewSnapshot body) {
		NewSnapshot command = (body != null) ? body : new NewSnapshot(null, null, null);
		Snapshot snapshot = this.management.startSnapshot(memberId, command.drawnOn(), command.label(),
				command.copyFrom());
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/api/v1/network/snapshots/{id}")
				.buildAndExpand(snapshot.id())
				.toUri())
			.body(snapshot);
	}

	@GetMapping("/snapshots/{snapshotId}")
	Snapshot snapshot(@PathVariable UUID snapshotId) {
		return this.management.snapshot(snapshotId);
	}

	@PostMapping("/snapshots/{snapshotId}/contacts")
	Snapshot addContact(@PathVariable UUID snapshotId, @RequestBody ContactBody body) {
		return this.management.addContact(snapshotId, version(body.version()), body.input());
	}

	@PutMapping("/snapshots/{snapshotId}/contacts/{contactId}")
	Snapshot changeContact(@PathVariable UUID snapshotId, @PathVariable UUID contactId, @RequestBody ContactBody body) {
		return this.management.changeContact(snapshotId, version(body.version()), contactId, body.input());
	}

	/** Moves a contact to another circle (what dragging on the map sends). */
	@PutMapping("/snapshots/{snapshotId}/contacts/{contactId}/closeness")
	Snapshot move(@PathVariable UUID snapshotId, @PathVariable UUID contactId, @RequestBody Move body) {
		return this.management.moveContact(snapshotId, version(body.version()), contactId, body.closeness());
	}

	@DeleteMapping("/snapshots/{snapshotId}/contacts/{contactId}")
	Snapshot remove(@PathVariable UUID snapshotId, @PathVariable UUID contactId,
			@RequestParam(required = false) Integer version) {
		return this.management.removeContact(snapshotId, version(version), contactId);
	}

	/**
	 * Two snapshots compared (without {@code from}/{@code to}: the first and the latest),
	 * with the gaps: needed life domains no supportive contact covers.
	 */
	@GetMapping("/members/{memberId}/comparison")
	Comparison compare(@PathVariable UUID memberId, @RequestParam(required = false) UUID from,
			@RequestParam(required = false) UUID to) {
		return this.management.compare(memberId, from, to, LocaleContextHolder.getLocale());
	}

	@GetMapping("/members/{memberId}/triangle")
	List<TrianglePoint> triangle(@PathVariable UUID memberId) {
		return this.management.triangle(memberId);
	}

	@PostMapping("/members/{memberId}/triangle")
	ResponseEntity<TrianglePoint> place(@PathVariable UUID memberId, @RequestBody Placement body) {
		TrianglePoint point = this.management.place(memberId, body.placedOn(), body.government(), body.services(),
				body.society(), Boolean.TRUE.equals(body.outOfView()), body.note());
		return ResponseEntity.status(201).body(point);
	}

	private static int version(Integer version) {
		if (version == null) {
			throw new DomainException("version", "network.version.required");
		}
		return version;
	}

	record NewSnapshot(LocalDate drawnOn, String label, UUID copyFrom) {
	}

	record Placement(LocalDate placedOn, Integer government, Integer services, Integer society, Boolean outOfView,
			String note) {
	}

	record Move(Integer version, String closeness) {
	}

	record ContactBody(Integer version, String name, String relation, String closeness, String tie,
			List<String> support, List<String> domains, String reciprocity, String socialCapital, Boolean danger,
			String note) {

		ContactInput input() {
			return new ContactInput(this.name, this.relation, this.closeness, this.tie, this.support, this.domains,
					this.reciprocity, this.socialCapital, Boolean.TRUE.equals(this.danger), this.note);
		}

	}

}
