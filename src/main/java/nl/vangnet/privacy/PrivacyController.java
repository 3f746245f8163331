package nl.vangnet.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.household.Family;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.DomainErrors;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client's rights in the browser, for coordinators: per household its members'
 * subject-access requests and an erasure request; the review and delivery of one person's
 * report; the retention period, the households past it and the erasure requests that wait
 * for a second coordinator.
 */
@Controller
class PrivacyController {

	private final SubjectAccess subjectAccess;

	private final Erasures erasures;

	private final Retention retention;

	private final HouseholdApi households;

	private final Conflicts conflicts;

	private final SubjectAccessDownload download;

	private final MessageSource messages;

	PrivacyController(SubjectAccess subjectAccess, Erasures erasures, Retention retention, HouseholdApi households,
			Conflicts conflicts, SubjectAccessDownload download, MessageSource messages) {
		this.messages = messages;
		this.subjectAccess = subjectAccess;
		this.erasures = erasures;
		this.retention = retention;
		this.households = households;
		this.conflicts = conflicts;
		this.download = download;
	}

	// ---- A household: its members' requests and its erasure

	@GetMapping("/households/{id}/privacy")
	String household(@PathVariable UUID id, Model model) {
		HouseholdId household = new HouseholdId(id);
		Family family = this.households.family(household);
		Map<UUID, String> status = this.subjectAccess.statusOfMembers(household);
		model.addAttribute("householdId", id);
		model.addAttribute("householdName", family.name());
		model.addAttribute("members",
				family.members()
					.stream()
					.map((m) -> new MemberRow(m.ref(), m.name(), m.role(), status.get(m.id())))
					.toList());
		model.addAttribute("openErasure", this.erasures.open(household).orElse(null));
		model.addAttribute("closedOn", this.households.closedOn(household).orElse(null));
		if (!model.containsAttribute("erasureForm")) {
			model.addAttribute("erasureForm", new ErasureForm(null, null));
		}
		return "privacy/household";
	}

	@PostMapping("/households/{id}/members/{ref}/subject-access")
	String request(@PathVariable UUID id, @PathVariable String ref, RedirectAttributes redirect) {
		this.subjectAccess.request(new HouseholdId(id), ref);
		redirect.addFlashAttribute("saved", "privacy.subjectAccess.requested");
		return "redirect:/households/{id}/members/{ref}/subject-access";
	}

	@PostMapping("/households/{id}/erasure-requests")
	String requestErasure(@PathVariable UUID id, @ModelAttribute("erasureForm") ErasureForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		if (form != null && !result.hasErrors()) {
			try {
				this.erasures.request(new HouseholdId(id), form.reason(), form.note());
				redirect.addFlashAttribute("saved", "privacy.erasure.requested");
				return "redirect:/retention";
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		FormErrors.keep(model, "erasureForm", (form != null) ? form : new ErasureForm(null, null), result);
		model.addAttribute("failed", true);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		ErrorSummary.fields(model, this.messages, ERASURE_FIELDS, "");
		return household(id, model);
	}

	// ---- One person's report: review and delivery

	@GetMapping("/households/{id}/members/{ref}/subject-access")
	String report(@PathVariable UUID id, @PathVariable String ref, Model model, Locale locale) {
		SubjectAccessReport report = this.subjectAccess.draft(new HouseholdId(id), ref, locale);
		model.addAttribute("householdId", id);
		model.addAttribute("report", report);
		if (!model.containsAttribute("reviewForm")) {
			model.addAttribute("reviewForm", new ReviewForm(null, List.of()));
		}
		return "privacy/subject-access";
	}

	@PostMapping("/households/{id}/members/{ref}/subject-access/review")
	String review(@PathVariable UUID id, @PathVariable String ref, @ModelAttribute("reviewForm") ReviewForm form,
			BindingResult result, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (form != null && !result.hasErrors()) {
			try {
				FormErrors.checkTexts("sections", form.sections());
				this.subjectAccess.review(new HouseholdId(id), ref, Boolean.TRUE.equals(form.report()),
						(form.sections() != null) ? Set.copyOf(form.sections()) : Set.of(), locale);
				redirect.addFlashAttribute("saved", "privacy.subjectAccess.reviewed");
				return "redirect:/households/{id}/members/{ref}/subject-access";
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		FormErrors.keep(model, "reviewForm", (form != null) ? form : new ReviewForm(null, List.of()), result);
		model.addAttribute("failed", true);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		ErrorSummary.fields(model, this.messages, REVIEW_FIELDS, "");
		return report(id, ref, model, locale);
	}

	/**
	 * The page's download of her reviewed report: as the API's delivery, but a check that
	 * is not recent leads to the re-authentication page, which returns here. A report
	 * that cannot be delivered yet is the report's page with the reason on top.
	 */
	@GetMapping("/households/{id}/members/{ref}/subject-access/download")
	Object download(@PathVariable UUID id, @PathVariable String ref, @RequestParam(defaultValue = "pdf") String format,
			Model model, Locale locale, HttpServletResponse response) {
		try {
			return this.download.deliver(new HouseholdId(id), ref, format, locale);
		}
		catch (DomainException ex) {
			model.addAttribute(ErrorSummary.PROBLEMS, List.of(ex));
			response.setStatus(422);
			return report(id, ref, model, locale);
		}
	}

	// ---- Retention and erasure requests

	@GetMapping("/retention")
	String retention(Model model) {
		Staff staff = Staff.current().requireOrganisation("retention");
		Retention.Policy policy = this.retention.policy(staff.organisationId());
		model.addAttribute("policy", policy);
		model.addAttribute("due", this.retention.due());
		model.addAttribute("requests", this.erasures.list());
		model.addAttribute("myUserId", staff.userId());
		if (!model.containsAttribute("retentionForm")) {
			model.addAttribute("retentionForm", new RetentionForm(policy.years(), policy.version()));
		}
		return "privacy/retention";
	}

	@PostMapping("/retention")
	String chooseRetention(@ModelAttribute("retentionForm") RetentionForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (form != null && !result.hasErrors()) {
			try {
				if (form.years() == null) {
					throw new DomainException("years", "privacy.retention.years.range", 1, 115);
				}
				this.retention.choose(form.years(), form.version());
				redirect.addFlashAttribute("saved", "privacy.retention.saved");
				return "redirect:/retention";
			}
			catch (ConflictException ex) {
				this.conflicts.show(ex, "conflict.title", model, response);
				return retention(model);
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		FormErrors.keep(model, "retentionForm", (form != null) ? form : new RetentionForm(null, null), result);
		model.addAttribute("failed", true);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		ErrorSummary.fields(model, this.messages, RETENTION_FIELDS, "");
		return retention(model);
	}

	/**
	 * The request for erasure's fields: per field the id of its element and its label's
	 * key, so that the page's summary links each error to its field as rendered and names
	 * it.
	 */
	private static final Map<String, String[]> ERASURE_FIELDS = Map.of("",
			new String[] { "erasure-reason-subject", "privacy.erasure.reason" }, "reason",
			new String[] { "erasure-reason-subject", "privacy.erasure.reason" }, "note",
			new String[] { "erasure-note", "privacy.erasure.note" });

	/** The review's fields, as {@link #ERASURE_FIELDS}. */
	private static final Map<String, String[]> REVIEW_FIELDS = Map.of("",
			new String[] { "review-report", "privacy.subjectAccess.reviewWhole" }, "report",
			new String[] { "review-report", "privacy.subjectAccess.reviewWhole" }, "sections",
			new String[] { "review-report", "privacy.subjectAccess.meldcodeSections" });

	/** The retention period's field, as {@link #ERASURE_FIELDS}. */
	private static final Map<String, String[]> RETENTION_FIELDS = Map.of("",
			new String[] { "retention-years", "privacy.retention.years" }, "years",
			new String[] { "retention-years", "privacy.retention.years" });

	@PostMapping("/erasure-requests/{id}/approval")
	String approve(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.erasures.approve(id);
			redirect.addFlashAttribute("saved", "privacy.erasure.erased");
			return "redirect:/retention";
		}
		catch (DomainException ex) {
			model.addAttribute("approvalError", ex);
			model.addAttribute("failed", true);
			response.setStatus(422);
			return retention(model);
		}
	}

	record MemberRow(String ref, String name, String role, String status) {
	}

	/**
	 * @param reason {@code RETENTION} or {@code SUBJECT_REQUEST}
	 * @param note her reason (AVG art. 17)
	 */
	record ErasureForm(String reason, String note) {
	}

	record ReviewForm(Boolean report, List<String> sections) {
	}

	record RetentionForm(Integer years, Integer version) {
	}

}
