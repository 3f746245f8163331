package nl.vangnet.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores obligations in the caller's transaction (so row-level security
 * applies); a change is stored only over the version it was read at.
 */
@Repository
class ObligationRepository {

	private static final String COLUMNS = "id, household_id, organisation_id, kind, description, agency, due_on, status, version";

	private final JdbcClient jdbc;

	ObligationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Obligation> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from obligation where id = :id")
			.param("id", id)
			.query(ObligationRepository::obligation)
			.optional();
	}

	/**
	 * The family's obligations: the open ones first, then by due day (without one last)
	 * and in the order they were noted.
	 */
	List<Obligation> ofHousehold(UUID householdId, boolean openOnly) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from obligation
				where household_id = :id and (not :open or status in ('TO_DO', 'IN_PROGRESS'))
				order by case when status in ('TO_DO', 'IN_PROGRESS') then 0 else 1 end, due_on nulls last, created_at
				""").param("id", householdId).param("open", openOnly).query(ObligationRepository::obligation).list();
	}

	/**
	 * Per household, the open obligations due on or before the day: how many, and the
	 * first day.
	 */
	List<DueCount> dueBy(List<UUID> householdIds, LocalDate day) {
		return this.jdbc.sql("""
				select household_id, count(*), min(due_on) from obligation
				where status in ('TO_DO', 'IN_PROGRESS') and due_on <= :soon and household_id in (:ids)
				group by household_id
				""")
			.param("ids", householdIds)
			.param("soon", day)
			.query((rs, n) -> new DueCount(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, LocalDate.class)))
			.list();
	}

	void insert(Obligation obligation) {
		this.jdbc.sql("""
				insert into obligation (id, household_id, organisation_id, kind, description, agency, due_on, status)
				values (:id, :household, :organisation, :kind, :description, :agency, :due, :status)
				""")
			.param("id", obligation.id())
			.param("household", obligation.householdId())
			.param("organisation", obligation.organisationId())
			.param("kind", obligation.kind().name())
			.param("description", obligation.description())
			.param("agency", obligation.agency())
			.param("due", obligation.dueOn())
			.param("status", obligation.status().name())
			.update();
	}

	/**
	 * Stores the obligation over the version it was loaded at; {@code false} when someone
	 * else stored another since.
	 */
	boolean update(Obligation obligation) {
		return this.jdbc.sql("""
				update obligation set kind = :kind, description = :description, agency = :agency, due_on = :due,
				  status = :status, version = version + 1 where id = :id and version = :version
				""")
			.param("kind", obligation.kind().name())
			.param("description", obligation.description())
			.param("agency", obligation.agency())
			.param("due", obligation.dueOn())
			.param("status", obligation.status().name())
			.param("id", obligation.id())
			.param("version", obligation.version())
			.update() == 1;
	}

	private static Obligation obligation(ResultSet rs, int row) throws SQLException {
		return new Obligation(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getObject("organisation_id", UUID.class), ObligationKind.valueOf(rs.getString("kind")),
				rs.getString("description"), rs.getString("agency"), rs.getObject("due_on", LocalDate.class),
				ObligationStatus.valueOf(rs.getString("status")), rs.getInt("version"));
	}

	record DueCount(UUID householdId, int count, LocalDate first) {
	}

}
