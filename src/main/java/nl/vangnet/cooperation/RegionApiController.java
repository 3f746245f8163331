package nl.vangnet.cooperation;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The regions through the JSON API (administrators): {@code name}, {@code districts} and,
 * to change or remove one, the {@code version} it was read at (409 when stale).
 */
@RestController
@RequestMapping("/api/v1")
class RegionApiController {

	private final Regions regions;

	RegionApiController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping("/regions")
	List<Region> regions() {
		return this.regions.all();
	}

	@PostMapping("/regions")
	@ResponseStatus(HttpStatus.CREATED)
	Region defineByApi(@RequestBody Regions.RegionInput body) {
		return this.regions.define(body);
	}

	@GetMapping("/regions/{id}")
	Region region(@PathVariable UUID id) {
		return this.regions.get(id);
	}

	@PutMapping("/regions/{id}")
	Region changeByApi(@PathVariable UUID id, @RequestBody Regions.RegionInput body) {
		return this.regions.change(id, body);
	}

	/** Removes the region; with {@code version}, only if nobody changed it since. */
	@DeleteMapping("/regions/{id}")
	ResponseEntity<Void> removeByApi(@PathVariable UUID id, @RequestParam(required = false) Integer version) {
		this.regions.remove(id, version);
		return ResponseEntity.noContent().build();
	}

}
