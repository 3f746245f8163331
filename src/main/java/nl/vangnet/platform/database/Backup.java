package nl.vangnet.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consistent physical backup of the embedded PostgreSQL while it runs, and its restore.
 * <p>
 * The zonky binaries hold only {@code initdb}, {@code pg_ctl} and {@code postgres} (no
 * {@code pg_basebackup}, no {@code pg_dump}), so the backup does what
 * {@code pg_basebackup} does, with PostgreSQL's low-level API: a temporary replication
 * slot keeps the WAL, {@code pg_backup_start} marks the start, the cluster's files are
 * copied (pages changing meanwhile are repaired by WAL replay, as
 * {@code full_page_writes} is on), {@code pg_backup_stop} gives the {@code backup_label},
 * and the WAL from start to stop is copied with it. A restore replays that WAL, so the
 * restored database is exactly the database at the end of the backup; with a WAL archive
 * it can go on to any later moment.
 * <p>
 * Every file is listed with its size and SHA-256 in the manifest {@value #MANIFEST},
 * which is written last: a backup without it is incomplete, and a restore checks every
 * file before it touches the data directory. The encryption key is never in a backup.
 */
final class Backup {

	static final String MANIFEST = "vangnet-backup.json";

	static final String FORMAT = "vangnet-backup/1";

	static final String DATA = "data";

	/**
	 * Directories whose contents a backup leaves out (PostgreSQL's own list, and the
	 * server log).
	 */
	private static final Set<String> SKIP_CONTENTS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
			"pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans", "log");

	private static final Set<String> SKIP_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
			"backup_label.old", "tablespace_map", "recovery.signal", "standby.signal", "current_logfiles",
			"pg_internal.init");

	private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Backup() {
	}

	/**
	 * @param path relative to the backup's {@value #DATA} directory, with {@code /}
	 */
	record FileEntry(String path, long size, String sha256) {
	}

	/**
	 * What a backup holds and how to check it.
	 */
	record Manifest(String format, Instant createdAt, String postgresVersion, String startLsn, String stopLsn,
			String encryptionKey, String encryptionKeyFingerprint, List<String> directories, List<FileEntry> files) {

		long bytes() {
			return this.files.stream().mapToLong(FileEntry::size).sum();
		}

	}

	/**
	 * Writes a backup of the running server into the empty (or new) directory.
	 * @param keyFingerprint the fingerprint of the encryption key the data belongs to,
	 * recorded so a restore can tell whether the right key is at hand
	 */
	static Manifest create(Endpoint endpoint, Path cluster, Path target, String keyFingerprint)
			throws IOException, SQLException {
		requireEmpty(target);
		Files.createDirectories(target);
		EmbeddedDatabase.ownerOnly(target, "rwx------");
		Path data = target.resolve(DATA);
		List<FileEntry> files = new ArrayList<>();
		List<String> directories = new ArrayList<>();
		String version;
		Instant createdAt;
		String startLsn;
		String stopLsn;
		try (Connection connection = endpoint.connect("postgres"); Statement statement = connection.createStatement()) {
			byte[] random = new byte[6];
			new SecureRandom().nextBytes(random);
			String slot = "vangnet_backup_" + HexFormat.of().formatHex(random);
			statement.execute("select pg_create_physical_replication_slot('" + slot + "', true, true)");
			version = single(statement, "show server_version");
			// the time of the backup is the server's: a command has no application clock
			createdAt = Instant.parse(single(statement,
					"select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"));
			startLsn = single(statement, "select pg_backup_start('vangnet backup " + createdAt + "', true)");
			String startFile = walFileName(connection, startLsn);
			copyCluster(cluster, data, files, directories);
			String label;
			String tablespaceMap;
			try (ResultSet rs = statement
				.executeQuery("select lsn, labelfile, spcmapfile from pg_backup_stop(false)")) {
				rs.next();
				stopLsn = rs.getString(1);
				label = rs.getString(2);
				tablespaceMap = rs.getString(3);
			}
			String stopFile = walFileName(connection, stopLsn);
			files.add(write(data.resolve("backup_label"), "backup_label", label));
			if (tablespaceMap != null && !tablespaceMap.isBlank()) {
				files.add(write(data.resolve("tablespace_map"), "tablespace_map", tablespaceMap));
			}
			copyWal(cluster.resolve("pg_wal"), data.resolve("pg_wal"), startFile, stopFile, files);
			statement.execute("select pg_drop_replication_slot('" + slot + "')");
		}
		Manifest manifest = new Manifest(FORMAT, createdAt, version, startLsn, stopLsn,
				"not in this backup: keep a copy of the encryption key apart from it", keyFingerprint, directories,
				files);
		Path temporary = target.resolve(MANIFEST + ".tmp");
		Files.write(temporary, json.writeValueAsBytes(manifest));
		EmbeddedDatabase.ownerOnly(temporary, "rw-------");
		force(temporary);
		Files.move(temporary, target.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
		forceDirectory(target);
		return manifest;
	}

	/**
	 * Reads the manifest and checks the size and SHA-256 of every file.
	 * @throws IllegalStateException naming what is missing or changed
	 */
	static Manifest verify(Path backup) throws IOException {
		Manifest manifest = readManifest(backup);
		List<String> problems = new ArrayList<>();
		for (FileEntry entry : manifest.files()) {
			Path path = backup.resolve(DATA).resolve(entry.path());
			if (!Files.isRegularFile(path)) {
				problems.add(entry.path() + " is missing");
			}
			else if (Files.size(path) != entry.size() || !entry.sha256().equals(sha256(path))) {
				problems.add(entry.path() + " has changed");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The backup in " + backup + " is damaged: "
					+ String.join(", ", problems.subList(0, Math.min(10, problems.size())))
					+ ((problems.size() > 10) ? " and " + (problems.size() - 10) + " more" : ""));
		}
		return manifest;
	}

	static Manifest readManifest(Path backup) throws IOException {
		Path file = backup.resolve(MANIFEST);
		if (!Files.exists(file)) {
			throw new IllegalStateException(backup + " holds no " + MANIFEST + ": not a (complete) Vangnet backup");
		}
		Manifest manifest = json.readValue(file.toFile(), Manifest.class);
		if (!FORMAT.equals(manifest.format())) {
			throw new IllegalStateException(file + " is not of the format " + FORMAT);
		}
		return manifest;
	}

	/** Copies the checked backup's files into the (new) cluster directory. */
	static void place(Path backup, Manifest manifest, Path cluster) throws IOException {
		requireEmpty(cluster);
		Files.createDirectories(cluster);
		EmbeddedDatabase.ownerOnly(cluster, "rwx------");
		for (String directory : manifest.directories()) {
			Path dir = cluster.resolve(directory);
			Files.createDirectories(dir);
			EmbeddedDatabase.ownerOnly(dir, "rwx------");
		}
		for (FileEntry entry : manifest.files()) {
			Path to = cluster.resolve(entry.path());
			Files.createDirectories(to.getParent());
			Files.copy(backup.resolve(DATA).resolve(entry.path()), to);
			EmbeddedDatabase.ownerOnly(to, "rw-------");
			force(to);
		}
		for (String directory : manifest.directories()) {
			forceDirectory(cluster.resolve(directory));
		}
	}

	static void requireEmpty(Path dir) throws IOException {
		if (Files.isDirectory(dir)) {
			try (var entries = Files.list(dir)) {
				if (entries.findAny().isPresent()) {
					throw new IllegalStateException(dir + " is not empty");
				}
			}
		}
		else if (Files.exists(dir)) {
			throw new IllegalStateException(dir + " is not a directory");
		}
	}

	private static void copyCluster(Path cluster, Path data, List<FileEntry> files, List<String> directories)
			throws IOException {
		Files.walkFileTree(cluster, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
				String relative = relative(cluster, dir);
				Files.createDirectories(data.resolve(relative));
				EmbeddedDatabase.ownerOnly(data.resolve(relative), "rwx------");
				if (!relative.isEmpty()) {
					directories.add(relative);
				}
				if (SKIP_CONTENTS.contains(relative)) {
					if (relative.equals("pg_wal")) {
						Files.createDirectories(data.resolve("pg_wal/archive_status"));
						directories.add("pg_wal/archive_status");
					}
					return FileVisitResult.SKIP_SUBTREE;
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				String name = file.getFileName().toString();
				if (SKIP_FILES.contains(name) || name.startsWith("pgsql_tmp") || name.endsWith(".vangnet-tmp")) {
					return FileVisitResult.CONTINUE;
				}
				if (attributes.isSymbolicLink()) {
					throw new IllegalStateException(
							"Tablespaces (" + relative(cluster, file) + ") are not supported by the embedded backup");
				}
				String relative = relative(cluster, file);
				FileEntry entry = copy(file, data.resolve(relative), relative);
				if (entry != null) {
					files.add(entry);
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				if (ex instanceof NoSuchFileException) {
					// Removed while the backup ran (a dropped table): WAL replay agrees.
					return FileVisitResult.CONTINUE;
				}
				throw ex;
			}

		});
	}

	private static void copyWal(Path wal, Path target, String startFile, String stopFile, List<FileEntry> files)
			throws IOException {
		try (var entries = Files.list(wal)) {
			for (Path file : entries.sorted().toList()) {
				String name = file.getFileName().toString();
				boolean segment = WAL_SEGMENT.matcher(name).matches() && name.compareTo(startFile) >= 0
						&& name.compareTo(stopFile) <= 0;
				if (segment || name.endsWith(".history")) {
					FileEntry entry = copy(file, target.resolve(name), "pg_wal/" + name);
					if (entry == null && segment) {
						throw new IllegalStateException("The WAL segment " + name + " disappeared during the backup");
					}
					if (entry != null) {
						files.add(entry);
					}
				}
			}
		}
	}

	/**
	 * Copies and checksums a file; {@code null} when it vanished before it could be read.
	 */
	private static FileEntry copy(Path from, Path to, String relative) throws IOException {
		MessageDigest digest = PostgresBinaries.sha256();
		long size = 0;
		try (InputStream in = Files.newInputStream(from);
				OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW)) {
			byte[] buffer = new byte[1 << 16];
			int read;
			while ((read = in.read(buffer)) > 0) {
				digest.update(buffer, 0, read);
				out.write(buffer, 0, read);
				size += read;
			}
		}
		catch (NoSuchFileException ex) {
			if (Files.exists(to)) {
				Files.delete(to);
			}
			return null;
		}
		EmbeddedDatabase.ownerOnly(to, "rw-------");
		force(to);
		return new FileEntry(relative, size, HexFormat.of().formatHex(digest.digest()));
	}

	private static FileEntry write(Path file, String relative, String content) throws IOException {
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		Files.write(file, bytes, StandardOpenOption.CREATE_NEW);
		EmbeddedDatabase.ownerOnly(file, "rw-------");
		force(file);
		return new FileEntry(relative, bytes.length, HexFormat.of().formatHex(PostgresBinaries.sha256().digest(bytes)));
	}

	static String sha256(Path file) throws IOException {
		MessageDigest digest = PostgresBinaries.sha256();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			int read;
			while ((read = in.read(buffer)) > 0) {
				digest.update(buffer, 0, read);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static String walFileName(Connection connection, String lsn) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select pg_walfile_name(?::pg_lsn)")) {
			statement.setString(1, lsn);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static String relative(Path root, Path path) {
		return root.relativize(path).toString().replace('\\', '/');
	}

	private static void force(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

	private static void forceDirectory(Path dir) {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Not every platform can sync a directory.
		}
	}

	/** Settings for the first start of a restored backup that replays the WAL archive. */
	static Map<String, String> archiveRecovery(Path walArchive, String until) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("restore_command", "cp \"" + walArchive.toAbsolutePath().normalize() + "/%f\" \"%p\"");
		settings.put("recovery_target_action", "promote");
		if (until != null) {
			settings.put("recovery_target_time", until);
		}
		return settings;
	}

}
