/**
 * Staff accounts and their roles; signing in and out, passwords, throttling, sessions,
 * and the security rules of the web application.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and sign-in")
package nl.vangnet.account;
