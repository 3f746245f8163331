package nl.vangnet.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the raw counts into the vangnet-monitor/1 document: every count a {@link Cell},
 * small cells suppressed, a second cell suppressed wherever a total would give a
 * suppressed one away, and every percentage or mean derived from a suppressed count
 * {@code null}.
 */
final class MonitorReport {

	static final String FORMAT = "vangnet-monitor/1";

	static final String TOTAL = "TOTAL";

	static final List<String> COMPOSITION = List.of("ONE_PARENT", "TWO_PARENT", "UNKNOWN");

	static final List<String> DEBTS = List.of("YES", "NO", "UNKNOWN");

	static final List<String> REFERRAL = List.of("ORGANISATION_ACTIVITY_ADULTS", "ORGANISATION_ACTIVITY_CHILDREN",
			"SOCIETAL_ORGANISATION", "PROFESSIONAL_ORGANISATION", "OWN_NETWORK", "OTHER", "UNKNOWN");

	static final List<String> EDUCATION = List.of("BELOW_START_QUALIFICATION", "START_QUALIFICATION", "HIGHER",
			"UNKNOWN");

	static final List<String> DUTCH = List.of("GOOD_OR_SUFFICIENT", "HAMPERS_CONVERSATION", "UNKNOWN");

	static final List<String> DAY_ACTIVITIES = List.of("CARE_FOR_CHILDREN", "WORK", "VOLUNTEER_WORK", "EDUCATION",
			"UNKNOWN");

	static final List<String> CHILDREN = List.of("0", "1", "2", "3", "4", "5+");

	static final List<String> AGE_GROUPS = List.of("TODDLER", "PRIMARY_SCHOOL", "ADOLESCENT", "ADULT_AT_HOME",
			"UNKNOWN");

	static final List<String> BINS = List.of("0-5", "6-11", "12-17", "18-23", "24-35", "36+");

	static final List<String> SUPPORT_TYPES = List.of("CONVERSATION", "ARRANGING", "PRACTICAL_SUPPORT", "BUDDY_SUPPORT",
			"PARENT_GROUP_ACTIVITY", "CHILD_GROUP_ACTIVITY", "PARENT_VOLUNTEER_WORK");

	static final List<String> PROGRESS_DOMAINS = List.of("FINANCES", "HOUSING", "HEALTH", "SOCIAL", "PARTICIPATION",
			"OTHER");

	static final List<String> HELPED = List.of("YES", "A_BIT", "NO");

	static final List<String> SATISFACTION = List.of("GREEN", "ORANGE", "RED");

	/** The top-level codes of the monitor framework a referral counts in, and none. */
	static final List<String> REFERRAL_DOMAINS = List.of("FINANCES", "HEALTH", "HOUSING", "SOCIAL", "PARTICIPATION",
			"OTHER", "UNKNOWN");

	/** The partner kinds of vangnet-referral/1. */
	static final List<String> PARTNER_KINDS = List.of("NEIGHBOURHOOD_TEAM", "SHELTER", "DEBT_HELP", "BENEFITS",
			"HOUSING", "HEALTH", "SCHOOL", "YOUTH_CARE", "SAFE_HOME", "LANGUAGE", "FOOD_BANK", "FAITH", "FUND", "LEGAL",
			"INFORMAL", "OTHER");

	private MonitorReport() {
	}

	/** The bin of Tabel 4.1 for a number of whole months. */
	static String bin(int months) {
		if (months < 6) {
			return "0-5";
		}
		if (months < 12) {
			return "6-11";
		}
		if (months < 18) {
			return "12-17";
		}
		if (months < 24) {
			return "18-23";
		}
		if (months < 36) {
			return "24-35";
		}
		return "36+";
	}

	/**
	 * @param domainCodes the codes of the monitor framework, in its order
	 * @param reachRows the organisations that get a row of their own in the reach (the
	 * others count in the total only)
	 */
	static Map<String, Object> of(RawFigures raw, int min, List<String> domainCodes, List<String> reachRows) {
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("format", FORMAT);
		report.put("from", raw.from.toString());
		report.put("to", raw.to.toString());
		report.put("organisations", raw.organisations);
		report.put("minCellSize", min);
		long p = raw.population();
		Cell population = new Cell(p, min);
		report.put("population", population);
		report.put("reach", reach(raw, min, reachRows, population));
		report.put("background", background(raw, min, population));
		report.put("domains", domains(raw, min, domainCodes, population));
		report.put("duration", duration(raw, min, population));
		report.put("time", time(raw, min));
		report.put("progress", progress(raw, min));
		report.put("experience", experience(raw, min, domainCodes));
		report.put("activities", activities(raw, min));
		report.put("referrals", referrals(raw, min));
		report.put("safety", safety(raw, min));
		report.put("contactReasons", contactReasons(raw, min));
		report.put("destinations", destinations(raw, min));
		report.put("returning", returning(raw, min, population));
		report.put("followUp", followUp(raw, min));
		return report;
	}

	private static List<Map<String, Object>> reach(RawFigures raw, int min, List<String> rows, Cell population) {
		List<Map<String, Object>> reach = new ArrayList<>();
		List<Cell> intensive = new ArrayList<>();
		List<Cell> shortOnly = new ArrayList<>();
		for (String code : rows) {
			Cell i = new Cell(raw.intensive.getOrDefault(code, 0L), min);
			Cell s = new Cell(raw.shortOnly.getOrDefault(code, 0L), min);
			intensive.add(i);
			shortOnly.add(s);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("organisation", code);
			row.put("intensive", i);
			row.put("short", s);
			reach.add(row);
		}
		Cell totalShort = new Cell(raw.shortOnly.values().stream().mapToLong(Long::longValue).sum(), min);
		boolean everyRow = rows.size() == raw.organisations.size();
		Cell.protect(everyRow && !population.suppressed(), intensive);
		Cell.protect(everyRow && !totalShort.suppressed(), shortOnly);
		Map<String, Object> total = new LinkedHashMap<>();
		total.put("organisation", TOTAL);
		total.put("intensive", population);
		total.put("short", totalShort);
		reach.add(total);
		return reach;
	}

	private static Map<String, Object> background(RawFigures raw, int min, Cell population) {
		Map<String, Object> background = new LinkedHashMap<>();
		background.put("composition", group(raw, "composition", COMPOSITION, min, population));
		background.put("debts", group(raw, "debts", DEBTS, min, population));
		background.put("referralSource", group(raw, "referralSource", REFERRAL, min, population));
		background.put("education", group(raw, "education", EDUCATION, min, population));
		background.put("dutchLanguage", group(raw, "dutchLanguage", DUTCH, min, population));
		// A household may count in several day activities: no total to protect.
		background.put("dayActivities", group(raw, "dayActivities", DAY_ACTIVITIES, min, null));
		background.put("childrenPerHousehold", group(raw, "childrenPerHousehold", CHILDREN, min, population));
		// The number of children is not shown (5+ hides it): no total to protect.
		background.put("childAgeGroups", group(raw, "childAgeGroups", AGE_GROUPS, min, null));
		return background;
	}

	private static Map<String, Cell> group(RawFigures raw, String dimension, List<String> categories, int min,
			Cell total) {
		Map<String, Long> counts = raw.background.getOrDefault(dimension, Map.of());
		Map<String, Cell> cells = new LinkedHashMap<>();
		for (String category : categories) {
			cells.put(category, new Cell(counts.getOrDefault(category, 0L), min));
		}
		Cell.protect(total != null && !total.suppressed(), cells.values());
		return cells;
	}

	private static List<Map<String, Object>> domains(RawFigures raw, int min, List<String> codes, Cell population) {
		List<Map<String, Object>> domains = new ArrayList<>();
		Map<String, Cell> households = new LinkedHashMap<>();
		Map<String, Cell> questions = new LinkedHashMap<>();
		List<Cell> topLevel = new ArrayList<>();
		for (String code : codes) {
			households.put(code, new Cell(raw.domainHouseholds.getOrDefault(code, 0L), min));
			Cell q = new Cell(raw.domainQuestions.getOrDefault(code, 0L), min);
			questions.put(code, q);
			if (!code.contains(".")) {
				topLevel.add(q);
			}
		}
		// The top-level codes' questions add up to all questions, which the percentages
		// give away.
		Cell.protect(true, topLevel);
		for (String code : codes) {
			Cell h = households.get(code);
			Cell q = questions.get(code);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("code", code);
			row.put("households", h);
			row.put("householdsPct", percentage(h, population.value()));
			row.put("questions", q);
			row.put("questionsPct", percentage(q, raw.allQuestions));
			domains.add(row);
		}
		return domains;
	}

	private static Double percentage(Cell part, long whole) {
		if (part.suppressed() || whole == 0) {
			return null;
		}
		return part.value() * 100.0 / whole;
	}

	private static Map<String, Object> duration(RawFigures raw, int min, Cell population) {
		Map<String, Map<String, Cell>> duration = new LinkedHashMap<>();
		List<Cell> all = new ArrayList<>();
		for (boolean finished : new boolean[] { true, false }) {
			Map<String, Long> perBin = new LinkedHashMap<>();
			raw.durationMonths.getOrDefault(finished, Map.of())
				.forEach((months, count) -> perBin.merge(bin(months), count, Long::sum));
			Map<String, Cell> cells = new LinkedHashMap<>();
			for (String bin : BINS) {
				Cell cell = new Cell(perBin.getOrDefault(bin, 0L), min);
				cells.put(bin, cell);
				all.add(cell);
			}
			duration.put(finished ? "finished" : "ongoing", cells);
		}
		// Every household of P has one latest trajectory: the twelve cells add up to |P|.
		Cell.protect(!population.suppressed(), all);
		return new LinkedHashMap<>(duration);
	}

	private static List<Map<String, Object>> time(RawFigures raw, int min) {
		List<Map<String, Object>> time = new ArrayList<>();
		for (String type : SUPPORT_TYPES) {
			RawFigures.Time t = raw.time.getOrDefault(type, new RawFigures.Time(0, 0, 0, 0));
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("type", type);
			row.put("start", window(t.startHouseholds(), t.startMinutes(), min));
			row.put("recent", window(t.recentHouseholds(), t.recentMinutes(), min));
			time.add(row);
		}
		return time;
	}

	private static Map<String, Object> window(long households, long minutes, int min) {
		Cell cell = new Cell(households, min);
		Map<String, Object> window = new LinkedHashMap<>();
		window.put("households", cell);
		// The mean over the households of (minutes in the window / 8 weeks).
		window.put("avgMinutesPerWeek", (cell.suppressed() || households == 0) ? null : minutes / 8.0 / households);
		return window;
	}

	private static List<Map<String, Object>> progress(RawFigures raw, int min) {
		List<Map<String, Object>> progress = new ArrayList<>();
		for (String domain : PROGRESS_DOMAINS) {
			Map<Integer, Long> scores = raw.progress.getOrDefault(domain, Map.of());
			long households = scores.values().stream().mapToLong(Long::longValue).sum();
			long sum = scores.entrySet().stream().mapToLong((e) -> e.getKey() * e.getValue()).sum();
			Cell total = new Cell(households, min);
			Map<String, Cell> distribution = new LinkedHashMap<>();
			for (int score = 1; score <= 5; score++) {
				distribution.put(Integer.toString(score), new Cell(scores.getOrDefault(score, 0L), min));
			}
			Cell.protect(!total.suppressed(), distribution.values());
			// With the mean and the count, two hidden scores could be solved for: no mean
			// then.
			boolean hidden = total.suppressed() || distribution.values().stream().anyMatch(Cell::suppressed);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("domain", domain);
			row.put("households", total);
			row.put("mean", (hidden || households == 0) ? null : (double) sum / households);
			row.put("distribution", distribution);
			progress.add(row);
		}
		return progress;
	}

	private static List<Map<String, Object>> experience(RawFigures raw, int min, List<String> codes) {
		List<Map<String, Object>> experience = new ArrayList<>();
		for (String code : codes) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("domain", code);
			for (String helped : HELPED) {
				long count = 0;
				for (Map.Entry<String, Map<String, Long>> entry : raw.experience.entrySet()) {
					if (countsFor(entry.getKey(), code)) {
						count += entry.getValue().getOrDefault(helped, 0L);
					}
				}
				row.put(helped, new Cell(count, min));
			}
			experience.add(row);
		}
		return experience;
	}

	/** The risk levels of the monitor's scale, whatever an instrument calls them. */
	static final List<String> RISK_LEVELS = List.of("LOW", "MODERATE", "HIGH");

	/** The decisions of a meldcode case's fifth step, or none yet. */
	static final List<String> MELDCODE_DECISIONS = List.of("REPORT", "REPORT_AND_HELP", "HELP", "NO_ACTION",
			"UNDECIDED");

	/**
	 * Safety (issue 14's {@code safety}), live registrations only: households of P with a
	 * safety plan; households screened, by the latest risk level (LOW / MODERATE / HIGH);
	 * meldcode cases opened in the period, by decision. The levels add up to the
	 * households screened and the decisions to the cases opened, so each breakdown gets
	 * secondary suppression.
	 */
	private static Map<String, Object> safety(RawFigures raw, int min) {
		Map<String, Object> safety = new LinkedHashMap<>();
		safety.put("householdsWithPlan",
				new Cell(raw.safety.getOrDefault("plan", Map.of()).getOrDefault("TOTAL", 0L), min));
		Map<String, Long> risk = raw.safety.getOrDefault("risk", Map.of());
		Cell screened = new Cell(risk.values().stream().mapToLong(Long::longValue).sum(), min);
		Map<String, Cell> levels = new LinkedHashMap<>();
		RISK_LEVELS.forEach((level) -> levels.put(level, new Cell(risk.getOrDefault(level, 0L), min)));
		Cell.protect(!screened.suppressed(), levels.values());
		safety.put("householdsScreened", screened);
		safety.put("latestRiskLevels", levels);
		Map<String, Long> decisions = raw.safety.getOrDefault("decision", Map.of());
		Cell opened = new Cell(decisions.values().stream().mapToLong(Long::longValue).sum(), min);
		Map<String, Cell> byDecision = new LinkedHashMap<>();
		MELDCODE_DECISIONS.forEach((d) -> byDecision.put(d, new Cell(decisions.getOrDefault(d, 0L), min)));
		Cell.protect(!opened.suppressed(), byDecision.values());
		safety.put("meldcodeCasesOpened", opened);
		safety.put("meldcodeDecisions", byDecision);
		return safety;
	}

	/**
	 * Referrals (turn 2's {@code referrals}): in total, per top-level monitor domain and
	 * per partner kind: sent, with feedback, accepted and with a first contact, the
	 * shares of sent, and the median days to first contact. The rows of each breakdown
	 * add up to the total, so each measure gets secondary suppression across them; a
	 * share or a median is left out when the count it rests on is suppressed.
	 */
	private static Map<String, Object> referrals(RawFigures raw, int min) {
		Map<String, Object> referrals = referralRow(raw.referrals, min);
		referrals.put("domains", referralRows("domain", REFERRAL_DOMAINS, raw.referralDomains, raw.referrals, min));
		referrals.put("partnerKinds", referralRows("kind", PARTNER_KINDS, raw.referralKinds, raw.referrals, min));
		return referrals;
	}

	private static final List<String> REFERRAL_MEASURES = List.of("sent", "withFeedback", "accepted", "firstContact");

	private static List<Map<String, Object>> referralRows(String key, List<String> codes,
			Map<String, RawFigures.Referrals> counts, RawFigures.Referrals total, int min) {
		RawFigures.Referrals none = new RawFigures.Referrals(0, 0, 0, 0, null);
		Map<String, Object> totals = referralRow(total, min);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String code : codes) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put(key, code);
			row.putAll(referralRow(counts.getOrDefault(code, none), min));
			rows.add(row);
		}
		for (String measure : REFERRAL_MEASURES) {
			Cell.protect(!((Cell) totals.get(measure)).suppressed(),
					rows.stream().map((r) -> (Cell) r.get(measure)).toList());
		}
		for (int i = 0; i < codes.size(); i++) {
			Map<String, Object> row = rows.get(i);
			RawFigures.Referrals raw = counts.getOrDefault(codes.get(i), none);
			derived(row, raw);
		}
		return rows;
	}

	private static Map<String, Object> referralRow(RawFigures.Referrals counts, int min) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("sent", new Cell(counts.sent(), min));
		row.put("withFeedback", new Cell(counts.withFeedback(), min));
		row.put("withFeedbackPct", null);
		row.put("accepted", new Cell(counts.accepted(), min));
		row.put("acceptedPct", null);
		row.put("firstContact", new Cell(counts.firstContact(), min));
		row.put("medianDaysToFirstContact", null);
		derived(row, counts);
		return row;
	}

	/** The shares of sent and the median, from the cells as they are shown. */
	private static void derived(Map<String, Object> row, RawFigures.Referrals counts) {
		Cell sent = (Cell) row.get("sent");
		boolean known = !sent.suppressed() && counts.sent() > 0;
		row.put("withFeedbackPct", (known && !((Cell) row.get("withFeedback")).suppressed())
				? 100.0 * counts.withFeedback() / counts.sent() : null);
		row.put("acceptedPct", (known && !((Cell) row.get("accepted")).suppressed())
				? 100.0 * counts.accepted() / counts.sent() : null);
		row.put("medianDaysToFirstContact",
				(!((Cell) row.get("firstContact")).suppressed() && counts.firstContact() > 0) ? counts.medianDays()
						: null);
	}

	/** A code counts for itself and, as a sub-code, for its parent. */
	static boolean countsFor(String registered, String code) {
		return registered.equals(code) || registered.startsWith(code + ".");
	}

	private static Map<String, Object> activities(RawFigures raw, int min) {
		Map<String, Object> activities = new LinkedHashMap<>();
		activities.put("households", new Cell(raw.activityHouseholds, min));
		for (String satisfaction : SATISFACTION) {
			activities.put(satisfaction, new Cell(raw.activities.getOrDefault(satisfaction, 0L), min));
		}
		activities.put("byKind", activitySplit("kind", ACTIVITY_KINDS, raw.activityKinds, activities, min));
		activities.put("byParticipant",
				activitySplit("participant", PARTICIPANTS, raw.activityParticipants, activities, min));
		return activities;
	}

	/** The kinds of Tabel 3.4's split, and none recorded. */
	static final List<String> ACTIVITY_KINDS = List.of("CONVERSATION", "PARENT_GROUP", "CHILD_ACTIVITY", "UNKNOWN");

	/**
	 * Who took part: a parent or other adult member, a child, or the household as a whole
	 * (no member named).
	 */
	static final List<String> PARTICIPANTS = List.of("PARENT", "CHILD", "HOUSEHOLD");

	/**
	 * One row per code with its households and satisfaction counts. Every participation
	 * is in exactly one row, so each satisfaction's rows add up to the shown total and
	 * get secondary suppression; the households do not add up (a household may take part
	 * in several rows).
	 */
	private static List<Map<String, Object>> activitySplit(String key, List<String> codes,
			Map<String, RawFigures.Activities> counts, Map<String, Object> totals, int min) {
		RawFigures.Activities none = new RawFigures.Activities(0, 0, 0, 0);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String code : codes) {
			RawFigures.Activities a = counts.getOrDefault(code, none);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put(key, code);
			row.put("households", new Cell(a.households(), min));
			row.put("GREEN", new Cell(a.green(), min));
			row.put("ORANGE", new Cell(a.orange(), min));
			row.put("RED", new Cell(a.red(), min));
			rows.add(row);
		}
		for (String satisfaction : SATISFACTION) {
			Cell.protect(!((Cell) totals.get(satisfaction)).suppressed(),
					rows.stream().map((r) -> (Cell) r.get(satisfaction)).toList());
		}
		return rows;
	}

	/** The reasons for the first contact of vangnet-household/1, and none. */
	static final List<String> CONTACT_REASONS = List.of("FINANCES", "SOCIAL", "PARTICIPATION", "HOUSING", "HEALTH",
			"OTHER", "UNKNOWN");

	/**
	 * Tabel 3.2: households of P per reason for the first contact. A household may name
	 * several: no total to protect.
	 */
	private static Map<String, Cell> contactReasons(RawFigures raw, int min) {
		Map<String, Cell> cells = new LinkedHashMap<>();
		CONTACT_REASONS.forEach((code) -> cells.put(code, new Cell(raw.contactReasons.getOrDefault(code, 0L), min)));
		return cells;
	}

	/** The destinations of vangnet-household/1, and none recorded. */
	static final List<String> DESTINATIONS = List.of("OWN_HOME", "SOCIAL_HOUSING", "FAMILY_OR_FRIENDS", "OTHER_SHELTER",
			"SUPPORTED_HOUSING", "BACK_WITH_PARTNER", "ABROAD", "OTHER", "UNKNOWN", "NOT_RECORDED");

	/**
	 * Intensive trajectories of P ended in the period: in total and per destination. The
	 * destinations add up to the total, so they get secondary suppression.
	 */
	private static Map<String, Object> destinations(RawFigures raw, int min) {
		Cell ended = new Cell(raw.destinations.values().stream().mapToLong(Long::longValue).sum(), min);
		Map<String, Cell> cells = new LinkedHashMap<>();
		DESTINATIONS.forEach((code) -> cells.put(code, new Cell(raw.destinations.getOrDefault(code, 0L), min)));
		Cell.protect(!ended.suppressed(), cells.values());
		Map<String, Object> destinations = new LinkedHashMap<>();
		destinations.put("ended", ended);
		destinations.put("destinations", cells);
		return destinations;
	}

	/** Households of P reopened in the period, and their share of P. */
	private static Map<String, Object> returning(RawFigures raw, int min, Cell population) {
		Cell households = new Cell(raw.returning, min);
		Map<String, Object> returning = new LinkedHashMap<>();
		returning.put("households", households);
		returning.put("householdsPct", population.suppressed() ? null : percentage(households, population.value()));
		return returning;
	}

	/** The follow-up checks after departure, in months. */
	static final List<Integer> FOLLOW_UP_MONTHS = List.of(3, 6, 12);

	/** The outcomes of a follow-up check the monitor counts, after {@code due}. */
	static final List<String> FOLLOW_UP_OUTCOMES = List.of("reached", "housingStable", "safe", "networkGrew");

	/**
	 * Per check (3, 6, 12 months) the checks due in the period and what they found. The
	 * outcomes are parts of {@code due} that overlap and do not add up to it, and no
	 * complement is shown, so no suppressed count can be recovered by subtraction.
	 */
	private static List<Map<String, Object>> followUp(RawFigures raw, int min) {
		RawFigures.FollowUp none = new RawFigures.FollowUp(0, 0, 0, 0, 0);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int months : FOLLOW_UP_MONTHS) {
			RawFigures.FollowUp f = raw.followUp.getOrDefault(months, none);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("months", months);
			row.put("due", new Cell(f.due(), min));
			row.put("reached", new Cell(f.reached(), min));
			row.put("housingStable", new Cell(f.housingStable(), min));
			row.put("safe", new Cell(f.safe(), min));
			row.put("networkGrew", new Cell(f.networkGrew(), min));
			rows.add(row);
		}
		return rows;
	}

}
