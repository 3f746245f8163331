package nl.vangnet.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * One clock: main code takes every "now" and "today" from the {@link Clock} bean (in the
 * configured zone), never from the JVM's default zone or its own zone.
 */
class OneClockTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("nl.vangnet");

	@Test
	void nothingAsksForTheTimeWithoutTheClock() {
		ArchRule rule = noClasses().should()
			.callMethod(LocalDate.class, "now")
			.orShould()
			.callMethod(LocalDate.class, "now", ZoneId.class)
			.orShould()
			.callMethod(LocalDateTime.class, "now")
			.orShould()
			.callMethod(LocalDateTime.class, "now", ZoneId.class)
			.orShould()
			.callMethod(LocalTime.class, "now")
			.orShould()
			.callMethod(LocalTime.class, "now", ZoneId.class)
			.orShould()
			.callMethod(ZonedDateTime.class, "now")
			.orShould()
			.callMethod(ZonedDateTime.class, "now", ZoneId.class)
			.orShould()
			.callMethod(OffsetDateTime.class, "now")
			.orShould()
			.callMethod(OffsetDateTime.class, "now", ZoneId.class)
			.orShould()
			.callMethod(Instant.class, "now")
			.orShould()
			.callMethod(YearMonth.class, "now")
			.orShould()
			.callMethod(Year.class, "now")
			.orShould()
			.callConstructor(Date.class)
			.because("every now and today comes from the one Clock bean, in VANGNET_TIME_ZONE");
		rule.check(MAIN);
	}

	@Test
	void nothingUsesTheJvmsDefaultZone() {
		ArchRule rule = noClasses().should()
			.callMethod(Clock.class, "systemDefaultZone")
			.orShould()
			.callMethod(Clock.class, "systemUTC")
			.orShould()
			.callMethod(ZoneId.class, "systemDefault")
			.orShould()
			.callMethod(TimeZone.class, "getDefault")
			.because("the zone is configured (VANGNET_TIME_ZONE), not taken from the machine");
		rule.check(MAIN);
	}

	@Test
	void theClockIsMadeInOnePlace() {
		ArchRule rule = noClasses().that()
			.doNotHaveFullyQualifiedName(TimeConfiguration.class.getName())
			.should()
			.callMethod(Clock.class, "system", ZoneId.class)
			.orShould()
			.callMethod(ZoneId.class, "of", String.class)
			.because("there is one Clock bean, in the one configured zone");
		rule.check(MAIN);
	}

}
