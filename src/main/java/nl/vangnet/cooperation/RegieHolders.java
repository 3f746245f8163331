package nl.vangnet.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.account.AccountApi;
import nl.vangnet.account.StaffMember;
import nl.vangnet.household.Family;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.Differences;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regie holder (001: "centraal aanspreekpunt"; 002: "bij wie ligt de regie"): for a
 * family shared between organisations, the one worker who is the central contact point,
 * and how to reach them. The organisation that owns the household records it (the holder
 * may work there or at an organisation the family is shared with); every organisation
 * that shares the family sees it: the receiver of a referral reads it live while the
 * consent holds, under the database's policy (see {@link SharedSections}), in the
 * referral and in the dossier of the family it registered from the referral.
 */
@Service
@Transactional
class RegieHolders {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	private final JdbcClient jdbc;

	private final HouseholdApi households;

	private final AccountApi accounts;

	private final OrganisationApi organisations;

	private final SharedSections shared;

	private final AccessTrail trail;

	private final Clock clock;

	RegieHolders(JdbcClient jdbc, HouseholdApi households, AccountApi accounts, OrganisationApi organisations,
			SharedSections shared, AccessTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.households = households;
		this.accounts = accounts;
		this.organisations = organisations;
		this.shared = shared;
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * Who holds the regie of one of the caller's households: recorded by the caller's
	 * organisation, or, for a family it registered from a referral, as the referring
	 * organisation recorded it while the consent holds (a shared read in both trails).
	 * One view in the caller's trail.
	 */
	Optional<RegieView> of(UUID householdId) {
		return of(householdId, true);
	}

	/**
	 * The same; {@code recordView} false when the page it is part of records the view
	 * itself (a shared read is always recorded in the owning organisation's trail).
	 */
	Optional<RegieView> of(UUID householdId, boolean recordView) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		this.households.family(new HouseholdId(householdId));
		Optional<RegieView> own = own(householdId);
		List<Linked> linked = own.isPresent() ? List.of() : linked(householdId, actor);
		if (!linked.isEmpty()) {
			// the own trail and the referrers': their heads in one order (no deadlock)
			this.trail.lockChains(linked.stream().map(Linked::from).toArray(UUID[]::new));
		}
		if (recordView) {
			this.trail.record(AccessAction.VIEW, AccessSubject.household(householdId));
		}
		if (own.isPresent()) {
			return own;
		}
		return shared(linked, actor);
	}

	/**
	 * For a family the caller's organisation registered from a referral: who holds the
	 * regie as the referring organisation shares it while the consent holds; each such
	 * read is in the owning organisation's trail.
	 */
	private Optional<RegieView> shared(UUID householdId, Staff actor) {
		return shared(linked(householdId, actor), actor);
	}

	/** The referrals from which the caller's organisation registered the household. */
	private List<Linked> linked(UUID householdId, Staff actor) {
		return this.jdbc.sql("""
				select r.id, r.household_id, r.from_organisation_id, f.code from referral r
				join organisation_directory f on f.id = r.from_organisation_id
				where r.receiver_household_id = :h and r.to_organisation_id = :org order by r.created_at desc
				""")
			.param("h", householdId)
			.param("org", actor.organisationId())
			.query((rs, row) -> new Linked(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
					rs.getObject("from_organisation_id", UUID.class), rs.getString("code")))
			.list();
	}

	private Optional<RegieView> shared(List<Linked> linked, Staff actor) {
		String code = this.organisations.byId(actor.organisationId()).map(OrganisationSummary::code).orElse("?");
		for (Linked link : linked) {
			RegieView regie = this.shared.regie(link.referral(), link.household(), LocalDate.now(this.clock));
			if (regie != null) {
				this.trail.recordSharedRead(link.from(), link.household(), code,
						"referral " + link.referral() + " (regie)");
				return Optional.of(regie.sharedBy(link.fromCode()));
			}
		}
		return Optional.empty();
	}

	/** The regie as the caller's organisation recorded it for its household. */
	@Transactional(readOnly = true)
	Optional<RegieView> own(UUID householdId) {
		return this.jdbc.sql("select * from regie_holder where household_id = :h")
			.param("h", householdId)
			.query(RegieHolders::view)
			.optional();
	}

	/**
	 * Records who holds the regie of the household (the first time without a version,
	 * after that on the version read). One family has one regie holder: for a family
	 * registered from a referral whose referrer shares one, it is refused naming who.
	 * Refused with field errors when a rule is not met, with what changed when someone
	 * else changed it meanwhile.
	 */
	RegieView record(UUID householdId, RegieInput input) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Family family = this.households.family(new HouseholdId(householdId));
		if (!actor.organisationId().equals(family.organisationId())) {
			throw new NotFoundException("household");
		}
		Optional<RegieView> current = own(householdId);
		if (current.isEmpty()) {
			Optional<RegieView> elsewhere = shared(householdId, actor);
			if (elsewhere.isPresent()) {
				throw new DomainException("name", "regie.heldElsewhere", elsewhere.get().name(),
						elsewhere.get().sharedBy());
			}
		}
		List<DomainException> errors = new ArrayList<>();
		StaffMember worker = null;
		if (input.account() != null) {
			worker = this.accounts.staff(actor.organisationId())
				.stream()
				.filter((s) -> s.id().equals(input.account()) && s.active())
				.findFirst()
				.orElse(null);
			if (worker == null) {
				errors.add(new DomainException("account", "regie.account.unknown"));
			}
		}
		String name = Partners.clean(input.name());
		if (name == null && worker != null) {
			name = worker.displayName();
		}
		if (name == null) {
			errors.add(new DomainException("name", "regie.name.required"));
		}
		else if (name.length() > 200) {
			errors.add(new DomainException("name", "partner.tooLong", 200));
		}
		String worksAt = Partners.clean(input.worksAt());
		if (worksAt == null) {
			worksAt = this.organisations.byId(actor.organisationId()).map(OrganisationSummary::name).orElse(null);
		}
		if (worksAt != null && worksAt.length() > 200) {
			errors.add(new DomainException("worksAt", "partner.tooLong", 200));
		}
		String phone = Partners.clean(input.phone());
		if (phone != null && phone.length() > 50) {
			errors.add(new DomainException("phone", "partner.tooLong", 50));
		}
		String email = Partners.clean(input.email());
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			errors.add(new DomainException("email", "partner.email.invalid"));
		}
		if (phone == null && email == null) {
			errors.add(new DomainException("phone", "regie.reach.required"));
		}
		String reachable = Partners.clean(input.reachable());
		if (reachable != null && reachable.length() > 500) {
			errors.add(new DomainException("reachable", "partner.tooLong", 500));
		}
		LocalDate today = LocalDate.now(this.clock);
		LocalDate since = (input.since() != null) ? input.since() : today;
		if (since.isAfter(today)) {
			errors.add(new DomainException("since", "regie.since.future"));
		}
		if (current.isPresent() && input.version() == null) {
			errors.add(new DomainException("version", "agency.version.required"));
		}
		DomainErrors.throwIfAny(errors);
		if (current.isEmpty()) {
			this.jdbc
				.sql("""
						insert into regie_holder (household_id, organisation_id, account_id, name, works_at, phone, email, reachable,
						                          since, recorded_by)
						values (:h, :org, :account, :name, :worksAt, :phone, :email, :reachable, :since, :by)
						on conflict (household_id) do nothing
						""")
				.param("h", householdId)
				.param("org", actor.organisationId())
				.param("account", input.account())
				.param("name", name)
				.param("worksAt", worksAt)
				.param("phone", phone)
				.param("email", email)
				.param("reachable", reachable)
				.param("since", since)
				.param("by", actor.userId())
				.update();
		}
		else {
			int updated = this.jdbc
				.sql("""
						update regie_holder set account_id = :account, name = :name, works_at = :worksAt, phone = :phone,
						       email = :email, reachable = :reachable, since = :since, recorded_by = :by, updated_at = now(),
						       version = version + 1
						where household_id = :h and version = :version
						""")
				.param("h", householdId)
				.param("account", input.account())
				.param("name", name)
				.param("worksAt", worksAt)
				.param("phone", phone)
				.param("email", email)
				.param("reachable", reachable)
				.param("since", since)
				.param("by", actor.userId())
				.param("version", input.version())
				.update();
			if (updated == 0) {
				RegieView now = own(householdId).orElseThrow();
				throw Differences.labelled("regie.")
					.text("name", input.name(), now.name())
					.text("worksAt", input.worksAt(), now.worksAt())
					.text("phone", input.phone(), now.phone())
					.text("email", input.email(), now.email())
					.text("reachable", input.reachable(), now.reachable())
					.value("since", input.since(), now.since())
					.conflict(now.version());
			}
		}
		this.trail.record(current.isEmpty() ? AccessAction.CREATE : AccessAction.UPDATE,
				AccessSubject.household(householdId));
		return own(householdId).orElseThrow();
	}

	/** The active workers of the caller's organisation, to choose the holder from. */
	@Transactional(readOnly = true)
	List<StaffMember> workers() {
		Staff actor = Staff.current().requireOrganisation("household");
		return this.accounts.staff(actor.organisationId()).stream().filter(StaffMember::active).toList();
	}

	static RegieView view(ResultSet rs, int row) throws SQLException {
		return new RegieView(rs.getObject("household_id", UUID.class), rs.getObject("account_id", UUID.class),
				rs.getString("name"), rs.getString("works_at"), rs.getString("phone"), rs.getString("email"),
				rs.getString("reachable"), rs.getObject("since", LocalDate.class), null, rs.getInt("version"));
	}

	private record Linked(UUID referral, UUID household, UUID from, String fromCode) {
	}

	/** Who holds the regie as the API and the form send it. */
	record RegieInput(UUID account, String name, String worksAt, String phone, String email, String reachable,
			LocalDate since, Integer version) {
	}

	/**
	 * Who holds the regie and how to reach them. {@code household} is the household of
	 * the organisation that recorded it; {@code sharedBy} the code of that organisation
	 * when the reader is one it shares the family with ({@code null} for its own; then
	 * the household and the account are not shown).
	 */
	record RegieView(UUID household, UUID account, String name, String worksAt, String phone, String email,
			String reachable, LocalDate since, String sharedBy, int version) {

		RegieView sharedBy(String code) {
			return new RegieView(null, null, this.name, this.worksAt, this.phone, this.email, this.reachable,
					this.since, code, this.version);
		}

	}

}
