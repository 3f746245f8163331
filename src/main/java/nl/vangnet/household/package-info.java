/**
 * Households: the family as the unit of work. Registration with every member (each child
 * a client in its own right) and the intake characteristics of seed 004, contact details
 * (a confidential address encrypted at rest and opened deliberately), trajectories
 * through the phases of the organisation's phase model, caseloads, the dossier and the
 * API of the exchange contract vangnet-household/1.
 * <p>
 * Other modules use {@link nl.vangnet.household.HouseholdApi} and the public records and
 * codes of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Households",
		allowedDependencies = { "platform", "organisation", "account", "access", "lifedomain" })
package nl.vangnet.household;
