package nl.vangnet.lifedomain;

import java.util.List;

import nl.vangnet.account.VangnetUser;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Frameworks, scales and instruments through the JSON API.
 */
@RestController
class LifeDomainApiController {

	private final LifeDomainApi lifeDomains;

	LifeDomainApiController(LifeDomainApi lifeDomains) {
		this.lifeDomains = lifeDomains;
	}

	@GetMapping("/api/v1/frameworks")
	List<Framework> frameworks() {
		return this.lifeDomains.frameworks();
	}

	@GetMapping("/api/v1/frameworks/{code}")
	Framework framework(@PathVariable String code) {
		return this.lifeDomains.framework(code);
	}

	@PostMapping("/api/v1/frameworks")
	ResponseEntity<Framework> add(@RequestBody NewFramework framework) {
		return ResponseEntity.status(201).body(this.lifeDomains.add(framework));
	}

	@GetMapping("/api/v1/scales")
	List<Scale> scales() {
		return this.lifeDomains.scales();
	}

	@GetMapping("/api/v1/instruments")
	List<Instrument> instruments() {
		return this.lifeDomains.instruments();
	}

	@GetMapping("/api/v1/organisation/framework")
	Framework ownFramework() {
		return this.lifeDomains.frameworkOf(VangnetUser.current().organisationId());
	}

	@PutMapping("/api/v1/organisation/framework")
	Framework chooseFramework(@RequestBody Choice choice) {
		VangnetUser user = VangnetUser.current();
		this.lifeDomains.choose(user.organisationId(), user.organisationCode(), choice.framework());
		return this.lifeDomains.frameworkOf(user.organisationId());
	}

	record Choice(String framework) {
	}

}
