package nl.vangnet.privacy;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.household.ClosedHousehold;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.UnprocessableException;
import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.tenancy.TenantScope;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention period (bewaartermijn) of each organisation: so many years after a
 * household was closed (the installation's default unless the organisation set its own),
 * and the daily job that lists the households past it for the coordinators. Listing
 * erases nothing: a coordinator requests the erasure and a second one approves it.
 */
@Service
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	/**
	 * The advisory lock the daily job holds, so that of two nodes one lists at a time.
	 */
	static final long JOB_LOCK = 0x76616e67_72657465L;

	private final PrivacySettings settings;

	private final HouseholdApi households;

	private final OrganisationApi organisations;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Retention(PrivacySettings settings, HouseholdApi households, OrganisationApi organisations, JdbcClient jdbc,
			Clock clock, org.springframework.transaction.PlatformTransactionManager transactionManager) {
		this.settings = settings;
		this.households = households;
		this.organisations = organisations;
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The organisation's retention period in years, and whether it is its own. */
	@Transactional(readOnly = true)
	public Policy policy(UUID organisationId) {
		return this.jdbc.sql("select years, version from retention_policy where organisation_id = :organisation")
			.param("organisation", organisationId)
			.query((rs, n) -> new Policy(rs.getInt("years"), true, rs.getInt("version")))
			.optional()
			.orElse(new Policy(this.settings.retentionYears(), false, -1));
	}

	/**
	 * The coordinator sets the organisation's retention period.
	 * @param version the version read ({@code -1} or {@code null} while it has none of
	 * its own)
	 */
	@Transactional
	public Policy choose(int years, Integer version) {
		Staff staff = Staff.current().requireOrganisation("retention");
		if (!staff.handlesPrivacyRequests()) {
			throw new AccessDeniedException("Only a coordinator sets the retention period");
		}
		if (years < 1 || years > 115) {
			throw new UnprocessableException("years", "privacy.retention.years.range", 1, 115);
		}
		Policy current = policy(staff.organisationId());
		int read = (version != null) ? version : -1;
		if (years == current.years()) {
			// Nothing changes: what was sent is what holds, whoever changed it since.
			return current;
		}
		if (read != current.version()) {
			throw new ConflictException(Math.max(current.version(), 0), List.of(new ConflictException.Change("years",
					String.valueOf(years), String.valueOf(current.years()), "privacy.retention.years", null, false)));
		}
		if (current.own()) {
			this.jdbc.sql("""
					update retention_policy set years = :years, updated_by = :by, updated_at = clock_timestamp(),
					       version = version + 1
					where organisation_id = :organisation""")
				.param("years", years)
				.param("by", staff.userId())
				.param("organisation", staff.organisationId())
				.update();
		}
		else {
			this.jdbc
				.sql("""
						insert into retention_policy (organisation_id, years, updated_by) values (:organisation, :years, :by)
						on conflict (organisation_id) do nothing""")
				.param("years", years)
				.param("by", staff.userId())
				.param("organisation", staff.organisationId())
				.update();
		}
		return policy(staff.organisationId());
	}

	/** The day a household closed on this day is past the organisation's retention. */
	public LocalDate dueOn(UUID organisationId, LocalDate closedOn) {
		return closedOn.plusYears(policy(organisationId).years());
	}

	/** The households of the coordinator's organisation past retention, oldest first. */
	@Transactional(readOnly = true)
	public List<Due> due() {
		Staff staff = Staff.current().requireOrganisation("retention");
		if (!staff.handlesPrivacyRequests()) {
			throw new AccessDeniedException("Only a coordinator sees the retention list");
		}
		return this.jdbc.sql("""
				select household_id, closed_on, due_on, listed_on from retention_due
				where organisation_id = :organisation order by due_on, household_id""")
			.param("organisation", staff.organisationId())
			.query((rs, n) -> new Due(rs.getObject("household_id", UUID.class), rs.getDate("closed_on").toLocalDate(),
					rs.getDate("due_on").toLocalDate(), rs.getDate("listed_on").toLocalDate()))
			.list();
	}

	/**
	 * Daily: lists the households past retention (the cron of {@link PrivacySettings}).
	 */
	@Scheduled(cron = "${vangnet.privacy.retention-cron:0 30 2 * * *}", zone = "${vangnet.time-zone:Europe/Amsterdam}")
	public void daily() {
		int listed = listPastRetention();
		if (listed > 0) {
			log.info("Retention: {} households newly past their retention period", listed);
		}
	}

	/**
	 * Lists every organisation's households past retention, once per organisation in a
	 * transaction of its own. Safe on several nodes at once: each transaction takes the
	 * advisory lock of its organisation (another node skips it) and the listing is
	 * idempotent.
	 * @return how many households were newly listed
	 */
	public int listPastRetention() {
		LocalDate today = LocalDate.now(this.clock);
		List<OrganisationSummary> all = TenantScope.callAs(TenantScope.Scope.system(Set.of()),
				() -> this.transactions.execute((status) -> this.organisations.all()));
		int listed = 0;
		for (OrganisationSummary organisation : all) {
			Integer n = TenantScope.callAs(TenantScope.Scope.system(Set.of(organisation.id())),
					() -> this.transactions.execute((status) -> listFor(organisation.id(), today)));
			listed += (n != null) ? n : 0;
		}
		return listed;
	}

	private int listFor(UUID organisationId, LocalDate today) {
		Boolean locked = this.jdbc.sql("select pg_try_advisory_xact_lock(:lock, hashtext(:organisation))")
			.param("lock", (int) (JOB_LOCK >>> 32))
			.param("organisation", organisationId.toString())
			.query(Boolean.class)
			.single();
		if (!Boolean.TRUE.equals(locked)) {
			return 0;
		}
		int years = policy(organisationId).years();
		int listed = 0;
		for (ClosedHousehold closed : this.households.closedOnOrBefore(today.minusYears(years))) {
			listed += this.jdbc.sql("""
					insert into retention_due (household_id, organisation_id, closed_on, due_on, listed_on)
					values (:household, :organisation, :closed, :due, :today)
					on conflict (household_id) do nothing""")
				.param("household", closed.id().value())
				.param("organisation", organisationId)
				.param("closed", Date.valueOf(closed.closedOn()))
				.param("due", Date.valueOf(closed.closedOn().plusYears(years)))
				.param("today", Date.valueOf(today))
				.update();
		}
		return listed;
	}

	/**
	 * @param own whether the organisation set it (else the installation's default)
	 * @param version its version, {@code -1} while it has none of its own
	 */
	public record Policy(int years, boolean own, int version) {
	}

	public record Due(UUID household, LocalDate closedOn, LocalDate dueOn, LocalDate listedOn) {
	}

}
