package nl.vangnet.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.household.HouseholdId;
import nl.vangnet.platform.UnprocessableException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
 * The client's rights through the JSON API: a person's subject-access request, its review
 * and its delivery (JSON or PDF), erasure requests and their approval by a second
 * coordinator, and the organisation's retention period with the households past it.
 */
@RestController
@RequestMapping("/api/v1")
class PrivacyApiController {

	private final SubjectAccess subjectAccess;

	private final Erasures erasures;

	private final Retention retention;

	private final SubjectAccessDownload download;

	PrivacyApiController(SubjectAccess subjectAccess, Erasures erasures, Retention retention,
			SubjectAccessDownload download) {
		this.subjectAccess = subjectAccess;
		this.erasures = erasures;
		this.retention = retention;
		this.download = download;
	}

	/** Records her request (an open one is answered as it is). */
	@PostMapping("/households/{id}/members/{ref}/subject-access")
	@ResponseStatus(HttpStatus.CREATED)
	SubjectAccessReport request(@PathVariable UUID id, @PathVariable String ref, Locale locale) {
		this.subjectAccess.request(new HouseholdId(id), ref);
		return this.subjectAccess.draft(new HouseholdId(id), ref, locale);
	}

	/** Her report with the state of its review, for the coordinator who reviews it. */
	@GetMapping("/households/{id}/members/{ref}/subject-access/review")
	SubjectAccessReport draft(@PathVariable UUID id, @PathVariable String ref, Locale locale) {
		return this.subjectAccess.draft(new HouseholdId(id), ref, locale);
	}

	/**
	 * {@code {"report": true}}: the coordinator reviewed the whole report;
	 * {@code {"sections": [keys]}}: a meldcode officer reviewed those sections.
	 */
	@PostMapping("/households/{id}/members/{ref}/subject-access/review")
	SubjectAccessReport review(@PathVariable UUID id, @PathVariable String ref, @RequestBody ReviewInput body,
			Locale locale) {
		return this.subjectAccess.review(new HouseholdId(id), ref, Boolean.TRUE.equals(body.report()),
				(body.sections() != null) ? Set.copyOf(body.sections()) : Set.of(), locale);
	}

	/**
	 * Delivers her reviewed report: the delivery is in the trail, and asks for a recent
	 * check (401 {@code reauthentication-required}).
	 */
	@GetMapping("/households/{id}/members/{ref}/subject-access")
	ResponseEntity<?> deliver(@PathVariable UUID id, @PathVariable String ref,
			@RequestParam(defaultValue = "json") String format, Locale locale) {
		return this.download.deliver(new HouseholdId(id), ref, format, locale);
	}

	@PostMapping("/households/{id}/erasure-requests")
	@ResponseStatus(HttpStatus.CREATED)
	ErasureRequest requestErasure(@PathVariable UUID id, @RequestBody ErasureInput body) {
		return this.erasures.request(new HouseholdId(id), body.reason(), body.note());
	}

	/** A second coordinator approves: the household is erased in the same transaction. */
	@PostMapping("/erasure-requests/{id}/approval")
	ErasureRequest approve(@PathVariable UUID id) {
		return this.erasures.approve(id);
	}

	@GetMapping("/erasure-requests")
	List<ErasureRequest> erasureRequests() {
		return this.erasures.list();
	}

	@GetMapping("/retention")
	RetentionView retention() {
		return view();
	}

	@PutMapping("/retention")
	RetentionView chooseRetention(@RequestBody RetentionInput body) {
		if (body.years() == null) {
			throw new UnprocessableException("years", "privacy.retention.years.range", 1, 115);
		}
		this.retention.choose(body.years(), body.version());
		return view();
	}

	private RetentionView view() {
		List<Retention.Due> due = this.retention.due();
		Retention.Policy policy = this.retention
			.policy(nl.vangnet.platform.staff.Staff.current().requireOrganisation("retention").organisationId());
		return new RetentionView(policy.years(), policy.own(), policy.version(), due);
	}

	record ReviewInput(Boolean report, List<String> sections) {
	}

	record ErasureInput(String reason, String note) {
	}

	record RetentionInput(Integer years, Integer version) {
	}

	/**
	 * @param own whether the organisation set it (else the installation's default)
	 * @param version to send back with a change ({@code -1} while it has none of its own)
	 * @param due the households past it, as the daily job listed them
	 */
	record RetentionView(int years, boolean own, int version, List<Retention.Due> due) {
	}

}
