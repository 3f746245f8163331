package nl.vangnet.monitor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.tenancy.TenantScope;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills Vangnet with realistic synthetic households, distributed like seed 004's 213
 * families and 847 contacts: composition, debts, referral, the parent's education,
 * language and day activities, children and their ages, help questions per domain (Tabel
 * 1.1), intensive and short trajectories and their durations (Tabel 4.1), time entries,
 * progress scores, experience and activities. Rows go in by the thousand with
 * {@code unnest} of arrays, as the system of the generated organisations (row-level
 * security holds); no names, no free text.
 */
@Component
class SyntheticHouseholds {

	private static final int CHUNK = 2000;

	/** Share of households with a question in the code (Tabel 1.1). */
	private static final Object[][] DOMAINS = { { "FINANCES", 0.79 }, { "HEALTH", 0.40 }, { "HOUSING", 0.35 },
			{ "SOCIAL.DOMESTIC_RELATIONS", 0.31 }, { "SOCIAL.PARENTING", 0.39 }, { "SOCIAL.NETWORK", 0.36 },
			{ "PARTICIPATION.DAILY_LIVING", 0.29 }, { "PARTICIPATION.DUTCH_LANGUAGE", 0.28 },
			{ "PARTICIPATION.WORK", 0.33 }, { "PARTICIPATION.EDUCATION", 0.17 },
			{ "PARTICIPATION.CHILD_DAYTIME", 0.36 }, { "PARTICIPATION.PARENT_DAYTIME", 0.43 }, { "OTHER", 0.27 } };

	private static final String[] REFERRAL = { "ORGANISATION_ACTIVITY_ADULTS", "ORGANISATION_ACTIVITY_CHILDREN",
			"SOCIETAL_ORGANISATION", "PROFESSIONAL_ORGANISATION", "OWN_NETWORK", "OTHER", "UNKNOWN" };

	private static final double[] REFERRAL_WEIGHTS = { 0.18, 0.10, 0.17, 0.30, 0.20, 0.03, 0.02 };

	private static final String[] TYPES = { "CONVERSATION", "ARRANGING", "PRACTICAL_SUPPORT", "BUDDY_SUPPORT",
			"PARENT_GROUP_ACTIVITY", "CHILD_GROUP_ACTIVITY", "PARENT_VOLUNTEER_WORK" };

	private static final String[] PROGRESS = { "FINANCES", "HOUSING", "HEALTH", "SOCIAL", "PARTICIPATION" };

	private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);

	private static final LocalDate LAST = LocalDate.of(2021, 10, 31);

	private final OrganisationApi organisations;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	SyntheticHouseholds(OrganisationApi organisations, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager) {
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Registers {@code organisationCount} organisations taking part in the monitor and
	 * spreads {@code householdCount} households over them.
	 * @return the organisations' codes
	 */
	List<String> generate(int organisationCount, int householdCount, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		List<UUID> ids = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		String prefix = "G" + Long.toString(Math.abs(random.nextLong()) % 46656, 36).toUpperCase();
		for (int i = 1; i <= organisationCount; i++) {
			String code = prefix + "-" + i;
			ids.add(this.organisations.register(code, "Synthetische organisatie " + code, OrganisationKind.INFORMAL,
					List.of("Noord"), true));
			codes.add(code);
		}
		insert(random, ids, householdCount, new Period(FIRST, LAST, "SYN-", false));
		return codes;
	}

	/**
	 * Adds {@code householdCount} synthetic households to existing organisations, with
	 * trajectories starting between {@code first} and {@code last} and none ending after
	 * {@code last}; their external ids start with {@code externalIdPrefix}.
	 */
	void addTo(List<UUID> organisationIds, int householdCount, long seed, LocalDate first, LocalDate last,
			String externalIdPrefix) {
		insert(new SplittableRandom(seed), List.copyOf(organisationIds), householdCount,
				new Period(first, last, externalIdPrefix, true));
	}

	private void insert(SplittableRandom random, List<UUID> ids, int householdCount, Period period) {
		for (int done = 0; done < householdCount; done += CHUNK) {
			int size = Math.min(CHUNK, householdCount - done);
			Set<UUID> scope = new HashSet<>(ids);
			int offset = done;
			TenantScope.runAs(TenantScope.Scope.system(scope),
					() -> this.transactions.executeWithoutResult((tx) -> chunk(random, ids, offset, size, period)));
		}
	}

	/**
	 * When the generated trajectories start and end; {@code clampEnds}: no trajectory
	 * ends after {@code last} (it runs on instead).
	 */
	private record Period(LocalDate first, LocalDate last, String externalIdPrefix, boolean clampEnds) {
	}

	private void chunk(SplittableRandom random, List<UUID> organisationIds, int offset, int size, Period period) {
		LocalDate first = period.first();
		LocalDate last = period.last();
		Rows households = new Rows("household", "id:uuid", "organisation_id:uuid", "external_id:text",
				"composition:text", "debts:text", "referral_source:text", "version:int");
		Rows members = new Rows("household_member", "id:uuid", "household_id:uuid", "organisation_id:uuid",
				"position:int", "ref:text", "role:text", "main_contact:boolean", "birth_date:date", "education:text",
				"dutch_language:text", "day_activities:varchar[]");
		Rows trajectories = new Rows("trajectory", "id:uuid", "household_id:uuid", "organisation_id:uuid",
				"position:int", "kind:text", "start_date:date", "end_date:date", "phase_model:text");
		Rows questions = new Rows("help_question", "id:uuid", "household_id:uuid", "organisation_id:uuid",
				"framework_code:text", "domain_code:text", "monitor_code:text", "opened_on:date", "status:text");
		Rows time = new Rows("time_entry", "id:uuid", "household_id:uuid", "organisation_id:uuid", "entry_date:date",
				"support_type:text", "minutes:int");
		Rows scores = new Rows("progress_score", "id:uuid", "household_id:uuid", "organisation_id:uuid",
				"instrument_code:text", "domain_code:text", "scored_on:date", "rater:text", "score:int");
		Rows experience = new Rows("experience", "id:uuid", "household_id:uuid", "organisation_id:uuid",
				"experienced_on:date", "monitor_code:text", "helped:text");
		Rows activities = new Rows("activity_participation", "id:uuid", "household_id:uuid", "organisation_id:uuid",
				"activity_date:date", "name:text", "satisfaction:text");
		int days = (int) (last.toEpochDay() - first.toEpochDay());
		for (int i = 0; i < size; i++) {
			UUID id = new UUID(random.nextLong(), random.nextLong());
			String org = organisationIds.get(random.nextInt(organisationIds.size())).toString();
			String h = id.toString();
			boolean twoParents = random.nextDouble() < 0.31;
			households.add(h, org, period.externalIdPrefix() + (offset + i + 1),
					twoParents ? "TWO_PARENT" : "ONE_PARENT",
					pick(random, new String[] { "YES", "NO", "UNKNOWN" }, new double[] { 0.62, 0.29, 0.09 }),
					pick(random, REFERRAL, REFERRAL_WEIGHTS), "0");
			LocalDate parentBorn = first.minusYears(22 + random.nextInt(25)).plusDays(random.nextInt(365));
			String activity = pick(random,
					new String[] { "CARE_FOR_CHILDREN", "CARE_FOR_CHILDREN,VOLUNTEER_WORK", "WORK", "EDUCATION", "" },
					new double[] { 0.55, 0.10, 0.15, 0.08, 0.12 });
			members.add(UUID.randomUUID().toString(), h, org, "0", "m1", "PARENT", "true", parentBorn.toString(),
					pick(random,
							new String[] { "BELOW_START_QUALIFICATION", "START_QUALIFICATION", "HIGHER", "UNKNOWN" },
							new double[] { 0.55, 0.25, 0.10, 0.10 }),
					pick(random, new String[] { "GOOD_OR_SUFFICIENT", "HAMPERS_CONVERSATION", "UNKNOWN" },
							new double[] { 0.50, 0.40, 0.10 }),
					"{" + activity + "}");
			int position = 1;
			if (twoParents) {
				members.add(UUID.randomUUID().toString(), h, org, Integer.toString(position++), "m2", "PARENT", "false",
						null, null, null, "{}");
			}
			int children = (int) pick(random, new int[] { 0, 1, 2, 3, 4, 5, 6 },
					new double[] { 0.03, 0.25, 0.30, 0.22, 0.11, 0.06, 0.03 });
			for (int c = 0; c < children; c++) {
				LocalDate born = (random.nextDouble() < 0.05) ? null : last.minusDays(random.nextInt(20 * 365));
				members.add(UUID.randomUUID().toString(), h, org, Integer.toString(position), "m" + (position + 1),
						"CHILD", "false", (born != null) ? born.toString() : null, null, null, "{}");
				position++;
			}
			boolean intensive = random.nextDouble() < 0.40;
			LocalDate start = first.plusDays(random.nextInt(days));
			LocalDate end = null;
			if (intensive) {
				if (random.nextDouble() < 0.32) {
					end = start.plusDays(30 + random.nextInt(900));
				}
			}
			else if (random.nextDouble() < 0.9) {
				end = start.plusDays(random.nextInt(60));
			}
			if (period.clampEnds() && end != null && end.isAfter(last)) {
				end = null;
			}
			trajectories.add(UUID.randomUUID().toString(), h, org, "0", intensive ? "INTENSIVE" : "SHORT",
					start.toString(), (end != null) ? end.toString() : null, "FLEXIBLE");
			if (!intensive) {
				continue;
			}
			LocalDate stop = (end != null) ? end : last;
			for (Object[] domain : DOMAINS) {
				if (random.nextDouble() < (double) domain[1]) {
					int n = (random.nextDouble() < 0.15) ? 2 : 1;
					for (int q = 0; q < n; q++) {
						String code = (String) domain[0];
						questions.add(UUID.randomUUID().toString(), h, org, "MONITOR", code, code,
								start.plusDays(random.nextInt(60)).toString(), "OPEN");
					}
				}
			}
			for (int t = 0; t < 6; t++) {
				boolean early = t < 3;
				LocalDate date = early ? start.plusDays(random.nextInt(56)) : stop.minusDays(random.nextInt(56));
				if (period.clampEnds() && date.isAfter(last)) {
					date = last;
				}
				time.add(UUID.randomUUID().toString(), h, org, date.toString(),
						TYPES[(t < 2 || t == 3) ? t % 2 : random.nextInt(TYPES.length)],
						Integer.toString(early ? 30 + random.nextInt(240) : 15 + random.nextInt(90)));
			}
			for (String domain : PROGRESS) {
				if (random.nextDouble() < 0.6) {
					LocalDate firstScore = start.plusDays(90);
					if (period.clampEnds() && firstScore.isAfter(last)) {
						continue;
					}
					scores.add(UUID.randomUUID().toString(), h, org, "MONITOR_PROGRESS", domain, firstScore.toString(),
							"WORKER", Integer.toString(2 + random.nextInt(3)));
					if (stop.isAfter(firstScore.plusDays(30))) {
						scores.add(UUID.randomUUID().toString(), h, org, "MONITOR_PROGRESS", domain,
								stop.minusDays(10).toString(), "WORKER",
								(random.nextDouble() < 0.1) ? null : Integer.toString(3 + random.nextInt(3)));
					}
				}
			}
			if (random.nextDouble() < 0.2) {
				experience.add(UUID.randomUUID().toString(), h, org, stop.minusDays(5).toString(),
						pick(random, new String[] { "FINANCES", "SOCIAL", "PARTICIPATION", "HOUSING" },
								new double[] { 0.3, 0.3, 0.25, 0.15 }),
						pick(random, new String[] { "YES", "A_BIT", "NO" }, new double[] { 0.85, 0.12, 0.03 }));
			}
			int taking = random.nextInt(4);
			for (int a = 0; a < taking; a++) {
				activities.add(UUID.randomUUID().toString(), h, org,
						start.plusDays(random.nextInt((int) Math.max(1, stop.toEpochDay() - start.toEpochDay())))
							.toString(),
						"Activiteit", pick(random, new String[] { "GREEN", "ORANGE", "RED", null },
								new double[] { 0.75, 0.1, 0.03, 0.12 }));
			}
		}
		for (Rows rows : List.of(households, members, trajectories, questions, time, scores, experience, activities)) {
			rows.insert(this.jdbc);
		}
	}

	private static String pick(SplittableRandom random, String[] values, double[] weights) {
		double r = random.nextDouble();
		for (int i = 0; i < values.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

	private static int pick(SplittableRandom random, int[] values, double[] weights) {
		double r = random.nextDouble();
		for (int i = 0; i < values.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

	/**
	 * Rows of one table, inserted with one statement: {@code unnest} of a text array per
	 * column, each cast to the column's type.
	 */
	static final class Rows {

		private final String table;

		private final String[] names;

		private final String[] types;

		private final List<String[]> rows = new ArrayList<>();

		Rows(String table, String... columns) {
			this.table = table;
			this.names = new String[columns.length];
			this.types = new String[columns.length];
			for (int i = 0; i < columns.length; i++) {
				String[] parts = columns[i].split(":");
				this.names[i] = parts[0];
				this.types[i] = parts[1];
			}
		}

		void add(String... values) {
			this.rows.add(values);
		}

		void insert(JdbcTemplate jdbc) {
			if (this.rows.isEmpty()) {
				return;
			}
			StringBuilder sql = new StringBuilder("insert into ").append(this.table).append(" (");
			sql.append(String.join(", ", this.names)).append(") select ");
			for (int i = 0; i < this.names.length; i++) {
				sql.append((i > 0) ? ", " : "").append("c").append(i).append("::").append(this.types[i]);
			}
			sql.append(" from unnest(");
			for (int i = 0; i < this.names.length; i++) {
				sql.append((i > 0) ? ", " : "").append("?::text[]");
			}
			sql.append(") as u(");
			for (int i = 0; i < this.names.length; i++) {
				sql.append((i > 0) ? ", " : "").append("c").append(i);
			}
			sql.append(")");
			jdbc.execute((ConnectionCallback<Void>) (connection) -> {
				execute(connection, sql.toString());
				return null;
			});
		}

		private void execute(Connection connection, String sql) throws SQLException {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int c = 0; c < this.names.length; c++) {
					String[] column = new String[this.rows.size()];
					for (int r = 0; r < this.rows.size(); r++) {
						column[r] = this.rows.get(r)[c];
					}
					statement.setArray(c + 1, connection.createArrayOf("text", column));
				}
				statement.executeUpdate();
			}
		}

	}

}
