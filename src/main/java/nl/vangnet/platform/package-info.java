/**
 * Shared infrastructure every capability stands on: the database (embedded or external
 * PostgreSQL), tenancy as row-level security, configuration, language and error handling.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {},
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package nl.vangnet.platform;
