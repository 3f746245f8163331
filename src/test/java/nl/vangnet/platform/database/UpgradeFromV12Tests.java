package nl.vangnet.platform.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import nl.vangnet.VangnetTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation at V12 (cooperation, the state of main before the sessions and the
 * truthful trail) upgrades to the latest migration with its access trail intact: in a
 * database of its own in the same embedded cluster, migrated to V12, given trail rows,
 * then migrated on.
 */
@VangnetTest
@DisabledIfEnvironmentVariable(named = "VANGNET_TEST_DB_URL", matches = ".+",
		disabledReason = "creates a database in the embedded PostgreSQL")
class UpgradeFromV12Tests {

	@Autowired
	DatabaseConfiguration.DatabaseCoordinates coordinates;

	@Test
	void anInstallationAtV12UpgradesAndKeepsItsTrail() throws Exception {
		String database = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection admin = connect(this.coordinates.url()); Statement statement = admin.createStatement()) {
			statement.execute("create database " + database);
		}
		String url = this.coordinates.url().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]+", "$1" + database);
		try {
			SimpleDriverDataSource owner = new SimpleDriverDataSource(new org.postgresql.Driver(), url,
					this.coordinates.user(), this.coordinates.password());
			Flyway.configure()
				.dataSource(owner)
				.locations("classpath:db/migration")
				.target(MigrationVersion.fromVersion("12"))
				.load()
				.migrate();
			try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute(
						"""
								insert into access_trail (actor_label, actor_role, subject_type, subject_id, action, outcome)
								values ('before@example.org', 'PROFESSIONAL', 'HOUSEHOLD', gen_random_uuid(), 'VIEW', 'SUCCESS')""");
			}

			int applied = Flyway.configure()
				.dataSource(owner)
				.locations("classpath:db/migration")
				.load()
				.migrate().migrationsExecuted;

			assertThat(applied).as("the migrations after V12").isPositive();
			try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
				assertThat(single(statement,
						"select count(*)::text from flyway_schema_history where version = '15' and success"))
					.as("the truthful trail (V15)")
					.isEqualTo("1");
				assertThat(single(statement,
						"select actor_label || ' ' || coalesce(subject_ids::text, 'none')" + " from access_trail"))
					.isEqualTo("before@example.org none");
				assertThat(single(statement, "select count(*)::text from trail_cover")).isEqualTo("0");
				assertThat(single(statement,
						"select string_agg(indexname, ',' order by indexname) from pg_indexes"
								+ " where tablename = 'access_trail' and indexname like 'access_trail_organisation_%'")
					.toLowerCase(Locale.ROOT))
					.isEqualTo("access_trail_organisation_action,access_trail_organisation_actor,"
							+ "access_trail_organisation_time");
			}
		}
		finally {
			try (Connection admin = connect(this.coordinates.url()); Statement statement = admin.createStatement()) {
				statement.execute("drop database if exists " + database + " with (force)");
			}
		}
	}

	private Connection connect(String url) throws SQLException {
		java.util.Properties properties = new java.util.Properties();
		properties.setProperty("user", this.coordinates.user());
		properties.setProperty("password", this.coordinates.password());
		return new org.postgresql.Driver().connect(url, properties);
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

}
