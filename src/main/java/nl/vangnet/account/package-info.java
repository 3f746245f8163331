/**
 * Staff accounts and their roles; signing in and out, passwords, throttling, sessions,
 * and the security rules of the web application.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and sign-in",
		allowedDependencies = { "platform", "organisation", "access" })
package nl.vangnet.account;
