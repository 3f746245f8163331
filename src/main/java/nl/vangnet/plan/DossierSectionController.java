package nl.vangnet.plan;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.platform.staff.Staff;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The small block at the top of the dossier, loaded by htmx: the acute help questions
 * that are still open, and the way to the help questions, the plan and the progress. A
 * volunteer gets only the way to the plan.
 */
@Controller
class DossierSectionController {

	private final HelpQuestionService questions;

	private final HouseholdApi households;

	DossierSectionController(HelpQuestionService questions, HouseholdApi households) {
		this.questions = questions;
		this.households = households;
	}

	@GetMapping("/households/{id}/plan-summary")
	String summary(@PathVariable UUID id, Model model, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household");
		boolean caseWorker = actor.worksWithCases();
		this.households.family(HouseholdId.of(id));
		model.addAttribute("householdId", id);
		model.addAttribute("acute", caseWorker ? this.questions.acuteOpen(id, locale) : List.of());
		return "plan/dossier-section :: summary";
	}

}
