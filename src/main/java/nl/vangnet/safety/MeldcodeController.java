package nl.vangnet.safety;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.household.Family;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.pdf.PdfRenderer;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The meldcode track in the browser: the family's cases the caller may see, a case with
 * its five steps and the form for the next one, and its summary (page and PDF) for a
 * report to Veilig Thuis. A refused form comes back with what was typed.
 */
@Controller
class MeldcodeController {

	private final MeldcodeCases cases;

	private final SafetyRecords records;

	private final PdfRenderer pdf;

	private final MessageSource messages;

	MeldcodeController(MeldcodeCases cases, SafetyRecords records, PdfRenderer pdf, MessageSource messages) {
		this.messages = messages;
		this.cases = cases;
		this.records = records;
		this.pdf = pdf;
	}

	@GetMapping("/households/{id}/meldcode-cases")
	String list(@PathVariable UUID id, Model model) {
		Family family = this.records.caseWork(id);
		if (!model.containsAttribute("caseForm")) {
			model.addAttribute("caseForm", new CaseForm(null, null, this.records.today()));
		}
		model.addAttribute("householdId", id);
		model.addAttribute("householdName", family.name());
		model.addAttribute("members", family.members());
		model.addAttribute("cases", this.cases.ofHousehold(id));
		return "safety/meldcode-cases";
	}

	@PostMapping("/households/{id}/meldcode-cases")
	String open(@PathVariable UUID id, @ModelAttribute("caseForm") CaseForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (form != null && !result.hasErrors()) {
			try {
				MeldcodeCases.CaseView opened = this.cases.open(id,
						new MeldcodeCases.CaseInput(form.member(), form.concern(), form.openedOn()));
				redirect.addAttribute("case", opened.id());
				redirect.addFlashAttribute("saved", "safety.meldcode.opened");
				return "redirect:/meldcode-cases/{case}";
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		FormErrors.keep(model, "caseForm", form, result);
		model.addAttribute("failed", "caseForm");
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		ErrorSummary.fields(model, this.messages, CASE_FIELDS, "");
		return list(id, model);
	}

	@GetMapping("/meldcode-cases/{id}")
	String meldcodeCase(@PathVariable UUID id, Model model) {
		MeldcodeCases.CaseView found = this.cases.get(id);
		if (!model.containsAttribute("stepForm")) {
			model.addAttribute("stepForm", StepForm.empty(found.nextStep(), this.records.today()));
			model.addAttribute("answers", Map.of());
		}
		model.addAttribute("meldcodeCase", found);
		model.addAttribute("officers", this.cases.officers());
		model.addAttribute("questions", List.of(1, 2, 3, 4, 5));
		model.addAttribute("stepNames", MeldcodeCases.STEPS);
		model.addAttribute("decisions", MeldcodeCases.DECISIONS);
		return "safety/meldcode-case";
	}

	@PostMapping("/meldcode-cases/{id}/steps")
	String step(@PathVariable UUID id, @ModelAttribute("stepForm") StepForm form, BindingResult result,
			HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> answers = new java.util.LinkedHashMap<>();
		List<MeldcodeCases.AnswerInput> given = new ArrayList<>();
		for (int q = 1; q <= MeldcodeCases.QUESTIONS; q++) {
			String answer = request.getParameter("answer." + q);
			String reason = request.getParameter("reason." + q);
			answers.put("answer." + q, (answer != null) ? answer : "");
			answers.put("reason." + q, (reason != null) ? reason : "");
			if (answer != null || reason != null) {
				given.add(new MeldcodeCases.AnswerInput(q, answer, reason));
			}
		}
		if (form != null && !result.hasErrors()) {
			try {
				FormErrors.checkTexts("answers", answers.values());
				this.cases.step(id, form.input(given.isEmpty() ? null : given));
				redirect.addFlashAttribute("saved", "safety.meldcode.stepSaved");
				return "redirect:/meldcode-cases/{id}";
			}
			catch (DomainErrors ex) {
				FormErrors.reject(result, ex);
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		FormErrors.keep(model, "stepForm", form, result);
		model.addAttribute("answers", answers);
		model.addAttribute("failed", "stepForm");
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		String page = meldcodeCase(id, model);
		// the answers of step 4 are no field of the form: their errors link to the first
		// question still open
		Map<String, String[]> fields = new java.util.HashMap<>(STEP_FIELDS);
		if (Integer.valueOf(4).equals(((MeldcodeCases.CaseView) model.getAttribute("meldcodeCase")).nextStep())) {
			int open = 1;
			while (open < MeldcodeCases.QUESTIONS && !answers.get("answer." + open).isBlank()
					&& !answers.get("reason." + open).isBlank()) {
				open++;
			}
			fields.put("", new String[] { "answer-" + open + "-YES", "safety.meldcode.doneOn" });
		}
		ErrorSummary.fields(model, this.messages, fields, "");
		return page;
	}

	/** The summary of the case for a report to Veilig Thuis, to print. */
	@GetMapping("/meldcode-cases/{id}/summary")
	String summary(@PathVariable UUID id, Model model) {
		model.addAttribute("meldcodeCase", this.cases.summary(id));
		return "safety/meldcode-summary";
	}

	@GetMapping("/meldcode-cases/{id}/summary.pdf")
	ResponseEntity<byte[]> summaryPdf(@PathVariable UUID id, Locale locale) {
		MeldcodeCases.CaseView found = this.cases.summary(id);
		return PdfRenderer.response(this.pdf.render("safety/meldcode-summary", Map.of("meldcodeCase", found), locale),
				ContentDisposition.inline().filename("meldcode.pdf").build());
	}

	/** A case as the form opens it. */
	/**
	 * The form of a new case: per field the id of its element and its label's key, so
	 * that the page's summary links each error to its field as rendered and names it.
	 */
	private static final Map<String, String[]> CASE_FIELDS = Map.of("",
			new String[] { "case-member", "safety.meldcode.member" }, "member",
			new String[] { "case-member", "safety.meldcode.member" }, "concern",
			new String[] { "case-concern", "safety.meldcode.concern" }, "openedOn",
			new String[] { "case-openedOn", "safety.meldcode.openedOn" });

	/**
	 * The step form's fields (those of the step the page shows), as {@link #CASE_FIELDS}.
	 */
	private static final Map<String, String[]> STEP_FIELDS = Map.ofEntries(
			Map.entry("", new String[] { "step-doneOn", "safety.meldcode.doneOn" }),
			Map.entry("doneOn", new String[] { "step-doneOn", "safety.meldcode.doneOn" }),
			Map.entry("facts", new String[] { "step-facts", "safety.meldcode.field.facts" }),
			Map.entry("interpretations",
					new String[] { "step-interpretations", "safety.meldcode.field.interpretations" }),
			Map.entry("kindcheckMinors", new String[] { "step-minors", "safety.meldcode.field.kindcheckMinors" }),
			Map.entry("kindcheckSafe", new String[] { "step-safe", "safety.meldcode.field.kindcheckSafe" }),
			Map.entry("kindcheckNote", new String[] { "step-kindcheck-note", "safety.meldcode.field.kindcheckNote" }),
			Map.entry("consulted", new String[] { "step-consulted", "safety.meldcode.field.consulted" }),
			Map.entry("officer", new String[] { "step-officer", "safety.meldcode.field.officer" }),
			Map.entry("colleague", new String[] { "step-colleague", "safety.meldcode.field.colleague" }),
			Map.entry("safeHomeAdvice", new String[] { "step-safe-home", "safety.meldcode.field.safeHomeAdvice" }),
			Map.entry("safeHomeAnonymous",
					new String[] { "step-anonymous", "safety.meldcode.field.safeHomeAnonymous" }),
			Map.entry("advice", new String[] { "step-advice", "safety.meldcode.field.advice" }),
			Map.entry("conversation", new String[] { "step-conversation", "safety.meldcode.field.conversation" }),
			Map.entry("clientResponse", new String[] { "step-response", "safety.meldcode.field.clientResponse" }),
			Map.entry("decision", new String[] { "step-decision", "safety.meldcode.field.decision" }),
			Map.entry("followUpOn", new String[] { "step-followUpOn", "safety.meldcode.field.followUpOn" }),
			Map.entry("note", new String[] { "step-note", "safety.meldcode.field.note" }));

	record CaseForm(String member, String concern, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn) {
	}

	/**
	 * A step as the form sends it; the answers of step 4 come as {@code answer.N} and
	 * {@code reason.N}.
	 */
	record StepForm(Integer step, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn, String facts,
			String interpretations, String kindcheckMinors, String kindcheckSafe, String kindcheckNote,
			String consulted, UUID officer, String colleague, Boolean safeHomeAdvice, Boolean safeHomeAnonymous,
			String advice, String conversation, String clientResponse, String decision,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate followUpOn, String note) {

		static StepForm empty(Integer step, LocalDate today) {
			return new StepForm(step, today, null, null, null, null, null, null, null, null, null, null, null, null,
					null, null, null, null);
		}

		MeldcodeCases.StepInput input(List<MeldcodeCases.AnswerInput> answers) {
			return new MeldcodeCases.StepInput(this.step, this.doneOn, this.facts, this.interpretations,
					this.kindcheckMinors, this.kindcheckSafe, this.kindcheckNote, this.consulted, this.officer,
					this.colleague, this.safeHomeAdvice, this.safeHomeAnonymous, this.advice, this.conversation,
					this.clientResponse, answers, this.decision, this.followUpOn, this.note);
		}

	}

}
