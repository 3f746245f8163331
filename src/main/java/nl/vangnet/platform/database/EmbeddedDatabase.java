package nl.vangnet.platform.database;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, run as safely as a production server: real PostgreSQL binaries
 * from Maven Central ({@link PostgresBinaries}), started by Vangnet itself with
 * {@code initdb} and {@code pg_ctl} for a data directory that survives restarts.
 * <ul>
 * <li><b>Durable</b>: {@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} are on; a write that was answered is on disk.</li>
 * <li><b>No passwordless access</b>: the cluster is initialised with
 * {@code scram-sha-256}; the superuser's password is generated once into the owner-only
 * file {@value #PASSWORD_FILE}; the server listens on a Unix socket in an owner-only
 * directory and on no TCP port; {@code pg_hba.conf} is rewritten at every start with
 * nothing but password lines. A cluster of an earlier Vangnet (trust, no password) gets
 * its password and new {@code pg_hba.conf} at the first start.</li>
 * <li><b>Crash recovery</b>: a server left running by a Vangnet that was killed is
 * recognised by its {@code postmaster.pid} and a live {@code postgres} process, stopped,
 * and started again, so the first restart succeeds; a server that dies while Vangnet runs
 * is restarted, and when that keeps failing for {@link #GIVE_UP_AFTER} Vangnet exits with
 * status {@value #EXIT_DATABASE_LOST} so that a supervisor restarts it.</li>
 * </ul>
 * One server per data directory and JVM; a file lock keeps a second Vangnet off the same
 * data directory.
 */
final class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	static final String DATABASE = "vangnet";

	static final String SUPERUSER = "postgres";

	/** The cluster, inside the data directory. */
	static final String CLUSTER_DIR = "postgres";

	static final String PASSWORD_FILE = "postgres.password";

	static final String LOCK_FILE = "postgres.lock";

	static final String SOCKET_DIR = "postgres-socket";

	/** Only names the socket file: no TCP port is opened. */
	static final int PORT = 5432;

	static final int EXIT_DATABASE_LOST = 70;

	static final Duration GIVE_UP_AFTER = Duration.ofMinutes(2);

	/** What {@code pg_hba.conf} holds: the Unix socket only, with the password only. */
	static final String HBA = """
			# Written by Vangnet at every start of the embedded PostgreSQL; changes are overwritten.
			# Only the Unix socket (in an owner-only directory), only with the password.
			# TYPE  DATABASE     USER  METHOD
			local   all          all   scram-sha-256
			local   replication  all   scram-sha-256
			""";

	private static final Map<Path, EmbeddedDatabase> running = new HashMap<>();

	private final Path dataDir;

	private final Path cluster;

	private final Options options;

	private Endpoint endpoint;

	private FileChannel lockChannel;

	private FileLock lock;

	private volatile long postmasterPid;

	private volatile boolean stopping;

	private Thread watchdog;

	/**
	 * @param clean wipe the cluster before starting (tests only); {@code initdb} then
	 * skips its final sync
	 * @param fsync {@code fsync=on}; off only through the explicit test-only setting
	 * @param walArchiveDir continuous WAL archiving into this directory, or {@code null}
	 * @param watch restart the server when it dies (off for short-lived commands)
	 */
	record Options(boolean clean, boolean fsync, Path walArchiveDir, boolean watch) {

		static Options defaults() {
			return new Options(false, true, null, true);
		}

	}

	private EmbeddedDatabase(Path dataDir, Options options, Endpoint endpoint) {
		this.dataDir = dataDir;
		this.cluster = dataDir.resolve(CLUSTER_DIR);
		this.options = options;
		this.endpoint = endpoint;
	}

	/**
	 * Starts (or returns the already running) embedded server for the data directory and
	 * makes sure the Vangnet database exists.
	 */
	static synchronized EmbeddedDatabase start(Path dataDir, Options options) {
		return launch(dataDir, options, null);
	}

	/**
	 * Restores a backup ({@link Backup}) into the data directory, whose cluster must be
	 * empty or missing, and starts it: the backup's WAL is replayed, and with a WAL
	 * archive in the options the archive too (up to {@code until}, a timestamp, or to its
	 * end). The restored cluster gets the password of this data directory's password
	 * file.
	 */
	static synchronized EmbeddedDatabase restore(Path backup, Path dataDir, Options options, String until) {
		return launch(dataDir, new Options(false, options.fsync(), options.walArchiveDir(), options.watch()),
				new Restore(backup, until));
	}

	private record Restore(Path backup, String until) {
	}

	private static EmbeddedDatabase launch(Path dataDir, Options options, Restore restore) {
		Path dir = dataDir.toAbsolutePath().normalize();
		EmbeddedDatabase server = running.get(dir);
		if (server != null) {
			if (restore != null) {
				throw new IllegalStateException("The embedded PostgreSQL of " + dir + " runs; stop it first");
			}
			return server;
		}
		try {
			Files.createDirectories(dir);
			FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock = channel.tryLock();
			if (lock == null) {
				channel.close();
				throw new IllegalStateException(
						"Another Vangnet is using the data directory " + dir + "; stop it first");
			}
			server = new EmbeddedDatabase(dir, options, null);
			server.lockChannel = channel;
			server.lock = lock;
			try {
				Map<String, String> recovery = Map.of();
				if (restore != null) {
					recovery = server.placeBackup(restore);
				}
				Passwords.Password password = Passwords.readOrCreate(dir.resolve(PASSWORD_FILE));
				server.endpoint = new Endpoint(socketDirectory(dir), PORT, password.value());
				server.prepareAndStart(password.created(), restore != null, recovery);
				server.createDatabaseIfMissing();
			}
			catch (IOException | RuntimeException ex) {
				server.releaseLock();
				throw ex;
			}
			running.put(dir, server);
			EmbeddedDatabase toStop = server;
			Runtime.getRuntime().addShutdownHook(new Thread(toStop::stop, "embedded-postgres-stop"));
			if (options.watch()) {
				server.startWatchdog();
			}
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded PostgreSQL could not start in " + dir, ex);
		}
	}

	private Map<String, String> placeBackup(Restore restore) throws IOException {
		Backup.Manifest manifest = Backup.verify(restore.backup());
		stopLeftoverServer();
		Backup.place(restore.backup(), manifest, this.cluster);
		if (this.options.walArchiveDir() == null) {
			if (restore.until() != null) {
				throw new IllegalStateException("A point in time needs the WAL archive (VANGNET_WAL_ARCHIVE_DIR)");
			}
			return Map.of();
		}
		Files.writeString(this.cluster.resolve("recovery.signal"), "");
		return Backup.archiveRecovery(this.options.walArchiveDir(), restore.until());
	}

	/**
	 * The endpoint of the embedded server that another process (a running Vangnet) keeps
	 * for the data directory, or empty when no other process holds it.
	 */
	static Optional<Endpoint> heldByAnotherProcess(Path dataDir) throws IOException {
		Path dir = dataDir.toAbsolutePath().normalize();
		synchronized (EmbeddedDatabase.class) {
			if (running.containsKey(dir)) {
				return Optional.of(running.get(dir).endpoint);
			}
		}
		if (!Files.exists(dir.resolve(LOCK_FILE))) {
			return Optional.empty();
		}
		try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			if (lock != null) {
				return Optional.empty();
			}
		}
		List<String> pid = Files.readAllLines(dir.resolve(CLUSTER_DIR).resolve("postmaster.pid"));
		if (pid.size() < 5) {
			throw new IllegalStateException("The embedded PostgreSQL of " + dir + " is still starting; try again");
		}
		return Optional.of(new Endpoint(Path.of(pid.get(4).strip()), Integer.parseInt(pid.get(3).strip()),
				Passwords.read(dir.resolve(PASSWORD_FILE))));
	}

	Endpoint endpoint() {
		return this.endpoint;
	}

	Path cluster() {
		return this.cluster;
	}

	Path dataDirectory() {
		return this.dataDir;
	}

	String jdbcUrl() {
		return this.endpoint.jdbcUrl(DATABASE);
	}

	String password() {
		return this.endpoint.password();
	}

	long postmasterPid() {
		return this.postmasterPid;
	}

	/**
	 * Stops the server (fast shutdown: open transactions roll back) and frees the data
	 * directory.
	 */
	void stop() {
		synchronized (this) {
			if (this.stopping) {
				return;
			}
			this.stopping = true;
		}
		if (this.watchdog != null) {
			this.watchdog.interrupt();
		}
		try {
			if (isAlive(this.postmasterPid)) {
				run(Duration.ofSeconds(90), PostgresBinaries.command("pg_ctl", "-D", this.cluster.toString(), "-m",
						"fast", "-w", "-t", "60", "-s", "stop"));
			}
		}
		catch (RuntimeException ex) {
			log.warn("The embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
		synchronized (EmbeddedDatabase.class) {
			running.remove(this.dataDir, this);
		}
		releaseLock();
	}

	private void releaseLock() {
		try {
			if (this.lock != null) {
				this.lock.release();
			}
			if (this.lockChannel != null) {
				this.lockChannel.close();
			}
		}
		catch (IOException ex) {
			log.warn("The lock of {} could not be released", this.dataDir);
		}
	}

	/**
	 * Everything before the server accepts connections: stop a leftover server,
	 * {@code initdb} a new cluster, or bring an existing one up to date (password,
	 * {@code pg_hba.conf}), then start it.
	 * @param setPassword the cluster must get the password of the password file (new
	 * password file, earlier version's cluster, restored backup)
	 * @param recovery extra settings for this one start (a restore from the WAL archive)
	 */
	void prepareAndStart(boolean setPassword, boolean forcePassword, Map<String, String> recovery) {
		try {
			stopLeftoverServer();
			if (this.options.clean()) {
				PostgresBinaries.deleteTree(this.cluster);
			}
			boolean fresh = !Files.exists(this.cluster.resolve("PG_VERSION"));
			if (fresh) {
				initdb();
				writeHba();
				startServer(recovery);
				return;
			}
			boolean upgrade = !HBA.equals(readOrEmpty(this.cluster.resolve("pg_hba.conf")));
			if (upgrade) {
				log.info("Securing the embedded PostgreSQL of an earlier Vangnet in {}: password and pg_hba.conf",
						this.cluster);
			}
			writeHba();
			if (setPassword || forcePassword || upgrade) {
				// Recovery (after a crash, or of a restored backup) runs in a normal
				// start;
				// the password is then set with the server stopped, in single-user mode,
				// so that no connection is ever accepted without it.
				startServer(recovery);
				awaitEndOfArchiveRecovery();
				stopServer();
				setPasswordInSingleUserMode();
				startServer(Map.of());
			}
			else {
				startServer(recovery);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded PostgreSQL could not start in " + this.cluster, ex);
		}
	}

	private void initdb() throws IOException {
		if (Files.isDirectory(this.cluster)) {
			try (var entries = Files.list(this.cluster)) {
				if (entries.findAny().isPresent()) {
					throw new IllegalStateException(this.cluster
							+ " holds files but no PostgreSQL cluster (no PG_VERSION); move them away first");
				}
			}
		}
		log.info("Creating the embedded PostgreSQL cluster in {}", this.cluster);
		List<String> command = PostgresBinaries.command("initdb", "-D", this.cluster.toString(), "-U", SUPERUSER, "-E",
				"UTF-8", "--auth=scram-sha-256", "--pwfile=" + this.dataDir.resolve(PASSWORD_FILE));
		if (this.options.clean()) {
			command.add("--no-sync");
		}
		run(Duration.ofMinutes(5), command);
	}

	private void writeHba() throws IOException {
		Path hba = this.cluster.resolve("pg_hba.conf");
		Path temporary = this.cluster.resolve("pg_hba.conf.vangnet-tmp");
		Files.writeString(temporary, HBA, StandardCharsets.UTF_8);
		ownerOnly(temporary, "rw-------");
		Files.move(temporary, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** The settings every start passes on the command line (they override the files). */
	Map<String, String> settings() throws IOException {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("listen_addresses", "");
		settings.put("port", Integer.toString(PORT));
		settings.put("unix_socket_directories", this.endpoint.socketDirectory().toString());
		settings.put("unix_socket_permissions", "0700");
		settings.put("password_encryption", "scram-sha-256");
		settings.put("fsync", this.options.fsync() ? "on" : "off");
		settings.put("synchronous_commit", "on");
		settings.put("full_page_writes", "on");
		settings.put("wal_level", "replica");
		settings.put("max_connections", "100");
		settings.put("timezone", "UTC");
		// The server's log: rotated daily over a week, without statement texts or
		// details (which can hold values of rows, so personal data).
		settings.put("logging_collector", "on");
		settings.put("log_directory", "log");
		settings.put("log_filename", "postgresql-%a.log");
		settings.put("log_rotation_age", "1d");
		settings.put("log_truncate_on_rotation", "on");
		settings.put("log_error_verbosity", "terse");
		settings.put("log_min_error_statement", "panic");
		if (this.options.walArchiveDir() != null) {
			Path archive = this.options.walArchiveDir().toAbsolutePath().normalize();
			Files.createDirectories(archive);
			settings.put("archive_mode", "on");
			settings.put("archive_library", "basic_archive");
			settings.put("basic_archive.archive_directory", archive.toString());
			settings.put("archive_timeout", "5min");
		}
		return settings;
	}

	private void startServer(Map<String, String> extra) throws IOException {
		Files.createDirectories(this.endpoint.socketDirectory());
		ownerOnly(this.endpoint.socketDirectory(), "rwx------");
		Path logDir = this.cluster.resolve("log");
		Files.createDirectories(logDir);
		ownerOnly(logDir, "rwx------");
		Map<String, String> settings = settings();
		settings.putAll(extra);
		StringBuilder serverOptions = new StringBuilder();
		settings.forEach((name, value) -> serverOptions.append(" -c ").append(shellQuoted(name + "=" + value)));
		Path startLog = logDir.resolve("startup.log");
		try {
			run(Duration.ofMinutes(11), PostgresBinaries.command("pg_ctl", "-D", this.cluster.toString(), "-l",
					startLog.toString(), "-o", serverOptions.toString().strip(), "-w", "-t", "600", "-s", "start"));
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException(ex.getMessage() + "; the server said: " + tail(startLog), ex);
		}
		this.postmasterPid = readPid().orElseThrow(() -> new IllegalStateException("postmaster.pid is missing"));
		log.info("Embedded PostgreSQL running (pid {}) on the Unix socket in {}", this.postmasterPid,
				this.endpoint.socketDirectory());
	}

	/**
	 * A server recovering from the WAL archive accepts read-only connections before it is
	 * done; it is done when it has removed {@code recovery.signal} (and promoted).
	 */
	private void awaitEndOfArchiveRecovery() throws IOException {
		Path signal = this.cluster.resolve("recovery.signal");
		long started = System.nanoTime();
		long reported = started;
		while (Files.exists(signal)) {
			if (!isAlive(this.postmasterPid)) {
				throw new IllegalStateException("The recovery from the WAL archive failed; see the log in "
						+ this.cluster.resolve("log") + ": " + tail(latestLog()));
			}
			if (System.nanoTime() - reported > TimeUnit.SECONDS.toNanos(30)) {
				reported = System.nanoTime();
				log.info("Still replaying the WAL archive ({} s)", TimeUnit.NANOSECONDS.toSeconds(reported - started));
			}
			sleep(Duration.ofMillis(200));
		}
	}

	private Path latestLog() throws IOException {
		try (var logs = Files.list(this.cluster.resolve("log"))) {
			return logs.filter((file) -> file.getFileName().toString().startsWith("postgresql-"))
				.max(java.util.Comparator.comparing((file) -> file.toFile().lastModified()))
				.orElse(this.cluster.resolve("log/startup.log"));
		}
	}

	private void stopServer() {
		run(Duration.ofSeconds(90), PostgresBinaries.command("pg_ctl", "-D", this.cluster.toString(), "-m", "fast",
				"-w", "-t", "60", "-s", "stop"));
	}

	/**
	 * Sets the superuser's password from the password file with the server stopped: the
	 * statement goes in on standard input, never on a command line or into a log.
	 */
	private void setPasswordInSingleUserMode() throws IOException {
		ProcessBuilder builder = new ProcessBuilder(PostgresBinaries.command("postgres", "--single", "-D",
				this.cluster.toString(), "-c", "password_encryption=scram-sha-256", "-c",
				"log_min_error_statement=panic", "-c", "log_statement=none", "postgres"));
		builder.redirectErrorStream(true);
		Path output = Files.createTempFile("vangnet-pg-single", ".log");
		builder.redirectOutput(output.toFile());
		Process process = builder.start();
		try (OutputStream in = process.getOutputStream()) {
			in.write(("ALTER ROLE " + SUPERUSER + " WITH LOGIN PASSWORD '" + this.endpoint.password() + "';\n")
				.getBytes(StandardCharsets.US_ASCII));
		}
		try {
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IllegalStateException("The password of the embedded PostgreSQL could not be set: "
						+ tail(output).replace(this.endpoint.password(), "(password)"));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while setting the password", ex);
		}
		finally {
			Files.deleteIfExists(output);
		}
		log.info("The embedded PostgreSQL's superuser now has the password in {}", this.dataDir.resolve(PASSWORD_FILE));
	}

	/**
	 * A {@code postmaster.pid} whose process is a live {@code postgres} belongs to a
	 * server that a killed Vangnet left behind (this JVM holds the data directory's lock,
	 * so no other Vangnet uses it): stop it, or kill it when it does not stop.
	 */
	private void stopLeftoverServer() throws IOException {
		Optional<Long> pid = readPid();
		if (pid.isEmpty() || !isAlive(pid.get())) {
			// A stale file of a dead server: PostgreSQL itself replaces it.
			return;
		}
		Optional<String> command = ProcessHandle.of(pid.get()).flatMap((p) -> p.info().command());
		if (command.isPresent() && !command.get().endsWith("postgres")) {
			log.info("postmaster.pid names process {}, which is not PostgreSQL (the pid was reused); removing it",
					pid.get());
			Files.deleteIfExists(this.cluster.resolve("postmaster.pid"));
			return;
		}
		log.warn("Stopping the embedded PostgreSQL (pid {}) that an earlier Vangnet left running", pid.get());
		try {
			stopServer();
		}
		catch (RuntimeException ex) {
			log.warn("It did not stop ({}); killing it", ex.getMessage());
			ProcessHandle.of(pid.get()).ifPresent(ProcessHandle::destroyForcibly);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (isAlive(pid.get()) && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(100));
		}
	}

	private Optional<Long> readPid() throws IOException {
		Path file = this.cluster.resolve("postmaster.pid");
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			return Optional.empty();
		}
		if (lines.isEmpty() || lines.get(0).isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Math.abs(Long.parseLong(lines.get(0).strip())));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** Alive and not a zombie (a dead process its parent has not yet collected). */
	static boolean isAlive(long pid) {
		if (pid <= 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			return false;
		}
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		try {
			String content = Files.readString(stat, StandardCharsets.US_ASCII);
			int end = content.lastIndexOf(')');
			return end < 0 || end + 2 >= content.length() || content.charAt(end + 2) != 'Z';
		}
		catch (IOException | RuntimeException ex) {
			return true;
		}
	}

	private void createDatabaseIfMissing() {
		try (Connection connection = this.endpoint.connect("postgres");
				PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, DATABASE);
			try (ResultSet rs = exists.executeQuery()) {
				if (!rs.next()) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The Vangnet database could not be created: " + ex.getMessage(), ex);
		}
	}

	private void startWatchdog() {
		this.watchdog = new Thread(this::watch, "embedded-postgres-watchdog");
		this.watchdog.setDaemon(true);
		this.watchdog.start();
	}

	/**
	 * Checks every second that the server lives; restarts it when it died. When it cannot
	 * be brought back within {@link #GIVE_UP_AFTER}, Vangnet exits non-zero so that its
	 * supervisor starts it again (health is never DOWN for good).
	 */
	private void watch() {
		while (!this.stopping) {
			if (!sleep(Duration.ofSeconds(1))) {
				return;
			}
			if (this.stopping || isAlive(this.postmasterPid)) {
				continue;
			}
			log.error("The embedded PostgreSQL (pid {}) stopped unexpectedly; restarting it", this.postmasterPid);
			long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
			Duration wait = Duration.ofMillis(500);
			while (!this.stopping) {
				try {
					synchronized (this) {
						if (this.stopping) {
							return;
						}
						stopLeftoverServer();
						startServer(Map.of());
					}
					log.info("The embedded PostgreSQL is back (pid {})", this.postmasterPid);
					break;
				}
				catch (IOException | RuntimeException ex) {
					log.warn("The embedded PostgreSQL could not be restarted yet: {}", ex.getMessage());
				}
				if (System.nanoTime() > deadline) {
					log.error("Giving up on the embedded PostgreSQL after {}; Vangnet exits with status {}",
							GIVE_UP_AFTER, EXIT_DATABASE_LOST);
					Runtime.getRuntime().exit(EXIT_DATABASE_LOST);
					return;
				}
				if (!sleep(wait)) {
					return;
				}
				wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
						: wait.multipliedBy(2);
			}
		}
	}

	/**
	 * The socket directory: {@value #SOCKET_DIR} in the data directory, or a private
	 * temporary directory when that path is too long for a Unix socket (107 bytes).
	 */
	private static Path socketDirectory(Path dataDir) throws IOException {
		Path dir = dataDir.resolve(SOCKET_DIR);
		if (dir.resolve(".s.PGSQL." + PORT + ".lock").toString().getBytes(StandardCharsets.UTF_8).length < 100) {
			return dir;
		}
		return Files.createTempDirectory("vangnet-pg");
	}

	static void ownerOnly(Path path, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system.
		}
	}

	private static String shellQuoted(String value) {
		if (value.indexOf('\'') >= 0) {
			throw new IllegalArgumentException("A setting of the embedded PostgreSQL may not hold a single quote: "
					+ value.substring(0, value.indexOf('=')));
		}
		return "'" + value + "'";
	}

	private static String readOrEmpty(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
	}

	private static String tail(Path file) {
		try {
			List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
			return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
		}
		catch (IOException | RuntimeException ex) {
			return "(no log)";
		}
	}

	private static boolean sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Runs a PostgreSQL tool; its output is kept out of Vangnet's log unless it fails.
	 */
	static void run(Duration timeout, List<String> command) {
		String program = command.stream()
			.filter((part) -> part.contains("/bin/"))
			.findFirst()
			.map((part) -> Path.of(part).getFileName().toString())
			.orElse(command.get(0));
		try {
			Path output = Files.createTempFile("vangnet-pg-tool", ".log");
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.start();
				if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(program + " took longer than " + timeout);
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException(program + " " + command.get(command.size() - 1) + " failed ("
							+ process.exitValue() + "): " + tail(output));
				}
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + program, ex);
		}
	}

	/**
	 * The superuser's password file: generated once, owner-only, like the encryption key.
	 */
	static final class Passwords {

		record Password(String value, boolean created) {

			@Override
			public String toString() {
				return "Password[(hidden), created=" + this.created + "]";
			}

		}

		private Passwords() {
		}

		static String read(Path file) throws IOException {
			String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
			if (value.isEmpty()) {
				throw new IllegalStateException(file + " is empty");
			}
			return value;
		}

		static Password readOrCreate(Path file) throws IOException {
			if (Files.exists(file)) {
				warnWhenOthersCanRead(file);
				return new Password(read(file), false);
			}
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Path temporary;
			try {
				temporary = Files.createTempFile(file.getParent(), PASSWORD_FILE, ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException ex) {
				temporary = Files.createTempFile(file.getParent(), PASSWORD_FILE, ".tmp");
			}
			Files.writeString(temporary, password + "\n", StandardCharsets.US_ASCII);
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
				Files.deleteIfExists(temporary);
				return new Password(read(file), false);
			}
			log.info("Generated the embedded PostgreSQL's superuser password in {}", file);
			return new Password(password, true);
		}

		private static void warnWhenOthersCanRead(Path file) throws IOException {
			try {
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
				if (permissions.contains(PosixFilePermission.GROUP_READ)
						|| permissions.contains(PosixFilePermission.OTHERS_READ)) {
					log.warn("The password file {} can be read by others than its owner; chmod 600 it", file);
				}
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system.
			}
		}

	}

}
