package nl.vangnet.contact;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.household.ActivityKind;
import nl.vangnet.household.Satisfaction;
import nl.vangnet.household.SupportType;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A family's contacts page: the contact log, a form for a new contact moment with the
 * minutes per support type, time and activities on their own, the time summary and the
 * follow-up rhythm per trajectory; and the dossier's lazily loaded contacts section.
 */
@Controller
@RequestMapping("/households/{id}")
class ContactController {

	private static final String PAGE = "contact/contacts";

	/** The element ids of the follow-up check's fields, for the error summary. */
	private static final java.util.Map<String, String> FOLLOW_UP_FIELDS = java.util.Map.ofEntries(
			java.util.Map.entry("", "followup-months"), java.util.Map.entry("trajectory", "followup-months"),
			java.util.Map.entry("months", "followup-months"), java.util.Map.entry("on", "followup-on"),
			java.util.Map.entry("channel", "followup-channel"), java.util.Map.entry("reached", "followup-reached-yes"),
			java.util.Map.entry("housing", "followup-housing"), java.util.Map.entry("income", "followup-income"),
			java.util.Map.entry("debts", "followup-debts"), java.util.Map.entry("safe", "followup-safe"),
			java.util.Map.entry("school", "followup-school"), java.util.Map.entry("network", "followup-network"),
			java.util.Map.entry("network.removed", "followup-network"),
			java.util.Map.entry("network.added[0].name", "followup-added-0-name"),
			java.util.Map.entry("network.added[0].relation", "followup-added-0-relation"),
			java.util.Map.entry("network.added[0].support", "followup-added-0-support"),
			java.util.Map.entry("network.added[1].name", "followup-added-1-name"),
			java.util.Map.entry("network.added[1].relation", "followup-added-1-relation"),
			java.util.Map.entry("network.added[1].support", "followup-added-1-support"),
			java.util.Map.entry("triangle", "followup-triangle"), java.util.Map.entry("helped", "followup-helped"));

	private final Contacts contacts;

	private final FamilyPapers papers;

	private final FollowUpChecks checks;

	private final MessageSource messages;

	ContactController(Contacts contacts, FamilyPapers papers, FollowUpChecks checks, MessageSource messages) {
		this.checks = checks;
		this.contacts = contacts;
		this.papers = papers;
		this.messages = messages;
	}

	@GetMapping("/contacts")
	String page(@PathVariable UUID id, Model model) {
		if (!model.containsAttribute("contactForm")) {
			model.addAttribute("contactForm", ContactForms.Contact.empty(this.contacts.now()));
		}
		if (!model.containsAttribute("timeForm")) {
			model.addAttribute("timeForm", new ContactForms.Time(this.contacts.today(), null, null, null));
		}
		if (!model.containsAttribute("activityForm")) {
			model.addAttribute("activityForm",
					new ContactForms.Activity(this.contacts.today(), null, null, null, null));
		}
		Contacts.Page page = this.contacts.page(id);
		model.addAttribute("householdId", id);
		model.addAttribute("contacts", page.contacts());
		model.addAttribute("householdName", page.householdName());
		model.addAttribute("members", page.members());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("supportTypes", SupportType.values());
		java.util.Map<SupportType, String> fields = new java.util.EnumMap<>(SupportType.class);
		for (SupportType type : SupportType.values()) {
			fields.put(type, ContactForms.Contact.field(type));
		}
		model.addAttribute("minuteFields", fields);
		model.addAttribute("satisfactions", Satisfaction.values());
		model.addAttribute("activityKinds", ActivityKind.values());
		model.addAttribute("rhythmOptions", Rhythm.values());
		Contacts.CaseWork work = page.caseWork();
		if (work != null) {
			model.addAttribute("time", work.time());
			model.addAttribute("activities", work.activities());
			model.addAttribute("rhythms", work.rhythms());
			List<FollowUpChecks.Departure> departures = work.departures();
			model.addAttribute("departures", departures);
			if (!model.containsAttribute("followUpForm")) {
				model.addAttribute("followUpForm", ContactForms.FollowUp.proposed(departures, this.contacts.today()));
			}
			model.addAttribute("followUpMonths", FollowUpChecks.MONTHS);
			model.addAttribute("followUpMap", work.map());
			model.addAttribute("followUpRows",
					java.util.stream.IntStream.range(0, ContactForms.FollowUp.NEW_ROWS).boxed().toList());
			model.addAttribute("networkRelations", nl.vangnet.household.NetworkMaps.RELATIONS);
			model.addAttribute("networkSupports", nl.vangnet.household.NetworkMaps.SUPPORTS);
			model.addAttribute("housingSituations", nl.vangnet.household.HousingSituation.values());
			model.addAttribute("incomeSituations", nl.vangnet.household.IncomeSituation.values());
			model.addAttribute("debtOptions", nl.vangnet.household.Debts.values());
			model.addAttribute("schoolSituations", nl.vangnet.household.SchoolSituation.values());
			model.addAttribute("trianglePositions", TrianglePosition.values());
			model.addAttribute("helpedOptions", nl.vangnet.household.Helped.values());
		}
		return PAGE;
	}

	@PostMapping("/contacts")
	String record(@PathVariable UUID id, @ModelAttribute("contactForm") ContactForms.Contact form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		if (form != null && !result.hasErrors()) {
			try {
				this.contacts.record(id, form.toNew());
				redirect.addFlashAttribute("saved", "contact.saved");
				return "redirect:/households/{id}/contacts";
			}
			catch (DomainErrors ex) {
				// the minutes of a support type ("minutes.CONVERSATION") are a field of
				// the form of their own
				ex.errors().forEach((e) -> FormErrors.reject(result, inForm(e)));
			}
		}
		if (form == null) {
			model.addAttribute("contactForm", ContactForms.Contact.empty(this.contacts.now()));
		}
		else {
			FormErrors.keep(model, "contactForm", form, result);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		fields(model, "contact", CONTACT_FIELDS, locale);
		return page(id, model);
	}

	@PostMapping("/time")
	String time(@PathVariable UUID id, @ModelAttribute("timeForm") ContactForms.Time form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		if (form != null && !result.hasErrors()) {
			try {
				this.contacts.addTime(id, form.date(), form.type(), form.minutes(), form.member());
				redirect.addFlashAttribute("saved", "contact.time.saved");
				return "redirect:/households/{id}/contacts";
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
		}
		if (form == null) {
			model.addAttribute("timeForm", new ContactForms.Time(this.contacts.today(), null, null, null));
		}
		else {
			FormErrors.keep(model, "timeForm", form, result);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		fields(model, "time", TIME_FIELDS, locale);
		return page(id, model);
	}

	@PostMapping("/activities")
	String activity(@PathVariable UUID id, @ModelAttribute("activityForm") ContactForms.Activity form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect,
			Locale locale) {
		if (form != null && !result.hasErrors()) {
			try {
				this.contacts.addActivity(id, form.date(), form.name(), form.member(), form.satisfaction(),
						form.kind());
				redirect.addFlashAttribute("saved", "contact.activity.saved");
				return "redirect:/households/{id}/contacts";
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
		}
		if (form == null) {
			model.addAttribute("activityForm",
					new ContactForms.Activity(this.contacts.today(), null, null, null, null));
		}
		else {
			FormErrors.keep(model, "activityForm", form, result);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		fields(model, "activity", ACTIVITY_FIELDS, locale);
		return page(id, model);
	}

	/**
	 * A follow-up check after departure: reached with her outcome, or not reached (which
	 * counts as a failed outreach attempt).
	 */
	@PostMapping("/follow-up-checks")
	String followUp(@PathVariable UUID id, @ModelAttribute("followUpForm") ContactForms.FollowUp form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (form != null && !result.hasErrors()) {
			try {
				this.checks.record(id, form.toNew());
				redirect.addFlashAttribute("saved", "contact.followUp.saved");
				return "redirect:/households/{id}/contacts#follow-up";
			}
			catch (DomainErrors ex) {
				// her map's quick update is no field of the form record: its errors are
				// the page's own, linked to their fields
				List<DomainException> map = new java.util.ArrayList<>();
				for (DomainException error : ex.errors()) {
					if (error.field() != null && error.field().startsWith("network")) {
						map.add(error);
					}
					else {
						FormErrors.reject(result, error);
					}
				}
				if (!map.isEmpty()) {
					model.addAttribute(ErrorSummary.PROBLEMS, map);
				}
			}
		}
		if (form != null) {
			FormErrors.keep(model, "followUpForm", form, result);
		}
		model.addAttribute(ErrorSummary.TARGETS, FOLLOW_UP_FIELDS);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return page(id, model);
	}

	/**
	 * The element ids and labels of the refused form's fields, so that the page's summary
	 * links each error to its field as rendered and names it; {@code refused} says which
	 * form it was (its folded part opens).
	 */
	private void fields(Model model, String refused, Map<String, String[]> fields, Locale locale) {
		Map<String, String> targets = new java.util.HashMap<>();
		Map<String, String> labels = new java.util.HashMap<>();
		fields.forEach((name, field) -> {
			targets.put(name, field[0]);
			if (!name.isEmpty()) {
				labels.put(name, this.messages.getMessage(field[1], null, field[1], locale));
			}
		});
		model.addAttribute(ErrorSummary.TARGETS, targets);
		model.addAttribute(ErrorSummary.LABELS, labels);
		model.addAttribute("refused", refused);
	}

	/** An error of the contact moment named by the form's field. */
	private static DomainException inForm(DomainException error) {
		String field = error.field();
		if (field != null && field.startsWith("minutes.")) {
			try {
				SupportType type = SupportType.valueOf(field.substring("minutes.".length()));
				return new DomainException(ContactForms.Contact.field(type), error.messageKey(), error.arguments());
			}
			catch (IllegalArgumentException ex) {
				return error;
			}
		}
		return error;
	}

	/** The contact moment's fields: by name, the element's id and its label's key. */
	private static final Map<String, String[]> CONTACT_FIELDS = contactFields();

	private static Map<String, String[]> contactFields() {
		Map<String, String[]> fields = new java.util.HashMap<>(
				Map.of("", new String[] { "contact-date", "contact.date" }, "date",
						new String[] { "contact-date", "contact.date" }, "time",
						new String[] { "contact-time", "contact.time" }, "channel",
						new String[] { "contact-channel", "contact.channel" }, "reached",
						new String[] { "reached-yes", "contact.reached" }, "members",
						new String[] { "contact-member-0", "contact.members" }, "note",
						new String[] { "contact-note", "contact.note" }, "sensitive",
						new String[] { "contact-sensitive", "contact.sensitive" }, "activity",
						new String[] { "contact-activity", "contact.activity.name" }, "satisfaction",
						new String[] { "contact-satisfaction", "contact.activity.satisfaction" }));
		for (SupportType type : SupportType.values()) {
			fields.put(ContactForms.Contact.field(type),
					new String[] { "minutes-" + type.name(), "contact.supportType." + type.name() });
		}
		return Map.copyOf(fields);
	}

	private static final Map<String, String[]> TIME_FIELDS = Map.of("", new String[] { "time-date", "contact.date" },
			"date", new String[] { "time-date", "contact.date" }, "type",
			new String[] { "time-type", "contact.time.type" }, "minutes",
			new String[] { "time-minutes", "contact.time.minutesLabel" }, "member",
			new String[] { "time-member", "contact.member" });

	private static final Map<String, String[]> ACTIVITY_FIELDS = Map.of("",
			new String[] { "activity-date", "contact.date" }, "date", new String[] { "activity-date", "contact.date" },
			"name", new String[] { "activity-name", "contact.activity.name" }, "member",
			new String[] { "activity-member", "contact.member" }, "kind",
			new String[] { "activity-kind", "contact.activity.kind" }, "satisfaction",
			new String[] { "activity-satisfaction", "contact.activity.satisfaction" });

	@PostMapping("/trajectories/{trajectoryId}/rhythm")
	String rhythm(@PathVariable UUID id, @PathVariable UUID trajectoryId, ContactForms.SetRhythm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return rhythmAction(id, trajectoryId, "rhythm-choice-", () -> {
			FormErrors.throwIfAny(result);
			this.contacts.setRhythm(id, trajectoryId, (form != null) ? form.rhythm() : null,
					(form != null) ? form.plannedUntil() : null);
		}, "contact.rhythm.saved", model, response, redirect);
	}

	@PostMapping("/trajectories/{trajectoryId}/rhythm/end")
	String endRhythm(@PathVariable UUID id, @PathVariable UUID trajectoryId, ContactForms.EndRhythm form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return rhythmAction(id, trajectoryId, "rhythm-reason-", () -> {
			FormErrors.throwIfAny(result);
			this.contacts.endRhythm(id, trajectoryId, (form != null) ? form.reason() : null);
		}, "contact.rhythm.ended", model, response, redirect);
	}

	/**
	 * @param field the id of the form's field without the trajectory's place on the page
	 * ({@code rhythm-choice-}), which the error summary links to
	 */
	private String rhythmAction(UUID id, UUID trajectoryId, String field, Runnable work, String saved, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			work.run();
			redirect.addFlashAttribute("saved", saved);
			return "redirect:/households/{id}/contacts#rhythm";
		}
		catch (DomainException ex) {
			model.addAttribute(ErrorSummary.PROBLEMS, List.of(ex));
		}
		catch (DomainErrors ex) {
			model.addAttribute(ErrorSummary.PROBLEMS, ex.errors());
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		String page = page(id, model);
		if (model.getAttribute("rhythms") instanceof List<?> rhythms) {
			int index = rhythms.stream()
				.map((r) -> ((Contacts.RhythmView) r).trajectoryId())
				.toList()
				.indexOf(trajectoryId);
			model.addAttribute(ErrorSummary.TARGETS, java.util.Map.of("", field + index));
		}
		return page;
	}

	/**
	 * The dossier's contacts section, loaded by htmx: last contact, next due day, time
	 * per week, open obligations and the debt total, with links to the full pages.
	 */
	@GetMapping("/contact-summary")
	String summary(@PathVariable UUID id, Model model) {
		model.addAttribute("householdId", id);
		model.addAttribute("summary", this.contacts.dossierSummary(id, this.papers));
		return "contact/summary :: summary";
	}

}
