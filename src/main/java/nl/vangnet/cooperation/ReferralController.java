package nl.vangnet.cooperation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.household.Family;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.lifedomain.LifeDomainApi;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.pdf.PdfRenderer;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Consents and referrals in the browser: the dossier's cooperation section (htmx), the
 * consents of a family with the printable consent form, the referral form, the inbox and
 * outgoing list, one referral (with the shared sections for the receiver, and the
 * referral letter for a partner outside Vangnet).
 */
@Controller
class ReferralController {

	private final Consents consents;

	private final Referrals referrals;

	private final Partners partners;

	private final HouseholdApi households;

	private final OrganisationApi organisations;

	private final LifeDomainApi lifeDomains;

	private final SharedSections shared;

	private final PdfRenderer pdf;

	private final RegieHolders regie;

	private final MessageSource messages;

	ReferralController(Consents consents, Referrals referrals, Partners partners, HouseholdApi households,
			OrganisationApi organisations, LifeDomainApi lifeDomains, SharedSections shared, PdfRenderer pdf,
			RegieHolders regie, MessageSource messages) {
		this.messages = messages;
		this.regie = regie;
		this.consents = consents;
		this.referrals = referrals;
		this.partners = partners;
		this.households = households;
		this.organisations = organisations;
		this.lifeDomains = lifeDomains;
		this.shared = shared;
		this.pdf = pdf;
	}

	// ---- The dossier's section

	@GetMapping("/households/{id}/cooperation")
	String section(@PathVariable UUID id, Model model, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household");
		model.addAttribute("householdId", id);
		model.addAttribute("caseWorker", actor.worksWithCases());
		if (!actor.worksWithCases()) {
			this.households.family(new HouseholdId(id));
			return "cooperation/section :: section";
		}
		model.addAttribute("consents", this.consents.ofHousehold(id));
		model.addAttribute("referrals", this.referrals.ofHousehold(id));
		model.addAttribute("regie", this.regie.of(id, false).orElse(null));
		domains(model, locale);
		return "cooperation/section :: section";
	}

	// ---- Consents

	@GetMapping("/households/{id}/consents")
	String consents(@PathVariable UUID id, Model model, Locale locale) {
		Family family = this.households.family(new HouseholdId(id));
		if (!model.containsAttribute("consentForm")) {
			model.addAttribute("consentForm", CooperationForms.ConsentForm.empty(this.referrals.today()));
		}
		model.addAttribute("family", family);
		model.addAttribute("consents", this.consents.ofHousehold(id));
		model.addAttribute("parents", family.members().stream().filter((m) -> "PARENT".equals(m.role())).toList());
		model.addAttribute("sections", ConsentSection.values());
		recipients(model);
		domains(model, locale);
		return "cooperation/consents";
	}

	@PostMapping("/households/{id}/consents")
	String recordConsent(@PathVariable UUID id, @ModelAttribute("consentForm") CooperationForms.ConsentForm form,
			BindingResult result, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			FormErrors.throwIfAny(result);
			this.consents.record(id, form.command());
			redirect.addFlashAttribute("saved", "consent.saved");
			return "redirect:/households/{id}/consents";
		}
		catch (DomainErrors ex) {
			if (!result.hasErrors()) {
				FormErrors.reject(result, ex);
			}
		}
		catch (DomainException ex) {
			FormErrors.reject(result, ex);
		}
		FormErrors.keep(model, "consentForm", form, result);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("failed", true);
		ErrorSummary.fields(model, this.messages, CONSENT_FIELDS, "");
		return consents(id, model, locale);
	}

	/**
	 * Withdraws a consent; a reason that cannot be taken comes back on the consents page,
	 * beside the withdrawal form of that consent, as typed.
	 */
	@PostMapping("/consents/{id}/withdrawal")
	String withdraw(@PathVariable UUID id, @ModelAttribute("withdrawalForm") CooperationForms.WithdrawalForm form,
			BindingResult result, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		ConsentView consent = this.consents.find(id).orElseThrow(() -> new NotFoundException("consent"));
		List<DomainException> problems;
		try {
			FormErrors.throwIfAny(result);
			this.consents.withdraw(id, new Consents.Withdrawal(form.on(), form.reason()));
			redirect.addFlashAttribute("saved", "consent.withdrawn");
			return "redirect:/households/" + consent.household() + "/consents";
		}
		catch (DomainErrors ex) {
			problems = ex.errors();
		}
		catch (DomainException ex) {
			problems = List.of(ex);
		}
		FieldError typed = result.getFieldError("reason");
		model.addAttribute("problems", problems);
		model.addAttribute("withdrawing", id);
		model.addAttribute("withdrawalReason", (typed != null) ? typed.getRejectedValue() : form.reason());
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		String page = consents(consent.household(), model, locale);
		int index = ((List<?>) model.getAttribute("consents")).stream()
			.map((c) -> ((ConsentView) c).id())
			.toList()
			.indexOf(id);
		ErrorSummary.fields(model, this.messages,
				Map.of("", new String[] { "withdraw-reason-", "consent.withdrawal.reason" }, "reason",
						new String[] { "withdraw-reason-", "consent.withdrawal.reason" }),
				"" + index);
		return page;
	}

	@GetMapping("/consents/{id}/form")
	String consentForm(@PathVariable UUID id, Model model) {
		model.addAllAttributes(consentFormModel(id, false));
		return "cooperation/consent-form";
	}

	@GetMapping("/consents/{id}/form.pdf")
	ResponseEntity<byte[]> consentFormPdf(@PathVariable UUID id, Locale locale) {
		byte[] document = this.pdf.render("cooperation/consent-form", consentFormModel(id, true), locale);
		return pdf(document, "consent.pdf");
	}

	private Map<String, Object> consentFormModel(UUID id, boolean export) {
		ConsentView consent = this.consents.forPrinting(id, export);
		Family family = this.households.family(new HouseholdId(consent.household()));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("consent", consent);
		model.put("family", family);
		model.put("organisationName",
				this.organisations.byId(family.organisationId()).map(OrganisationSummary::name).orElse(""));
		model.put("today", this.referrals.today());
		return model;
	}

	// ---- Referring

	/**
	 * The referral form; from a help question or a plan action ({@code helpQuestion},
	 * {@code planAction}: its id, not personal) it is pre-filled with its domain and
	 * linked to it.
	 */
	@GetMapping("/households/{id}/referrals/new")
	String referralForm(@PathVariable UUID id, @RequestParam(required = false) String helpQuestion,
			@RequestParam(required = false) String planAction, Model model, Locale locale) {
		Family family = this.households.family(new HouseholdId(id));
		if (!model.containsAttribute("referralForm")) {
			CooperationForms.ReferralForm form = this.referrals.origin(id, uuid(helpQuestion), uuid(planAction))
				.map(CooperationForms.ReferralForm::from)
				.orElse(CooperationForms.ReferralForm.empty());
			model.addAttribute("referralForm", form);
		}
		CooperationForms.ReferralForm form = (CooperationForms.ReferralForm) model.getAttribute("referralForm");
		model.addAttribute("origin", this.referrals.origin(id, form.helpQuestion(), form.planAction()).orElse(null));
		model.addAttribute("family", family);
		model.addAttribute("activeConsents",
				this.consents.ofHousehold(id).stream().filter(ConsentView::active).toList());
		recipients(model);
		domains(model, locale);
		return "cooperation/refer";
	}

	@PostMapping("/households/{id}/referrals")
	String refer(@PathVariable UUID id, @ModelAttribute("referralForm") CooperationForms.ReferralForm form,
			BindingResult result, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			FormErrors.throwIfAny(result);
			Referrals.ReferralView referral = this.referrals.refer(id, form.command());
			redirect.addFlashAttribute("saved", "referral.saved");
			return "redirect:/referrals/" + referral.id();
		}
		catch (DomainErrors ex) {
			if (!result.hasErrors()) {
				FormErrors.reject(result, ex);
			}
		}
		catch (DomainException ex) {
			FormErrors.reject(result, ex);
		}
		FormErrors.keep(model, "referralForm", form, result);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("failed", true);
		ErrorSummary.fields(model, this.messages, REFERRAL_FIELDS, "");
		return referralForm(id, null, null, model, locale);
	}

	// ---- Inbox, outgoing, one referral

	@GetMapping("/referrals")
	String referrals(@RequestParam(required = false) String status, Model model) {
		String wanted = (status != null && !status.isBlank()) ? status : null;
		List<Referrals.ReferralView> all;
		try {
			all = this.referrals.list(null, wanted);
		}
		catch (DomainErrors ex) {
			wanted = null;
			all = this.referrals.list(null, null);
		}
		UUID organisation = Staff.current().requireOrganisation("referral").organisationId();
		List<Referrals.ReferralView> incoming = new ArrayList<>();
		List<Listed> outgoing = new ArrayList<>();
		for (Referrals.ReferralView r : all) {
			if (r.outgoing(organisation)) {
				outgoing.add(new Listed(r, this.households.family(new HouseholdId(r.household())).name()));
			}
			else {
				incoming.add(r);
			}
		}
		model.addAttribute("incoming", incoming);
		model.addAttribute("outgoing", outgoing);
		model.addAttribute("status", wanted);
		model.addAttribute("statuses", ReferralStatus.values());
		model.addAttribute("withoutFeedback",
				this.referrals.withoutFeedback(14).stream().map(Referrals.ReferralView::id).toList());
		return "cooperation/referrals";
	}

	@GetMapping("/referrals/{id}")
	String referral(@PathVariable UUID id, Model model, Locale locale) {
		Referrals.Detail detail = this.referrals.get(id);
		return referralPage(detail, model, locale);
	}

	private String referralPage(Referrals.Detail detail, Model model, Locale locale) {
		Referrals.ReferralView referral = detail.referral();
		model.addAttribute("referral", referral);
		model.addAttribute("receiver", detail.receiver());
		model.addAttribute("shared", detail.shared());
		model.addAttribute("consentState", detail.consentState());
		if (!detail.receiver()) {
			model.addAttribute("householdName", this.households.family(new HouseholdId(referral.household())).name());
			model.addAttribute("origin",
					this.referrals.origin(referral.household(), referral.helpQuestion(), referral.planAction())
						.orElse(null));
		}
		List<ReferralStatus> next = new ArrayList<>();
		for (ReferralStatus status : ReferralStatus.values()) {
			boolean side = !referral.inVangnet() ? !detail.receiver()
					: (detail.receiver() ? status.recordedByReceiver() : status.recordedByReferrer());
			if (side && status.mayFollow(referral.history())) {
				next.add(status);
			}
		}
		model.addAttribute("nextStatuses", next);
		if (!model.containsAttribute("eventForm")) {
			model.addAttribute("eventForm", CooperationForms.EventForm.empty());
		}
		domains(model, locale);
		return "cooperation/referral";
	}

	@PostMapping("/referrals/{id}/events")
	String recordEvent(@PathVariable UUID id, @ModelAttribute("eventForm") CooperationForms.EventForm form,
			BindingResult result, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			FormErrors.throwIfAny(result);
			this.referrals.recordEvent(id, form.command());
			redirect.addFlashAttribute("saved", "referral.event.saved");
			return "redirect:/referrals/{id}";
		}
		catch (DomainErrors ex) {
			if (!result.hasErrors()) {
				FormErrors.reject(result, ex);
			}
		}
		catch (DomainException ex) {
			FormErrors.reject(result, ex);
		}
		FormErrors.keep(model, "eventForm", form, result);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("failed", true);
		ErrorSummary.fields(model, this.messages, EVENT_FIELDS, "");
		return referralPage(this.referrals.get(id), model, locale);
	}

	@GetMapping("/referrals/{id}/letter")
	String letter(@PathVariable UUID id, Model model, Locale locale) {
		model.addAllAttributes(letterModel(id, locale));
		return "cooperation/letter";
	}

	@GetMapping("/referrals/{id}/letter.pdf")
	ResponseEntity<byte[]> letterPdf(@PathVariable UUID id, Locale locale) {
		return pdf(this.pdf.render("cooperation/letter", letterModel(id, locale), locale), "referral.pdf");
	}

	/**
	 * The referral letter: the referrer's own data, exactly as far as the consent goes.
	 */
	private Map<String, Object> letterModel(UUID id, Locale locale) {
		Referrals.Letter letter = this.referrals.letter(id);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("referral", letter.referral());
		model.put("shared", letter.shared());
		model.put("consent", letter.consent());
		model.put("today", this.referrals.today());
		model.put("domainLabels", PartnerController.labels(PartnerController.domainOptions(this.lifeDomains, locale)));
		return model;
	}

	private void domains(Model model, Locale locale) {
		List<PartnerController.DomainOption> options = PartnerController.domainOptions(this.lifeDomains, locale);
		model.addAttribute("domains", options);
		model.addAttribute("domainLabels", PartnerController.labels(options));
	}

	private void recipients(Model model) {
		model.addAttribute("partners", this.partners.all());
		UUID own = Staff.current().requireOrganisation("referral").organisationId();
		model.addAttribute("vangnetOrganisations",
				this.organisations.all().stream().filter((o) -> o.active() && !o.id().equals(own)).toList());
	}

	/** An id from a link, or {@code null} when it is none. */
	private static UUID uuid(String value) {
		try {
			return (value != null && !value.isBlank()) ? UUID.fromString(value.strip()) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ResponseEntity<byte[]> pdf(byte[] document, String name) {
		return PdfRenderer.response(document, ContentDisposition.inline().filename(name).build());
	}

	/** An outgoing referral with the name of the family (the referrer's own). */
	record Listed(Referrals.ReferralView referral, String familyName) {
	}

	/**
	 * The consent form's fields: per field the id of its element (a group's first box)
	 * and its label's key, so that the page's summary links each error to its field as
	 * rendered and names it.
	 */
	private static final Map<String, String[]> CONSENT_FIELDS = Map.ofEntries(
			Map.entry("", new String[] { "consent-member", "consent.member" }),
			Map.entry("member", new String[] { "consent-member", "consent.member" }),
			Map.entry("onBehalfOf", new String[] { "consent-behalf", "consent.onBehalfOf" }),
			Map.entry("recipient", new String[] { "consent-recipient", "consent.recipient" }),
			Map.entry("sections", new String[] { "sections1", "consent.sections" }),
			Map.entry("domains", new String[] { "domains1", "consent.domains" }),
			Map.entry("purpose", new String[] { "consent-purpose", "consent.purpose" }),
			Map.entry("form", new String[] { "form1", "consent.form" }),
			Map.entry("givenOn", new String[] { "consent-given", "consent.givenOn" }),
			Map.entry("validUntil", new String[] { "consent-until", "consent.validUntil" }));

	/**
	 * The referral form's fields, as {@link #CONSENT_FIELDS}; the consent's messages name
	 * it in their own words ("De toestemming is verlopen: ..."), so they keep them.
	 */
	private static final Map<String, String[]> REFERRAL_FIELDS = Map.of("",
			new String[] { "referral-consent", "referral.consent" }, "consent",
			new String[] { "referral-consent", null }, "to", new String[] { "referral-to", "referral.to" }, "domain",
			new String[] { "referral-domain", "partner.domain" }, "reason",
			new String[] { "referral-reason", "referral.reason" });

	/** The form of a referral's next step, as {@link #CONSENT_FIELDS}. */
	private static final Map<String, String[]> EVENT_FIELDS = Map.of("",
			new String[] { "event-status", "referral.event.status" }, "status",
			new String[] { "event-status", "referral.event.status" }, "on",
			new String[] { "event-on", "referral.event.on" }, "note",
			new String[] { "event-note", "referral.event.note" }, "reason",
			new String[] { "event-reason", "referral.event.reason" });

}
