package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.access.AccessAction;
import nl.vangnet.household.Family;
import nl.vangnet.household.Helped;
import nl.vangnet.household.MemberId;
import nl.vangnet.household.NetworkMaps;
import nl.vangnet.household.SafetyPlanReader;
import nl.vangnet.lifedomain.Framework;
import nl.vangnet.lifedomain.LifeDomainApi;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.web.ErrorSummary;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A member's own page (issue 15, item 5: each child a client): her help questions, her
 * goals, her own scores and how it went for her, her network (her latest map by circle,
 * dangers marked) and her safety plan at a glance, with the way to each. Case work only;
 * one view of the household in the access trail.
 */
@Controller
class MemberPageController {

	private final ProgressService progress;

	private final HelpQuestions questions;

	private final Plans plans;

	private final LifeDomainApi lifeDomains;

	private final PlanTrail trail;

	private final Workers workers;

	private final MessageSource messages;

	private final NetworkMaps maps;

	private final SafetyPlanReader safety;

	MemberPageController(ProgressService progress, HelpQuestions questions, Plans plans, LifeDomainApi lifeDomains,
			PlanTrail trail, Workers workers, MessageSource messages, NetworkMaps maps, SafetyPlanReader safety) {
		this.maps = maps;
		this.safety = safety;
		this.trail = trail;
		this.workers = workers;
		this.messages = messages;
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
		return page(id, ref, model, locale, null);
	}

	/**
	 * How it went for her, in the colours a young child points at: green (good), orange
	 * (a bit), red (not good), stored as the experience YES, A_BIT, NO of a monitor
	 * domain, her own (the monitor does not count it).
	 */
	@PostMapping("/households/{id}/members/{ref}/experience")
	@Transactional
	String experience(@PathVariable UUID id, @PathVariable String ref, ExperienceForm form, BindingResult result,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		List<DomainException> errors = new ArrayList<>();
		if (result.hasErrors()) {
			errors.add(new DomainException("on", "member.experience.on.invalid"));
		}
		LocalDate today = this.workers.today();
		LocalDate on = (form.on() != null) ? form.on() : today;
		if (on.isAfter(today)) {
			errors.add(new DomainException("on", "member.experience.on.future"));
		}
		if (form.domain() == null || domains(locale).stream().noneMatch((d) -> d.code().equals(form.domain()))) {
			errors.add(new DomainException("domain", "member.experience.domain.required"));
		}
		Helped helped = switch ((form.colour() != null) ? form.colour() : "") {
			case "GREEN" -> Helped.YES;
			case "ORANGE" -> Helped.A_BIT;
			case "RED" -> Helped.NO;
			default -> null;
		};
		if (helped == null) {
			errors.add(new DomainException("colour", "member.experience.colour.required"));
		}
		if (errors.isEmpty()) {
			page(id, ref, model, locale, null);
			Family.FamilyMember member = (Family.FamilyMember) model.getAttribute("member");
			Family family = (Family) model.getAttribute("family");
			HelpQuestionService.closedGuard(family);
			this.plans.insertExperience(id, actor.organisationId(), on, form.domain(), helped, null, member.id());
			this.trail.record(actor, AccessAction.CREATE, id);
			redirect.addFlashAttribute("saved", "member.experience.saved");
			return "redirect:/households/{id}/members/{ref}#member-experience";
		}
		for (DomainException error : errors) {
			ErrorSummary.add(model, "member-experience-form", error.field(), "experience-" + error.field(), null,
					this.messages.getMessage(error.messageKey(), error.arguments(), error.messageKey(), locale));
		}
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return page(id, ref, model, locale, form);
	}

	/** The monitor's top-level domains, which an experience counts on. */
	private List<Framework.Domain> domains(Locale locale) {
		return this.lifeDomains.monitorFramework().domains().stream().filter((d) -> d.parentCode() == null).toList();
	}

	private String page(UUID id, String ref, Model model, Locale locale, ExperienceForm typed) {
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
		// her network and her safety plan, read through the interfaces the network and
		// safety modules implement (case work only, as this page); the one row in the
		// trail is the page's
		MemberId memberId = new MemberId(member.id());
		model.addAttribute("network", this.maps.latest(memberId).orElse(null));
		model.addAttribute("safetyPlan", this.safety.planOf(memberId).orElse(null));
		model.addAttribute("family", family);
		model.addAttribute("member", member);
		model.addAttribute("questions", questions);
		model.addAttribute("goals", goals);
		model.addAttribute("scores", scores);
		model.addAttribute("experience", experience);
		model.addAttribute("experienceDomains", domains(locale));
		model.addAttribute("typed", typed);
		model.addAttribute("today", this.workers.today());
		return "plan/member";
	}

	/** The form: a monitor domain, a colour, a day. */
	record ExperienceForm(String domain, String colour, @org.springframework.format.annotation.DateTimeFormat(
			iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate on) {
	}

	record QuestionLine(String domain, String description, String status, LocalDate openedOn) {
	}

	record GoalLine(String domain, String description, String status, LocalDate setOn) {
	}

}
