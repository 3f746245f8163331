package nl.vangnet.cooperation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.platform.staff.Staff;

import org.springframework.http.HttpStatus;
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
 * The JSON API of vangnet-referral/1 (EXCHANGE.md section 3): partners, consents and
 * referrals. Errors are problem details naming the field; a referral the consent does not
 * cover, and a status out of order, answer 422.
 */
@RestController
@RequestMapping("/api/v1")
class CooperationApiController {

	private final Partners partners;

	private final Consents consents;

	private final Referrals referrals;

	CooperationApiController(Partners partners, Consents consents, Referrals referrals) {
		this.partners = partners;
		this.consents = consents;
		this.referrals = referrals;
	}

	// ---- Partners

	@GetMapping("/partners")
	List<Partner> partners(@RequestParam(required = false) String domain,
			@RequestParam(required = false) String district, @RequestParam(required = false) String q) {
		return this.partners.search(domain, district, q);
	}

	@PostMapping("/partners")
	@ResponseStatus(HttpStatus.CREATED)
	Partner addPartner(@RequestBody PartnerInput body) {
		return this.partners.add(body);
	}

	@GetMapping("/partners/{id}")
	Partner partner(@PathVariable UUID id) {
		return this.partners.get(id);
	}

	@PutMapping("/partners/{id}")
	Partner changePartner(@PathVariable UUID id, @RequestBody PartnerInput body) {
		return this.partners.change(id, body);
	}

	// ---- Consents

	@GetMapping("/households/{id}/consents")
	List<ConsentView> consents(@PathVariable UUID id) {
		return this.consents.ofHousehold(id);
	}

	@PostMapping("/households/{id}/consents")
	@ResponseStatus(HttpStatus.CREATED)
	ConsentView recordConsent(@PathVariable UUID id, @RequestBody Consents.NewConsent body) {
		return this.consents.record(id, body);
	}

	@PostMapping("/consents/{id}/withdrawal")
	ConsentView withdraw(@PathVariable UUID id, @RequestBody(required = false) Consents.Withdrawal body) {
		return this.consents.withdraw(id, body);
	}

	// ---- Referrals

	@PostMapping("/households/{id}/referrals")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> refer(@PathVariable UUID id, @RequestBody Referrals.NewReferral body) {
		Referrals.ReferralView view = this.referrals.refer(id, body);
		return view.document(false, null, ConsentState.ACTIVE);
	}

	@GetMapping("/referrals")
	List<Map<String, Object>> referrals(@RequestParam(required = false) String direction,
			@RequestParam(required = false) String status) {
		UUID organisation = Staff.current().requireOrganisation("referral").organisationId();
		return this.referrals.list(direction, status)
			.stream()
			.map((r) -> r.outgoing(organisation) ? r.document(false, null, null) : listed(r))
			.toList();
	}

	@GetMapping("/referrals/{id}")
	Map<String, Object> referral(@PathVariable UUID id) {
		return this.referrals.get(id).document();
	}

	@PostMapping("/referrals/{id}/events")
	Map<String, Object> recordEvent(@PathVariable UUID id, @RequestBody Referrals.NewEvent body) {
		return this.referrals.recordEvent(id, body).document();
	}

	/**
	 * An incoming referral in a list: without the shared sections (read one to see them).
	 */
	private static Map<String, Object> listed(Referrals.ReferralView view) {
		Map<String, Object> doc = view.document(true, null, null);
		doc.remove("shared");
		doc.remove("consentState");
		doc.remove("regie");
		return doc;
	}

}
