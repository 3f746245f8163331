package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
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
 * Households through the JSON API, as documents of the exchange contract
 * vangnet-household/1, always for the signed-in user's own organisation.
 */
@RestController
@RequestMapping("/api/v1/households")
class HouseholdApiController {

	private final HouseholdExchange exchange;

	private final HouseholdSearch search;

	private final HouseholdManagement management;

	private final DuplicateCheck duplicates;

	private final ContactPersonHistory contactPersons;

	HouseholdApiController(HouseholdExchange exchange, HouseholdSearch search, HouseholdManagement management,
			DuplicateCheck duplicates, ContactPersonHistory contactPersons) {
		this.contactPersons = contactPersons;
		this.exchange = exchange;
		this.search = search;
		this.management = management;
		this.duplicates = duplicates;
	}

	/**
	 * Households of the organisation (for a volunteer: the families they are involved
	 * in), searched by name, filtered and paged; never with an address.
	 */
	@GetMapping
	HouseholdSearch.Page list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String phase,
			@RequestParam(required = false) UUID contactPerson, @RequestParam(required = false) String district,
			@RequestParam(required = false) TrajectoryKind kind,
			@RequestParam(defaultValue = "ALL") HouseholdSearch.Status status) {
		return this.search.search(
				new HouseholdSearch.Filter(q, phase, contactPerson, district, kind, status, page, size),
				LocaleContextHolder.getLocale());
	}

	@GetMapping("/{id}")
	HouseholdDocument get(@PathVariable UUID id) {
		return this.exchange.get(id);
	}

	/** Who was the family's fixed contact person, from when to when, newest first. */
	@GetMapping("/{id}/contact-persons")
	List<ContactPersonHistory.Entry> contactPersons(@PathVariable UUID id) {
		return this.contactPersons.of(id);
	}

	@PostMapping
	ResponseEntity<HouseholdDocument> create(@RequestBody JsonNode body) {
		HouseholdDocument created = this.exchange.create(body);
		return ResponseEntity
			.created(
					ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	/**
	 * Replaces the household by the document; its {@code version} must be the current
	 * one, else 409 with the current version and what differs.
	 */
	@PutMapping("/{id}")
	HouseholdDocument replace(@PathVariable UUID id, @RequestBody JsonNode body) {
		return this.exchange.replace(id, body);
	}

	/**
	 * Opens the confidential address, deliberately (coordinators and professionals only);
	 * the opening is in the access trail.
	 */
	@PostMapping("/{id}/confidential-address")
	Map<String, String> openConfidentialAddress(@PathVariable UUID id) {
		return Map.of("address", this.management.openConfidentialAddress(id));
	}

	/**
	 * Reopens a closed household (the family came back): a new trajectory in the same
	 * dossier, its history kept. {@code kind} (default {@code INTENSIVE}) and
	 * {@code contactPerson} (default: the caller) are optional.
	 */
	@PostMapping("/{id}/reopening")
	Reopened reopen(@PathVariable UUID id, @RequestBody ReopeningBody body) {
		UUID trajectory = this.management.reopen(id, null, body.on(), body.reason(), body.kind(), body.contactPerson());
		return new Reopened(id, trajectory, body.on(), Texts.clean(body.reason()));
	}

	/**
	 * The households of the organisation that are likely the same family as the person in
	 * the body (names never in a URL).
	 */
	@PostMapping("/duplicates")
	Duplicates duplicates(@RequestBody DuplicateBody body) {
		return new Duplicates(this.duplicates
			.candidates(new DuplicateCheck.Person(body.givenName(), body.familyName(), body.birthDate()))
			.stream()
			.map((c) -> new Duplicates.Candidate(c.householdId(), c.name(), c.closed(), c.closedOn(),
					c.matches()
						.stream()
						.map((m) -> new Duplicates.Member(m.ref(), m.role(), m.name(), m.birthDate(), m.sameBirthDate(),
								Math.round(m.similarity() * 100) / 100.0))
						.toList()))
			.toList());
	}

	record ReopeningBody(LocalDate on, String reason, TrajectoryKind kind, UUID contactPerson) {
	}

	record Reopened(UUID household, UUID trajectory, LocalDate on, String reason) {
	}

	record DuplicateBody(String givenName, String familyName, LocalDate birthDate) {
	}

	record Duplicates(List<Candidate> candidates) {

		record Candidate(UUID household, String name, boolean closed, LocalDate closedOn, List<Member> members) {
		}

		record Member(String ref, MemberRole role, String name, LocalDate birthDate, boolean sameBirthDate,
				double nameSimilarity) {
		}

	}

}
