package nl.vangnet.contact;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores debts with their history in the caller's transaction (so row-level
 * security applies); a change is stored only over the version it was read at, and the
 * history is only ever appended to.
 */
@Repository
class DebtRepository {

	private static final String COLUMNS = "id, household_id, organisation_id, creditor, amount, arrangement, status, version";

	private final JdbcClient jdbc;

	DebtRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Debt> find(UUID id) {
		return this.jdbc.sql("select household_id from debt where id = :id")
			.param("id", id)
			.query(UUID.class)
			.optional()
			.flatMap((household) -> ofHousehold(household).stream().filter((d) -> d.id().equals(id)).findFirst());
	}

	/**
	 * The family's debts with their history: those still owed first, in the order they
	 * were registered.
	 */
	List<Debt> ofHousehold(UUID householdId) {
		Map<UUID, List<Debt.State>> history = new HashMap<>();
		this.jdbc.sql("""
				select h.id, h.debt_id, h.changed_at, h.changed_by, h.creditor, h.amount, h.arrangement, h.status
				from debt_history h join debt d on d.id = h.debt_id where d.household_id = :id
				order by h.changed_at, h.id
				""").param("id", householdId).query((rs, n) -> {
			history.computeIfAbsent(rs.getObject("debt_id", UUID.class), (k) -> new ArrayList<>())
				.add(new Debt.State(rs.getObject("id", UUID.class), rs.getTimestamp("changed_at").toInstant(),
						rs.getObject("changed_by", UUID.class), rs.getString("creditor"), rs.getBigDecimal("amount"),
						rs.getString("arrangement"), DebtStatus.valueOf(rs.getString("status"))));
			return null;
		}).list();
		return this.jdbc.sql("select " + COLUMNS + """
				 from debt
				where household_id = :id order by case when status = 'PAID_OFF' then 1 else 0 end, created_at
				""")
			.param("id", householdId)
			.query((rs, n) -> debt(rs, history.getOrDefault(rs.getObject("id", UUID.class), List.of())))
			.list();
	}

	/**
	 * What the family still owes: the sum of the debts that are not paid off.
	 */
	BigDecimal owedBy(UUID householdId) {
		return this.jdbc
			.sql("select coalesce(sum(amount), 0) from debt where household_id = :id and status <> 'PAID_OFF'")
			.param("id", householdId)
			.query(BigDecimal.class)
			.single();
	}

	Optional<UUID> householdOf(UUID id) {
		return this.jdbc.sql("select household_id from debt where id = :id")
			.param("id", id)
			.query(UUID.class)
			.optional();
	}

	void insert(Debt debt) {
		this.jdbc.sql("""
				insert into debt (id, household_id, organisation_id, creditor, amount, arrangement, status)
				values (:id, :household, :organisation, :creditor, :amount, :arrangement, :status)
				""")
			.param("id", debt.id())
			.param("household", debt.householdId())
			.param("organisation", debt.organisationId())
			.param("creditor", debt.creditor())
			.param("amount", debt.amount())
			.param("arrangement", debt.arrangement())
			.param("status", debt.status().name())
			.update();
		appendHistory(debt);
	}

	/**
	 * Stores the debt over the version it was loaded at, with the states it recorded;
	 * {@code false} (and nothing stored) when someone else stored another since.
	 */
	boolean update(Debt debt) {
		int changed = this.jdbc.sql("""
				update debt set creditor = :creditor, amount = :amount, arrangement = :arrangement, status = :status,
				  version = version + 1 where id = :id and version = :version
				""")
			.param("creditor", debt.creditor())
			.param("amount", debt.amount())
			.param("arrangement", debt.arrangement())
			.param("status", debt.status().name())
			.param("id", debt.id())
			.param("version", debt.version())
			.update();
		if (changed == 0) {
			return false;
		}
		appendHistory(debt);
		return true;
	}

	private void appendHistory(Debt debt) {
		for (Debt.State state : debt.recorded()) {
			this.jdbc
				.sql("""
						insert into debt_history (id, debt_id, organisation_id, changed_at, changed_by, creditor, amount, arrangement, status)
						values (:id, :debt, :organisation, :at, :by, :creditor, :amount, :arrangement, :status)
						""")
				.param("id", state.id())
				.param("debt", debt.id())
				.param("organisation", debt.organisationId())
				.param("at", Timestamp.from(state.at()))
				.param("by", state.by())
				.param("creditor", state.creditor())
				.param("amount", state.amount())
				.param("arrangement", state.arrangement())
				.param("status", state.status().name())
				.update();
		}
	}

	private static Debt debt(ResultSet rs, List<Debt.State> history) throws SQLException {
		return new Debt(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getObject("organisation_id", UUID.class), rs.getString("creditor"), rs.getBigDecimal("amount"),
				rs.getString("arrangement"), DebtStatus.valueOf(rs.getString("status")), rs.getInt("version"), history);
	}

}
