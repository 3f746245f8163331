package nl.vangnet.monitor;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import nl.vangnet.platform.tenancy.TenantScope;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The city-scale part of the synthetic data (issue 16, item 3), for the page benchmarks
 * (bench/pages.sh): for an organisation of synthetic households, a coordinator and
 * professionals who can sign in (the same password for all), each the fixed contact
 * person of {@code families} running families; a monthly rhythm per running trajectory;
 * contact moments per household (most of them reaching her); and access-trail history
 * (views by the professionals, rows from before the trail's chain, as an imported history
 * would be). No names, no free text.
 */
@Component
class SyntheticCaseloads {

	private static final int CHUNK = 2000;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final PasswordEncoder passwords;

	SyntheticCaseloads(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.passwords = passwords;
	}

	/**
	 * Adds the caseloads to the organisation of the code.
	 * @return the e-mail addresses: the coordinator's first, then the professionals'
	 */
	List<String> add(String code, int professionals, int families, int moments, int trail, String password, long seed) {
		UUID organisation = this.jdbc.queryForObject("select id from organisation where code = ?", UUID.class, code);
		SplittableRandom random = new SplittableRandom(seed);
		String hash = this.passwords.encode(password);
		String domain = code.toLowerCase(Locale.ROOT) + ".bench.example";
		List<String> emails = new ArrayList<>();
		List<UUID> staff = new ArrayList<>();
		TenantScope.runAs(TenantScope.Scope.system(Set.of(organisation)),
				() -> this.transactions.executeWithoutResult((tx) -> {
					int running = this.jdbc.queryForObject(
							"select count(*) from trajectory where organisation_id = ? and end_date is null",
							Integer.class, organisation);
					int workers = Math.max(1, Math.min(professionals, running / Math.max(1, families)));
					for (int i = 0; i <= workers; i++) {
						UUID id = UUID.randomUUID();
						String email = (i == 0) ? "coordinator@" + domain : "pro" + i + "@" + domain;
						this.jdbc.update(
								"""
										insert into account (id, email, display_name, password_hash, role, organisation_id, active,
										  must_change_password, version)
										values (?, ?, ?, ?, ?, ?, true, false, 0)
										""",
								id, email, (i == 0) ? "Coördinator " + code : "Medewerker " + i, hash,
								(i == 0) ? "COORDINATOR" : "PROFESSIONAL", organisation);
						emails.add(email);
						if (i > 0) {
							staff.add(id);
						}
					}
					// Each professional the fixed contact person of `families` running
					// families.
					List<UUID> trajectories = this.jdbc.queryForList("""
							select id from trajectory where organisation_id = ? and end_date is null order by id limit ?
							""", UUID.class, organisation, workers * families);
					for (int i = 0; i < trajectories.size(); i++) {
						this.jdbc.update("update trajectory set contact_person = ? where id = ?",
								staff.get(i / families), trajectories.get(i));
					}
					this.jdbc.update(
							"""
									insert into follow_up_rhythm (id, household_id, organisation_id, trajectory_id, rhythm, started_on)
									select gen_random_uuid(), household_id, organisation_id, id, 'MONTHLY', start_date from trajectory
									where organisation_id = ? and end_date is null
									""",
							organisation);
				}));
		UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
		while (true) {
			UUID from = after;
			List<Object[]> chunk = TenantScope.callAs(TenantScope.Scope.system(Set.of(organisation)),
					() -> this.transactions.execute((tx) -> {
						List<Object[]> households = this.jdbc
							.query("""
									select t.household_id, min(t.start_date), max(coalesce(t.end_date, date '2021-10-31'))
									from trajectory t where t.organisation_id = ? and t.household_id > ?
									group by t.household_id order by t.household_id limit ?
									""",
									(rs, n) -> new Object[] { rs.getObject(1, UUID.class),
											rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class) },
									organisation, from, CHUNK);
						insertChunk(random, organisation, households, staff, moments, trail);
						return households;
					}));
			if (chunk.isEmpty()) {
				break;
			}
			after = (UUID) chunk.get(chunk.size() - 1)[0];
		}
		return emails;
	}

	private void insertChunk(SplittableRandom random, UUID organisation, List<Object[]> households, List<UUID> staff,
			int moments, int trail) {
		SyntheticHouseholds.Rows contacts = new SyntheticHouseholds.Rows("contact_moment", "id:uuid",
				"household_id:uuid", "organisation_id:uuid", "occurred_at:timestamp", "channel:text",
				"reached:boolean");
		SyntheticHouseholds.Rows views = new SyntheticHouseholds.Rows("access_trail", "occurred_at:timestamptz",
				"actor_id:uuid", "actor_role:text", "organisation_id:uuid", "subject_type:text", "subject_id:uuid",
				"action:text", "outcome:text");
		String org = organisation.toString();
		for (Object[] household : households) {
			String h = household[0].toString();
			LocalDate first = (LocalDate) household[1];
			int days = (int) Math.max(1, ((LocalDate) household[2]).toEpochDay() - first.toEpochDay());
			for (int m = 0; m < moments; m++) {
				boolean reached = random.nextDouble() < 0.85;
				LocalDateTime at = first.plusDays(random.nextInt(days)).atTime(9 + random.nextInt(8), 0);
				contacts.add(UUID.randomUUID().toString(), h, org, at.toString(), reached ? "HOME_VISIT" : "PHONE",
						Boolean.toString(reached));
			}
			for (int v = 0; v < trail; v++) {
				LocalDateTime at = first.plusDays(random.nextInt(days)).atTime(8 + random.nextInt(10), 0);
				views.add(at + "+01", staff.get(random.nextInt(staff.size())).toString(), "PROFESSIONAL", org,
						"HOUSEHOLD", h, "VIEW", "SUCCESS");
			}
		}
		contacts.insert(this.jdbc);
		views.insert(this.jdbc);
	}

}
