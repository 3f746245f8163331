package nl.vangnet.contact;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.cooperation.CooperationApi;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.pdf.PdfRenderer;
import nl.vangnet.platform.web.Conflicts;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The family's obligations (with a printable list in plain language) and debts in the
 * browser. A change to something someone else changed in the meantime shows what is there
 * now instead of overwriting it.
 */
@Controller
class PapersController {

	private final FamilyPapers papers;

	private final Families families;

	private final PdfRenderer pdf;

	private final Conflicts conflicts;

	private final CooperationApi cooperation;

	private final MessageSource messages;

	PapersController(FamilyPapers papers, Families families, PdfRenderer pdf, Conflicts conflicts,
			CooperationApi cooperation, MessageSource messages) {
		this.messages = messages;
		this.cooperation = cooperation;
		this.papers = papers;
		this.families = families;
		this.pdf = pdf;
		this.conflicts = conflicts;
	}

	// ---- Obligations

	@GetMapping("/households/{id}/obligations")
	String obligations(@PathVariable UUID id, Model model) {
		if (!model.containsAttribute("obligationForm")) {
			model.addAttribute("obligationForm", new ContactForms.Obligation(null, null, null, null, null, null));
		}
		model.addAttribute("householdId", id);
		model.addAttribute("obligations", this.papers.obligations(id));
		model.addAttribute("agencyDeadlines", this.cooperation.agencyDeadlines(id));
		model.addAttribute("today", this.papers.today());
		model.addAttribute("householdName", this.families.name(id));
		model.addAttribute("kinds", ObligationKind.values());
		model.addAttribute("statuses", ObligationStatus.values());
		return "contact/obligations";
	}

	@PostMapping("/households/{id}/obligations")
	String addObligation(@PathVariable UUID id, @ModelAttribute("obligationForm") ContactForms.Obligation form,
			BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect,
			Locale locale) {
		if (form != null && !result.hasErrors()) {
			try {
				this.papers.addObligation(id, form.input());
				redirect.addFlashAttribute("saved", "contact.obligation.saved");
				return "redirect:/households/{id}/obligations";
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
		}
		if (form == null) {
			model.addAttribute("obligationForm", new ContactForms.Obligation(null, null, null, null, null, null));
		}
		else {
			FormErrors.keep(model, "obligationForm", form, result);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		fields(model, OBLIGATION_FIELDS, "", locale);
		return obligations(id, model);
	}

	@PostMapping("/obligations/{id}")
	String changeObligation(@PathVariable UUID id, ContactForms.Obligation form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		UUID household = householdOfObligation(id);
		typed(id, form, model);
		return change(() -> {
			FormErrors.throwIfAny(result);
			this.papers.changeObligation(id, form.version(), form.input());
		}, form.version(), "contact.obligation.changed", household, "obligations", model, response, redirect, () -> {
			String page = obligations(household, model);
			int index = ((List<?>) model.getAttribute("obligations")).stream()
				.map((o) -> ((FamilyPapers.ObligationView) o).id())
				.toList()
				.indexOf(id);
			fields(model, Map.of("", new String[] { "obligation-status-", "contact.obligation.status" }), "" + index,
					locale);
			return page;
		});
	}

	@GetMapping("/households/{id}/obligations/print")
	String print(@PathVariable UUID id, Model model) {
		model.addAllAttributes(printModel(id));
		return "contact/obligations-print";
	}

	/** The same list as the printable page, as a PDF to take home. */
	@GetMapping("/households/{id}/obligations.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, Locale locale) {
		byte[] document = this.pdf.render("contact/obligations-print", printModel(id), locale);
		return PdfRenderer.response(document, ContentDisposition.inline().filename("obligations.pdf").build());
	}

	private Map<String, Object> printModel(UUID id) {
		Map<String, Object> model = new HashMap<>();
		model.put("householdId", id);
		model.put("householdName", this.families.name(id));
		model.put("obligations",
				this.papers.obligations(id).stream().filter(FamilyPapers.ObligationView::open).toList());
		model.put("agencyDeadlines", this.cooperation.agencyDeadlines(id));
		model.put("today", this.papers.today());
		model.put("contact", this.families.contact(id));
		return model;
	}

	// ---- Debts

	@GetMapping("/households/{id}/debts")
	String debts(@PathVariable UUID id, Model model) {
		if (!model.containsAttribute("debtForm")) {
			model.addAttribute("debtForm", new ContactForms.Debt(null, null, null, null, null));
		}
		model.addAttribute("householdId", id);
		model.addAttribute("overview", this.papers.debts(id));
		model.addAttribute("householdName", this.families.name(id));
		model.addAttribute("statuses", DebtStatus.values());
		return "contact/debts";
	}

	@PostMapping("/households/{id}/debts")
	String addDebt(@PathVariable UUID id, @ModelAttribute("debtForm") ContactForms.Debt form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		if (form != null && !result.hasErrors()) {
			try {
				this.papers.addDebt(id, form.input());
				redirect.addFlashAttribute("saved", "contact.debt.saved");
				return "redirect:/households/{id}/debts";
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
		}
		if (form == null) {
			model.addAttribute("debtForm", new ContactForms.Debt(null, null, null, null, null));
		}
		else {
			FormErrors.keep(model, "debtForm", form, result);
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		fields(model, DEBT_FIELDS, "", locale);
		return debts(id, model);
	}

	@PostMapping("/debts/{id}")
	String changeDebt(@PathVariable UUID id, ContactForms.Debt form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
		UUID household = householdOfDebt(id);
		typed(id, form, model);
		return change(() -> {
			FormErrors.throwIfAny(result);
			this.papers.changeDebt(id, form.version(), form.input());
		}, form.version(), "contact.debt.changed", household, "debts", model, response, redirect, () -> {
			String page = debts(household, model);
			int index = ((FamilyPapers.DebtOverview) model.getAttribute("overview")).debts()
				.stream()
				.map(FamilyPapers.DebtView::id)
				.toList()
				.indexOf(id);
			fields(model, DEBT_FIELDS, "-" + index, locale);
			return page;
		});
	}

	/**
	 * Makes a change and goes back to the household's page, or shows the page again with
	 * the conflict (409) or the problems (400).
	 */
	private String change(Runnable change, Integer version, String savedKey, UUID household, String page, Model model,
			HttpServletResponse response, RedirectAttributes redirect, Supplier<String> again) {
		try {
			requireVersion(version);
			change.run();
			redirect.addFlashAttribute("saved", savedKey);
			redirect.addAttribute("household", household);
			return "redirect:/households/{household}/" + page;
		}
		catch (ConflictException ex) {
			this.conflicts.show(ex, "conflict.title", model, response);
		}
		catch (DomainErrors ex) {
			model.addAttribute("problems", ex.errors());
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		catch (DomainException ex) {
			model.addAttribute("problems", List.of(ex));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		return again.get();
	}

	/**
	 * The element ids (the form's own, with {@code suffix}: a row's place on the page)
	 * and labels of a refused form's fields, so that the page's summary links each error
	 * to its field as rendered and names it.
	 */
	private void fields(Model model, Map<String, String[]> fields, String suffix, Locale locale) {
		Map<String, String> targets = new HashMap<>();
		Map<String, String> labels = new HashMap<>();
		fields.forEach((name, field) -> {
			targets.put(name, field[0] + suffix);
			if (!name.isEmpty()) {
				labels.put(name, this.messages.getMessage(field[1], null, field[1], locale));
			}
		});
		model.addAttribute(ErrorSummary.TARGETS, targets);
		model.addAttribute(ErrorSummary.LABELS, labels);
	}

	private static final Map<String, String[]> OBLIGATION_FIELDS = Map.of("",
			new String[] { "obligation-kind", "contact.obligation.kind" }, "kind",
			new String[] { "obligation-kind", "contact.obligation.kind" }, "description",
			new String[] { "obligation-description", "contact.obligation.description" }, "agency",
			new String[] { "obligation-agency", "contact.obligation.agency" }, "dueOn",
			new String[] { "obligation-due", "contact.obligation.dueOn" });

	private static final Map<String, String[]> DEBT_FIELDS = Map.of("",
			new String[] { "debt-creditor", "contact.debt.creditor" }, "creditor",
			new String[] { "debt-creditor", "contact.debt.creditor" }, "amount",
			new String[] { "debt-amount", "contact.debt.amount" }, "arrangement",
			new String[] { "debt-arrangement", "contact.debt.arrangement" }, "status",
			new String[] { "debt-status", "contact.debt.status" });

	/**
	 * What was typed in the form of one obligation or debt, shown there again when
	 * refused.
	 */
	private static void typed(UUID id, Object form, Model model) {
		model.addAttribute("typedId", id);
		model.addAttribute("typed", form);
	}

	private UUID householdOfObligation(UUID id) {
		return this.papers.householdOf("obligation", id).orElseThrow(() -> new NotFoundException("obligation"));
	}

	private UUID householdOfDebt(UUID id) {
		return this.papers.householdOf("debt", id).orElseThrow(() -> new NotFoundException("debt"));
	}

	static void requireVersion(Integer version) {
		if (version == null) {
			throw new DomainException("version", "contact.version.required");
		}
	}

}
