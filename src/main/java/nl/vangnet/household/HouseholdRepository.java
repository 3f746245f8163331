package nl.vangnet.household;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import nl.vangnet.platform.UnprocessableException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores the household aggregate with its members and trajectories, in the
 * caller's transaction (so row-level security applies).
 * <p>
 * Plain SQL rather than Spring Data JDBC: the aggregate nests three levels deep
 * (household, trajectory, phase history), members must keep their id when the household
 * is described again (help questions will point at them), and the address is encrypted
 * for its row.
 */
@Repository
class HouseholdRepository {

	private final JdbcClient jdbc;

	HouseholdRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether the person is involved in the household on the day: the rule of
	 * {@code household_involves} (V9), the one place it is written down.
	 */
	boolean involves(UUID householdId, UUID accountId, LocalDate day) {
		return this.jdbc.sql("select " + HouseholdSearch.INVOLVES.formatted(":household"))
			.param("household", householdId)
			.param("me", accountId)
			.param("today", day)
			.query(Boolean.class)
			.single();
	}

	Optional<UUID> householdOf(UUID memberId) {
		return this.jdbc.sql("select household_id from household_member where id = :id")
			.param("id", memberId)
			.query(UUID.class)
			.optional();
	}

	Optional<Household> find(UUID id) {
		Optional<Root> root = this.jdbc.sql("select * from household where id = :id")
			.param("id", id)
			.query(HouseholdRepository::root)
			.optional();
		if (root.isEmpty()) {
			return Optional.empty();
		}
		List<Member> members = this.jdbc
			.sql("select * from household_member where household_id = :id order by position")
			.param("id", id)
			.query(HouseholdRepository::member)
			.list();
		Map<UUID, List<UUID>> staff = new HashMap<>();
		this.jdbc.sql("""
				select s.trajectory_id, s.account_id from trajectory_staff s join trajectory t on t.id = s.trajectory_id
				where t.household_id = :id order by s.trajectory_id, s.position
				""").param("id", id).query((rs, row) -> {
			staff.computeIfAbsent(rs.getObject("trajectory_id", UUID.class), (k) -> new ArrayList<>())
				.add(rs.getObject("account_id", UUID.class));
			return null;
		}).list();
		Map<UUID, List<PhaseChange>> phases = new HashMap<>();
		this.jdbc
			.sql("""
					select p.trajectory_id, p.phase_code, p.entered_on from trajectory_phase p
					join trajectory t on t.id = p.trajectory_id where t.household_id = :id order by p.trajectory_id, p.sequence
					""")
			.param("id", id)
			.query((rs, row) -> {
				phases.computeIfAbsent(rs.getObject("trajectory_id", UUID.class), (k) -> new ArrayList<>())
					.add(new PhaseChange(rs.getString("phase_code"), rs.getObject("entered_on", LocalDate.class)));
				return null;
			})
			.list();
		List<Trajectory> trajectories = this.jdbc
			.sql("select * from trajectory where household_id = :id order by position")
			.param("id", id)
			.query((rs, row) -> {
				UUID trajectoryId = rs.getObject("id", UUID.class);
				return new Trajectory(trajectoryId, TrajectoryKind.valueOf(rs.getString("kind")),
						rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
						rs.getString("closing_reason"), rs.getString("phase_model"),
						rs.getObject("contact_person", UUID.class), staff.getOrDefault(trajectoryId, List.of()),
						new PhaseHistory(phases.getOrDefault(trajectoryId, List.of())))
					.departedTo((rs.getString("destination") != null) ? Destination.valueOf(rs.getString("destination"))
							: null)
					.leaving(DepartureSituation.of(rs.getString("departure_housing"), rs.getString("departure_income"),
							rs.getString("departure_school")));
			})
			.list();
		Root r = root.get();
		return Optional.of(new Household(r.id(), r.organisationId(),
				new HouseholdDetails(r.externalId(), r.district(), r.composition(), r.debts(), r.referralSource(),
						r.contactReasons(), r.phone(), r.email(), members),
				(r.address() != null) ? new SealedAddress(r.address(), r.confidential()) : null, trajectories,
				(r.closedOn() != null) ? new Closure(r.closedOn(), r.closingReason()) : null, r.version()));
	}

	/**
	 * The version the household has now, if it exists.
	 */
	Optional<Integer> versionOf(UUID id) {
		return this.jdbc.sql("select version from household where id = :id")
			.param("id", id)
			.query(Integer.class)
			.optional();
	}

	/** The household of the organisation with this external id (file import). */
	Optional<UUID> idByExternalId(UUID organisationId, String externalId) {
		return this.jdbc
			.sql("select id from household where organisation_id = :organisation and external_id = :externalId")
			.param("organisation", organisationId)
			.param("externalId", externalId)
			.query(UUID.class)
			.optional();
	}

	/** Every household of the organisation, oldest first (file export). */
	java.util.List<UUID> idsOf(UUID organisationId) {
		return this.jdbc.sql("select id from household where organisation_id = :organisation order by created_at, id")
			.param("organisation", organisationId)
			.query(UUID.class)
			.list();
	}

	boolean externalIdTaken(UUID organisationId, String externalId, UUID except) {
		return this.jdbc.sql("""
				select count(*) from household where organisation_id = :organisation and external_id = :externalId
				and id <> :except
				""")
			.param("organisation", organisationId)
			.param("externalId", externalId)
			.param("except", except)
			.query(Long.class)
			.single() > 0;
	}

	void insert(Household household) {
		HouseholdDetails details = household.details();
		this.jdbc
			.sql("""
					insert into household (id, organisation_id, external_id, district, composition, debts, referral_source,
					  contact_reasons, phone, email, address_encrypted, address_confidential, closed_on, closing_reason, version)
					values (:id, :organisation, :externalId, :district, :composition, :debts, :referralSource,
					  :contactReasons, :phone, :email, :address, :confidential, :closedOn, :closingReason, 0)
					""")
			.paramSource(rootParameters(household, details))
			.update();
		writeChildren(household);
	}

	/**
	 * Stores the household if it still has the version it was read at.
	 * @return {@code false} when someone else changed it in the meantime
	 */
	boolean update(Household household) {
		HouseholdDetails details = household.details();
		int updated = this.jdbc.sql("""
				update household set external_id = :externalId, district = :district, composition = :composition,
				  debts = :debts, referral_source = :referralSource, contact_reasons = :contactReasons, phone = :phone,
				  email = :email, address_encrypted = :address, address_confidential = :confidential,
				  closed_on = :closedOn, closing_reason = :closingReason, updated_at = now(), version = version + 1
				where id = :id and version = :version
				""").paramSource(rootParameters(household, details)).update();
		if (updated == 0) {
			return false;
		}
		writeChildren(household);
		return true;
	}

	private Map<String, Object> rootParameters(Household household, HouseholdDetails details) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", household.id());
		parameters.put("organisation", household.organisationId());
		parameters.put("externalId", details.externalId());
		parameters.put("district", details.district());
		parameters.put("composition", name(details.composition()));
		parameters.put("debts", name(details.debts()));
		parameters.put("referralSource", name(details.referralSource()));
		parameters.put("contactReasons", names(details.contactReasons()));
		parameters.put("phone", details.phone());
		parameters.put("email", details.email());
		parameters.put("address", (household.address() != null) ? household.address().ciphertext() : null);
		parameters.put("confidential", household.address() != null && household.address().confidential());
		parameters.put("closedOn", (household.closure() != null) ? household.closure().on() : null);
		parameters.put("closingReason", (household.closure() != null) ? household.closure().reason() : null);
		parameters.put("version", household.version());
		return parameters;
	}

	private void writeChildren(Household household) {
		UUID id = household.id();
		List<Member> members = household.details().members();
		try {
			deleteMissing("household_member", id, members.stream().map(Member::id).toList());
		}
		catch (DataIntegrityViolationException ex) {
			// Another module still holds something of the member (a network map, the
			// triangle, a five-step plan): the change is refused, the transaction ends.
			throw new UnprocessableException("members", "household.member.stillReferenced");
		}
		this.jdbc.sql("update household_member set main_contact = false where household_id = :id")
			.param("id", id)
			.update();
		for (int i = 0; i < members.size(); i++) {
			Member m = members.get(i);
			this.jdbc
				.sql("""
						insert into household_member (id, household_id, organisation_id, position, ref, role, main_contact,
						  given_name, family_name, birth_date, age_group, education, dutch_language, day_activities)
						values (:id, :household, :organisation, :position, :ref, :role, :mainContact, :givenName, :familyName,
						  :birthDate, :ageGroup, :education, :dutchLanguage, :dayActivities)
						on conflict (id) do update set position = excluded.position, ref = excluded.ref, role = excluded.role,
						  main_contact = excluded.main_contact, given_name = excluded.given_name,
						  family_name = excluded.family_name, birth_date = excluded.birth_date, age_group = excluded.age_group,
						  education = excluded.education, dutch_language = excluded.dutch_language,
						  day_activities = excluded.day_activities
						where household_member.household_id = excluded.household_id
						""")
				.param("id", m.id())
				.param("household", id)
				.param("organisation", household.organisationId())
				.param("position", i)
				.param("ref", m.ref())
				.param("role", name(m.role()))
				.param("mainContact", m.mainContact())
				.param("givenName", m.givenName())
				.param("familyName", m.familyName())
				.param("birthDate", m.birthDate())
				.param("ageGroup", name(m.ageGroup()))
				.param("education", name(m.education()))
				.param("dutchLanguage", name(m.dutchLanguage()))
				.param("dayActivities", names(m.dayActivities()))
				.update();
		}
		List<Trajectory> trajectories = household.trajectories();
		deleteMissing("trajectory", id, trajectories.stream().map(Trajectory::id).toList());
		this.jdbc.sql(
				"delete from trajectory_staff where trajectory_id in (select id from trajectory where household_id = :id)")
			.param("id", id)
			.update();
		this.jdbc.sql(
				"delete from trajectory_phase where trajectory_id in (select id from trajectory where household_id = :id)")
			.param("id", id)
			.update();
		for (int i = 0; i < trajectories.size(); i++) {
			Trajectory t = trajectories.get(i);
			this.jdbc.sql("""
					insert into trajectory (id, household_id, organisation_id, position, kind, start_date, end_date,
					  closing_reason, phase_model, contact_person, destination, departure_housing, departure_income,
					  departure_school)
					values (:id, :household, :organisation, :position, :kind, :start, :end, :closingReason, :phaseModel,
					  :contactPerson, :destination, :housing, :income, :school)
					on conflict (id) do update set position = excluded.position, kind = excluded.kind,
					  start_date = excluded.start_date, end_date = excluded.end_date,
					  closing_reason = excluded.closing_reason, phase_model = excluded.phase_model,
					  contact_person = excluded.contact_person, destination = excluded.destination,
					  departure_housing = excluded.departure_housing, departure_income = excluded.departure_income,
					  departure_school = excluded.departure_school
					where trajectory.household_id = excluded.household_id
					""")
				.param("id", t.id())
				.param("household", id)
				.param("organisation", household.organisationId())
				.param("position", i)
				.param("kind", t.kind().name())
				.param("start", t.start())
				.param("end", t.end())
				.param("closingReason", t.closingReason())
				.param("phaseModel", t.phaseModel())
				.param("contactPerson", t.contactPerson())
				.param("destination", (t.destination() != null) ? t.destination().name() : null)
				.param("housing", (t.situation().housing() != null) ? t.situation().housing().name() : null)
				.param("income", (t.situation().income() != null) ? t.situation().income().name() : null)
				.param("school", (t.situation().school() != null) ? t.situation().school().name() : null)
				.update();
			List<UUID> staff = t.involvedStaff();
			for (int s = 0; s < staff.size(); s++) {
				this.jdbc.sql("""
						insert into trajectory_staff (trajectory_id, organisation_id, account_id, position)
						values (:trajectory, :organisation, :account, :position)
						""")
					.param("trajectory", t.id())
					.param("organisation", household.organisationId())
					.param("account", staff.get(s))
					.param("position", s)
					.update();
			}
			List<PhaseChange> changes = t.phases().changes();
			for (int p = 0; p < changes.size(); p++) {
				this.jdbc.sql("""
						insert into trajectory_phase (trajectory_id, organisation_id, sequence, phase_code, entered_on)
						values (:trajectory, :organisation, :sequence, :phase, :on)
						""")
					.param("trajectory", t.id())
					.param("organisation", household.organisationId())
					.param("sequence", p)
					.param("phase", changes.get(p).phase())
					.param("on", changes.get(p).on())
					.update();
			}
		}
	}

	private void deleteMissing(String table, UUID householdId, List<UUID> keep) {
		if (keep.isEmpty()) {
			this.jdbc.sql("delete from " + table + " where household_id = :household")
				.param("household", householdId)
				.update();
		}
		else {
			this.jdbc.sql("delete from " + table + " where household_id = :household and id not in (:keep)")
				.param("household", householdId)
				.param("keep", keep)
				.update();
		}
	}

	private static Root root(ResultSet rs, int row) throws SQLException {
		return new Root(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
				rs.getString("external_id"), rs.getString("district"),
				code(rs.getString("composition"), Composition::valueOf), code(rs.getString("debts"), Debts::valueOf),
				code(rs.getString("referral_source"), ReferralSource::valueOf),
				codes(rs.getArray("contact_reasons"), ContactReason::valueOf), rs.getString("phone"),
				rs.getString("email"), rs.getBytes("address_encrypted"), rs.getBoolean("address_confidential"),
				rs.getObject("closed_on", LocalDate.class), rs.getString("closing_reason"), rs.getInt("version"));
	}

	private static Member member(ResultSet rs, int row) throws SQLException {
		return new Member(rs.getObject("id", UUID.class), rs.getString("ref"), MemberRole.valueOf(rs.getString("role")),
				rs.getBoolean("main_contact"), rs.getString("given_name"), rs.getString("family_name"),
				rs.getObject("birth_date", LocalDate.class), code(rs.getString("age_group"), AgeGroup::valueOf),
				code(rs.getString("education"), Education::valueOf),
				code(rs.getString("dutch_language"), DutchLanguage::valueOf),
				codes(rs.getArray("day_activities"), DayActivity::valueOf));
	}

	/**
	 * Keeps the reopening beside the household: who reopened it and the closing it
	 * lifted.
	 */
	void insertReopening(Household household, Reopening reopening, UUID by) {
		this.jdbc.sql("""
				insert into household_reopening (id, household_id, organisation_id, reopened_on, reason, reopened_by,
				  closed_on, closing_reason, trajectory_id)
				values (:id, :household, :organisation, :on, :reason, :by, :closedOn, :closingReason, :trajectory)
				""")
			.param("id", UUID.randomUUID())
			.param("household", household.id())
			.param("organisation", household.organisationId())
			.param("on", reopening.on())
			.param("reason", reopening.reason())
			.param("by", by)
			.param("closedOn", reopening.closedOn())
			.param("closingReason", reopening.closingReason())
			.param("trajectory", reopening.trajectoryId())
			.update();
	}

	/**
	 * The reopenings of the household, oldest first, with who reopened it.
	 */
	List<StoredReopening> reopenings(UUID householdId) {
		return this.jdbc.sql("""
				select reopened_on, reason, closed_on, closing_reason, trajectory_id, reopened_by
				from household_reopening where household_id = :household order by reopened_on, created_at
				""")
			.param("household", householdId)
			.query((rs, n) -> new StoredReopening(new Reopening(rs.getObject("reopened_on", LocalDate.class),
					rs.getString("reason"), rs.getObject("closed_on", LocalDate.class), rs.getString("closing_reason"),
					rs.getObject("trajectory_id", UUID.class)), rs.getObject("reopened_by", UUID.class)))
			.list();
	}

	record StoredReopening(Reopening reopening, UUID by) {
	}

	private static <E> E code(String value, Function<String, E> parse) {
		return (value != null) ? parse.apply(value) : null;
	}

	private static <E> List<E> codes(Array array, Function<String, E> parse) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return Arrays.stream((Object[]) array.getArray()).map((value) -> parse.apply((String) value)).toList();
	}

	private static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	private static String[] names(List<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).toArray(String[]::new);
	}

	private record Root(UUID id, UUID organisationId, String externalId, String district, Composition composition,
			Debts debts, ReferralSource referralSource, List<ContactReason> contactReasons, String phone, String email,
			byte[] address, boolean confidential, LocalDate closedOn, String closingReason, int version) {
	}

}
