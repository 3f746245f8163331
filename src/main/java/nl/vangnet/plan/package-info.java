/**
 * Help questions per family member and life domain (with their history), the family's
 * plan (goals, actions, evaluations, the family's copy without internal notes), and
 * progress per domain over time on an instrument, by the worker and the client.
 * <p>
 * A partner of the who-does-what map may act in an action: the plan reads the map through
 * {@code CooperationApi} (cooperation does not use the plan; it reads the help question
 * or action a referral comes from through the view {@code plan_reference} that this
 * module's migration V17 publishes, so the modules stay free of cycles).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Help questions, plan and progress",
		allowedDependencies = { "platform", "account", "access", "lifedomain", "household", "cooperation" })
package nl.vangnet.plan;
