package nl.vangnet.privacy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retentionYears the retention period after a household was closed, for every
 * organisation that has not set its own ({@code VANGNET_RETENTION_YEARS})
 * @param retentionCron when the daily job lists the households past their retention
 * ({@code VANGNET_RETENTION_CRON}, a Spring cron expression in the application's zone)
 */
@Validated
@ConfigurationProperties("vangnet.privacy")
record PrivacySettings(@Min(1) @Max(115) @DefaultValue("7") int retentionYears,
		@NotBlank @DefaultValue("0 30 2 * * *") String retentionCron) {
}
