package nl.vangnet.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import nl.vangnet.household.HouseholdDocument;
import nl.vangnet.household.HouseholdSections;
import nl.vangnet.household.StoredHousehold;
import nl.vangnet.lifedomain.Framework;
import nl.vangnet.lifedomain.LifeDomainApi;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.stereotype.Component;

/**
 * Keeps the sections {@code helpQuestions}, {@code progressScores} and {@code experience}
 * of the household document (vangnet-household/1).
 * <ul>
 * <li>{@code helpQuestions[].domain} is a monitor code: stored with framework
 * {@code MONITOR}, written from the monitor code. A question keeps its identity (and its
 * history) where member, domain and opening day match a stored one.</li>
 * <li>{@code progressScores} are the worker's scores on {@code MONITOR_PROGRESS}; the
 * client's self-ratings stay as they are.</li>
 * <li>{@code experience} entries that match a stored one stay linked to their
 * evaluation.</li>
 * </ul>
 * Entries are written in order of date, then the monitor framework's order of domains.
 */
@Component
class PlanSections implements HouseholdSections {

	private final HelpQuestions questions;

	private final Scores scores;

	private final Plans plans;

	private final LifeDomainApi lifeDomains;

	private final Workers workers;

	PlanSections(HelpQuestions questions, Scores scores, Plans plans, LifeDomainApi lifeDomains, Workers workers) {
		this.questions = questions;
		this.scores = scores;
		this.plans = plans;
		this.lifeDomains = lifeDomains;
		this.workers = workers;
	}

	@Override
	public Set<String> sections() {
		return Set.of("helpQuestions", "progressScores", "experience");
	}

	/**
	 * A help question that closes before it opens or whose words are too long; a score
	 * given twice for a domain on one day.
	 */
	@Override
	public List<DomainException> check(HouseholdDocument document) {
		List<DomainException> errors = new ArrayList<>();
		List<HouseholdDocument.HelpQuestionEntry> questions = orEmpty(document.helpQuestions());
		for (int i = 0; i < questions.size(); i++) {
			HouseholdDocument.HelpQuestionEntry entry = questions.get(i);
			String path = "helpQuestions[" + i + "]";
			if (entry == null) {
				continue;
			}
			if (entry.closed() != null && entry.opened() != null && entry.closed().isBefore(entry.opened())) {
				errors.add(new DomainException(path + ".closed", "helpQuestion.closedOn.beforeOpened"));
			}
			if (entry.description() != null && entry.description().length() > HelpQuestion.TEXT_MAX) {
				errors.add(new DomainException(path + ".description", "helpQuestion.description.tooLong",
						HelpQuestion.TEXT_MAX));
			}
		}
		Set<String> seen = new HashSet<>();
		List<HouseholdDocument.ProgressScoreEntry> scores = orEmpty(document.progressScores());
		for (int i = 0; i < scores.size(); i++) {
			HouseholdDocument.ProgressScoreEntry entry = scores.get(i);
			if (entry != null && entry.domain() != null && entry.date() != null
					&& !seen.add(entry.domain() + "/" + entry.date() + "/" + entry.member())) {
				errors.add(new DomainException("progressScores[" + i + "].date", "score.twice", entry.domain()));
			}
		}
		return errors;
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return (list != null) ? list : List.of();
	}

	@Override
	public void store(StoredHousehold household, HouseholdDocument document) {
		DomainErrors.throwIfAny(check(document));
		if (document.helpQuestions() != null) {
			storeQuestions(household, document.helpQuestions());
		}
		if (document.progressScores() != null) {
			storeScores(household, document.progressScores());
		}
		if (document.experience() != null) {
			storeExperience(household, document.experience());
		}
	}

	private void storeQuestions(StoredHousehold household, List<HouseholdDocument.HelpQuestionEntry> entries) {
		List<HelpQuestion> stored = new ArrayList<>(this.questions.ofHousehold(household.id()));
		List<HelpQuestion> kept = new ArrayList<>();
		Staff actor = Staff.current().requireOrganisation("household");
		String name = this.workers.nameOf(actor);
		for (HouseholdDocument.HelpQuestionEntry entry : entries) {
			UUID memberId = household.memberId(entry.member());
			HelpQuestion same = stored.stream()
				.filter((q) -> !kept.contains(q) && Objects.equals(q.memberId(), memberId)
						&& q.monitorCode().equals(entry.domain()) && q.openedOn().equals(entry.opened()))
				.findFirst()
				.orElse(null);
			if (same != null) {
				kept.add(same);
				List<HelpQuestion.Change> changes = same.replaceBy(entry.closed(), entry.acute(), entry.status(),
						entry.description());
				if (!changes.isEmpty()) {
					this.questions.update(same);
					this.questions.recordChanges(same.id(), household.organisationId(), actor.userId(), name, changes);
				}
			}
			else {
				HelpQuestion question = new HelpQuestion(UUID.randomUUID(), household.id(), memberId, Framework.MONITOR,
						entry.domain(), entry.domain(), entry.opened(), entry.closed(), entry.acute(), entry.status(),
						entry.description(), 0);
				this.questions.insert(question, household.organisationId());
				this.questions.recordChanges(question.id(), household.organisationId(), actor.userId(), name,
						List.of(new HelpQuestion.Change("status", null, String.valueOf(entry.status()))));
			}
		}
		stored.stream().filter((q) -> !kept.contains(q)).forEach((q) -> this.questions.delete(q.id()));
	}

	private void storeScores(StoredHousehold household, List<HouseholdDocument.ProgressScoreEntry> entries) {
		List<Scores.Row> rows = new ArrayList<>();
		for (HouseholdDocument.ProgressScoreEntry entry : entries) {
			rows.add(new Scores.Row(entry.domain(), entry.date(), Rater.WORKER, entry.score(),
					household.memberId(entry.member())));
		}
		this.scores.replaceWorkerScores(household.id(), household.organisationId(), ProgressService.MONITOR_PROGRESS,
				rows);
	}

	private void storeExperience(StoredHousehold household, List<HouseholdDocument.ExperienceEntry> entries) {
		List<Plans.Experience> stored = new ArrayList<>(this.plans.experiences(household.id()));
		for (HouseholdDocument.ExperienceEntry entry : entries) {
			Plans.Experience same = stored.stream()
				.filter((e) -> e.on().equals(entry.date()) && e.monitorCode().equals(entry.domain())
						&& e.helped() == entry.helped()
						&& Objects.equals(e.memberId(), household.memberId(entry.member())))
				.findFirst()
				.orElse(null);
			if (same != null) {
				stored.remove(same);
			}
			else {
				this.plans.insertExperience(household.id(), household.organisationId(), entry.date(), entry.domain(),
						entry.helped(), null, household.memberId(entry.member()));
			}
		}
		stored.forEach((e) -> this.plans.deleteExperience(e.id()));
	}

	@Override
	public HouseholdDocument fill(StoredHousehold household, HouseholdDocument document) {
		Function<String, Integer> position = positions();
		List<HouseholdDocument.HelpQuestionEntry> questions = this.questions.ofHousehold(household.id())
			.stream()
			.map((q) -> new HouseholdDocument.HelpQuestionEntry(household.ref(q.memberId()), q.monitorCode(),
					q.openedOn(), q.closedOn(), q.acute(), q.status(), q.description()))
			.sorted(Comparator.comparing(HouseholdDocument.HelpQuestionEntry::opened)
				.thenComparing((q) -> position.apply(q.domain()))
				.thenComparing((q) -> (q.member() != null) ? q.member() : ""))
			.toList();
		List<HouseholdDocument.ProgressScoreEntry> progress = this.scores
			.everyone(household.id(), ProgressService.MONITOR_PROGRESS)
			.stream()
			.filter((r) -> r.rater() == Rater.WORKER)
			.map((r) -> new HouseholdDocument.ProgressScoreEntry(r.domain(), r.on(), r.score(),
					household.ref(r.memberId())))
			.sorted(Comparator.comparing(HouseholdDocument.ProgressScoreEntry::date)
				.thenComparing((s) -> position.apply(s.domain()))
				.thenComparing((s) -> (s.member() != null) ? s.member() : ""))
			.toList();
		List<HouseholdDocument.ExperienceEntry> experience = this.plans.experiences(household.id())
			.stream()
			.map((e) -> new HouseholdDocument.ExperienceEntry(e.on(), e.monitorCode(), e.helped(),
					household.ref(e.memberId())))
			.sorted(Comparator.comparing(HouseholdDocument.ExperienceEntry::date)
				.thenComparing((e) -> position.apply(e.domain()))
				.thenComparing((e) -> (e.member() != null) ? e.member() : ""))
			.toList();
		return document.withHelpQuestions(questions).withProgressScores(progress).withExperience(experience);
	}

	private Function<String, Integer> positions() {
		List<String> codes = this.lifeDomains.monitorFramework()
			.domains()
			.stream()
			.map(Framework.Domain::code)
			.toList();
		Map<String, Integer> byCode = IntStream.range(0, codes.size())
			.boxed()
			.collect(Collectors.toMap(codes::get, Function.identity()));
		return (code) -> byCode.getOrDefault(code, Integer.MAX_VALUE);
	}

}
