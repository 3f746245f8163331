package nl.vangnet.safety;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The family's safety work through the JSON API: coordinators and professionals of the
 * organisation that owns the household (a volunteer gets 403, another organisation's
 * household 404). Errors are problem details naming the field, in the caller's language.
 */
@RestController
@RequestMapping("/api/v1")
class SafetyApiController {

	private final SafetyRecords records;

	private final RiskInstruments instruments;

	private final RiskScreenings screenings;

	private final SafetyPlans plans;

	private final nl.vangnet.platform.pdf.PdfRenderer pdf;

	private final MeldcodeCases meldcode;

	SafetyApiController(SafetyRecords records, RiskInstruments instruments, RiskScreenings screenings,
			SafetyPlans plans, nl.vangnet.platform.pdf.PdfRenderer pdf, MeldcodeCases meldcode) {
		this.meldcode = meldcode;
		this.records = records;
		this.instruments = instruments;
		this.screenings = screenings;
		this.plans = plans;
		this.pdf = pdf;
	}

	/**
	 * The member's safety plan (members by their {@code ref} in the household document):
	 * 200 with an empty plan ({@code exists: false}) when none exists yet.
	 */
	@GetMapping("/households/{id}/members/{ref}/safety-plan")
	SafetyPlans.PlanView safetyPlan(@PathVariable UUID id, @PathVariable String ref) {
		return this.plans.plan(id, ref);
	}

	/**
	 * Writes the member's safety plan; a danger-marked contact among the people to call
	 * is refused (400 naming {@code peopleToCall}); a stale version answers 409.
	 */
	@org.springframework.web.bind.annotation.PutMapping("/households/{id}/members/{ref}/safety-plan")
	SafetyPlans.PlanView writeSafetyPlan(@PathVariable UUID id, @PathVariable String ref,
			@RequestBody SafetyPlans.PlanInput body) {
		return this.plans.write(id, ref, body);
	}

	/** The member's safety plan as a PDF to print and fold (never an address on it). */
	@GetMapping("/households/{id}/members/{ref}/safety-plan.pdf")
	org.springframework.http.ResponseEntity<byte[]> safetyPlanPdf(@PathVariable UUID id, @PathVariable String ref,
			java.util.Locale locale) {
		SafetyPlans.PlanView plan = this.plans.printed(id, ref);
		return nl.vangnet.platform.pdf.PdfRenderer.response(
				this.pdf.render("safety/plan-copy", java.util.Map.of("plan", plan), locale),
				org.springframework.http.ContentDisposition.inline().filename("plan.pdf").build());
	}

	/**
	 * The risk-screening instruments the caller's organisation may use: the generic one
	 * Vangnet ships, and the organisation's own (every version).
	 */
	@GetMapping("/risk-instruments")
	List<RiskInstrument> instruments() {
		return this.instruments.all();
	}

	/**
	 * Loads the organisation's own instrument's structure (coordinators): a new version
	 * when its code is in use.
	 */
	@PostMapping("/risk-instruments")
	@ResponseStatus(HttpStatus.CREATED)
	RiskInstrument loadInstrument(@RequestBody RiskInstruments.InstrumentInput body) {
		return this.instruments.load(body);
	}

	/**
	 * The family's meldcode cases that the caller may see: their author, the meldcode
	 * officers and coordinators (a professional of the family may get an empty list).
	 */
	@GetMapping("/households/{id}/meldcode-cases")
	List<MeldcodeCases.CaseView> meldcodeCases(@PathVariable UUID id) {
		return this.meldcode.ofHousehold(id);
	}

	/** Opens a meldcode case about a member of the family (by {@code ref}). */
	@PostMapping("/households/{id}/meldcode-cases")
	@ResponseStatus(HttpStatus.CREATED)
	MeldcodeCases.CaseView openMeldcodeCase(@PathVariable UUID id, @RequestBody MeldcodeCases.CaseInput body) {
		return this.meldcode.open(id, body);
	}

	/**
	 * A meldcode case with its steps (403 for anyone but its author, officers,
	 * coordinators).
	 */
	@GetMapping("/meldcode-cases/{id}")
	MeldcodeCases.CaseView meldcodeCase(@PathVariable UUID id) {
		return this.meldcode.get(id);
	}

	/**
	 * Records the next step of a meldcode case: out of order is refused naming the
	 * missing step; the weighing needs all five questions answered with a reason.
	 */
	@PostMapping("/meldcode-cases/{id}/steps")
	@ResponseStatus(HttpStatus.CREATED)
	MeldcodeCases.CaseView meldcodeStep(@PathVariable UUID id, @RequestBody MeldcodeCases.StepInput body) {
		return this.meldcode.step(id, body);
	}

	/** The family's risk screenings, the latest first. */
	@GetMapping("/households/{id}/risk-screenings")
	List<RiskScreenings.ScreeningView> screenings(@PathVariable UUID id) {
		return this.screenings.ofHousehold(id);
	}

	/** Records a risk screening of a member of the family. */
	@PostMapping("/households/{id}/risk-screenings")
	@ResponseStatus(HttpStatus.CREATED)
	RiskScreenings.ScreeningView screen(@PathVariable UUID id, @RequestBody RiskScreenings.ScreeningInput body) {
		return this.screenings.record(id, body);
	}

	/**
	 * The family's safety records: the current pattern with its history, the protective
	 * orders and the children's contact arrangements.
	 */
	@GetMapping("/households/{id}/safety")
	SafetyRecords.SafetyView safety(@PathVariable UUID id) {
		return this.records.overview(id);
	}

	/** Records a judgement of the family pattern behind the violence. */
	@PostMapping("/households/{id}/safety-patterns")
	@ResponseStatus(HttpStatus.CREATED)
	SafetyRecords.PatternView judgePattern(@PathVariable UUID id, @RequestBody SafetyRecords.PatternInput body) {
		return this.records.judgePattern(id, body);
	}

	/** The protective orders against the family's danger-marked contacts. */
	@GetMapping("/households/{id}/protective-orders")
	List<SafetyRecords.OrderView> orders(@PathVariable UUID id) {
		return this.records.orders(id);
	}

	/**
	 * Records a protective order; {@code contact} must be a danger-marked contact of a
	 * network map of the family, {@code endsOn} not before {@code startsOn}.
	 */
	@PostMapping("/households/{id}/protective-orders")
	@ResponseStatus(HttpStatus.CREATED)
	SafetyRecords.OrderView addOrder(@PathVariable UUID id, @RequestBody SafetyRecords.OrderInput body) {
		return this.records.addOrder(id, body);
	}

	/** Records a child's contact arrangement with the other parent. */
	@PostMapping("/households/{id}/contact-arrangements")
	@ResponseStatus(HttpStatus.CREATED)
	SafetyRecords.ArrangementView recordArrangement(@PathVariable UUID id,
			@RequestBody SafetyRecords.ArrangementInput body) {
		return this.records.recordArrangement(id, body);
	}

}
