package nl.vangnet.contact;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT /api/v1/organisation/aftercare}: the organisation's aftercare period
 * ({@code {"rhythm": "EVERY_THREE_MONTHS", "months": 12}}), set by a coordinator.
 */
@RestController
class AftercareApiController {

	private final Aftercare aftercare;

	AftercareApiController(Aftercare aftercare) {
		this.aftercare = aftercare;
	}

	@GetMapping("/api/v1/organisation/aftercare")
	Aftercare.Setting get() {
		return this.aftercare.setting();
	}

	@PutMapping("/api/v1/organisation/aftercare")
	Aftercare.Setting put(@RequestBody(required = false) Body body) {
		return this.aftercare.set((body != null) ? body.months() : null);
	}

	record Body(Integer months) {
	}

}
