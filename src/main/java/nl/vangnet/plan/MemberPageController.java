package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import nl.vangnet.household.Family;
import nl.vangnet.lifedomain.LifeDomainApi;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A member's own page (issue 15, item 5: each child a client): her help questions, her
 * goals, her own scores and how it went for her, with the way to her network map and her
 * safety plan. Case work only; one view of the household in the access trail.
 */
@Controller
class MemberPageController {

	private final ProgressService progress;

	private final HelpQuestions questions;

	private final Plans plans;

	private final LifeDomainApi lifeDomains;

	MemberPageController(ProgressService progress, HelpQuestions questions, Plans plans, LifeDomainApi lifeDomains) {
		this.progress = progress;
		this.questions = questions;
		this.plans = plans;
		this.lifeDomains = lifeDomains;
	}

	/**
	 * One transaction (with its row in the access trail), so that the tenant's rows are
	 * read as the services read them.
	 */
	@GetMapping("/households/{id}/members/{ref}")
	@Transactional
	String page(@PathVariable UUID id, @PathVariable String ref, Model model, Locale locale) {
		ProgressService.ProgressView scores;
		try {
			scores = this.progress.progress(id, null, ref, locale);
		}
		catch (DomainException ex) {
			throw new NotFoundException("member");
		}
		Family family = scores.family();
		Family.FamilyMember member = family.members()
			.stream()
			.filter((m) -> ref.equals(m.ref()))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("member"));
		List<QuestionLine> questions = this.questions.ofHousehold(id)
			.stream()
			.filter((q) -> member.id().equals(q.memberId()))
			.map((q) -> new QuestionLine(
					HelpQuestionService.domainLabel(this.lifeDomains, q.frameworkCode(), q.domainCode(), locale),
					q.description(), q.status().name(), q.openedOn()))
			.toList();
		List<GoalLine> goals = this.plans.goals(id)
			.stream()
			.filter((g) -> member.id().equals(g.memberId()))
			.map((g) -> new GoalLine(
					HelpQuestionService.domainLabel(this.lifeDomains, g.frameworkCode(), g.domainCode(), locale),
					g.description(), g.status().name(), g.setOn()))
			.toList();
		List<Plans.Experience> experience = this.plans.experiences(id)
			.stream()
			.filter((e) -> Objects.equals(member.id(), e.memberId()))
			.toList();
		model.addAttribute("family", family);
		model.addAttribute("member", member);
		model.addAttribute("questions", questions);
		model.addAttribute("goals", goals);
		model.addAttribute("scores", scores);
		model.addAttribute("experience", experience);
		return "plan/member";
	}

	record QuestionLine(String domain, String description, String status, LocalDate openedOn) {
	}

	record GoalLine(String domain, String description, String status, LocalDate setOn) {
	}

}
