package nl.vangnet.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import nl.vangnet.platform.staff.SecondFactor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * All of Vangnet's own configuration. Secrets come from the environment only (see
 * application.yml for the environment variables).
 *
 * @param dataDir where the embedded PostgreSQL keeps its data
 * @param db an external PostgreSQL; when its url is blank Vangnet starts an embedded one
 * @param admin the first administrator, created on first start
 * @param demo load the demo organisations and users at start
 * @param session idle and absolute session timeouts
 * @param signIn throttling of failed sign-ins
 * @param monitor the anonymised monitor (vangnet-monitor/1)
 * @param timeZone the zone of every "now" and "today" in the application (the one
 * {@link java.time.Clock})
 * @param secondFactor whether staff must use a second factor after the password
 * ({@code VANGNET_SECOND_FACTOR}); an organisation may say otherwise for its own accounts
 * @param passkeys the relying party of passkeys (WebAuthn)
 */
@Validated
@ConfigurationProperties("vangnet")
public record VangnetProperties(@NotNull Path dataDir, @Valid @NotNull Db db, @Valid @NotNull Admin admin,
		@DefaultValue("false") boolean demo, @Valid @NotNull Session session, @Valid @NotNull SignIn signIn,
		@Valid @DefaultValue Monitor monitor, @NotNull @DefaultValue("Europe/Amsterdam") ZoneId timeZone,
		@NotNull @DefaultValue("REQUIRED") SecondFactor secondFactor, @Valid @DefaultValue Passkeys passkeys) {

	/**
	 * @param url JDBC url of an external PostgreSQL 15+; blank for the embedded one
	 * @param user owner of the schema (runs the migrations)
	 * @param password its password
	 * @param cleanEmbedded wipe the embedded data directory at start (tests only)
	 */
	public record Db(String url, String user, String password, @DefaultValue("false") boolean cleanEmbedded) {

		public boolean external() {
			return this.url != null && !this.url.isBlank();
		}

	}

	public record Admin(String email, String password) {

		public boolean configured() {
			return this.email != null && !this.email.isBlank();
		}

	}

	public record Session(@NotNull @DefaultValue("30m") Duration idleTimeout,
			@NotNull @DefaultValue("12h") Duration absoluteTimeout) {
	}

	/**
	 * @param maxFailuresPerMinute failures on one account from one client before that
	 * client waits a minute (doubling with every further failure)
	 * @param accountFailuresBeforeDelay failures on one account from all clients before
	 * every attempt on it waits a growing delay of seconds
	 * @param sourceFailuresBeforeDelay failures from one client on all accounts before
	 * every attempt from it waits a growing delay
	 */
	public record SignIn(@Min(1) @Max(1000) @DefaultValue("6") int maxFailuresPerMinute,
			@Min(1) @Max(10000) @DefaultValue("20") int accountFailuresBeforeDelay,
			@Min(1) @Max(10000) @DefaultValue("30") int sourceFailuresBeforeDelay) {
	}

	/**
	 * @param rpId the relying party's id: the host name (without port) the browser shows
	 * ({@code VANGNET_PASSKEYS_RP_ID})
	 * @param origins the addresses the browser may sign in from, such as
	 * {@code https://vangnet.example.org} ({@code VANGNET_PASSKEYS_ORIGINS}, comma
	 * separated)
	 */
	public record Passkeys(@NotNull @DefaultValue("localhost") String rpId,
			@NotNull @DefaultValue("http://localhost:8080") java.util.Set<String> origins) {
	}

	/**
	 * @param minCellSize every count above zero and below this is suppressed
	 * @param connections how many database connections count one monitor at once, all
	 * from one snapshot ({@code VANGNET_MONITOR_CONNECTIONS}; 1: one after the other)
	 */
	public record Monitor(@Min(1) @Max(1000) @DefaultValue("5") int minCellSize,
			@Min(1) @Max(16) @DefaultValue("2") int connections) {
	}

}
