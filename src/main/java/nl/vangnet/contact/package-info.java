/**
 * Contacts: contact moments with a family (reached or a failed attempt, notes that can be
 * sensitive), time invested per support type, group activities, the follow-up rhythm per
 * trajectory and the "who needs contact" worklist that keeps families in aftercare in
 * view, and the family's overview of obligations and debts. Keeps the {@code timeEntries}
 * and {@code activities} sections of the household document.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contacts")
package nl.vangnet.contact;
