package nl.vangnet.household;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may do with households. Works for the current tenant scope: the
 * signed-in user, or work without one (such as the demo) declared with
 * {@code TenantScope.runAs(Scope.system(Set.of(organisationId)), …)}.
 * <p>
 * Other modules read households through this facade, or in their SQL through the views
 * {@code household_involvement} and {@code household_trajectory} and the function
 * {@code household_involves} (V9), never through the household tables.
 */
@Service
@Transactional
public class HouseholdApi {

	private final HouseholdExchange exchange;

	private final HouseholdSearch search;

	private final PhaseModels phaseModels;

	private final HouseholdManagement management;

	private final HouseholdRepository households;

	private final JdbcClient jdbc;

	private final Deputies deputies;

	HouseholdApi(HouseholdExchange exchange, HouseholdSearch search, PhaseModels phaseModels,
			HouseholdManagement management, HouseholdRepository households, JdbcClient jdbc, Deputies deputies) {
		this.deputies = deputies;
		this.exchange = exchange;
		this.search = search;
		this.phaseModels = phaseModels;
		this.management = management;
		this.households = households;
		this.jdbc = jdbc;
	}

	/**
	 * The households of the current tenant scope closed on or before the day, oldest
	 * first (for the retention period). Not in the access trail: ids and dates only.
	 */
	@Transactional(readOnly = true)
	public List<ClosedHousehold> closedOnOrBefore(LocalDate day) {
		return this.jdbc.sql("select id, closed_on from household where closed_on <= :day order by closed_on, id")
			.param("day", day)
			.query((rs, n) -> new ClosedHousehold(new HouseholdId(rs.getObject("id", UUID.class)),
					rs.getDate("closed_on").toLocalDate()))
			.list();
	}

	/**
	 * The day a visible household was closed, if it is.
	 * @throws nl.vangnet.platform.NotFoundException when it does not exist or is not
	 * visible
	 */
	@Transactional(readOnly = true)
	public Optional<LocalDate> closedOn(HouseholdId id) {
		Household household = this.management.visible(Staff.current().requireOrganisation("household"), id.value());
		return Optional.ofNullable(household.closure()).map(Closure::on);
	}

	/**
	 * The household with its members and trajectories, if the current reader may see it
	 * (its own organisation; a volunteer only a family they are involved in). Not in the
	 * access trail: the caller records what it shows.
	 * @throws nl.vangnet.platform.NotFoundException when it does not exist or is not
	 * visible
	 */
	@Transactional(readOnly = true)
	public Family family(HouseholdId id) {
		Household household = this.management.visible(Staff.current().requireOrganisation("household"), id.value());
		return new Family(household.id(), household.organisationId(), household.name(),
				household.details()
					.members()
					.stream()
					.map((m) -> new Family.FamilyMember(m.id(), m.ref(), m.role().name(), m.name(), m.birthDate()))
					.toList(),
				household.closure() != null, trajectoriesOf(household), mainContactOf(household).orElse(null));
	}

	/**
	 * Whose network and outcome a household-level question is about: the main contact,
	 * else its first parent, else its first member (empty without members).
	 */
	private static Optional<MemberId> mainContactOf(Household household) {
		List<Member> members = household.details().members();
		return household.mainContact()
			.or(() -> members.stream().filter((m) -> m.role() == MemberRole.PARENT).findFirst())
			.or(() -> members.stream().findFirst())
			.map((m) -> new MemberId(m.id()));
	}

	/**
	 * The trajectories of a visible household, in the order they started. Not in the
	 * access trail.
	 * @throws nl.vangnet.platform.NotFoundException when it does not exist or is not
	 * visible
	 */
	@Transactional(readOnly = true)
	public List<FamilyTrajectory> trajectories(HouseholdId id) {
		return trajectoriesOf(this.management.visible(Staff.current().requireOrganisation("household"), id.value()));
	}

	private static List<FamilyTrajectory> trajectoriesOf(Household household) {
		return household.trajectories()
			.stream()
			.sorted(Comparator.comparing(Trajectory::start))
			.map((t) -> new FamilyTrajectory(new TrajectoryId(t.id()), t.kind().name(), t.start(), t.end(),
					t.contactPerson()))
			.toList();
	}

	/**
	 * The household a member belongs to, if it is of the current organisation.
	 */
	@Transactional(readOnly = true)
	public Optional<HouseholdId> householdOf(MemberId member) {
		return this.households.householdOf(member.value()).map(HouseholdId::new);
	}

	/**
	 * The households at a glance (name, contact person, running), for a list that another
	 * module shows; unknown ones are left out. Not in the access trail: the caller
	 * records what it shows.
	 */
	@Transactional(readOnly = true)
	public Map<HouseholdId, FamilyGlance> glance(Collection<HouseholdId> ids) {
		return this.search.glance(ids);
	}

	/**
	 * Whether the person is involved in the family today: the fixed contact person or
	 * other staff of a trajectory that runs today. The one rule of involvement (a
	 * volunteer sees only these families); SQL uses {@code household_involves}.
	 */
	@Transactional(readOnly = true)
	public boolean involves(HouseholdId household, UUID accountId) {
		return this.households.involves(household.value(), accountId, this.management.today());
	}

	/**
	 * For a coordinator's access trail: the names of the households (their main contact)
	 * and members among the ids, of the coordinator's own organisation; others are left
	 * out, and nobody but a coordinator gets any.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> names(Collection<UUID> ids) {
		return this.search.names(ids);
	}

	/**
	 * The current organisation works with this phase model from now on ({@code FLEXIBLE},
	 * {@code SHELTER} or {@code EIGHT_PHASES}).
	 * @throws IllegalArgumentException for a model that does not exist
	 */
	public void choosePhaseModel(String modelCode) {
		if (this.phaseModels.model(modelCode).isEmpty()) {
			throw new IllegalArgumentException("No phase model " + modelCode);
		}
		this.phaseModels.choose(Staff.current().requireOrganisation("household").organisationId(), modelCode);
	}

	/**
	 * Registers a household of the current organisation from a document of the exchange
	 * contract; returns its id.
	 * @throws nl.vangnet.platform.DomainErrors when the document breaks the rules
	 */
	public HouseholdId register(HouseholdDocument document) {
		return new HouseholdId(this.exchange.create(document));
	}

	/**
	 * The household as a document (a view: it is in the access trail).
	 */
	public HouseholdDocument document(HouseholdId id) {
		return this.exchange.get(id.value());
	}

	/**
	 * The signed-in person's caseload: the households whose fixed contact person they are
	 * (for a volunteer: the families they are involved in), labelled in the language.
	 */
	public List<HouseholdSummary> caseload(Locale locale) {
		return this.search.caseload(locale);
	}

	/**
	 * A coordinator arranges one deputy (waarnemer) for every running family of an absent
	 * worker, from a day until a day; field errors as {@code DomainErrors}.
	 * @return the households now covered
	 */
	public List<UUID> coverAbsence(UUID absent, UUID deputy, LocalDate from, LocalDate until) {
		return this.deputies.coverAbsence(absent, deputy, from, until);
	}

}
