/**
 * The family's social network (seed 000, chapter 4): per client (the mother, and each
 * child on its own) dated snapshots of the network map, drawn in concentric circles of
 * experienced closeness, compared over time to show the gaps (life domains with a need
 * that no supportive contact covers); the integration safety net (the triangle of
 * government, help and services, and society) over time; and the five-step plan per life
 * domain. A contact marked as a danger is never counted or suggested as support.
 * <p>
 * Reads household members through {@code HouseholdApi} and the domains of open help
 * questions and active goals through {@code PlanApi}; its SQL names only its own tables.
 * Offers other modules (the demo) only {@code NetworkApi}, to draw snapshots, place a
 * client in the triangle and record plan steps.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Social network",
		allowedDependencies = { "platform", "access", "lifedomain", "household", "plan" })
package nl.vangnet.network;
