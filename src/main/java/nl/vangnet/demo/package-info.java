/**
 * A realistic demo: a women's shelter with a secret-address location, an informal
 * neighbourhood organisation and a municipal neighbourhood team, with staff of every
 * role, six families with their help questions, plans, progress, contacts, papers and
 * network, and synthetic households for the monitor.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo", allowedDependencies = { "platform",
		"organisation", "account", "household", "plan", "contact", "network", "monitor", "cooperation", "safety" })
package nl.vangnet.demo;
