package nl.vangnet.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import nl.vangnet.VangnetTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL that the application runs on is durable and opens only with its
 * password, on its Unix socket.
 */
@VangnetTest
@DisabledIfEnvironmentVariable(named = "VANGNET_TEST_DB_URL", matches = ".+",
		disabledReason = "tests the embedded PostgreSQL only")
class RunningDatabaseTests {

	@Autowired
	DatabaseConfiguration.DatabaseCoordinates coordinates;

	@Autowired
	EmbeddedSettings settings;

	@Test
	void theServerCommitsSynchronouslyAndOnlyTheExplicitTestSettingTurnsFsyncOff() throws Exception {
		try (Connection connection = connect(this.coordinates.password());
				Statement statement = connection.createStatement()) {
			assertThat(this.settings.testsWithoutFsync()).as("set in application-test.yml only").isTrue();
			assertThat(EmbeddedDatabaseTests.show(statement, "fsync")).isEqualTo("off");
			assertThat(EmbeddedDatabaseTests.show(statement, "synchronous_commit")).isEqualTo("on");
			assertThat(EmbeddedDatabaseTests.show(statement, "full_page_writes")).isEqualTo("on");
			assertThat(EmbeddedDatabaseTests.show(statement, "listen_addresses")).isEmpty();
		}
	}

	@Test
	void theDefaultIsDurable() throws Exception {
		assertThat(new EmbeddedSettings("", false).options(false, true).fsync()).isTrue();
		try (var yml = getClass().getResourceAsStream("/application.yml")) {
			assertThat(new String(yml.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
				.doesNotContain("tests-without-fsync");
		}
	}

	@Test
	void aConnectionWithoutThePasswordIsRefused() {
		assertThat(this.coordinates.url()).contains("socketFactory=").doesNotContain("password");
		assertThatThrownBy(() -> connect(null).close()).isInstanceOf(SQLException.class)
			.hasMessageContaining("password");
		assertThatThrownBy(() -> connect("postgres").close()).isInstanceOf(SQLException.class)
			.hasMessageContaining("password authentication failed");
	}

	private Connection connect(String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", this.coordinates.user());
		if (password != null) {
			properties.setProperty("password", password);
		}
		return new org.postgresql.Driver().connect(this.coordinates.url(), properties);
	}

}
