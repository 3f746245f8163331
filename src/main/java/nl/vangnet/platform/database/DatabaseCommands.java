package nl.vangnet.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.vangnet.platform.VangnetProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar vangnet.jar backup DIR} and {@code restore DIR [--until TIMESTAMP]}: a
 * consistent backup of the embedded PostgreSQL (also while Vangnet runs), and its restore
 * into an empty data directory.
 * <p>
 * Unlike {@code import} and {@code generate}, these run in a small application context of
 * their own, with the configuration but without the database, web layer or migrations: a
 * backup must not start a second server on a data directory that a running Vangnet holds,
 * and a restore must find the data directory empty.
 */
public final class DatabaseCommands {

	/** The commands {@link #run} handles. */
	public static final Set<String> NAMES = Set.of("backup", "restore");

	static final String KEY_FILE = "encryption.key";

	private DatabaseCommands() {
	}

	/** Runs the command and returns the exit status (0 done, 1 failed, 2 wrong use). */
	public static int run(String... args) {
		SpringApplication application = new SpringApplication(CommandConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(
				Map.of("vangnet.command", args[0], "logging.level.root", "warn", "logging.level.nl.vangnet", "info"));
		return SpringApplication.exit(application.run(args));
	}

	/** Not a component: only the commands' own context uses it. */
	@EnableConfigurationProperties({ VangnetProperties.class, EmbeddedSettings.class })
	static class CommandConfiguration {

		@Bean
		Command databaseCommand(VangnetProperties properties, EmbeddedSettings settings, Environment environment) {
			return new Command(properties, settings, environment.getProperty("vangnet.encryption.key"));
		}

	}

	static final class Command implements ApplicationRunner, ExitCodeGenerator {

		private final VangnetProperties properties;

		private final EmbeddedSettings settings;

		private final String configuredKey;

		private int exitCode;

		Command(VangnetProperties properties, EmbeddedSettings settings, String configuredKey) {
			this.properties = properties;
			this.settings = settings;
			this.configuredKey = configuredKey;
		}

		@Override
		public void run(ApplicationArguments arguments) {
			String[] args = arguments.getSourceArgs();
			if (args.length < 2 || args[1].startsWith("--")) {
				System.err.println("Usage: java -jar vangnet.jar backup DIR");
				System.err.println("       java -jar vangnet.jar restore DIR [--until TIMESTAMP]");
				this.exitCode = 2;
				return;
			}
			if (this.properties.db().external()) {
				System.err.println("Vangnet uses an external PostgreSQL (VANGNET_DB_URL): back it up with that "
						+ "server's own tools (pg_basebackup, pg_dump).");
				this.exitCode = 2;
				return;
			}
			try {
				if (args[0].equals("backup")) {
					backup(Path.of(args[1]));
				}
				else {
					restore(Path.of(args[1]), option(args, "until"));
				}
			}
			catch (IOException | SQLException | RuntimeException ex) {
				System.err.println(args[0] + " failed: " + ex.getMessage());
				this.exitCode = 1;
			}
		}

		@Override
		public int getExitCode() {
			return this.exitCode;
		}

		private Path dataDir() {
			return this.properties.dataDir().toAbsolutePath().normalize();
		}

		void backup(Path target) throws IOException, SQLException {
			Path dataDir = dataDir();
			Backup.Manifest manifest = DatabaseCommands.backup(dataDir, target, this.settings, keyFingerprint());
			System.out
				.println("Backup written to " + target.toAbsolutePath().normalize() + ": " + manifest.files().size()
						+ " files, " + (manifest.bytes() / (1024 * 1024)) + " MB, consistent as of "
						+ manifest.createdAt() + " (checked on restore with " + Backup.MANIFEST + ").");
			System.out.println();
			System.out.println("The encryption key is NOT in this backup. Keep a copy of "
					+ ((this.configuredKey != null && !this.configuredKey.isBlank()) ? "VANGNET_ENCRYPTION_KEY"
							: dataDir.resolve(KEY_FILE).toString())
					+ " somewhere else than the backup (a password manager or a safe, never on the backup's disk):"
					+ " without it the confidential addresses of a restored database cannot be read, and next to"
					+ " the backup it would open them to whoever takes the backup.");
		}

		void restore(Path backup, String until) throws IOException {
			Path dataDir = dataDir();
			Backup.Manifest manifest = Backup.readManifest(backup);
			EmbeddedDatabase server = EmbeddedDatabase.restore(backup, dataDir, this.settings.options(false, false),
					until);
			server.stop();
			System.out.println("Restored the backup of " + manifest.createdAt() + " into "
					+ dataDir.resolve(EmbeddedDatabase.CLUSTER_DIR)
					+ ((until != null) ? " and the WAL archive up to " + until
							: (this.settings.walArchive() != null) ? " and the whole WAL archive" : "")
					+ ". Start Vangnet as usual.");
			String fingerprint = keyFingerprint();
			if (manifest.encryptionKeyFingerprint() != null
					&& !manifest.encryptionKeyFingerprint().equals(fingerprint)) {
				System.out.println("Put the encryption key of the backup (fingerprint "
						+ manifest.encryptionKeyFingerprint() + ") back as " + dataDir.resolve(KEY_FILE)
						+ " or in VANGNET_ENCRYPTION_KEY before you start: "
						+ ((fingerprint == null) ? "there is none now." : "the one there now is another."));
			}
		}

		/**
		 * The first 16 hex digits of the SHA-256 of the encryption key, or null when
		 * there is none.
		 */
		String keyFingerprint() throws IOException {
			String key = this.configuredKey;
			Path file = dataDir().resolve(KEY_FILE);
			if ((key == null || key.isBlank()) && Files.exists(file)) {
				key = Files.readString(file, StandardCharsets.US_ASCII);
			}
			if (key == null || key.isBlank()) {
				return null;
			}
			try {
				byte[] bytes = Base64.getDecoder().decode(key.strip());
				return HexFormat.of().formatHex(PostgresBinaries.sha256().digest(bytes)).substring(0, 16);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

	}

	/**
	 * Backs up the embedded PostgreSQL of the data directory: the server of the Vangnet
	 * that runs on it, or, when none does, a server started for the backup only.
	 */
	static Backup.Manifest backup(Path dataDir, Path target, EmbeddedSettings settings, String keyFingerprint)
			throws IOException, SQLException {
		Optional<Endpoint> running = EmbeddedDatabase.heldByAnotherProcess(dataDir);
		if (running.isPresent()) {
			return Backup.create(running.get(), dataDir.resolve(EmbeddedDatabase.CLUSTER_DIR), target, keyFingerprint);
		}
		if (!Files.exists(dataDir.resolve(EmbeddedDatabase.CLUSTER_DIR).resolve("PG_VERSION"))) {
			throw new IllegalStateException("There is no embedded database in " + dataDir + " (VANGNET_DATA_DIR)");
		}
		EmbeddedDatabase server = EmbeddedDatabase.start(dataDir, settings.options(false, false));
		try {
			return Backup.create(server.endpoint(), server.cluster(), target, keyFingerprint);
		}
		finally {
			server.stop();
		}
	}

	/** {@code --name value} or {@code --name=value}. */
	static String option(String[] args, String name) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--" + name) && i + 1 < args.length) {
				return args[i + 1];
			}
			if (args[i].startsWith("--" + name + "=")) {
				return args[i].substring(name.length() + 3);
			}
		}
		return null;
	}

}
