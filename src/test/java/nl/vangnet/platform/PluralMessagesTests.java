package nl.vangnet.platform;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts read as a person writes them (issue 18, item 6): the bundles choose the singular
 * or the plural by the count with a choice format ({@code {0,choice,1#1 contact|1<{0}
 * contacten}}), and no text hedges with "(s)", "(en)" or "vraag of vragen".
 */
class PluralMessagesTests {

	private static final Pattern HEDGED = Pattern.compile("\\((s|en)\\)|[a-z]/[a-z]+en\\b| of vragen|keer post of");

	@Test
	void noTextHedgesBetweenSingularAndPlural() {
		List.of(MessagesTests.dutch(), MessagesTests.english())
			.forEach((bundle) -> bundle.forEach((key,
					value) -> assertThat(HEDGED.matcher(value.toString()).find()).as(key + "=" + value).isFalse()));
	}

	@Test
	void oneIsSingularAndTwoIsPluralInBothLanguages() {
		assertCount("network.snapshot.count", "1 contact", "2 contacten", "1 contact", "2 contacts");
		assertCount("partners.results", "1 partner", "2 partners", "1 partner", "2 partners");
		assertCount("contact.worklist.acute", "1 acute hulpvraag", "2 acute hulpvragen", "1 acute help question",
				"2 acute help questions");
		assertCount("contact.worklist.obligations", "1 brief of afspraak", "2 brieven of afspraken",
				"1 letter or appointment", "2 letters or appointments");
		assertCount("caseload.members", "(1 gezinslid)", "(2 gezinsleden)", "(1 family member)", "(2 family members)");
		assertCount("contact.worklist.overdue", "1 dag te laat", "2 dagen te laat", "1 day overdue", "2 days overdue");
		assertCount("contact.worklist.referrals", "1 verwijzing zonder", "2 verwijzingen zonder", "1 referral without",
				"2 referrals without");
		assertCount("imports.invalid", "Er is niets opgeslagen. 1 regel heeft een fout",
				"Er is niets opgeslagen. 2 regels hebben een fout", "Nothing was stored. 1 line has an error",
				"Nothing was stored. 2 lines have an error");
		assertCount("contact.worklist.agencyIssues", "1 bezwaar bij", "2 bezwaren bij", "1 objection with",
				"2 objections with");
	}

	private static void assertCount(String key, String oneNl, String twoNl, String oneEn, String twoEn) {
		assertThat(format(MessagesTests.dutch(), key, 1, "nl")).startsWith(oneNl);
		assertThat(format(MessagesTests.dutch(), key, 2, "nl")).startsWith(twoNl);
		assertThat(format(MessagesTests.english(), key, 1, "en")).startsWith(oneEn);
		assertThat(format(MessagesTests.english(), key, 2, "en")).startsWith(twoEn);
	}

	private static String format(Properties bundle, String key, int count, String language) {
		return new MessageFormat(bundle.getProperty(key), Locale.forLanguageTag(language))
			.format(new Object[] { count, "01-12-2026" });
	}

}
