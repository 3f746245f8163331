/**
 * Help questions per family member and life domain (with their history), the family's
 * plan (goals, actions, evaluations, the family's copy without internal notes), and
 * progress per domain over time on an instrument, by the worker and the client.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Help questions, plan and progress",
		allowedDependencies = { "platform", "account", "access", "lifedomain", "household" })
package nl.vangnet.plan;
