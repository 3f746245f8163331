package nl.vangnet.contact;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.vangnet.household.ActivityKind;
import nl.vangnet.household.Satisfaction;
import nl.vangnet.household.SupportType;
import nl.vangnet.platform.DomainException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contacts, time, activities, rhythms, the worklist, obligations and debts through the
 * JSON API. Errors are problem details naming the field; a stale {@code version} is
 * answered with 409.
 */
@RestController
@RequestMapping("/api/v1")
class ContactApiController {

	private final Contacts contacts;

	private final FamilyPapers papers;

	private final Worklist worklist;

	private final Workload workload;

	ContactApiController(Contacts contacts, FamilyPapers papers, Worklist worklist, Workload workload) {
		this.workload = workload;
		this.contacts = contacts;
		this.papers = papers;
		this.worklist = worklist;
	}

	// ---- Contact moments, time and activities

	@GetMapping("/households/{id}/contacts")
	List<Contacts.ContactView> contacts(@PathVariable UUID id) {
		return this.contacts.contacts(id);
	}

	@PostMapping("/households/{id}/contacts")
	ResponseEntity<Map<String, UUID>> record(@PathVariable UUID id, @RequestBody NewContactBody body) {
		UUID created = this.contacts.record(id, body.toNew());
		return ResponseEntity.created(URI.create("/api/v1/households/" + id + "/contacts")).body(Map.of("id", created));
	}

	@GetMapping("/households/{id}/time-summary")
	TimeSummary timeSummary(@PathVariable UUID id) {
		return this.contacts.timeSummary(id);
	}

	@PostMapping("/households/{id}/time-entries")
	ResponseEntity<Void> addTime(@PathVariable UUID id, @RequestBody TimeBody body) {
		this.contacts.addTime(id, body.date(), body.type(), body.minutes(), body.member());
		return ResponseEntity.status(201).build();
	}

	@GetMapping("/households/{id}/activities")
	List<Contacts.ActivityView> activities(@PathVariable UUID id) {
		return this.contacts.activities(id);
	}

	@PostMapping("/households/{id}/activities")
	ResponseEntity<Void> addActivity(@PathVariable UUID id, @RequestBody ActivityBody body) {
		this.contacts.addActivity(id, body.date(), body.name(), body.member(), body.satisfaction(), body.kind());
		return ResponseEntity.status(201).build();
	}

	// ---- Follow-up

	@GetMapping("/households/{id}/rhythms")
	List<Contacts.RhythmView> rhythms(@PathVariable UUID id) {
		return this.contacts.rhythms(id);
	}

	@PutMapping("/households/{id}/trajectories/{trajectoryId}/rhythm")
	List<Contacts.RhythmView> setRhythm(@PathVariable UUID id, @PathVariable UUID trajectoryId,
			@RequestBody RhythmBody body) {
		this.contacts.setRhythm(id, trajectoryId, body.rhythm(), body.plannedUntil());
		return this.contacts.rhythms(id);
	}

	@PostMapping("/households/{id}/trajectories/{trajectoryId}/rhythm/end")
	List<Contacts.RhythmView> endRhythm(@PathVariable UUID id, @PathVariable UUID trajectoryId,
			@RequestBody EndBody body) {
		this.contacts.endRhythm(id, trajectoryId, body.reason());
		return this.contacts.rhythms(id);
	}

	/**
	 * One page of the worklist (from 0, {@value Worklist#DEFAULT_SIZE} families unless
	 * {@code size} says otherwise, at most {@value Worklist#MAX_SIZE}), for a reason, and
	 * for a coordinator of a worker or a team; with the count of each reason.
	 */
	@GetMapping("/worklist")
	Worklist.Page worklist(@RequestParam(required = false) Worklist.Reason reason,
			@RequestParam(required = false) UUID worker, @RequestParam(required = false) UUID team,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int size) {
		return this.worklist.forCurrentUser(new Worklist.Filter(reason, worker, team, page, size));
	}

	/** The workload per worker (coordinators): families, intensive ones, overdue ones. */
	@GetMapping("/workload")
	List<Workload.Worker> workload() {
		return this.workload.forCurrentUser();
	}

	// ---- Obligations and debts

	@GetMapping("/households/{id}/obligations")
	List<FamilyPapers.ObligationView> obligations(@PathVariable UUID id) {
		return this.papers.obligations(id);
	}

	@PostMapping("/households/{id}/obligations")
	ResponseEntity<Map<String, UUID>> addObligation(@PathVariable UUID id, @RequestBody ObligationBody body) {
		UUID created = this.papers.addObligation(id, body.input());
		return ResponseEntity.created(URI.create("/api/v1/obligations/" + created)).body(Map.of("id", created));
	}

	@PutMapping("/obligations/{id}")
	FamilyPapers.ObligationView changeObligation(@PathVariable UUID id, @RequestBody ObligationBody body) {
		if (body.version() == null) {
			throw new DomainException("version", "contact.version.required");
		}
		return this.papers.changeObligation(id, body.version(), body.input());
	}

	@GetMapping("/households/{id}/debts")
	FamilyPapers.DebtOverview debts(@PathVariable UUID id) {
		return this.papers.debts(id);
	}

	@PostMapping("/households/{id}/debts")
	ResponseEntity<Map<String, UUID>> addDebt(@PathVariable UUID id, @RequestBody DebtBody body) {
		UUID created = this.papers.addDebt(id, body.input());
		return ResponseEntity.created(URI.create("/api/v1/debts/" + created)).body(Map.of("id", created));
	}

	@PutMapping("/debts/{id}")
	FamilyPapers.DebtView changeDebt(@PathVariable UUID id, @RequestBody DebtBody body) {
		if (body.version() == null) {
			throw new DomainException("version", "contact.version.required");
		}
		return this.papers.changeDebt(id, body.version(), body.input());
	}

	record NewContactBody(LocalDateTime occurredAt, Channel channel, Boolean reached, List<UUID> members, String note,
			Boolean sensitive, Map<SupportType, Integer> minutes, String activity, Satisfaction satisfaction) {

		Contacts.NewContact toNew() {
			return new Contacts.NewContact(this.occurredAt, this.channel, this.reached, this.members, this.note,
					Boolean.TRUE.equals(this.sensitive), this.minutes, this.activity, this.satisfaction);
		}

	}

	record TimeBody(LocalDate date, SupportType type, Integer minutes, UUID member) {
	}

	record ActivityBody(LocalDate date, String name, UUID member, Satisfaction satisfaction, ActivityKind kind) {
	}

	/** {@code plannedUntil}: optional, the last day of the planned aftercare period. */
	record RhythmBody(Rhythm rhythm, LocalDate plannedUntil) {
	}

	record EndBody(String reason) {
	}

	record ObligationBody(Integer version, ObligationKind kind, String description, String agency, LocalDate dueOn,
			ObligationStatus status) {

		FamilyPapers.ObligationInput input() {
			return new FamilyPapers.ObligationInput(this.kind, this.description, this.agency, this.dueOn, this.status);
		}

	}

	record DebtBody(Integer version, String creditor, BigDecimal amount, String arrangement, DebtStatus status) {

		FamilyPapers.DebtInput input() {
			return new FamilyPapers.DebtInput(this.creditor, this.amount, this.arrangement, this.status);
		}

	}

}
