package nl.vangnet.cooperation;

import java.util.List;
import java.util.UUID;

import nl.vangnet.platform.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The regie holder and the agencies involved with a family, with their issues, through
 * the JSON API. Errors are problem details naming the field; a stale version answers 409
 * with what changed.
 */
@RestController
@RequestMapping("/api/v1")
class AgencyApiController {

	private final RegieHolders regie;

	private final Agencies agencies;

	AgencyApiController(RegieHolders regie, Agencies agencies) {
		this.regie = regie;
		this.agencies = agencies;
	}

	// ---- The regie holder

	/**
	 * Who holds the regie: as the caller's organisation recorded it, or for a family it
	 * registered from a referral, as the referring organisation shares it.
	 */
	@GetMapping("/households/{id}/regie")
	RegieHolders.RegieView regie(@PathVariable UUID id) {
		return this.regie.of(id).orElseThrow(() -> new NotFoundException("regie"));
	}

	@PutMapping("/households/{id}/regie")
	RegieHolders.RegieView recordRegie(@PathVariable UUID id, @RequestBody RegieHolders.RegieInput body) {
		return this.regie.record(id, body);
	}

	// ---- Agencies involved and their issues

	@GetMapping("/households/{id}/agencies")
	List<Agencies.AgencyView> agencies(@PathVariable UUID id) {
		return this.agencies.ofHousehold(id);
	}

	@PostMapping("/households/{id}/agencies")
	@ResponseStatus(HttpStatus.CREATED)
	Agencies.AgencyView addAgency(@PathVariable UUID id, @RequestBody Agencies.AgencyInput body) {
		return this.agencies.add(id, body);
	}

	@PutMapping("/agencies/{id}")
	Agencies.AgencyView changeAgency(@PathVariable UUID id, @RequestBody Agencies.AgencyInput body) {
		return this.agencies.change(id, body);
	}

	@PostMapping("/agencies/{id}/issues")
	@ResponseStatus(HttpStatus.CREATED)
	Agencies.IssueView addIssue(@PathVariable UUID id, @RequestBody Agencies.IssueInput body) {
		return this.agencies.addIssue(id, body);
	}

	@PutMapping("/agency-issues/{id}")
	Agencies.IssueView changeIssue(@PathVariable UUID id, @RequestBody Agencies.IssueInput body) {
		return this.agencies.changeIssue(id, body);
	}

}
