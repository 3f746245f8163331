package nl.vangnet.network;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The client's places in the integration safety net and the steps of the five-step plan,
 * in SQL (the snapshots are {@link NetworkSnapshotRepository}'s). Row-level security
 * keeps every query within the current organisation.
 */
@Repository
class NetworkRepository {

	private final JdbcClient jdbc;

	NetworkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---- The integration safety net

	List<TrianglePoint> triangle(UUID memberId) {
		return this.jdbc.sql("""
				select id, placed_on, government, services, society, out_of_view, note from network_triangle
				where member_id = :member order by placed_on, created_at
				""")
			.param("member", memberId)
			.query((rs, row) -> new TrianglePoint(rs.getObject("id", UUID.class),
					rs.getObject("placed_on", LocalDate.class), (Integer) rs.getObject("government"),
					(Integer) rs.getObject("services"), (Integer) rs.getObject("society"), rs.getBoolean("out_of_view"),
					rs.getString("note")))
			.list();
	}

	void insert(Client client, TrianglePoint point) {
		this.jdbc.sql("""
				insert into network_triangle (id, organisation_id, household_id, member_id, placed_on, government,
				  services, society, out_of_view, note)
				values (:id, :org, :household, :member, :on, :government, :services, :society, :out, :note)
				""")
			.param("id", point.id())
			.param("org", client.organisationId())
			.param("household", client.householdId())
			.param("member", client.memberId())
			.param("on", point.placedOn())
			.param("government", point.government())
			.param("services", point.services())
			.param("society", point.society())
			.param("out", point.outOfView())
			.param("note", point.note())
			.update();
	}

	// ---- The five-step plan

	List<PlanStepRecord> planSteps(UUID memberId) {
		return this.jdbc.sql("""
				select domain_code, cycle, step, done_on, note from network_plan_step
				where member_id = :member order by domain_code, cycle, done_on
				""")
			.param("member", memberId)
			.query((rs, row) -> new PlanStepRecord(rs.getString("domain_code"), rs.getInt("cycle"),
					PlanStep.valueOf(rs.getString("step")), rs.getObject("done_on", LocalDate.class),
					rs.getString("note")))
			.list();
	}

	void insert(Client client, PlanStepRecord step) {
		this.jdbc.sql("""
				insert into network_plan_step (id, organisation_id, household_id, member_id, domain_code, cycle, step,
				  done_on, note)
				values (:id, :org, :household, :member, :domain, :cycle, :step, :on, :note)
				""")
			.param("id", UUID.randomUUID())
			.param("org", client.organisationId())
			.param("household", client.householdId())
			.param("member", client.memberId())
			.param("domain", step.domain())
			.param("cycle", step.cycle())
			.param("step", step.step().name())
			.param("on", step.on())
			.param("note", step.note())
			.update();
	}

}
