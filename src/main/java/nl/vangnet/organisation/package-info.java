/**
 * Organisations (shelters, informal neighbourhood organisations, municipal teams), the
 * districts they work in, their locations (some with a secret address) and their teams.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations", allowedDependencies = { "platform" })
package nl.vangnet.organisation;
