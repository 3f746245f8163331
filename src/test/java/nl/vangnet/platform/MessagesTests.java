package nl.vangnet.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text exists in Dutch and in English: the one test that both bundles have the same
 * keys. Other tests read the bundles through {@link #dutch()} and {@link #english()}.
 */
public class MessagesTests {

	@Test
	void dutchAndEnglishHaveTheSameKeysAndNoEmptyTexts() {
		Properties dutch = dutch();
		Properties english = english();
		assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(dutch.stringPropertyNames());
		dutch.forEach((key, value) -> assertThat(value.toString()).as("nl " + key).isNotBlank());
		english.forEach((key, value) -> assertThat(value.toString()).as("en " + key).isNotBlank());
	}

	/** The Dutch bundle (the default). */
	public static Properties dutch() {
		return load("/messages.properties");
	}

	/** The English bundle. */
	public static Properties english() {
		return load("/messages_en.properties");
	}

	private static Properties load(String resource) {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
