package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.household.Family;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.lifedomain.Framework;
import nl.vangnet.lifedomain.Instrument;
import nl.vangnet.lifedomain.LifeDomainApi;
import nl.vangnet.lifedomain.Scale;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress per domain over time on an instrument: scoring moments by the worker and the
 * client, and what the chart and the table show. "n.v.t." is never averaged and never
 * drawn as zero: it is a gap in a line and no point in the star.
 */
@Service
@Transactional
class ProgressService {

	/** The instrument of the monitor and of the document's {@code progressScores}. */
	static final String MONITOR_PROGRESS = "MONITOR_PROGRESS";

	private final HouseholdApi households;

	private final Scores scores;

	private final LifeDomainApi lifeDomains;

	private final PlanTrail trail;

	private final Workers workers;

	ProgressService(HouseholdApi households, Scores scores, LifeDomainApi lifeDomains, PlanTrail trail,
			Workers workers) {
		this.households = households;
		this.scores = scores;
		this.lifeDomains = lifeDomains;
		this.trail = trail;
		this.workers = workers;
	}

	/**
	 * Records a scoring moment.
	 * @throws nl.vangnet.platform.DomainErrors naming the wrong fields
	 */
	ProgressView record(UUID householdId, String instrumentCode, LocalDate on, List<ScoringMoment.Score> given,
			Locale locale) {
		return record(householdId, instrumentCode, on, given, null, locale);
	}

	/**
	 * Records a scoring moment of a member, by their {@code ref} ({@code null}: the
	 * household's, the one the monitor counts): a child's own scores.
	 */
	ProgressView record(UUID householdId, String instrumentCode, LocalDate on, List<ScoringMoment.Score> given,
			String member, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Family family = this.households.family(HouseholdId.of(householdId));
		HelpQuestionService.closedGuard(family);
		Family.FamilyMember whose = member(family, member);
		Instrument instrument = instrument(instrumentCode);
		ScoringMoment moment = ScoringMoment.of(instrument, on, given, this.workers.today());
		this.scores.store(householdId, actor.organisationId(), moment, (whose != null) ? whose.id() : null);
		this.trail.record(actor, AccessAction.CREATE, householdId);
		return view(family, instrument, whose, locale);
	}

	ProgressView progress(UUID householdId, String instrumentCode, Locale locale) {
		return progress(householdId, instrumentCode, null, locale);
	}

	/** The progress of a member, by their {@code ref} ({@code null}: the household's). */
	ProgressView progress(UUID householdId, String instrumentCode, String member, Locale locale) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Family family = this.households.family(HouseholdId.of(householdId));
		Family.FamilyMember whose = member(family, member);
		this.trail.record(actor, AccessAction.VIEW, householdId);
		return view(family, instrument(instrumentCode), whose, locale);
	}

	/**
	 * The member of this reference, {@code null} for none; an unknown one is a field
	 * error.
	 */
	private static Family.FamilyMember member(Family family, String ref) {
		if (ref == null || ref.isBlank()) {
			return null;
		}
		return family.members()
			.stream()
			.filter((m) -> ref.strip().equals(m.ref()))
			.findFirst()
			.orElseThrow(() -> new DomainException("member", "score.member.unknown"));
	}

	List<Instrument> instruments() {
		return this.lifeDomains.instruments();
	}

	private Instrument instrument(String code) {
		String wanted = (code == null || code.isBlank()) ? MONITOR_PROGRESS : code.strip();
		try {
			return this.lifeDomains.instrument(wanted);
		}
		catch (NotFoundException ex) {
			throw new DomainException("instrument", "score.instrument.unknown", wanted);
		}
	}

	private ProgressView view(Family family, Instrument instrument, Family.FamilyMember member, Locale locale) {
		List<Framework.Domain> domains = instrument.framework()
			.domains()
			.stream()
			.filter((d) -> d.parentCode() == null)
			.toList();
		List<Scores.Row> rows = this.scores.of(family.id(), instrument.code(), (member != null) ? member.id() : null);
		TreeSet<LocalDate> dates = new TreeSet<>();
		rows.forEach((r) -> dates.add(r.on()));
		List<Moment> moments = new ArrayList<>();
		for (LocalDate date : dates) {
			List<DomainScore> cells = new ArrayList<>();
			for (Framework.Domain domain : domains) {
				Cell worker = cell(rows, domain.code(), date, Rater.WORKER);
				Cell client = cell(rows, domain.code(), date, Rater.CLIENT);
				cells.add(new DomainScore(domain.code(), worker, client));
			}
			List<Integer> workerScores = new ArrayList<>();
			cells.stream().filter((c) -> c.worker().scored()).forEach((c) -> workerScores.add(c.worker().score()));
			OptionalDouble mean = Scale.mean(workerScores);
			moments.add(new Moment(date, cells, mean.isPresent() ? mean.getAsDouble() : null));
		}
		List<DomainOption> domainOptions = domains.stream()
			.map((d) -> new DomainOption(d.code(), d.label(locale)))
			.toList();
		List<LevelOption> levels = instrument.scale()
			.levels()
			.stream()
			.map((l) -> new LevelOption(l.value(), l.label(locale)))
			.toList();
		return new ProgressView(family, instrument.code(), instrument.name(locale),
				instrument.scale().allowsNotApplicable(), domainOptions, levels, moments, chart(domainOptions, moments),
				this.workers.today(), (member != null) ? member.ref() : null, (member != null) ? member.name() : null);
	}

	private static Cell cell(List<Scores.Row> rows, String domain, LocalDate date, Rater rater) {
		Optional<Scores.Row> row = rows.stream()
			.filter((r) -> r.domain().equals(domain) && r.on().equals(date) && r.rater() == rater)
			.findFirst();
		return row.map((r) -> new Cell(true, r.score())).orElse(Cell.NOT_SCORED);
	}

	/**
	 * What the charts draw: the worker's scores of the first and the latest moment as a
	 * star, and per domain a line over the moments. A score that is n.v.t. or missing is
	 * {@code null}: no point, a gap.
	 */
	static Map<String, Object> chart(List<DomainOption> domains, List<Moment> moments) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("domains", domains.stream().map(DomainOption::label).toList());
		chart.put("dates", moments.stream().map((m) -> m.on().toString()).toList());
		List<List<Integer>> series = new ArrayList<>();
		for (int d = 0; d < domains.size(); d++) {
			List<Integer> line = new ArrayList<>();
			for (Moment moment : moments) {
				line.add(moment.scores().get(d).worker().drawn());
			}
			series.add(line);
		}
		chart.put("series", series);
		if (!moments.isEmpty()) {
			chart.put("first", moments.get(0).scores().stream().map((s) -> s.worker().drawn()).toList());
			chart.put("latest",
					moments.get(moments.size() - 1).scores().stream().map((s) -> s.worker().drawn()).toList());
			chart.put("firstDate", moments.get(0).on().toString());
			chart.put("latestDate", moments.get(moments.size() - 1).on().toString());
		}
		return chart;
	}

	record DomainOption(String code, String label) {
	}

	record LevelOption(int value, String label) {
	}

	/**
	 * A score as shown: not scored, n.v.t. ({@code scored} and {@code score} null), or a
	 * number.
	 */
	record Cell(boolean scored, Integer score) {

		static final Cell NOT_SCORED = new Cell(false, null);

		public boolean notApplicable() {
			return this.scored && this.score == null;
		}

		/** What a chart draws: the number, else nothing (never zero). */
		public Integer drawn() {
			return this.score;
		}

	}

	/**
	 * The worker's and the client's score on a domain; the client's is there only where
	 * it differs.
	 */
	record DomainScore(String domain, Cell worker, Cell client) {
	}

	/**
	 * @param mean the mean of the worker's scores that are numbers (n.v.t. left out);
	 * {@code null} when there are none
	 */
	record Moment(LocalDate on, List<DomainScore> scores, Double mean) {
	}

	record ProgressView(Family family, String instrument, String instrumentName, boolean allowsNotApplicable,
			List<DomainOption> domains, List<LevelOption> levels, List<Moment> moments, Map<String, Object> chart,
			LocalDate today, String member, String memberName) {
	}

}
