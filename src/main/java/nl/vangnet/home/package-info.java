/**
 * The start page of each role and the navigation around it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Start page",
		allowedDependencies = { "platform", "account", "household" })
package nl.vangnet.home;
