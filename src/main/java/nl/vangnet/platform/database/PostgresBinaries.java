package nl.vangnet.platform.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries ({@code initdb}, {@code pg_ctl}, {@code postgres}) that come
 * from Maven Central inside the zonky binaries jar, unpacked once per machine and user
 * into a directory only that user can write to (the server runs what is in it).
 */
final class PostgresBinaries {

	private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);

	private static Path installed;

	private static List<String> wrapper;

	private PostgresBinaries() {
	}

	/** The directory with {@code bin/} and {@code lib/}, unpacked when needed. */
	static synchronized Path directory() {
		if (installed != null && Files.isExecutable(installed.resolve("bin/postgres"))) {
			return installed;
		}
		try {
			byte[] archive = archive();
			String digest = HexFormat.of().formatHex(sha256(archive)).substring(0, 16);
			Path parent = ownerOnlyParent();
			Path target = parent.resolve("postgresql-" + digest);
			if (!Files.isExecutable(target.resolve("bin/postgres"))) {
				unpack(archive, parent, target);
			}
			installed = target;
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The embedded PostgreSQL binaries could not be unpacked", ex);
		}
	}

	static String bin(String name) {
		return directory().resolve("bin").resolve(name).toString();
	}

	/**
	 * The command line of a PostgreSQL program. PostgreSQL refuses to run as root; as
	 * root on Linux it runs in a user namespace of its own ({@code unshare -U}, where it
	 * is an unprivileged user), as the zonky library does.
	 */
	static List<String> command(String name, String... arguments) {
		List<String> command = new ArrayList<>(wrapper());
		command.add(bin(name));
		command.addAll(List.of(arguments));
		return command;
	}

	private static synchronized List<String> wrapper() {
		if (wrapper == null) {
			wrapper = List.of();
			if ("root".equals(System.getProperty("user.name"))
					&& System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
				try {
					Process id = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
					String uid = new String(id.getInputStream().readAllBytes(),
							java.nio.charset.StandardCharsets.US_ASCII)
						.strip();
					if (id.waitFor() == 0 && !uid.equals("0")) {
						wrapper = List.of("unshare", "-U");
					}
				}
				catch (IOException ex) {
					log.warn("Running as root, and unshare is not available: PostgreSQL will refuse to start");
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}
		return wrapper;
	}

	private static byte[] archive() throws IOException {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String system = os.contains("win") ? "Windows" : os.contains("mac") ? "Darwin" : "Linux";
		String arch = System.getProperty("os.arch");
		String machine = "amd64".equals(arch) ? "x86_64" : arch;
		try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machine)) {
			if (in == null) {
				throw new IOException("No PostgreSQL binaries for " + system + " " + machine + " on the class path");
			}
			return in.readAllBytes();
		}
	}

	/**
	 * {@code $TMPDIR/vangnet-postgresql-<user>}, made readable and writable by its owner
	 * only; refused when someone else owns it or can write to it.
	 */
	private static Path ownerOnlyParent() throws IOException {
		String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
		Path parent = Path.of(System.getProperty("java.io.tmpdir"), "vangnet-postgresql-" + user);
		try {
			Files.createDirectories(parent,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			if (Files.isSymbolicLink(parent)) {
				throw new IOException(parent + " is a symbolic link; remove it");
			}
			Path probe = Files.createTempFile(parent, "owner", ".probe");
			try {
				if (!Files.getOwner(parent, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(probe))) {
					throw new IOException(parent + " belongs to someone else; remove it");
				}
			}
			finally {
				Files.deleteIfExists(probe);
			}
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(parent, LinkOption.NOFOLLOW_LINKS);
			if (permissions.contains(PosixFilePermission.GROUP_WRITE)
					|| permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
				Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwx------"));
			}
		}
		catch (UnsupportedOperationException ex) {
			Files.createDirectories(parent);
		}
		return parent;
	}

	/** Unpacks into a fresh directory beside the target, then renames it into place. */
	private static void unpack(byte[] archive, Path parent, Path target) throws IOException {
		log.info("Unpacking the embedded PostgreSQL binaries into {}", target);
		Path temporary = Files.createTempDirectory(parent, "unpacking-");
		try (TarArchiveInputStream tar = new TarArchiveInputStream(
				new XZInputStream(new BufferedInputStream(new java.io.ByteArrayInputStream(archive))))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path file = temporary.resolve(entry.getName()).normalize();
				if (!file.startsWith(temporary)) {
					throw new IOException("Unexpected entry in the PostgreSQL archive: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(file);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(file.getParent());
					Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createDirectories(file.getParent());
					Files.createLink(file, temporary.resolve(entry.getLinkName()).normalize());
				}
				else {
					Files.createDirectories(file.getParent());
					Files.copy(tar, file);
					boolean executable = (entry.getMode() & 0100) != 0 || entry.getName().startsWith("bin/")
							|| entry.getName().startsWith("./bin/");
					try {
						Files.setPosixFilePermissions(file,
								PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
					}
					catch (UnsupportedOperationException ex) {
						file.toFile().setExecutable(executable);
					}
				}
			}
		}
		try {
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
				| java.nio.file.DirectoryNotEmptyException ex) {
			// Another JVM unpacked the same binaries at the same time: use theirs.
			deleteTree(temporary);
			if (!Files.isExecutable(target.resolve("bin/postgres"))) {
				throw ex;
			}
		}
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
