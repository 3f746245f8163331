package nl.vangnet.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import nl.vangnet.lifedomain.Framework;
import nl.vangnet.lifedomain.Instrument;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;

/**
 * Scores on the domains of an instrument on one day: the worker's, and the client's own
 * (self-rating) where it differs from the worker's. A score of {@code null} is "n.v.t."
 * (no support on this domain) where the scale allows it; a domain without a score was not
 * scored.
 * <p>
 * Scores are given on the top-level domains of the instrument's framework.
 */
record ScoringMoment(String instrument, LocalDate on, List<Score> scores) {

	ScoringMoment {
		scores = List.copyOf(scores);
	}

	/**
	 * Checks the scores against the instrument and keeps a client's score only where it
	 * differs from the worker's on that domain (the same score is the worker's score).
	 * @throws DomainErrors naming every wrong field ({@code scores[i].domain},
	 * {@code scores[i].score}, …)
	 */
	static ScoringMoment of(Instrument instrument, LocalDate on, List<Score> given, LocalDate today) {
		List<DomainException> errors = new ArrayList<>();
		if (on == null) {
			errors.add(new DomainException("scoredOn", "score.date.required"));
		}
		else if (on.isAfter(today)) {
			errors.add(new DomainException("scoredOn", "score.date.future"));
		}
		List<Score> scores = (given != null) ? given : List.of();
		if (scores.isEmpty()) {
			errors.add(new DomainException("scores", "score.none"));
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < scores.size(); i++) {
			Score score = scores.get(i);
			String path = "scores[" + i + "]";
			if (score == null || score.domain() == null || !scoredDomain(instrument.framework(), score.domain())) {
				errors.add(new DomainException(path + ".domain", "score.domain.unknown",
						(score != null) ? score.domain() : null, instrument.code()));
				continue;
			}
			if (score.rater() == null) {
				errors.add(new DomainException(path + ".rater", "score.rater.required"));
				continue;
			}
			if (!seen.add(score.domain() + "/" + score.rater())) {
				errors.add(new DomainException(path + ".domain", "score.twice", score.domain()));
			}
			try {
				instrument.scale().check(score.score(), path + ".score");
			}
			catch (DomainException ex) {
				errors.add(ex);
			}
		}
		DomainErrors.throwIfAny(errors);
		List<Score> kept = new ArrayList<>();
		for (Score score : scores) {
			if (score.rater() == Rater.CLIENT) {
				Score worker = scores.stream()
					.filter((s) -> s.rater() == Rater.WORKER && s.domain().equals(score.domain()))
					.findFirst()
					.orElse(null);
				if (worker != null && Objects.equals(worker.score(), score.score())) {
					continue;
				}
			}
			kept.add(score);
		}
		return new ScoringMoment(instrument.code(), on, kept);
	}

	/** Whether the framework scores this domain: one of its top-level domains. */
	static boolean scoredDomain(Framework framework, String code) {
		return framework.domain(code).filter((d) -> d.parentCode() == null).isPresent();
	}

	/**
	 * A score of one rater on one domain; {@code null}: n.v.t.
	 */
	record Score(String domain, Rater rater, Integer score) {
	}

}
