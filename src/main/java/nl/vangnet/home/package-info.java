/**
 * The start page of each role and the navigation around it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Start page",
		allowedDependencies = { "account", "household" })
package nl.vangnet.home;
