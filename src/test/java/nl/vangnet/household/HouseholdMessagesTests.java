package nl.vangnet.household;

import java.util.Map;
import java.util.Properties;

import nl.vangnet.platform.MessagesTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code a household can carry has a label in Dutch and in English (that both bundles
 * have the same keys is {@link MessagesTests}').
 */
class HouseholdMessagesTests {

	private final Properties dutch = MessagesTests.dutch();

	private final Properties english = MessagesTests.english();

	@Test
	void everyCodeOfAHouseholdHasALabelInBothLanguages() {
		Map<String, Class<? extends Enum<?>>> codes = Map.of("household.composition.", Composition.class,
				"household.debts.", Debts.class, "household.referralSource.", ReferralSource.class,
				"household.contactReason.", ContactReason.class, "household.role.", MemberRole.class,
				"household.ageGroup.", AgeGroup.class, "household.education.", Education.class,
				"household.dutchLanguage.", DutchLanguage.class, "household.dayActivity.", DayActivity.class,
				"trajectory.kind.", TrajectoryKind.class);
		codes.forEach((prefix, type) -> {
			for (Enum<?> code : type.getEnumConstants()) {
				assertThat(this.dutch.getProperty(prefix + code.name())).as(prefix + code.name()).isNotBlank();
				assertThat(this.english.getProperty(prefix + code.name())).as(prefix + code.name()).isNotBlank();
			}
		});
	}

	@Test
	void validationMessagesNameTheFieldBeforeAColon() {
		this.dutch.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith("household.") || key.startsWith("trajectory.")
					|| key.startsWith("document."))
			.filter((key) -> key.matches(
					"[a-zA-Z]+\\.[a-zA-Z.]+\\.(required|invalid|tooLong|taken|future|duplicate|unknown|notInModel)"))
			.forEach((key) -> {
				assertThat(this.dutch.getProperty(key)).as(key).containsPattern("^[^:]{2,60}: ");
				assertThat(this.english.getProperty(key)).as(key).containsPattern("^[^:]{2,60}: ");
			});
	}

}
