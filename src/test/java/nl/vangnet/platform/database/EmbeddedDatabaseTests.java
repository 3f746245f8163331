package nl.vangnet.platform.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded PostgreSQL is as safe as a production server: durable, reachable only with
 * its password through an owner-only Unix socket, secure after an upgrade from the
 * earlier trust setup, back after a crash of Vangnet or of PostgreSQL, and its backups
 * restore exactly. Each test runs its own small server in a temporary directory.
 */
@DisabledIfEnvironmentVariable(named = "VANGNET_TEST_DB_URL", matches = ".+",
		disabledReason = "tests the embedded PostgreSQL only")
class EmbeddedDatabaseTests {

	/** Durable settings, no watchdog. */
	private static final EmbeddedDatabase.Options DEFAULTS = new EmbeddedDatabase.Options(false, true, null, false);

	@TempDir
	Path temporary;

	private final List<EmbeddedDatabase> started = new ArrayList<>();

	@AfterEach
	void stopServers() {
		this.started.forEach(EmbeddedDatabase::stop);
	}

	private EmbeddedDatabase start(Path dataDir, EmbeddedDatabase.Options options) {
		EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, options);
		this.started.add(server);
		return server;
	}

	@Test
	void clusterOfAnEarlierVersionIsSecuredOnStartWithoutLosingData() throws Exception {
		Path dataDir = this.temporary.resolve("data");
		// The way Vangnet made its cluster before: zonky's builder, initdb -A trust.
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.resolve(EmbeddedDatabase.CLUSTER_DIR))
			.setCleanDataDirectory(false)
			.start();
				Connection connection = old.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create table families_of_before (id int primary key, name text)");
			statement.execute("insert into families_of_before values (1, 'El Amrani'), (2, 'De Groot')");
		}
		assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).contains("trust");
		assertThat(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE)).doesNotExist();

		EmbeddedDatabase server = start(dataDir, DEFAULTS);

		try (Connection connection = server.endpoint().connect("postgres");
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("select string_agg(name, ',' order by id) from families_of_before")) {
			rs.next();
			assertThat(rs.getString(1)).isEqualTo("El Amrani,De Groot");
		}
		assertSecure(server);
		assertDurable(server);
	}

	@Test
	void newClusterIsDurableAndOpensOnlyWithItsPassword() throws Exception {
		EmbeddedDatabase server = start(this.temporary.resolve("data"), DEFAULTS);

		assertSecure(server);
		assertDurable(server);
		try (Connection connection = server.endpoint().connect(EmbeddedDatabase.DATABASE)) {
			assertThat(connection.isValid(5)).isTrue();
		}
	}

	@Test
	void firstStartAfterAKilledVangnetSucceedsAndADeadServerIsRestarted() throws Exception {
		Path dataDir = this.temporary.resolve("data");
		Process vangnet = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LeftRunning.class.getName(), dataDir.toString())
			.redirectErrorStream(true)
			.start();
		long orphan;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(vangnet.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
				// start-up output of the stand-in
			}
			assertThat(line).as("the stand-in started its server").isNotNull();
			orphan = Long.parseLong(line.substring("READY ".length()).strip());
			vangnet.destroyForcibly(); // kill -9 of java
			assertThat(vangnet.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(EmbeddedDatabase.isAlive(orphan)).as("postgres outlives the killed java").isTrue();

		EmbeddedDatabase server = start(dataDir, new EmbeddedDatabase.Options(false, true, null, true));

		assertThat(EmbeddedDatabase.isAlive(orphan)).isFalse();
		assertThat(rowsWrittenBeforeTheCrash(server)).isEqualTo(1);

		long first = server.postmasterPid();
		ProcessHandle.of(first).orElseThrow().destroyForcibly(); // kill -9 of postgres
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline && (server.postmasterPid() == first || !answers(server))) {
			Thread.sleep(200);
		}
		assertThat(server.postmasterPid()).as("restarted by the watchdog").isNotEqualTo(first);
		assertThat(rowsWrittenBeforeTheCrash(server)).isEqualTo(1);
	}

	@Test
	void backupRestoresExactlyTheStateAtTheBackupAndTheArchiveWhatCameAfter() throws Exception {
		Path archive = this.temporary.resolve("wal-archive");
		Path source = this.temporary.resolve("source");
		EmbeddedDatabase server = start(source, new EmbeddedDatabase.Options(false, true, archive, false));
		execute(server, "create table contact_moments (id int primary key, note text)",
				"insert into contact_moments select i, 'note ' || i from generate_series(1, 500) i");
		Files.writeString(source.resolve(DatabaseCommands.KEY_FILE), "c2VjcmV0LWtleS1vZi10aGlydHktdHdvLWJ5dGVzISE=");
		String atBackup = state(server);

		Path backup = this.temporary.resolve("backup");
		Backup.Manifest manifest = DatabaseCommands.backup(source, backup, new EmbeddedSettings(null, false),
				"fingerprint");
		execute(server, "insert into contact_moments select i, 'later ' || i from generate_series(501, 600) i",
				"update contact_moments set note = 'changed' where id = 1", "delete from contact_moments where id = 2");
		String later = state(server);
		String switched = switchWal(server);

		assertThat(manifest.encryptionKeyFingerprint()).isEqualTo("fingerprint");
		try (var files = Files.walk(backup)) {
			assertThat(files.map((f) -> f.getFileName().toString()))
				.doesNotContain(DatabaseCommands.KEY_FILE, EmbeddedDatabase.PASSWORD_FILE)
				.contains(Backup.MANIFEST, "backup_label");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rwx------");

		EmbeddedDatabase restored = EmbeddedDatabase.restore(backup, this.temporary.resolve("restored"), DEFAULTS,
				null);
		this.started.add(restored);
		assertThat(state(restored)).isEqualTo(atBackup).isNotEqualTo(later);
		assertThat(restored.password()).isNotEqualTo(server.password());
		assertSecure(restored);

		awaitArchived(archive, server, switched);
		EmbeddedDatabase recovered = EmbeddedDatabase.restore(backup, this.temporary.resolve("recovered"),
				new EmbeddedDatabase.Options(false, true, archive, false), null);
		this.started.add(recovered);
		assertThat(state(recovered)).isEqualTo(later);
	}

	@Test
	void damagedBackupIsRefusedBeforeAnythingIsRestored() throws Exception {
		Path source = this.temporary.resolve("source");
		EmbeddedDatabase server = start(source, DEFAULTS);
		Path backup = this.temporary.resolve("backup");
		Backup.create(server.endpoint(), server.cluster(), backup, null);
		Files.writeString(backup.resolve("data/PG_VERSION"), "16\n");

		Path target = this.temporary.resolve("target");
		assertThatThrownBy(() -> EmbeddedDatabase.restore(backup, target, DEFAULTS, null))
			.hasMessageContaining("damaged")
			.hasMessageContaining("PG_VERSION");
		assertThat(target.resolve(EmbeddedDatabase.CLUSTER_DIR)).doesNotExist();
		assertThatThrownBy(() -> Backup.create(server.endpoint(), server.cluster(), backup, null))
			.hasMessageContaining("not empty");
	}

	private static void assertSecure(EmbeddedDatabase server) throws Exception {
		assertThatThrownBy(() -> server.endpoint().connect("postgres", null).close()).isInstanceOf(SQLException.class)
			.hasMessageContaining("password");
		assertThatThrownBy(() -> server.endpoint().connect("postgres", "postgres").close())
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("password authentication failed");
		String hba = Files.readString(server.cluster().resolve("pg_hba.conf"));
		assertThat(hba.lines().filter((line) -> !line.startsWith("#") && !line.isBlank())).isNotEmpty()
			.allMatch((line) -> line.startsWith("local") && line.endsWith("scram-sha-256"));
		assertThat(hba).doesNotContain("trust");
		Path passwordFile = server.dataDirectory().resolve(EmbeddedDatabase.PASSWORD_FILE);
		assertThat(Files.readString(passwordFile).strip()).isEqualTo(server.password()).hasSizeGreaterThan(40);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.endpoint().socketDirectory())))
			.isEqualTo("rwx------");
		try (Connection connection = server.endpoint().connect("postgres");
				Statement statement = connection.createStatement()) {
			assertThat(show(statement, "listen_addresses")).isEmpty();
			assertThat(show(statement, "password_encryption")).isEqualTo("scram-sha-256");
			try (ResultSet rs = statement
				.executeQuery("select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'")) {
				rs.next();
				assertThat(rs.getInt(1)).isZero();
			}
			try (ResultSet rs = statement
				.executeQuery("select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'")) {
				rs.next();
				assertThat(rs.getBoolean(1)).isTrue();
			}
		}
	}

	private static void assertDurable(EmbeddedDatabase server) throws Exception {
		try (Connection connection = server.endpoint().connect("postgres");
				Statement statement = connection.createStatement()) {
			assertThat(show(statement, "fsync")).isEqualTo("on");
			assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
			assertThat(show(statement, "full_page_writes")).isEqualTo("on");
		}
	}

	static String show(Statement statement, String setting) throws SQLException {
		try (ResultSet rs = statement.executeQuery("show " + setting)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void execute(EmbeddedDatabase server, String... statements) throws SQLException {
		try (Connection connection = server.endpoint().connect(EmbeddedDatabase.DATABASE);
				Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/** The table's whole content, as one checksum and a count. */
	private static String state(EmbeddedDatabase server) throws SQLException {
		try (Connection connection = server.endpoint().connect(EmbeddedDatabase.DATABASE);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"select count(*) || ' ' || md5(string_agg(id || '=' || note, ',' order by id)) from contact_moments")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static int rowsWrittenBeforeTheCrash(EmbeddedDatabase server) throws SQLException {
		try (Connection connection = server.endpoint().connect(EmbeddedDatabase.DATABASE);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from written_before_the_crash")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private static boolean answers(EmbeddedDatabase server) {
		try (Connection connection = server.endpoint().connect("postgres")) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** Ends the current WAL segment, so that the archiver takes it; returns its name. */
	private static String switchWal(EmbeddedDatabase server) throws SQLException {
		try (Connection connection = server.endpoint().connect("postgres");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select pg_walfile_name(pg_switch_wal())")) {
			rs.next();
			return rs.getString(1);
		}
	}

	/** Waits until the archiver has the segment. */
	private static void awaitArchived(Path archive, EmbeddedDatabase server, String segment) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.exists(archive.resolve(segment))) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("the WAL segment " + segment + " was not archived into " + archive);
	}

}
