package nl.vangnet.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in Dutch and in English.
 */
class MessagesTests {

	@Test
	void dutchAndEnglishHaveTheSameKeysAndNoEmptyTexts() throws IOException {
		Properties dutch = load("/messages.properties");
		Properties english = load("/messages_en.properties");
		assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(dutch.stringPropertyNames());
		dutch.forEach((key, value) -> assertThat(value.toString()).as("nl " + key).isNotBlank());
		english.forEach((key, value) -> assertThat(value.toString()).as("en " + key).isNotBlank());
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
