package nl.vangnet.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Words as a Dutch reader expects them (issue 18, item 6): "financiën" with its diaeresis
 * wherever the bundles write it.
 */
class WordsTests {

	@Test
	void financienIsWrittenWithItsDiaeresis() {
		List.of(MessagesTests.dutch())
			.forEach((bundle) -> bundle.forEach((key, value) -> assertThat(value.toString()).as(key + "=" + value)
				.doesNotContainPattern("(?i)financien")));
		assertThat(MessagesTests.dutch().getProperty("monitor.supportType.ARRANGING")).contains("financiën uitzoeken");
	}

}
