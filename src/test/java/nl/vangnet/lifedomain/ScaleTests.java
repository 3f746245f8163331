package nl.vangnet.lifedomain;

import java.util.Arrays;
import java.util.List;

import nl.vangnet.platform.DomainException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScaleTests {

	private final Scale progress = new Scale("PROGRESS", "Ontwikkeling", "Development", true, levels());

	private final Scale selfSufficiency = new Scale("SELF_SUFFICIENCY", "Zelfredzaamheid", "Self-sufficiency", false,
			levels());

	@Test
	void notApplicableIsNeverAveragedAsZero() {
		assertThat(Scale.mean(Arrays.asList(4, null, 2))).hasValue(3.0);
		assertThat(Scale.mean(Arrays.asList(null, null))).isEmpty();
		assertThat(Scale.mean(List.of())).isEmpty();
	}

	@Test
	void notApplicableExistsOnlyOnScalesThatAllowIt() {
		this.progress.check(null, "score");
		assertThatThrownBy(() -> this.selfSufficiency.check(null, "score")).isInstanceOf(DomainException.class)
			.extracting("messageKey")
			.isEqualTo("scale.notApplicableNotAllowed");
	}

	@Test
	void aScoreOffTheScaleIsRefusedNamingTheField() {
		this.progress.check(1, "score");
		this.progress.check(5, "score");
		assertThatThrownBy(() -> this.progress.check(0, "scores[2].score")).isInstanceOf(DomainException.class)
			.extracting("field")
			.isEqualTo("scores[2].score");
		assertThatThrownBy(() -> this.progress.check(6, "score")).isInstanceOf(DomainException.class);
	}

	@Test
	void aSubDomainCountsForItsParentInTheMonitor() {
		assertThat(new Framework.Domain("PRACTICAL", null, "Praktisch", "Practical", "PARTICIPATION.DAILY_LIVING")
			.monitorTopLevel()).isEqualTo("PARTICIPATION");
		assertThat(new Framework.Domain("HOUSING", null, "Huisvesting", "Housing", "HOUSING").monitorTopLevel())
			.isEqualTo("HOUSING");
	}

	private static List<Scale.Level> levels() {
		return List.of(new Scale.Level(1, "een", "one"), new Scale.Level(2, "twee", "two"),
				new Scale.Level(3, "drie", "three"), new Scale.Level(4, "vier", "four"),
				new Scale.Level(5, "vijf", "five"));
	}

}
