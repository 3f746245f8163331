package nl.vangnet.monitor;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.vangnet.lifedomain.Framework;
import nl.vangnet.lifedomain.LifeDomainApi;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The monitor document laid out as the seed's tables, labelled in the reader's language:
 * the same tables feed the page, the CSV, the spreadsheet and the PDF report. Counts
 * only, with percentages and means where the contract gives them; a suppressed cell is
 * shown as such, never as a number.
 */
@Component
class MonitorTables {

	private final MessageSource messages;

	private final LifeDomainApi lifeDomains;

	MonitorTables(MessageSource messages, LifeDomainApi lifeDomains) {
		this.messages = messages;
		this.lifeDomains = lifeDomains;
	}

	/**
	 * @param chart the kind of chart drawn from the first value column ({@code bar},
	 * {@code pie} or {@code null})
	 */
	record Table(String id, String title, List<String> columns, List<Row> rows, String chart) {

		/**
		 * Whether every cell that counts anyone is suppressed (the others are zero or
		 * have no figure), so that the table tells nothing and the page says why.
		 */
		public boolean allSuppressed(String suppressed) {
			boolean any = false;
			for (Row row : this.rows) {
				for (String value : row.values()) {
					if (suppressed.equals(value)) {
						any = true;
					}
					else if (!"–".equals(value) && !"0".equals(value)) {
						return false;
					}
				}
			}
			return any;
		}

	}

	/**
	 * @param chartValue the value a chart draws ({@code null}: suppressed or none)
	 */
	record Row(String label, List<String> values, Number chartValue) {
	}

	@SuppressWarnings("unchecked")
	List<Table> tables(Map<String, Object> report, Locale locale) {
		List<Table> tables = new ArrayList<>();
		String suppressed = msg("monitor.suppressed", locale);
		// Tabel B
		List<Row> reach = new ArrayList<>();
		for (Map<String, Object> row : (List<Map<String, Object>>) report.get("reach")) {
			String organisation = (String) row.get("organisation");
			reach.add(new Row(MonitorReport.TOTAL.equals(organisation) ? msg("monitor.total", locale) : organisation,
					List.of(cell(row.get("intensive"), suppressed), cell(row.get("short"), suppressed)), null));
		}
		tables
			.add(new Table(
					"reach", msg("monitor.table.reach", locale), List.of(msg("monitor.column.organisation", locale),
							msg("monitor.column.intensive", locale), msg("monitor.column.short", locale)),
					reach, null));
		// Background
		Map<String, Map<String, Cell>> background = (Map<String, Map<String, Cell>>) report.get("background");
		String[][] dimensions = { { "composition", "household.composition." }, { "debts", "household.debts." },
				{ "referralSource", "household.referralSource." }, { "education", "household.education." },
				{ "dutchLanguage", "household.dutchLanguage." }, { "dayActivities", "household.dayActivity." },
				{ "childrenPerHousehold", "monitor.children." }, { "childAgeGroups", "household.ageGroup." } };
		for (String[] dimension : dimensions) {
			List<Row> rows = new ArrayList<>();
			background.get(dimension[0])
				.forEach((code, cell) -> rows.add(new Row(msg(dimension[1] + code, locale, code),
						List.of(cell(cell, suppressed)), cell.count())));
			tables.add(new Table("background-" + dimension[0], msg("monitor.background." + dimension[0], locale), List
				.of(msg("monitor.column.category", locale), msg(
						"childAgeGroups".equals(dimension[0]) ? "monitor.column.children" : "monitor.column.households",
						locale)),
					rows, null));
		}
		// Tabel 1.1 and Figuur 1.6
		Map<String, Framework.Domain> domains = new java.util.HashMap<>();
		this.lifeDomains.monitorFramework().domains().forEach((d) -> domains.put(d.code(), d));
		List<Row> domainRows = new ArrayList<>();
		for (Map<String, Object> row : (List<Map<String, Object>>) report.get("domains")) {
			String code = (String) row.get("code");
			Framework.Domain domain = domains.get(code);
			String label = (domain != null) ? domain.label(locale) : code;
			Cell households = (Cell) row.get("households");
			domainRows.add(new Row(code.contains(".") ? "– " + label : label,
					List.of(cell(households, suppressed), pct(row.get("householdsPct")),
							cell(row.get("questions"), suppressed), pct(row.get("questionsPct"))),
					(Double) row.get("householdsPct")));
		}
		tables.add(new Table("domains", msg("monitor.table.domains", locale),
				List.of(msg("monitor.column.domain", locale), msg("monitor.column.households", locale),
						msg("monitor.column.householdsPct", locale), msg("monitor.column.questions", locale),
						msg("monitor.column.questionsPct", locale)),
				domainRows, "bar"));
		// Tabel 4.1
		Map<String, Map<String, Cell>> duration = (Map<String, Map<String, Cell>>) report.get("duration");
		List<Row> durationRows = new ArrayList<>();
		for (String bin : MonitorReport.BINS) {
			Cell finished = duration.get("finished").get(bin);
			Cell ongoing = duration.get("ongoing").get(bin);
			durationRows.add(new Row(msg("monitor.months", locale, bin, bin),
					List.of(cell(finished, suppressed), cell(ongoing, suppressed)), ongoing.count()));
		}
		tables.add(new Table(
				"duration", msg("monitor.table.duration", locale), List.of(msg("monitor.column.months", locale),
						msg("monitor.column.finished", locale), msg("monitor.column.ongoing", locale)),
				durationRows, "bar"));
		// Tabel 4.2: time
		List<Row> timeRows = new ArrayList<>();
		for (Map<String, Object> row : (List<Map<String, Object>>) report.get("time")) {
			Map<String, Object> start = (Map<String, Object>) row.get("start");
			Map<String, Object> recent = (Map<String, Object>) row.get("recent");
			timeRows.add(new Row(msg("monitor.supportType." + row.get("type"), locale),
					List.of(cell(start.get("households"), suppressed), decimal(start.get("avgMinutesPerWeek")),
							cell(recent.get("households"), suppressed), decimal(recent.get("avgMinutesPerWeek"))),
					(Double) start.get("avgMinutesPerWeek")));
		}
		tables.add(new Table("time", msg("monitor.table.time", locale),
				List.of(msg("monitor.column.supportType", locale), msg("monitor.column.startHouseholds", locale),
						msg("monitor.column.startMinutes", locale), msg("monitor.column.recentHouseholds", locale),
						msg("monitor.column.recentMinutes", locale)),
				timeRows, null));
		// Tabel 4.2: progress
		List<Row> progressRows = new ArrayList<>();
		for (Map<String, Object> row : (List<Map<String, Object>>) report.get("progress")) {
			Map<String, Cell> distribution = (Map<String, Cell>) row.get("distribution");
			List<String> values = new ArrayList<>();
			values.add(cell(row.get("households"), suppressed));
			values.add(decimal(row.get("mean")));
			distribution.values().forEach((c) -> values.add(cell(c, suppressed)));
			progressRows.add(new Row(domainLabel(domains, (String) row.get("domain"), locale), values,
					(Double) row.get("mean")));
		}
		tables.add(new Table("progress", msg("monitor.table.progress", locale),
				List.of(msg("monitor.column.domain", locale), msg("monitor.column.households", locale),
						msg("monitor.column.mean", locale), "1", "2", "3", "4", "5"),
				progressRows, "bar"));
		// Tabel 3.3
		List<Row> experienceRows = new ArrayList<>();
		for (Map<String, Object> row : (List<Map<String, Object>>) report.get("experience")) {
			String code = (String) row.get("domain");
			String label = domainLabel(domains, code, locale);
			experienceRows
				.add(new Row(code.contains(".") ? "– " + label : label, List.of(cell(row.get("YES"), suppressed),
						cell(row.get("A_BIT"), suppressed), cell(row.get("NO"), suppressed)), null));
		}
		tables
			.add(new Table("experience", msg("monitor.table.experience", locale),
					List.of(msg("monitor.column.domain", locale), msg("monitor.helped.YES", locale),
							msg("monitor.helped.A_BIT", locale), msg("monitor.helped.NO", locale)),
					experienceRows, null));
		// Tabel 3.4
		Map<String, Object> activities = (Map<String, Object>) report.get("activities");
		tables.add(new Table("activities", msg("monitor.table.activities", locale),
				List.of(msg("monitor.column.households", locale), msg("monitor.satisfaction.GREEN", locale),
						msg("monitor.satisfaction.ORANGE", locale), msg("monitor.satisfaction.RED", locale)),
				List.of(new Row(cell(activities.get("households"), suppressed),
						List.of(cell(activities.get("GREEN"), suppressed), cell(activities.get("ORANGE"), suppressed),
								cell(activities.get("RED"), suppressed)),
						null)),
				null));
		// Tabel 3.4 split: per kind and per participant
		List<String> splitColumns = List.of(msg("monitor.column.households", locale),
				msg("monitor.satisfaction.GREEN", locale), msg("monitor.satisfaction.ORANGE", locale),
				msg("monitor.satisfaction.RED", locale));
		for (String[] split : new String[][] { { "byKind", "kind", "activities-kinds", "monitor.activityKind." },
				{ "byParticipant", "participant", "activities-participants", "monitor.participant." } }) {
			List<Row> rows = new ArrayList<>();
			for (Map<String, Object> row : (List<Map<String, Object>>) activities.get(split[0])) {
				rows.add(new Row(msg(split[3] + row.get(split[1]), locale),
						List.of(cell(row.get("households"), suppressed), cell(row.get("GREEN"), suppressed),
								cell(row.get("ORANGE"), suppressed), cell(row.get("RED"), suppressed)),
						((Cell) row.get("households")).count()));
			}
			List<String> columns = new ArrayList<>();
			columns.add(msg("monitor.column." + split[1], locale));
			columns.addAll(splitColumns);
			tables.add(new Table(split[2], msg("monitor.table." + split[2], locale), columns, rows, null));
		}
		// Tabel 3.2: reasons for the first contact
		List<Row> reasonRows = new ArrayList<>();
		((Map<String, Cell>) report.get("contactReasons")).forEach((code, cell) -> reasonRows
			.add(new Row(msg("monitor.contactReason." + code, locale), List.of(cell(cell, suppressed)), cell.count())));
		tables.add(new Table("contact-reasons", msg("monitor.table.contactReasons", locale),
				List.of(msg("monitor.column.contactReason", locale), msg("monitor.column.households", locale)),
				reasonRows, "bar"));
		// Destinations at departure
		Map<String, Object> destinations = (Map<String, Object>) report.get("destinations");
		List<Row> destinationRows = new ArrayList<>();
		((Map<String, Cell>) destinations.get("destinations")).forEach((code,
				cell) -> destinationRows.add(new Row(
						msg("NOT_RECORDED".equals(code) ? "trajectory.destination.none"
								: "trajectory.destination." + code, locale),
						List.of(cell(cell, suppressed)), cell.count())));
		destinationRows
			.add(new Row(msg("monitor.total", locale), List.of(cell(destinations.get("ended"), suppressed)), null));
		tables.add(new Table("destinations", msg("monitor.table.destinations", locale),
				List.of(msg("monitor.column.destination", locale), msg("monitor.column.trajectories", locale)),
				destinationRows, null));
		// Returning families
		Map<String, Object> returning = (Map<String, Object>) report.get("returning");
		tables.add(new Table("returning", msg("monitor.table.returning", locale),
				List.of(msg("monitor.column.category", locale), msg("monitor.column.households", locale),
						msg("monitor.column.householdsPct", locale)),
				List.of(new Row(msg("monitor.returning.reopened", locale),
						List.of(cell(returning.get("households"), suppressed), pct(returning.get("householdsPct"))),
						null)),
				null));
		// Follow-up checks after departure: per check, due and what they found
		List<Row> followUpRows = new ArrayList<>();
		for (Map<String, Object> row : (List<Map<String, Object>>) report.get("followUp")) {
			List<String> cells = new ArrayList<>();
			cells.add(cell(row.get("due"), suppressed));
			for (String outcome : MonitorReport.FOLLOW_UP_OUTCOMES) {
				cells.add(cell(row.get(outcome), suppressed));
			}
			followUpRows.add(new Row(msg("monitor.followUp.months", locale, row.get("months")), cells,
					((Cell) row.get("due")).count()));
		}
		List<String> followUpColumns = new ArrayList<>();
		followUpColumns.add(msg("monitor.column.followUpCheck", locale));
		followUpColumns.add(msg("monitor.column.followUpDue", locale));
		for (String outcome : MonitorReport.FOLLOW_UP_OUTCOMES) {
			followUpColumns.add(msg("monitor.column.followUp." + outcome, locale));
		}
		tables.add(new Table("follow-up", msg("monitor.table.followUp", locale), followUpColumns, followUpRows, null));
		// Referrals (vangnet-referral/1): per domain and per partner kind, with the total
		Map<String, Object> referrals = (Map<String, Object>) report.get("referrals");
		List<String> referralColumns = List.of(msg("monitor.column.referralsSent", locale),
				msg("monitor.column.referralsFeedback", locale), msg("monitor.column.referralsFeedbackPct", locale),
				msg("monitor.column.referralsAccepted", locale), msg("monitor.column.referralsAcceptedPct", locale),
				msg("monitor.column.referralsFirstContact", locale), msg("monitor.column.referralsMedianDays", locale));
		List<Row> byDomain = new ArrayList<>();
		for (Map<String, Object> row : (List<Map<String, Object>>) referrals.get("domains")) {
			String code = (String) row.get("domain");
			byDomain.add(referralRow("UNKNOWN".equals(code) ? msg("monitor.referrals.noDomain", locale)
					: domainLabel(domains, code, locale), row, suppressed));
		}
		byDomain.add(referralRow(msg("monitor.total", locale), referrals, suppressed));
		List<String> domainColumns = new ArrayList<>();
		domainColumns.add(msg("monitor.column.domain", locale));
		domainColumns.addAll(referralColumns);
		tables.add(new Table("referrals-domains", msg("monitor.table.referralsDomains", locale), domainColumns,
				byDomain, null));
		List<Row> byKind = new ArrayList<>();
		for (Map<String, Object> row : (List<Map<String, Object>>) referrals.get("partnerKinds")) {
			byKind.add(referralRow(msg("partner.kind." + row.get("kind"), locale), row, suppressed));
		}
		byKind.add(referralRow(msg("monitor.total", locale), referrals, suppressed));
		List<String> kindColumns = new ArrayList<>();
		kindColumns.add(msg("monitor.column.partnerKind", locale));
		kindColumns.addAll(referralColumns);
		tables
			.add(new Table("referrals-kinds", msg("monitor.table.referralsKinds", locale), kindColumns, byKind, null));
		// Safety (issue 14): households with a plan or a screening, and meldcode cases
		Map<String, Object> safety = (Map<String, Object>) report.get("safety");
		List<Row> safetyRows = new ArrayList<>();
		safetyRows.add(new Row(msg("monitor.safety.householdsWithPlan", locale),
				List.of(cell(safety.get("householdsWithPlan"), suppressed)), null));
		safetyRows.add(new Row(msg("monitor.safety.householdsScreened", locale),
				List.of(cell(safety.get("householdsScreened"), suppressed)), null));
		((Map<String, Cell>) safety.get("latestRiskLevels"))
			.forEach((level, cell) -> safetyRows.add(new Row("– " + msg("monitor.safety.level." + level, locale),
					List.of(cell(cell, suppressed)), cell.count())));
		tables.add(new Table("safety", msg("monitor.table.safety", locale),
				List.of(msg("monitor.column.category", locale), msg("monitor.column.households", locale)), safetyRows,
				null));
		List<Row> meldcodeRows = new ArrayList<>();
		meldcodeRows.add(new Row(msg("monitor.safety.meldcodeCasesOpened", locale),
				List.of(cell(safety.get("meldcodeCasesOpened"), suppressed)), null));
		((Map<String, Cell>) safety.get("meldcodeDecisions")).forEach(
				(decision, cell) -> meldcodeRows.add(new Row("– " + msg("monitor.safety.decision." + decision, locale),
						List.of(cell(cell, suppressed)), cell.count())));
		tables.add(new Table("meldcode", msg("monitor.table.meldcode", locale),
				List.of(msg("monitor.column.decision", locale), msg("monitor.column.cases", locale)), meldcodeRows,
				null));
		return localised(tables, locale);
	}

	/**
	 * A mean or a percentage as the tables are built: one decimal, before the reader's
	 * format.
	 */
	private static final Pattern ROOT_DECIMAL = Pattern.compile("(-?\\d+\\.\\d)(%?)");

	/**
	 * Every mean and percentage written as the reader writes numbers: "58,7%" in Dutch,
	 * "58.7%" in English, like every other number on the pages.
	 */
	private static List<Table> localised(List<Table> tables, Locale locale) {
		List<Table> localised = new ArrayList<>();
		for (Table table : tables) {
			List<Row> rows = new ArrayList<>();
			for (Row row : table.rows()) {
				rows.add(new Row(row.label(), row.values().stream().map((v) -> localise(v, locale)).toList(),
						row.chartValue()));
			}
			localised.add(new Table(table.id(), table.title(), table.columns(), rows, table.chart()));
		}
		return localised;
	}

	static String localise(String value, Locale locale) {
		Matcher matcher = ROOT_DECIMAL.matcher(value);
		if (!matcher.matches()) {
			return value;
		}
		return oneDecimal(locale).format(Double.parseDouble(matcher.group(1))) + matcher.group(2);
	}

	/** One decimal in the reader's format. */
	static NumberFormat oneDecimal(Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		return format;
	}

	private static Row referralRow(String label, Map<String, Object> row, String suppressed) {
		return new Row(label, List.of(cell(row.get("sent"), suppressed), cell(row.get("withFeedback"), suppressed),
				pct(row.get("withFeedbackPct")), cell(row.get("accepted"), suppressed), pct(row.get("acceptedPct")),
				cell(row.get("firstContact"), suppressed), decimal(row.get("medianDaysToFirstContact"))), null);
	}

	private static String domainLabel(Map<String, Framework.Domain> domains, String code, Locale locale) {
		Framework.Domain domain = domains.get(code);
		return (domain != null) ? domain.label(locale) : code;
	}

	private static String cell(Object value, String suppressed) {
		Cell cell = (Cell) value;
		return cell.suppressed() ? suppressed : Long.toString(cell.count());
	}

	private static String pct(Object value) {
		return (value == null) ? "–" : String.format(Locale.ROOT, "%.1f%%", (Double) value);
	}

	private static String decimal(Object value) {
		return (value == null) ? "–" : String.format(Locale.ROOT, "%.1f", (Double) value);
	}

	private String msg(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	private String msg(String key, Locale locale, String fallback) {
		return this.messages.getMessage(key, null, fallback, locale);
	}

}
