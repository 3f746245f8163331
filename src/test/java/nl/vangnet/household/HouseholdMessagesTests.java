package nl.vangnet.household;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dutch and English say the same things: the bundles have the same keys, and every code a
 * household can carry has a label in both.
 */
class HouseholdMessagesTests {

	private final Properties dutch = load("/messages.properties");

	private final Properties english = load("/messages_en.properties");

	@Test
	void bothLanguagesHaveTheSameKeys() {
		assertThat(this.english.stringPropertyNames()).isEqualTo(this.dutch.stringPropertyNames());
	}

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

	private static Properties load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = HouseholdMessagesTests.class.getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

}
