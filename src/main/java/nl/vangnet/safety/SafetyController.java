package nl.vangnet.safety;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.household.Family;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The family's safety page in the browser, and its summary at the top of the dossier. A
 * refused form comes back with what was typed, an error summary at the top ("Fout:" in
 * the title) and each field's own message.
 */
@Controller
class SafetyController {

	private final SafetyRecords records;

	private final RiskInstruments instruments;

	private final RiskScreenings screenings;

	private final SafetyPlans plans;

	private final nl.vangnet.platform.pdf.PdfRenderer pdf;

	private final nl.vangnet.platform.web.Conflicts conflicts;

	private final MessageSource messages;

	SafetyController(SafetyRecords records, RiskInstruments instruments, RiskScreenings screenings, SafetyPlans plans,
			nl.vangnet.platform.pdf.PdfRenderer pdf, nl.vangnet.platform.web.Conflicts conflicts,
			MessageSource messages) {
		this.messages = messages;
		this.records = records;
		this.instruments = instruments;
		this.screenings = screenings;
		this.plans = plans;
		this.pdf = pdf;
		this.conflicts = conflicts;
	}

	// ---- The safety plan

	@GetMapping("/safety/members/{memberId}/plan")
	String planForm(@PathVariable UUID memberId, Model model) {
		UUID household = this.plans.householdOf(memberId);
		SafetyPlans.PlanView plan = this.plans.planOf(memberId);
		if (!model.containsAttribute("planForm")) {
			model.addAttribute("planForm",
					new PlanForm(plan.version(), plan.title(), plan.warningSigns(), plan.safePlaces(),
							plan.signalWord(), plan.signalAgreedWith(), plan.readyItems(), plan.leaving(),
							plan.reviewOn()));
			model.addAttribute("chosen",
					plan.peopleToCall()
						.stream()
						.collect(java.util.stream.Collectors.toMap((p) -> p.contact().toString(),
								(p) -> (p.phone() != null) ? p.phone() : "")));
		}
		model.addAttribute("memberId", memberId);
		model.addAttribute("householdId", household);
		model.addAttribute("plan", plan);
		model.addAttribute("pickable", this.plans.pickable(household));
		model.addAttribute("dangers", this.records.dangers(household));
		return "safety/plan";
	}

	@PostMapping("/safety/members/{memberId}/plan")
	String writePlan(@PathVariable UUID memberId, @ModelAttribute("planForm") PlanForm form, BindingResult result,
			jakarta.servlet.http.HttpServletRequest request, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		java.util.Map<String, String> chosen = new java.util.LinkedHashMap<>();
		String[] people = request.getParameterValues("person");
		if (people != null) {
			for (String key : people) {
				String phone = request.getParameter("phone." + key);
				chosen.put(key, (phone != null) ? phone : "");
			}
		}
		UUID household = this.plans.householdOf(memberId);
		if (form != null && !result.hasErrors()) {
			try {
				FormErrors.checkTexts("peopleToCall", chosen.keySet());
				for (java.util.Map.Entry<String, String[]> param : request.getParameterMap().entrySet()) {
					if (param.getKey().startsWith("phone.")) {
						FormErrors.checkTexts("peopleToCall", List.of(param.getKey()));
						FormErrors.checkTexts("peopleToCall", List.of(param.getValue()));
					}
				}
				List<SafetyPlans.PersonInput> persons = new java.util.ArrayList<>();
				for (java.util.Map.Entry<String, String> entry : chosen.entrySet()) {
					UUID key;
					try {
						key = UUID.fromString(entry.getKey());
					}
					catch (IllegalArgumentException ex) {
						throw new DomainException("peopleToCall", "safety.plan.people.unknown");
					}
					persons.add(new SafetyPlans.PersonInput(key, entry.getValue()));
				}
				this.plans.write(household, this.plans.refOf(memberId),
						new SafetyPlans.PlanInput(form.version(), form.title(), form.warningSigns(), form.safePlaces(),
								persons, form.signalWord(), form.signalAgreedWith(), form.readyItems(), form.leaving(),
								form.reviewOn()));
				redirect.addFlashAttribute("saved", "safety.plan.saved");
				return "redirect:/safety/members/{memberId}/plan";
			}
			catch (nl.vangnet.platform.ConflictException ex) {
				this.conflicts.show(ex, "conflict.title", model, response);
				model.addAttribute("chosen", chosen);
				model.addAttribute("planForm", form);
				return planForm(memberId, model);
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		FormErrors.keep(model, "planForm", form, result);
		model.addAttribute("chosen", chosen);
		model.addAttribute("failed", "planForm");
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		String page = planForm(memberId, model);
		// the people to call are no field of the form: their errors link to the first
		// person to choose (or the title when there is nobody on the map)
		List<?> pickable = (List<?>) model.getAttribute("pickable");
		String firstPerson = pickable.isEmpty() ? "plan-title"
				: "person-" + ((nl.vangnet.network.NetworkApi.MapContact) pickable.get(0)).key();
		boolean child = ((SafetyPlans.PlanView) model.getAttribute("plan")).child();
		Map<String, String[]> fields = new java.util.HashMap<>(PLAN_FIELDS);
		fields.put("", new String[] { firstPerson, "safety.plan.field.peopleToCall" });
		if (child) {
			fields.put("warningSigns", new String[] { "plan-warning", "safety.plan.child.warningSigns" });
			fields.put("safePlaces", new String[] { "plan-places", "safety.plan.child.safePlaces" });
		}
		ErrorSummary.fields(model, this.messages, fields, "");
		return page;
	}

	/** The plan to print and fold: the worker's neutral title, never an address. */
	@GetMapping("/safety/members/{memberId}/plan/print")
	String printPlan(@PathVariable UUID memberId, Model model) {
		model.addAttribute("plan", this.plans.printed(this.plans.householdOf(memberId), this.plans.refOf(memberId)));
		model.addAttribute("memberId", memberId);
		return "safety/plan-copy";
	}

	@GetMapping("/safety/members/{memberId}/plan.pdf")
	org.springframework.http.ResponseEntity<byte[]> planPdf(@PathVariable UUID memberId, java.util.Locale locale) {
		SafetyPlans.PlanView plan = this.plans.printed(this.plans.householdOf(memberId), this.plans.refOf(memberId));
		return nl.vangnet.platform.pdf.PdfRenderer.response(
				this.pdf.render("safety/plan-copy", java.util.Map.of("plan", plan, "memberId", memberId), locale),
				org.springframework.http.ContentDisposition.inline().filename("plan.pdf").build());
	}

	/**
	 * The safety summary at the top of the dossier (loaded by htmx with the page's
	 * cover).
	 */
	@GetMapping("/households/{id}/safety-summary")
	String summary(@PathVariable UUID id, Model model) {
		model.addAttribute("householdId", id);
		model.addAttribute("safety", this.records.overview(id));
		model.addAttribute("screening", this.screenings.latest(this.records.caseWork(id)).orElse(null));
		return "safety/summary :: summary";
	}

	@GetMapping("/households/{id}/safety")
	String page(@PathVariable UUID id, Model model) {
		Family family = this.records.caseWork(id);
		LocalDate today = this.records.today();
		if (!model.containsAttribute("patternForm")) {
			model.addAttribute("patternForm", new PatternForm(null, today, null));
		}
		if (!model.containsAttribute("orderForm")) {
			model.addAttribute("orderForm", new OrderForm(null, null, null, today, null, null));
		}
		if (!model.containsAttribute("arrangementForm")) {
			model.addAttribute("arrangementForm", new ArrangementForm(null, null, today, null, null));
		}
		model.addAttribute("householdId", id);
		model.addAttribute("householdName", family.name());
		model.addAttribute("children", family.members().stream().filter((m) -> "CHILD".equals(m.role())).toList());
		model.addAttribute("dangers", this.records.dangers(id));
		model.addAttribute("members", family.members());
		model.addAttribute("withPlan", this.plans.membersWithPlan(id));
		model.addAttribute("safety", this.records.overview(id));
		model.addAttribute("screenings", this.screenings.ofHousehold(id));
		model.addAttribute("instruments", this.instruments.all());
		model.addAttribute("patterns", SafetyPattern.values());
		model.addAttribute("orderKinds", OrderKind.values());
		model.addAttribute("arrangements", Arrangement.values());
		return "safety/page";
	}

	@PostMapping("/households/{id}/safety/pattern")
	String judgePattern(@PathVariable UUID id, @ModelAttribute("patternForm") PatternForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return save(id, form, "patternForm", result, model, response, redirect, "safety.pattern.saved",
				() -> this.records.judgePattern(id,
						new SafetyRecords.PatternInput(form.pattern(), form.judgedOn(), form.note())));
	}

	@PostMapping("/households/{id}/safety/orders")
	String addOrder(@PathVariable UUID id, @ModelAttribute("orderForm") OrderForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return save(id, form, "orderForm", result, model, response, redirect, "safety.order.saved",
				() -> this.records.addOrder(id, new SafetyRecords.OrderInput(form.kind(), form.contact(), form.issuer(),
						form.startsOn(), form.endsOn(), form.note())));
	}

	@PostMapping("/households/{id}/safety/arrangements")
	String recordArrangement(@PathVariable UUID id, @ModelAttribute("arrangementForm") ArrangementForm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return save(id, form, "arrangementForm", result, model, response, redirect, "safety.arrangement.saved",
				() -> this.records.recordArrangement(id, new SafetyRecords.ArrangementInput(form.member(),
						form.arrangement(), form.since(), form.schoolKnows(), form.childcareKnows())));
	}

	// ---- Risk screening

	@GetMapping("/households/{id}/risk-screenings/new")
	String screeningForm(@PathVariable UUID id,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String instrument, Model model,
			java.util.Locale locale) {
		Family family = this.records.caseWork(id);
		List<RiskInstrument> all = this.instruments.all();
		RiskInstrument chosen = all.stream()
			.filter((i) -> i.id().toString().equals(instrument))
			.findFirst()
			.orElse(all.get(0));
		if (!model.containsAttribute("screeningForm")) {
			String mother = family.members()
				.stream()
				.filter((m) -> !"CHILD".equals(m.role()))
				.map(Family.FamilyMember::ref)
				.findFirst()
				.orElse(null);
			model.addAttribute("screeningForm", new ScreeningForm(mother, chosen.id(), this.records.today(), "OWN",
					null, null, this.records.today().plusMonths(1), null));
			model.addAttribute("answers", java.util.Map.of());
		}
		model.addAttribute("householdId", id);
		model.addAttribute("householdName", family.name());
		model.addAttribute("members", family.members());
		model.addAttribute("instrument", chosen);
		model.addAttribute("instruments", all);
		model.addAttribute("locale", locale);
		return "safety/screen";
	}

	@PostMapping("/households/{id}/risk-screenings")
	String screen(@PathVariable UUID id, @ModelAttribute("screeningForm") ScreeningForm form, BindingResult result,
			jakarta.servlet.http.HttpServletRequest request, Model model, HttpServletResponse response,
			RedirectAttributes redirect, java.util.Locale locale) {
		java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (name.startsWith("answer.") && values.length > 0) {
				answers.put(name.substring("answer.".length()), values[0]);
			}
		});
		if (form != null && !result.hasErrors()) {
			try {
				FormErrors.checkTexts("answers", answers.values());
				FormErrors.checkTexts("answers", answers.keySet());
				this.screenings.record(id,
						new RiskScreenings.ScreeningInput(form.member(), form.instrument(), form.screenedOn(),
								form.source(), answers, form.level(), form.overrideReason(), form.reviewOn(),
								form.note()));
				redirect.addFlashAttribute("saved", "safety.screening.saved");
				return "redirect:/households/{id}/safety";
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		FormErrors.keep(model, "screeningForm", form, result);
		model.addAttribute("answers", answers);
		model.addAttribute("failed", "screeningForm");
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		String page = screeningForm(id,
				(form != null && form.instrument() != null) ? form.instrument().toString() : null, model, locale);
		// the answers are no field of the form: their errors link to the first question
		// not answered (the first question when all are)
		RiskInstrument instrument = (RiskInstrument) model.getAttribute("instrument");
		String first = instrument.items()
			.stream()
			.filter((item) -> !answers.containsKey(item.code()))
			.findFirst()
			.or(() -> instrument.items().stream().findFirst())
			.map((item) -> "answer-" + item.code() + "-YES")
			.orElse("screening-member");
		Map<String, String[]> fields = new java.util.HashMap<>(SCREENING_FIELDS);
		fields.put("", new String[] { first, "safety.screening.instrument" });
		ErrorSummary.fields(model, this.messages, fields, "");
		return page;
	}

	private String save(UUID id, Object form, String name, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect, String saved, Runnable change) {
		if (form != null && !result.hasErrors()) {
			try {
				change.run();
				redirect.addFlashAttribute("saved", saved);
				return "redirect:/households/{id}/safety";
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		FormErrors.keep(model, name, form, result);
		model.addAttribute("failed", name);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		Map<String, String[]> fields = PAGE_FIELDS.get(name);
		if (fields != null) {
			Map<String, String> targets = new java.util.HashMap<>();
			Map<String, String> labels = new java.util.HashMap<>();
			Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
			fields.forEach((field, element) -> {
				targets.put(field, element[0]);
				if (!field.isEmpty()) {
					labels.put(field, this.messages.getMessage(element[1], null, element[1], locale));
				}
			});
			model.addAttribute(ErrorSummary.TARGETS, targets);
			model.addAttribute(ErrorSummary.LABELS, labels);
		}
		return page(id, model);
	}

	/**
	 * The safety page's forms by name: per field the id of its element and its label's
	 * key, so that the page's summary links each error to its field as rendered and names
	 * it.
	 */
	private static final Map<String, Map<String, String[]>> PAGE_FIELDS = Map.of("patternForm",
			Map.of("", new String[] { "pattern-code", "safety.pattern.label" }, "pattern",
					new String[] { "pattern-code", "safety.pattern.label" }, "judgedOn",
					new String[] { "pattern-judgedOn", "safety.judgedOn" }, "note",
					new String[] { "pattern-note", "safety.note" }),
			"orderForm",
			Map.of("", new String[] { "order-kind", "safety.order.kind" }, "kind",
					new String[] { "order-kind", "safety.order.kind" }, "contact",
					new String[] { "order-contact", "safety.order.contact" }, "issuer",
					new String[] { "order-issuer", "safety.order.issuer" }, "startsOn",
					new String[] { "order-startsOn", "safety.order.startsOn" }, "endsOn",
					new String[] { "order-endsOn", "safety.order.endsOn" }, "note",
					new String[] { "order-note", "safety.note" }),
			"arrangementForm",
			Map.of("", new String[] { "arrangement-member", "safety.arrangement.member" }, "member",
					new String[] { "arrangement-member", "safety.arrangement.member" }, "arrangement",
					new String[] { "arrangement-code", "safety.arrangement.label" }, "since",
					new String[] { "arrangement-since", "safety.arrangement.sinceLabel" }, "schoolKnows",
					new String[] { "arrangement-school", "safety.arrangement.schoolKnows" }, "childcareKnows",
					new String[] { "arrangement-childcare", "safety.arrangement.childcareKnows" }));

	/**
	 * The safety plan's fields: per field the id of its element and its label's key, so
	 * that the page's summary links each error to its field as rendered and names it.
	 */
	private static final Map<String, String[]> PLAN_FIELDS = Map.of("title",
			new String[] { "plan-title", "safety.plan.field.title" }, "warningSigns",
			new String[] { "plan-warning", "safety.plan.field.warningSigns" }, "safePlaces",
			new String[] { "plan-places", "safety.plan.field.safePlaces" }, "signalWord",
			new String[] { "plan-signal", "safety.plan.field.signalWord" }, "signalAgreedWith",
			new String[] { "plan-signal-with", "safety.plan.field.signalAgreedWith" }, "readyItems",
			new String[] { "plan-ready", "safety.plan.field.readyItems" }, "leaving",
			new String[] { "plan-leaving", "safety.plan.field.leaving" }, "reviewOn",
			new String[] { "plan-review", "safety.plan.field.reviewOn" });

	/** The screening form's fields, as {@link #PLAN_FIELDS}. */
	private static final Map<String, String[]> SCREENING_FIELDS = Map.of("member",
			new String[] { "screening-member", "safety.screening.member" }, "source",
			new String[] { "screening-source", "safety.screening.source" }, "screenedOn",
			new String[] { "screening-screenedOn", "safety.screening.screenedOn" }, "level",
			new String[] { "screening-level", "safety.screening.level.override" }, "overrideReason",
			new String[] { "screening-reason", "safety.screening.overrideReason" }, "reviewOn",
			new String[] { "screening-reviewOn", "safety.screening.reviewOn" }, "note",
			new String[] { "screening-note", "safety.note" });

	/** The pattern as the form sends it. */
	record PatternForm(String pattern, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate judgedOn, String note) {
	}

	/** A protective order as the form sends it. */
	record OrderForm(String kind, UUID contact, String issuer,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, String note) {
	}

	/**
	 * A risk screening as the form sends it (the answers come as {@code answer.CODE}).
	 */
	record ScreeningForm(String member, UUID instrument,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate screenedOn, String source, String level,
			String overrideReason, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewOn, String note) {
	}

	/**
	 * A safety plan as the form sends it (the people as {@code person} and
	 * {@code phone.KEY}).
	 */
	record PlanForm(Integer version, String title, String warningSigns, String safePlaces, String signalWord,
			String signalAgreedWith, String readyItems, String leaving,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewOn) {
	}

	/** A child's contact arrangement as the form sends it. */
	record ArrangementForm(String member, String arrangement,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since, String schoolKnows, String childcareKnows) {
	}

}
