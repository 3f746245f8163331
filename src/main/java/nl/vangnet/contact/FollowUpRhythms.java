package nl.vangnet.contact;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The follow-up rhythms per trajectory in {@code follow_up_rhythm}, in the caller's
 * transaction. A rhythm runs until it is ended on purpose, with a reason.
 */
@Repository
class FollowUpRhythms {

	private final JdbcClient jdbc;

	FollowUpRhythms(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The running rhythms of a household, by trajectory.
	 */
	Map<UUID, Running> runningOf(UUID householdId) {
		Map<UUID, Running> running = new HashMap<>();
		this.jdbc.sql("""
				select household_id, trajectory_id, rhythm, started_on, planned_until, version from follow_up_rhythm
				where household_id = :id and ended_on is null
				""")
			.param("id", householdId)
			.query((rs, n) -> running.put(rs.getObject(2, UUID.class), running(rs)))
			.list();
		return running;
	}

	/**
	 * The running rhythms of the households.
	 */
	List<Running> runningOf(List<UUID> householdIds) {
		return this.jdbc.sql("""
				select household_id, trajectory_id, rhythm, started_on, planned_until, version from follow_up_rhythm
				where ended_on is null and household_id in (:ids)
				""").param("ids", householdIds).query((rs, n) -> running(rs)).list();
	}

	/**
	 * Sets the rhythm of a trajectory: changes the running one, or starts one today.
	 */
	void set(UUID organisationId, UUID householdId, UUID trajectoryId, Rhythm rhythm, LocalDate today) {
		int changed = this.jdbc.sql(
				"update follow_up_rhythm set rhythm = :rhythm, version = version + 1 where trajectory_id = :t and ended_on is null")
			.param("rhythm", rhythm.name())
			.param("t", trajectoryId)
			.update();
		if (changed == 0) {
			this.jdbc.sql("""
					insert into follow_up_rhythm (id, household_id, organisation_id, trajectory_id, rhythm, started_on)
					values (:id, :household, :organisation, :t, :rhythm, :today)
					""")
				.param("id", UUID.randomUUID())
				.param("household", householdId)
				.param("organisation", organisationId)
				.param("t", trajectoryId)
				.param("rhythm", rhythm.name())
				.param("today", today)
				.update();
		}
	}

	/**
	 * Sets the last day of the planned aftercare period of the running rhythm of a
	 * trajectory: the worker extends it when it is over.
	 */
	void planUntil(UUID trajectoryId, LocalDate plannedUntil) {
		this.jdbc.sql("""
				update follow_up_rhythm set planned_until = :until, version = version + 1
				where trajectory_id = :t and ended_on is null""")
			.param("until", plannedUntil)
			.param("t", trajectoryId)
			.update();
	}

	/**
	 * Starts the pilot-light rhythm of aftercare on the day of departure, planned until
	 * the end of the organisation's period: it replaces a rhythm that ran during the
	 * trajectory.
	 */
	void startAftercare(UUID organisationId, UUID householdId, UUID trajectoryId, Rhythm rhythm, LocalDate on,
			LocalDate plannedUntil) {
		int changed = this.jdbc.sql("""
				update follow_up_rhythm set rhythm = :rhythm, started_on = :on, planned_until = :until,
				  version = version + 1
				where household_id = :household and trajectory_id = :t and ended_on is null
				""")
			.param("rhythm", rhythm.name())
			.param("on", on)
			.param("until", plannedUntil)
			.param("household", householdId)
			.param("t", trajectoryId)
			.update();
		if (changed == 0) {
			this.jdbc.sql("""
					insert into follow_up_rhythm (id, household_id, organisation_id, trajectory_id, rhythm, started_on,
					  planned_until)
					values (:id, :household, :organisation, :t, :rhythm, :on, :until)
					""")
				.param("id", UUID.randomUUID())
				.param("household", householdId)
				.param("organisation", organisationId)
				.param("t", trajectoryId)
				.param("rhythm", rhythm.name())
				.param("on", on)
				.param("until", plannedUntil)
				.update();
		}
	}

	/**
	 * Records that aftercare was declined, with the reason: the running rhythm of the
	 * trajectory ends so, or a declined one is recorded on the day of departure.
	 */
	void declineAftercare(UUID organisationId, UUID householdId, UUID trajectoryId, LocalDate on, String reason) {
		int changed = this.jdbc.sql("""
				update follow_up_rhythm set ended_on = greatest(:on, started_on), end_reason = :reason, declined = true,
				  version = version + 1
				where household_id = :household and trajectory_id = :t and ended_on is null
				""")
			.param("on", on)
			.param("reason", reason)
			.param("household", householdId)
			.param("t", trajectoryId)
			.update();
		if (changed == 0) {
			this.jdbc.sql("""
					insert into follow_up_rhythm (id, household_id, organisation_id, trajectory_id, rhythm, started_on,
					  ended_on, end_reason, declined)
					values (:id, :household, :organisation, :t, 'EVERY_THREE_MONTHS', :on, :on, :reason, true)
					""")
				.param("id", UUID.randomUUID())
				.param("household", householdId)
				.param("organisation", organisationId)
				.param("t", trajectoryId)
				.param("on", on)
				.param("reason", reason)
				.update();
		}
	}

	/**
	 * The aftercare decisions of a household's trajectories: planned period or declined
	 * with a reason, the latest per trajectory.
	 */
	Map<UUID, Decision> aftercareOf(UUID householdId) {
		Map<UUID, Decision> decisions = new HashMap<>();
		this.jdbc.sql("""
				select trajectory_id, planned_until, declined, end_reason from follow_up_rhythm
				where household_id = :id and (planned_until is not null or declined) order by started_on, version
				""")
			.param("id", householdId)
			.query((rs, n) -> decisions.put(rs.getObject(1, UUID.class),
					new Decision(rs.getObject(2, LocalDate.class), rs.getBoolean(3),
							rs.getBoolean(3) ? rs.getString(4) : null)))
			.list();
		return decisions;
	}

	/** Aftercare planned until a day, or declined for a reason. */
	record Decision(LocalDate plannedUntil, boolean declined, String declinedReason) {
	}

	/**
	 * Ends the running rhythm of a trajectory; {@code false} when none ran.
	 */
	boolean end(UUID householdId, UUID trajectoryId, LocalDate today, String reason) {
		return this.jdbc.sql("""
				update follow_up_rhythm set ended_on = :today, end_reason = :reason, version = version + 1
				where household_id = :household and trajectory_id = :t and ended_on is null
				""")
			.param("today", today)
			.param("reason", reason)
			.param("household", householdId)
			.param("t", trajectoryId)
			.update() > 0;
	}

	private static Running running(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Running(rs.getObject("household_id", UUID.class), rs.getObject("trajectory_id", UUID.class),
				Rhythm.valueOf(rs.getString("rhythm")), rs.getObject("started_on", LocalDate.class),
				rs.getObject("planned_until", LocalDate.class), rs.getInt("version"));
	}

	/**
	 * A running rhythm: the next contact is due one period after the last reached
	 * contact, or after its start when there was none. {@code plannedUntil}: the last day
	 * of the planned aftercare period ({@code null} when none was planned); after it the
	 * rhythm goes on until the worker ends or extends it.
	 */
	record Running(UUID householdId, UUID trajectoryId, Rhythm rhythm, LocalDate startedOn, LocalDate plannedUntil,
			int version) {

		/**
		 * Whether the planned aftercare period is over on the day (it ended before it).
		 */
		boolean periodOverOn(LocalDate day) {
			return this.plannedUntil != null && this.plannedUntil.isBefore(day);
		}

		LocalDate due(LocalDate lastReached) {
			return this.rhythm.next((lastReached != null) ? lastReached : this.startedOn);
		}

	}

}
