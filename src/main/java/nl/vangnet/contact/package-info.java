/**
 * Contacts: contact moments with a family (reached or a failed attempt, notes that can be
 * sensitive), time invested per support type, group activities, the follow-up rhythm per
 * trajectory and the "who needs contact" worklist that keeps families in aftercare in
 * view, and the family's overview of obligations and debts. Keeps the {@code timeEntries}
 * and {@code activities} sections of the household document.
 * <p>
 * Reads households through {@code HouseholdApi} (and, for the worklist, the views
 * {@code household_trajectory} and {@code household_involvement}), acute help questions
 * through {@code PlanApi} and staff names through {@code AccountApi}; its SQL names only
 * its own tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts", allowedDependencies = { "platform",
		"organisation", "account", "access", "household", "plan", "cooperation", "safety" })
package nl.vangnet.contact;
