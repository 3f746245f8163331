package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Scores per domain, date and rater in {@code progress_score} (null: n.v.t.).
 */
@Repository
class Scores {

	private final JdbcClient jdbc;

	Scores(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a scoring moment; a score given again for the same domain, day and rater
	 * replaces the earlier one, and a client's score that equals the worker's is not kept
	 * apart.
	 */
	void store(UUID householdId, UUID organisationId, ScoringMoment moment) {
		store(householdId, organisationId, moment, null);
	}

	/** Stores a scoring moment of a member ({@code memberId} null: the household's). */
	void store(UUID householdId, UUID organisationId, ScoringMoment moment, UUID memberId) {
		for (ScoringMoment.Score score : moment.scores()) {
			this.jdbc
				.sql("""
						insert into progress_score (id, household_id, organisation_id, instrument_code, domain_code, scored_on,
						  rater, score, member_id)
						values (:id, :h, :o, :i, :d, :on, :r, :s, :m)
						on conflict on constraint progress_score_one_per_day
						do update set score = excluded.score""")
				.param("id", UUID.randomUUID())
				.param("h", householdId)
				.param("o", organisationId)
				.param("i", moment.instrument())
				.param("d", score.domain())
				.param("on", moment.on())
				.param("r", score.rater().name())
				.param("s", score.score())
				.param("m", memberId)
				.update();
			if (score.rater() == Rater.WORKER && moment.scores()
				.stream()
				.noneMatch((s) -> s.rater() == Rater.CLIENT && s.domain().equals(score.domain()))) {
				this.jdbc.sql("""
						delete from progress_score where household_id = :h and instrument_code = :i and domain_code = :d
						  and scored_on = :on and rater = 'CLIENT' and score is not distinct from :s
						  and member_id is not distinct from :m""")
					.param("m", memberId)
					.param("h", householdId)
					.param("i", moment.instrument())
					.param("d", score.domain())
					.param("on", moment.on())
					.param("s", score.score())
					.update();
			}
		}
	}

	/** The household's own scores on an instrument (not its members'). */
	List<Row> of(UUID householdId, String instrument) {
		return of(householdId, instrument, null);
	}

	/**
	 * A member's own scores on an instrument ({@code memberId} null: the household's).
	 */
	List<Row> of(UUID householdId, String instrument, UUID memberId) {
		return everyone(householdId, instrument).stream()
			.filter((r) -> java.util.Objects.equals(r.memberId(), memberId))
			.toList();
	}

	/** The scores on an instrument of the household and of each of its members. */
	List<Row> everyone(UUID householdId, String instrument) {
		return this.jdbc.sql("""
				select domain_code, scored_on, rater, score, member_id from progress_score
				where household_id = :h and instrument_code = :i order by scored_on, domain_code, rater""")
			.param("h", householdId)
			.param("i", instrument)
			.query((rs, row) -> new Row(rs.getString(1), rs.getObject(2, LocalDate.class),
					Rater.valueOf(rs.getString(3)), rs.getObject(4, Integer.class), rs.getObject(5, UUID.class)))
			.list();
	}

	/** Replaces all the worker's scores of a household on an instrument. */
	void replaceWorkerScores(UUID householdId, UUID organisationId, String instrument, List<Row> rows) {
		this.jdbc
			.sql("delete from progress_score where household_id = :h and instrument_code = :i and rater = 'WORKER'")
			.param("h", householdId)
			.param("i", instrument)
			.update();
		for (Row row : rows) {
			this.jdbc
				.sql("""
						insert into progress_score (id, household_id, organisation_id, instrument_code, domain_code, scored_on,
						  rater, score, member_id)
						values (:id, :h, :o, :i, :d, :on, 'WORKER', :s, :m)""")
				.param("m", row.memberId())
				.param("id", UUID.randomUUID())
				.param("h", householdId)
				.param("o", organisationId)
				.param("i", instrument)
				.param("d", row.domain())
				.param("on", row.on())
				.param("s", row.score())
				.update();
		}
	}

	/**
	 * One stored score; {@code score} null: n.v.t.; {@code memberId} null: the
	 * household's.
	 */
	record Row(String domain, LocalDate on, Rater rater, Integer score, UUID memberId) {

		Row(String domain, LocalDate on, Rater rater, Integer score) {
			this(domain, on, rater, score, null);
		}

	}

}
