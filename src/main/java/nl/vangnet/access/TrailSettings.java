package nl.vangnet.access;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The trail's tamper evidence.
 *
 * @param key the HMAC key in base64, 32 bytes ({@code VANGNET_TRAIL_KEY}); blank for the
 * file {@code trail.key} in the data directory, generated once. Never in the database
 * @param headFile where the chains' heads are written outside the database
 * ({@code VANGNET_TRAIL_HEAD_FILE}); blank for {@code trail-heads.txt} next to the data
 * directory
 * @param headInterval how often the heads are written
 * ({@code VANGNET_TRAIL_HEAD_INTERVAL})
 */
@Validated
@ConfigurationProperties("vangnet.trail")
record TrailSettings(String key, String headFile, @NotNull @DefaultValue("1m") Duration headInterval) {

	/**
	 * The head file: as configured, or {@code trail-heads.txt} next to the data
	 * directory.
	 */
	Path headFile(Path dataDir) {
		if (this.headFile != null && !this.headFile.isBlank()) {
			return Path.of(this.headFile.strip());
		}
		Path data = dataDir.toAbsolutePath().normalize();
		return (data.getParent() != null) ? data.getParent().resolve(data.getFileName() + "-trail-heads.txt")
				: data.resolve("trail-heads.txt");
	}

	@Override
	public String toString() {
		return "TrailSettings[key=" + ((this.key != null && !this.key.isBlank()) ? "(set)" : "(file)") + ", headFile="
				+ this.headFile + ", headInterval=" + this.headInterval + "]";
	}

}
