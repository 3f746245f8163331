/**
 * The anonymised monitor (vangnet-monitor/1, seed 004's tables) over the common
 * registration of every organisation: counted with plain SQL, small cells suppressed,
 * shown as tables and charts, and exported as JSON, CSV, XLSX and PDF. Also the synthetic
 * households for trying it at scale.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitor",
		allowedDependencies = { "platform", "organisation", "access", "lifedomain" })
package nl.vangnet.monitor;
