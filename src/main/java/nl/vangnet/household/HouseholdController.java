package nl.vangnet.household;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.account.StaffMember;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.web.Conflicts;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Households in the browser: the organisation's list with filters and search (one URL for
 * the page and, for htmx, the results only), registration, the dossier, editing with
 * conflict handling, and the dossier's actions on trajectories and phases.
 */
@Controller
@RequestMapping("/households")
class HouseholdController {

	private static final String RESULTS = "household/list :: #households";

	/** The dossier's sections that htmx loads with the page (household/dossier.html). */
	private static final List<String> DOSSIER_SECTIONS = List.of("/households/{id}/plan-summary",
			"/households/{id}/contact-summary", "/network/households/{id}", "/households/{id}/cooperation",
			"/households/{id}/safety-summary");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private final HouseholdManagement management;

	private final HouseholdSearch search;

	private final PhaseModels phaseModels;

	private final OrganisationApi organisations;

	private final MessageSource messages;

	private final Conflicts conflicts;

	private final AccessTrail trail;

	private final DuplicateCheck duplicates;

	private final Deputies deputies;

	private final DossierPages dossiers;

	HouseholdController(HouseholdManagement management, HouseholdSearch search, PhaseModels phaseModels,
			OrganisationApi organisations, MessageSource messages, Conflicts conflicts, AccessTrail trail,
			DuplicateCheck duplicates, DossierPages dossiers, Deputies deputies) {
		this.deputies = deputies;
		this.duplicates = duplicates;
		this.dossiers = dossiers;
		this.conflicts = conflicts;
		this.management = management;
		this.search = search;
		this.phaseModels = phaseModels;
		this.organisations = organisations;
		this.messages = messages;
		this.trail = trail;
	}

	// ---- The list

	@GetMapping
	String list(ListFilter filter, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			Locale locale) {
		listModel(filter, model, locale);
		return (htmx != null) ? RESULTS : "household/list";
	}

	private void listModel(ListFilter filter, Model model, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household");
		HouseholdSearch.Page page = this.search.search(filter.toSearch(), locale);
		model.addAttribute("filter", filter);
		model.addAttribute("page", page);
		model.addAttribute("previousUrl", page.hasPrevious() ? filter.url(page.page() - 1) : null);
		model.addAttribute("nextUrl", page.hasNext() ? filter.url(page.page() + 1) : null);
		model.addAttribute("phases", phaseOptions(actor, locale));
		model.addAttribute("contactPersons", contactPersons(actor));
		model.addAttribute("districts",
				this.organisations.byId(actor.organisationId()).map(OrganisationSummary::districts).orElse(List.of()));
		model.addAttribute("kinds", TrajectoryKind.values());
		model.addAttribute("destinations", Destination.values());
		model.addAttribute("statuses", HouseholdSearch.Status.values());
	}

	// ---- Registering

	@GetMapping("/new")
	String newForm(Model model, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household");
		model.addAttribute("form", HouseholdForm.registration(this.management.today(), actor.userId(),
				this.phaseModels.chosenBy(actor.organisationId()).first().code()));
		return formPage(actor, model, locale, true);
	}

	@PostMapping
	String register(@ModelAttribute("form") HouseholdForm form, BindingResult result,
			@RequestParam(required = false) MemberRole addMember, @RequestParam(required = false) Integer removeMember,
			@RequestParam(required = false) String duplicatesChecked, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Staff actor = Staff.current().requireOrganisation("household");
		if (form == null) {
			return newForm(model, locale);
		}
		if (addMember != null || removeMember != null) {
			changeMembers(form, addMember, removeMember, model);
			return formPage(actor, model, locale, true);
		}
		// A form whose fields could not all be read has no target to reject more on: it
		// comes back with those errors first.
		boolean readable = !result.hasErrors();
		if (readable && !form.kindChosen()) {
			result.rejectValue("kind", "trajectory.kind.choose", "trajectory.kind.choose");
		}
		else if (readable && !form.kindKnown()) {
			result.rejectValue("kind", "typeMismatch", "typeMismatch");
		}
		if (readable) {
			rejectNameless(form, result);
		}
		if (readable && result.hasErrors()) {
			// Every error at once: also those of the household's details.
			try {
				HouseholdRules.details(form.details(List.of()), this.management.today())
					.forEach((error) -> FormErrors.reject(result, formField(error)));
			}
			catch (DomainException ex) {
				FormErrors.reject(result, formField(ex));
			}
		}
		if (!result.hasErrors() && !"true".equals(duplicatesChecked)) {
			// Reopen, never re-register: a likely duplicate is shown before anything is
			// saved.
			List<DuplicateCheck.Candidate> candidates = this.duplicates.candidates(form.members()
				.stream()
				.map((m) -> new DuplicateCheck.Person(m.givenName(), m.familyName(), m.birthDate()))
				.toList());
			if (!candidates.isEmpty()) {
				model.addAttribute("duplicates", candidates);
				return formPage(actor, model, locale, true);
			}
		}
		if (!result.hasErrors()) {
			try {
				TrajectoryKind kind = form.trajectoryKind();
				List<Trajectory> trajectories = (kind != null) ? List.of(this.management.newTrajectory(actor, kind,
						form.start(), form.contactPerson(), form.firstPhase())) : List.of();
				UUID id = this.management.register(form.details(List.of()), form.addressInput(), trajectories, null);
				redirect.addFlashAttribute("saved", "household.registered");
				redirect.addAttribute("id", id);
				return "redirect:/households/{id}";
			}
			catch (DomainErrors ex) {
				ex.errors().forEach((error) -> FormErrors.reject(result, formField(error)));
			}
			catch (DomainException ex) {
				FormErrors.reject(result, formField(ex));
			}
		}
		FormErrors.keep(model, "form", form, result);
		refused(form, model, locale, response);
		return formPage(actor, model, locale, true);
	}

	// ---- The dossier

	/**
	 * The dossier: one view in the access trail. Its sections, loaded by htmx right after
	 * the page, carry the page's trail cover and so write no rows of their own (see
	 * {@link AccessTrail#coverFragments}).
	 */
	@GetMapping("/{id}")
	String dossier(@PathVariable UUID id, Model model, Locale locale) {
		DossierPages.Page page = this.dossiers.page(id, locale);
		model.addAttribute("household", page.household());
		model.addAttribute("contactPersons", page.contactPersons());
		model.addAttribute("deputies", page.deputies());
		model.addAttribute("aftercare", page.aftercare());
		// What the end form offers: where she went and how she left.
		model.addAttribute("destinations", Destination.values());
		model.addAttribute("housingSituations", HousingSituation.values());
		model.addAttribute("incomeSituations", IncomeSituation.values());
		model.addAttribute("schoolSituations", SchoolSituation.values());
		model.addAttribute("kinds", TrajectoryKind.values());
		model.addAttribute("reopenKinds", List.of(TrajectoryKind.INTENSIVE, TrajectoryKind.SHORT,
				TrajectoryKind.OUTREACH, TrajectoryKind.AFTERCARE));
		model.addAttribute("trailCover",
				this.trail.coverFragments(AccessSubject.household(id),
						DOSSIER_SECTIONS.stream()
							.map((section) -> UriComponentsBuilder.fromPath(section).buildAndExpand(id).toUriString())
							.toList()));
		return "household/dossier";
	}

	/**
	 * Opens the confidential address deliberately: for htmx only the address, else the
	 * dossier with the address shown.
	 */
	@PostMapping("/{id}/confidential-address")
	String openConfidentialAddress(@PathVariable UUID id,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
		model.addAttribute("openedAddress", this.management.openConfidentialAddress(id));
		if (htmx != null) {
			return "household/confidential-address :: opened";
		}
		return dossier(id, model, locale);
	}

	// ---- Editing

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable UUID id, Model model, Locale locale) {
		Household household = this.management.forEditing(id);
		model.addAttribute("form", HouseholdForm.of(household, this.management.plainAddress(household)));
		model.addAttribute("householdId", id);
		model.addAttribute("householdName", household.name());
		return formPage(Staff.current().requireOrganisation("household"), model, locale, false);
	}

	@PostMapping("/{id}")
	String describe(@PathVariable UUID id, @ModelAttribute("form") HouseholdForm form, BindingResult result,
			@RequestParam(required = false) MemberRole addMember, @RequestParam(required = false) Integer removeMember,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Staff actor = Staff.current().requireOrganisation("household");
		Household stored = this.management.visible(actor, id);
		model.addAttribute("householdId", id);
		model.addAttribute("householdName", stored.name());
		if (form == null) {
			return editForm(id, model, locale);
		}
		if (addMember != null || removeMember != null) {
			changeMembers(form, addMember, removeMember, model);
			return formPage(actor, model, locale, false);
		}
		if (!result.hasErrors()) {
			rejectUnknownMembers(form, stored, result);
		}
		if (!result.hasErrors()) {
			rejectNameless(form, result);
		}
		if (!result.hasErrors()) {
			try {
				this.management.describe(id, TrajectoryForms.version(form.version()),
						form.details(stored.details().members()), form.addressInput());
				redirect.addFlashAttribute("saved", "household.saved");
				return "redirect:/households/{id}";
			}
			catch (ConflictException ex) {
				this.conflicts.show(ex, "household.conflict.title", model, response);
				model.addAttribute("form", form.withVersion((int) ex.currentVersion()));
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		FormErrors.keep(model, "form", form, result);
		if (response.getStatus() != HttpServletResponse.SC_CONFLICT) {
			refused(form, model, locale, response);
		}
		return formPage(actor, model, locale, false);
	}

	/**
	 * A registration or change that was refused answers 400 with the form as it was
	 * typed, and names its fields' element ids and labels, so that the page's summary
	 * links each error to its field as rendered and names it.
	 */
	private void refused(HouseholdForm form, Model model, Locale locale, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		Map<String, String> targets = new java.util.HashMap<>();
		Map<String, String> labels = new java.util.HashMap<>();
		int members = form.members().size();
		String first = (members > 0) ? "member-0-role" : "add-parent";
		targets.put("", first);
		java.util.function.BiConsumer<String, String[]> field = (name, element) -> {
			targets.put(name, element[0]);
			labels.put(name, this.messages.getMessage(element[1], null, element[1], locale));
		};
		field.accept("members", new String[] { first, "household.members" });
		field.accept("mainContact",
				new String[] { (members > 0) ? "member-0-main" : first, "household.member.mainContact" });
		for (int i = 0; i < members; i++) {
			String path = "members[" + i + "].";
			String id = "member-" + i + "-";
			field.accept(path + "ref", new String[] { id + "role", "household.member.role" });
			field.accept(path + "role", new String[] { id + "role", "household.member.role" });
			field.accept(path + "givenName", new String[] { id + "givenName", "household.member.givenName" });
			field.accept(path + "familyName", new String[] { id + "familyName", "household.member.familyName" });
			field.accept(path + "birthDate", new String[] { id + "birthDate", "household.member.birthDate" });
			field.accept(path + "ageGroup", new String[] { id + "ageGroup", "household.member.ageGroup" });
		}
		FORM_FIELDS.forEach(field);
		model.addAttribute(ErrorSummary.TARGETS, targets);
		model.addAttribute(ErrorSummary.LABELS, labels);
	}

	/**
	 * The household form's fields besides its members: per field the id of its element (a
	 * checkbox group's first box) and its label's key.
	 */
	private static final Map<String, String[]> FORM_FIELDS = Map.ofEntries(
			Map.entry("education", new String[] { "education", "household.education" }),
			Map.entry("dutchLanguage", new String[] { "dutchLanguage", "household.dutchLanguage" }),
			Map.entry("dayActivities", new String[] { "dayActivities1", "household.dayActivities" }),
			Map.entry("composition", new String[] { "composition", "household.composition" }),
			Map.entry("debts", new String[] { "debts", "household.debts" }),
			Map.entry("referralSource", new String[] { "referralSource", "household.referralSource" }),
			Map.entry("contactReasons", new String[] { "contactReasons1", "household.contactReasons" }),
			Map.entry("district", new String[] { "district", "household.district" }),
			Map.entry("externalId", new String[] { "externalId", "household.externalId" }),
			Map.entry("phone", new String[] { "phone", "household.phone" }),
			Map.entry("email", new String[] { "email", "household.email" }),
			Map.entry("address", new String[] { "address", "household.address" }),
			Map.entry("addressConfidential", new String[] { "addressConfidential1", "household.address" }),
			Map.entry("kind", new String[] { "kind", "trajectory.kind" }),
			Map.entry("start", new String[] { "start", "trajectory.start" }),
			Map.entry("contactPerson", new String[] { "contactPerson", "trajectory.contactPerson" }),
			Map.entry("firstPhase", new String[] { "firstPhase", "trajectory.firstPhase" }));

	/**
	 * A member row names a stored member by its reference (a hidden field); one the
	 * household does not have would silently replace a member and everything linked to
	 * them, so the form says so instead.
	 */
	private static void rejectUnknownMembers(HouseholdForm form, Household stored, BindingResult result) {
		java.util.Set<String> known = new java.util.HashSet<>();
		stored.details().members().forEach((member) -> known.add(member.ref()));
		for (int i = 0; i < form.members().size(); i++) {
			String ref = form.members().get(i).ref();
			if (ref != null && !ref.isBlank() && !known.contains(ref)) {
				result.reject("household.member.ref.unknown", new Object[] { i + 1 }, "household.member.ref.unknown");
			}
		}
	}

	// ---- Trajectories, phases, closing

	@PostMapping("/{id}/trajectories")
	String startTrajectory(@PathVariable UUID id, @ModelAttribute TrajectoryForms.Start form, BindingResult result,
			Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		return action(id, "start", FieldIds.START, () -> {
			FormErrors.throwIfAny(result);
			this.management.startTrajectory(id, TrajectoryForms.version(form.version()), form.kind(), form.start(),
					form.contactPerson(), form.firstPhase());
		}, "trajectory.started", model, locale, request, response, redirect);
	}

	@PostMapping("/{id}/trajectories/{trajectoryId}/phases")
	String moveToPhase(@PathVariable UUID id, @PathVariable UUID trajectoryId,
			@ModelAttribute TrajectoryForms.Move form, BindingResult result, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return action(id, trajectoryId.toString(), FieldIds.MOVE, () -> {
			FormErrors.throwIfAny(result);
			this.management.moveToPhase(id, TrajectoryForms.version(form.version()), trajectoryId, form.phase(),
					form.on());
		}, "trajectory.moved", model, locale, request, response, redirect);
	}

	@PostMapping("/{id}/trajectories/{trajectoryId}/end")
	String endTrajectory(@PathVariable UUID id, @PathVariable UUID trajectoryId,
			@ModelAttribute TrajectoryForms.End form, BindingResult result, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return action(id, trajectoryId.toString(), FieldIds.END, () -> {
			FormErrors.throwIfAny(result);
			this.management.endTrajectory(id, TrajectoryForms.version(form.version()), trajectoryId, form.end(),
					form.closingReason(), form.destination(), form.situation(), form.choice());
		}, "trajectory.ended.saved", model, locale, request, response, redirect);
	}

	@PostMapping("/{id}/trajectories/{trajectoryId}/staff")
	String involve(@PathVariable UUID id, @PathVariable UUID trajectoryId, @ModelAttribute TrajectoryForms.Involve form,
			BindingResult result, Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		return action(id, trajectoryId.toString(), FieldIds.INVOLVE, () -> {
			FormErrors.throwIfAny(result);
			this.management.involve(id, TrajectoryForms.version(form.version()), trajectoryId, form.staff());
		}, "trajectory.staff.saved", model, locale, request, response, redirect);
	}

	/** A deputy covers the family while its contact person is away. */
	@PostMapping("/{id}/trajectories/{trajectoryId}/deputies")
	String deputy(@PathVariable UUID id, @PathVariable UUID trajectoryId, @ModelAttribute TrajectoryForms.Deputy form,
			BindingResult result, Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		return action(id, trajectoryId.toString(), FieldIds.DEPUTY, () -> {
			FormErrors.throwIfAny(result);
			this.deputies.add(id, trajectoryId, form.deputy(), form.from(), form.until());
		}, "trajectory.deputy.saved", model, locale, request, response, redirect);
	}

	/** The cover is taken away again. */
	@PostMapping("/{id}/deputies/{deputyId}/remove")
	String removeDeputy(@PathVariable UUID id, @PathVariable UUID deputyId, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return action(id, "deputy", FieldIds.DEPUTY, () -> this.deputies.remove(id, deputyId),
				"trajectory.deputy.removed", model, locale, request, response, redirect);
	}

	/**
	 * A coordinator reassigns the contact person, from the dossier or from a row of the
	 * list (with htmx: the refreshed list).
	 */
	@PostMapping("/{id}/trajectories/{trajectoryId}/contact-person")
	String assignContactPerson(@PathVariable UUID id, @PathVariable UUID trajectoryId,
			@ModelAttribute TrajectoryForms.Assign form, BindingResult result, ListFilter filter,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		// Only where the form was sent from; never text to show or store.
		if (!"list".equals(request.getParameter("from"))) {
			return action(id, trajectoryId.toString(), FieldIds.ASSIGN, () -> {
				FormErrors.throwIfAny(result);
				this.management.assignContactPerson(id, TrajectoryForms.version(form.version()), trajectoryId,
						form.assignee());
			}, "trajectory.contactPerson.saved", model, locale, request, response, redirect);
		}
		String notice = "trajectory.contactPerson.saved";
		List<DomainException> problems = List.of();
		try {
			FormErrors.throwIfAny(result);
			this.management.assignContactPerson(id, TrajectoryForms.version(form.version()), trajectoryId,
					form.assignee());
		}
		catch (ConflictException ex) {
			DossierView current = this.management.dossier(id, locale);
			this.conflicts.showWithRedo(new ConflictException(current.version(), standing(current, locale)),
					"household.conflict.title", model, request, response);
			listModel(filter, model, locale);
			return (htmx != null) ? RESULTS : "household/list";
		}
		catch (DomainErrors ex) {
			problems = ex.errors();
		}
		catch (DomainException ex) {
			problems = List.of(ex);
		}
		if (!problems.isEmpty()) {
			// Not taken: the list again with what went wrong, in the one error summary,
			// linked to the row's choice; the choice as it was. An htmx answer carries
			// the
			// summary in the results it swaps.
			model.asMap().keySet().removeIf((key) -> key.startsWith(BindingResult.MODEL_KEY_PREFIX));
			for (DomainException problem : problems) {
				ErrorSummary.add(model, null, problem.field(), "assignee-" + id, null, this.messages
					.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), locale));
			}
			model.addAttribute("summaryInResults", htmx != null);
			if (htmx == null) {
				// htmx swaps only a 2xx; a page of its own says 400.
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			}
			listModel(filter, model, locale);
			return (htmx != null) ? RESULTS : "household/list";
		}
		if (htmx != null) {
			model.addAttribute("notice", notice);
			listModel(filter, model, locale);
			return RESULTS;
		}
		redirect.addFlashAttribute("notice", notice);
		return "redirect:" + filter.url(filter.pageNumber());
	}

	/**
	 * Reopens the closed household: a new trajectory in the same dossier, its history
	 * kept.
	 */
	@PostMapping("/{id}/reopening")
	String reopen(@PathVariable UUID id, @ModelAttribute TrajectoryForms.Reopen form, BindingResult result, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return action(id, "reopen", FieldIds.REOPEN, () -> {
			FormErrors.throwIfAny(result);
			this.management.reopen(id, TrajectoryForms.version(form.version()), form.on(), form.reason(), form.kind(),
					null);
		}, "household.reopened.saved", model, locale, request, response, redirect);
	}

	@PostMapping("/{id}/closing")
	String close(@PathVariable UUID id, @ModelAttribute TrajectoryForms.Close form, BindingResult result, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return action(id, "close", FieldIds.CLOSE, () -> {
			FormErrors.throwIfAny(result);
			this.management.close(id, TrajectoryForms.version(form.version()), form.closedOn(), form.closingReason());
		}, "household.closed.saved", model, locale, request, response, redirect);
	}

	/**
	 * Runs an action of the dossier: back to the dossier when it worked; the dossier with
	 * the messages at the form when a rule was not met; a conflict page that can redo the
	 * action when someone else changed the household in the meantime.
	 */
	private String action(UUID id, String target, FieldIds fields, Runnable work, String savedKey, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		List<DomainException> problems;
		try {
			work.run();
			redirect.addFlashAttribute("saved", savedKey);
			return "redirect:/households/{id}";
		}
		catch (ConflictException ex) {
			DossierView current = this.management.dossier(id, locale);
			this.conflicts.showWithRedo(new ConflictException(current.version(), standing(current, locale)),
					"household.conflict.title", model, request, response);
			return dossier(id, model, locale);
		}
		catch (DomainErrors ex) {
			problems = ex.errors();
		}
		catch (DomainException ex) {
			problems = List.of(ex);
		}
		model.addAttribute("actionErrors",
				new ActionErrors(target,
						problems.stream()
							.map((e) -> this.messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale))
							.toList()));
		Map<String, String> typed = new java.util.HashMap<>();
		request.getParameterMap().forEach((name, values) -> typed.put(name, (values.length > 0) ? values[0] : null));
		model.addAttribute("typed", typed);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		String page = dossier(id, model, locale);
		// The summary links each error to its field of the form that was sent, as
		// rendered
		// (the binding's errors are among the problems already).
		int index = ((DossierView) model.getAttribute("household")).openTrajectories()
			.stream()
			.map((t) -> t.id().toString())
			.toList()
			.indexOf(target);
		model.asMap().keySet().removeIf((key) -> key.startsWith(BindingResult.MODEL_KEY_PREFIX));
		for (DomainException problem : problems) {
			ErrorSummary.add(model, null, problem.field(), fields.of(problem.field(), index), null,
					this.messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), locale));
		}
		return page;
	}

	/**
	 * The element ids of a dossier form's fields ({@code {i}} is the trajectory's place
	 * on the page), by the names of the fields that errors name; an error of another
	 * field, or of the form as a whole, links to the form's first field.
	 */
	record FieldIds(String first, Map<String, String> byField) {

		static final FieldIds START = new FieldIds("start-kind", Map.of("kind", "start-kind", "start", "start-date",
				"contactPerson", "start-contact", "firstPhase", "start-phase", "phase", "start-phase"));

		static final FieldIds MOVE = new FieldIds("phase-{i}", Map.of("phase", "phase-{i}", "on", "phase-on-{i}"));

		static final FieldIds END = new FieldIds("end-{i}",
				Map.ofEntries(Map.entry("end", "end-{i}"), Map.entry("closingReason", "end-reason-{i}"),
						Map.entry("destination", "end-destination-{i}"), Map.entry("housing", "end-housing-{i}"),
						Map.entry("income", "end-income-{i}"), Map.entry("school", "end-school-{i}"),
						Map.entry("aftercare", "aftercare-keep-{i}"),
						Map.entry("aftercareRhythm", "aftercare-rhythm-{i}"),
						Map.entry("aftercareMonths", "aftercare-months-{i}"),
						Map.entry("aftercareDeclined", "aftercare-reason-{i}")));

		static final FieldIds ASSIGN = new FieldIds("assignee-{i}", Map.of());

		static final FieldIds INVOLVE = new FieldIds("staff-{i}-0", Map.of());

		static final FieldIds DEPUTY = new FieldIds("deputy-{i}",
				Map.of("deputy", "deputy-{i}", "from", "deputy-from-{i}", "until", "deputy-until-{i}"));

		static final FieldIds REOPEN = new FieldIds("reopenOn",
				Map.of("on", "reopenOn", "reason", "reopenReason", "kind", "reopenKind"));

		static final FieldIds CLOSE = new FieldIds("closedOn",
				Map.of("closedOn", "closedOn", "closingReason", "closingReason"));

		String of(String field, int index) {
			String id = (field != null) ? this.byField.getOrDefault(field, this.first) : this.first;
			return id.replace("{i}", String.valueOf(index));
		}

	}

	// ---- Helpers

	private String formPage(Staff actor, Model model, Locale locale, boolean registration) {
		model.addAttribute("registration", registration);
		model.addAttribute("roles", MemberRole.values());
		model.addAttribute("ageGroups", AgeGroup.values());
		model.addAttribute("compositions", Composition.values());
		model.addAttribute("debtOptions", Debts.values());
		model.addAttribute("referralSources", ReferralSource.values());
		model.addAttribute("contactReasonOptions", ContactReason.values());
		model.addAttribute("educations", Education.values());
		model.addAttribute("languages", DutchLanguage.values());
		model.addAttribute("dayActivityOptions", DayActivity.values());
		model.addAttribute("kinds", TrajectoryKind.values());
		model.addAttribute("contactPersons", contactPersons(actor));
		model.addAttribute("phases", phaseOptions(actor, locale));
		model.addAttribute("districts",
				this.organisations.byId(actor.organisationId()).map(OrganisationSummary::districts).orElse(List.of()));
		return "household/form";
	}

	private List<PhaseOption> phaseOptions(Staff actor, Locale locale) {
		return this.phaseModels.chosenBy(actor.organisationId())
			.phases()
			.stream()
			.map((p) -> new PhaseOption(p.code(), p.label(locale)))
			.toList();
	}

	private List<StaffOption> contactPersons(Staff actor) {
		return this.management.staff(actor)
			.values()
			.stream()
			.filter(StaffMember::active)
			.filter((m) -> m.role().worksWithCases())
			.map(HouseholdManagement::option)
			.toList();
	}

	/**
	 * The registration form has the first trajectory's fields at its top level.
	 */
	private static DomainException formField(DomainException error) {
		String field = error.field();
		if (field != null && field.startsWith("trajectories[0].")) {
			return new DomainException(field.substring("trajectories[0].".length()), error.messageKey(),
					error.arguments());
		}
		return error;
	}

	/**
	 * How the household stands now, for an action someone else overtook: each open
	 * trajectory with its phase and contact person, and the closing.
	 */
	private List<ConflictException.Change> standing(DossierView current, Locale locale) {
		Differences standing = Differences.labelled("household.field.");
		for (DossierView.TrajectoryView t : current.openTrajectories()) {
			String phase = (t.current() != null) ? t.current().label() + " (" + DATE.format(t.current().on()) + ")"
					: this.messages.getMessage("trajectory.phase.none", null, locale);
			String contactPerson = (t.contactPerson() != null) ? t.contactPerson().name()
					: this.messages.getMessage("trajectory.contactPerson.none", null, locale);
			standing.changed("trajectories", "trajectory.kind." + t.kind(), null, phase + " · " + contactPerson, null);
		}
		if (current.closed()) {
			standing.changed("closedOn", "household.closing", null, DATE.format(current.closedOn()), null);
		}
		return standing.list();
	}

	/**
	 * Messages of a dossier action that was refused, shown at its form.
	 */
	/** A household needs a name to be found by: a member's name or its own number. */
	private static void rejectNameless(HouseholdForm form, BindingResult result) {
		if (!form.named() && result.getFieldErrorCount("members[0].givenName") == 0) {
			String field = form.members().isEmpty() ? "externalId" : "members[0].givenName";
			result.rejectValue(field, "household.name.required", "household.name.required");
		}
	}

	/**
	 * Adds or removes a member and keeps the worker's place: the page opens with focus on
	 * the new member's first field, or after a removal on the member that took its place
	 * (the add buttons when none did), so nobody tabs through the whole form again.
	 */
	private static void changeMembers(HouseholdForm form, MemberRole add, Integer remove, Model model) {
		HouseholdForm changed = (add != null) ? form.withMember(add) : form.withoutMember(remove);
		model.addAttribute("form", changed);
		int members = (changed.members() != null) ? changed.members().size() : 0;
		if (add != null) {
			model.addAttribute("focusField", "member-" + (members - 1) + "-role");
		}
		else if (remove != null && remove >= 0 && remove < members) {
			model.addAttribute("focusField", "member-" + remove + "-role");
		}
		else {
			model.addAttribute("focusField", "add-parent");
		}
	}

	record ActionErrors(String target, List<String> messages) {
	}

	/**
	 * The list's filters as they come from the query string.
	 */
	record ListFilter(String q, String phase, UUID contactPerson, String district, TrajectoryKind kind,
			HouseholdSearch.Status status, Integer page) {

		HouseholdSearch.Filter toSearch() {
			return new HouseholdSearch.Filter(this.q, this.phase, this.contactPerson, this.district, this.kind,
					(this.status != null) ? this.status : HouseholdSearch.Status.OPEN, pageNumber(),
					HouseholdSearch.Filter.DEFAULT_SIZE);
		}

		int pageNumber() {
			return (this.page != null) ? Math.max(0, this.page) : 0;
		}

		/**
		 * The list's address with these filters, on the page.
		 */
		String url(int onPage) {
			UriComponentsBuilder builder = UriComponentsBuilder.fromPath("/households");
			param(builder, "q", this.q);
			param(builder, "phase", this.phase);
			param(builder, "contactPerson", this.contactPerson);
			param(builder, "district", this.district);
			param(builder, "kind", this.kind);
			param(builder, "status", this.status);
			if (onPage > 0) {
				builder.queryParam("page", onPage);
			}
			return builder.encode().build().toUriString();
		}

		private static void param(UriComponentsBuilder builder, String name, Object value) {
			if (value != null && !value.toString().isBlank()) {
				builder.queryParam(name, value);
			}
		}

	}

}
