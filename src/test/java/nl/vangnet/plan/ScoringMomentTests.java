package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import nl.vangnet.lifedomain.Framework;
import nl.vangnet.lifedomain.Instrument;
import nl.vangnet.lifedomain.Scale;
import nl.vangnet.platform.DomainErrors;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The semantics of a scoring moment: n.v.t. is not a number, a client's self-rating is
 * kept apart only where it differs, and nothing that is not a number is drawn.
 */
class ScoringMomentTests {

	private static final LocalDate TODAY = LocalDate.of(2021, 6, 15);

	private final Framework monitor = new Framework("MONITOR", "Monitor", "Monitor", true, null,
			List.of(new Framework.Domain("FINANCES", null, "Financiën", "Finances", "FINANCES"),
					new Framework.Domain("SOCIAL", null, "Sociaal", "Social", "SOCIAL"),
					new Framework.Domain("SOCIAL.PARENTING", "SOCIAL", "Opvoeding", "Parenting", "SOCIAL.PARENTING"),
					new Framework.Domain("HOUSING", null, "Wonen", "Housing", "HOUSING")));

	private final Instrument progress = new Instrument("MONITOR_PROGRESS", "Voortgang", "Progress", this.monitor,
			new Scale("PROGRESS", "Ontwikkeling", "Development", true, levels()));

	private final Instrument selfSufficiency = new Instrument("SELF", "Zelfredzaamheid", "Self-sufficiency",
			this.monitor, new Scale("SELF_SUFFICIENCY", "Zelfredzaamheid", "Self-sufficiency", false, levels()));

	@Test
	void aSelfRatingThatEqualsTheWorkersScoreIsNotKeptApart() {
		ScoringMoment moment = ScoringMoment.of(this.progress, TODAY,
				List.of(score("FINANCES", Rater.WORKER, 3), score("FINANCES", Rater.CLIENT, 3),
						score("HOUSING", Rater.WORKER, 4), score("HOUSING", Rater.CLIENT, 2)),
				TODAY);

		assertThat(moment.scores()).containsExactly(score("FINANCES", Rater.WORKER, 3),
				score("HOUSING", Rater.WORKER, 4), score("HOUSING", Rater.CLIENT, 2));
	}

	@Test
	void notApplicableAgainstANumberIsADifferentSelfRating() {
		ScoringMoment moment = ScoringMoment.of(this.progress, TODAY,
				List.of(score("FINANCES", Rater.WORKER, null), score("FINANCES", Rater.CLIENT, 2),
						score("HOUSING", Rater.WORKER, null), score("HOUSING", Rater.CLIENT, null)),
				TODAY);

		assertThat(moment.scores()).containsExactly(score("FINANCES", Rater.WORKER, null),
				score("FINANCES", Rater.CLIENT, 2), score("HOUSING", Rater.WORKER, null));
	}

	@Test
	void aClientMayRateWithoutTheWorker() {
		ScoringMoment moment = ScoringMoment.of(this.progress, TODAY, List.of(score("SOCIAL", Rater.CLIENT, 5)), TODAY);

		assertThat(moment.scores()).containsExactly(score("SOCIAL", Rater.CLIENT, 5));
	}

	@Test
	void everyWrongScoreIsNamedByItsField() {
		assertThatThrownBy(() -> ScoringMoment.of(this.selfSufficiency, TODAY.plusDays(1),
				List.of(score("FINANCES", Rater.WORKER, 6), score("SOCIAL.PARENTING", Rater.WORKER, 3),
						score("HOUSING", Rater.WORKER, null), score("FINANCES", Rater.WORKER, 2)),
				TODAY))
			.isInstanceOfSatisfying(DomainErrors.class,
					(ex) -> assertThat(ex.errors()).extracting((e) -> e.field() + " " + e.messageKey())
						.containsExactlyInAnyOrder("scoredOn score.date.future", "scores[0].score scale.outOfRange",
								"scores[1].domain score.domain.unknown",
								"scores[2].score scale.notApplicableNotAllowed", "scores[3].domain score.twice"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void notApplicableIsNeverDrawnAsZeroAndNeverAveraged() {
		List<ProgressService.DomainOption> domains = List.of(new ProgressService.DomainOption("FINANCES", "Financiën"),
				new ProgressService.DomainOption("HOUSING", "Wonen"));
		ProgressService.Moment first = new ProgressService.Moment(LocalDate.of(2021, 1, 4),
				List.of(new ProgressService.DomainScore("FINANCES", new ProgressService.Cell(true, 2),
						ProgressService.Cell.NOT_SCORED),
						new ProgressService.DomainScore("HOUSING", new ProgressService.Cell(true, null),
								ProgressService.Cell.NOT_SCORED)),
				Scale.mean(Arrays.asList(2, null)).getAsDouble());
		ProgressService.Moment latest = new ProgressService.Moment(TODAY,
				List.of(new ProgressService.DomainScore("FINANCES", new ProgressService.Cell(true, 4),
						new ProgressService.Cell(true, 3)),
						new ProgressService.DomainScore("HOUSING", ProgressService.Cell.NOT_SCORED,
								ProgressService.Cell.NOT_SCORED)),
				4.0);

		var chart = ProgressService.chart(domains, List.of(first, latest));

		assertThat(first.mean()).isEqualTo(2.0);
		assertThat((List<Object>) chart.get("first")).containsExactly(2, null);
		assertThat((List<Object>) chart.get("latest")).containsExactly(4, null);
		assertThat((List<Object>) chart.get("series")).containsExactly(List.of(2, 4),
				Arrays.asList((Integer) null, null));
		assertThat(first.scores().get(1).worker().notApplicable()).isTrue();
		assertThat(latest.scores().get(1).worker().notApplicable()).as("not scored is not n.v.t.").isFalse();
	}

	private static ScoringMoment.Score score(String domain, Rater rater, Integer score) {
		return new ScoringMoment.Score(domain, rater, score);
	}

	private static List<Scale.Level> levels() {
		return List.of(new Scale.Level(1, "een", "one"), new Scale.Level(2, "twee", "two"),
				new Scale.Level(3, "drie", "three"), new Scale.Level(4, "vier", "four"),
				new Scale.Level(5, "vijf", "five"));
	}

}
