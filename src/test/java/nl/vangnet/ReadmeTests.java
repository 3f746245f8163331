package nl.vangnet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README serves a newcomer with a clone of the repository and nothing else (issue 18,
 * item 12): the domain and the public contracts are documented inside it, every link that
 * is not a web address leads to a file of the repository, the demo's professional is not
 * named like a client, and it says where the first administrator's one-time password
 * goes.
 */
class ReadmeTests {

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

	@Test
	void everyLinkThatIsNoWebAddressLeadsToAFileOfTheRepository() throws IOException {
		for (Path document : List.of(Path.of("README.md"), Path.of("docs", "domain.md"),
				Path.of("docs", "exchange.md"))) {
			List<String> broken = new ArrayList<>();
			Matcher link = LINK.matcher(Files.readString(document, StandardCharsets.UTF_8));
			while (link.find()) {
				String target = link.group(1);
				if (target.matches("[a-z]+:.*")) {
					continue;
				}
				Path file = document.toAbsolutePath().getParent().resolve(target).normalize();
				if (!file.startsWith(Path.of("").toAbsolutePath()) || !Files.exists(file)) {
					broken.add(target);
				}
			}
			assertThat(broken).as("links in %s outside the repository or to nothing", document).isEmpty();
		}
	}

	@Test
	void theDomainAndTheContractsAreDocumentedInTheRepositoryAndLinked() throws IOException {
		String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
		assertThat(readme).contains("](docs/domain.md)").contains("](docs/exchange.md)").doesNotContain("../shared");
		assertThat(Files.readString(Path.of("docs", "exchange.md"), StandardCharsets.UTF_8))
			.contains("vangnet-household/1");
	}

	@Test
	void theDemoSaysItCreatesTheFirstAdministratorAndWhereItsPasswordGoes() throws IOException {
		String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
		assertThat(readme).contains("so it also creates the first administrator")
			.contains("printed once to standard output")
			.contains("wherever stdout goes");
		assertThat(readme).as("no professional named like the demo's client Samira")
			.doesNotContainPattern("(?i)`samira@[a-z.]+`");
	}

	@Test
	void theWorklistHasOneNameInTheMenuOnItsPageAndInTheReadme() throws IOException {
		String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
		java.util.Properties dutch = nl.vangnet.platform.MessagesTests.dutch();
		java.util.Properties english = nl.vangnet.platform.MessagesTests.english();
		assertThat(dutch.getProperty("nav.worklist")).isEqualTo(dutch.getProperty("contact.worklist.title"))
			.isEqualTo("Wie heeft contact nodig?");
		assertThat(english.getProperty("nav.worklist")).isEqualTo(english.getProperty("contact.worklist.title"));
		assertThat(readme).contains("\"Wie heeft contact nodig?\"")
			.contains(english.getProperty("nav.worklist"))
			.doesNotContainIgnoringCase("werklijst");
	}

}
