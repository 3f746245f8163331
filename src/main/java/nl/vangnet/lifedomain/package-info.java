/**
 * Life domains as data: frameworks of domains and sub-domains (the monitor framework of
 * seed 004, the eight life domains of seed 000, a ZRM 2017 template, an organisation's
 * own), their mapping to the monitor framework, scales, and instruments (a framework with
 * a scale).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Life domains",
		allowedDependencies = { "platform", "organisation", "account" })
package nl.vangnet.lifedomain;
