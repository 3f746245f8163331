package nl.vangnet.lifedomain;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import nl.vangnet.VangnetTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the shipped reference data: the monitor's labels in both languages, the mapping of
 * the ZRM template to the monitor, and the meaning of the progress scale of seed 004.
 */
@VangnetTest
class ShippedFrameworksTests {

	@Autowired
	private LifeDomainApi lifeDomains;

	@Test
	void theMonitorDomainsCarryTheDutchLabelsOfTheContractAndAnEnglishOne() {
		Framework monitor = this.lifeDomains.monitorFramework();
		assertThat(monitor.domain("FINANCES").orElseThrow().label(Locale.forLanguageTag("nl"))).isEqualTo("Financiën");
		assertThat(monitor.domain("PARTICIPATION.CHILD_DAYTIME").orElseThrow().label(Locale.ENGLISH))
			.isEqualTo("Child's daytime activity");
		assertThat(monitor.domains()).allSatisfy((domain) -> {
			assertThat(domain.labelEn()).isNotBlank();
			assertThat(domain.monitorCode()).as("the monitor maps onto itself").isEqualTo(domain.code());
		});
		assertThat(monitor.domains().stream().filter((d) -> d.parentCode() == null).map(Framework.Domain::code))
			.containsExactly("FINANCES", "HEALTH", "HOUSING", "SOCIAL", "PARTICIPATION", "OTHER");
	}

	@Test
	void theZrmTemplateShipsNamesOnlyEachMappedToTheMonitor() {
		Map<String, String> mapping = this.lifeDomains.framework("ZRM_2017")
			.domains()
			.stream()
			.collect(Collectors.toMap(Framework.Domain::code, Framework.Domain::monitorCode));
		assertThat(mapping).containsEntry("FINANCES", "FINANCES")
			.containsEntry("DOMESTIC_RELATIONS", "SOCIAL.DOMESTIC_RELATIONS")
			.containsEntry("ADDICTION", "HEALTH")
			.containsEntry("JUSTICE", "OTHER")
			.containsEntry("PARENTING", "SOCIAL.PARENTING");
		assertThat(this.lifeDomains.instrument("ZRM_2017").scale().levels()).extracting(Scale.Level::labelNl)
			.containsExactly("Acute problematiek", "Niet zelfredzaam", "Beperkt zelfredzaam", "Voldoende zelfredzaam",
					"Volledig zelfredzaam");
	}

	@Test
	void theProgressScaleIsTheOneOfSeed004WithNotApplicable() {
		Scale progress = this.lifeDomains.scale("PROGRESS");
		assertThat(progress.allowsNotApplicable()).isTrue();
		assertThat(progress.levels()).extracting(Scale.Level::value).containsExactly(1, 2, 3, 4, 5);
		assertThat(progress.levels()).extracting(Scale.Level::labelNl)
			.containsExactly("Negatieve ontwikkeling", "Geen ontwikkeling",
					"Positieve ontwikkeling, nog intensieve ondersteuning nodig",
					"Positieve ontwikkeling, beperkte ondersteuning nodig",
					"Positieve ontwikkeling, geen ondersteuning meer nodig");
		assertThat(this.lifeDomains.scale("SELF_SUFFICIENCY").allowsNotApplicable()).isFalse();
	}

}
