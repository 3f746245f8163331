package nl.vangnet.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL.
 *
 * @param walArchiveDir continuous WAL archiving into this directory
 * ({@code VANGNET_WAL_ARCHIVE_DIR}), for point-in-time recovery with {@code restore};
 * blank for none
 * @param testsWithoutFsync {@code fsync=off}: for the test suite's throw-away database
 * only, never for data that must survive a crash; the default is durable
 */
@ConfigurationProperties("vangnet.embedded")
record EmbeddedSettings(String walArchiveDir, @DefaultValue("false") boolean testsWithoutFsync) {

	Path walArchive() {
		return (this.walArchiveDir != null && !this.walArchiveDir.isBlank()) ? Path.of(this.walArchiveDir.strip())
				: null;
	}

	EmbeddedDatabase.Options options(boolean clean, boolean watch) {
		return new EmbeddedDatabase.Options(clean, !this.testsWithoutFsync, walArchive(), watch);
	}

}
