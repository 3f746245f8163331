/**
 * Working together around the family, with her consent (vangnet-referral/1, EXCHANGE.md
 * section 3): the who-does-what map of partners shared by a region, consent as data, and
 * referral with a warm handover between organisations.
 * <p>
 * Sharing is the designed exception to tenancy. It rests on a consent row, and PostgreSQL
 * enforces it: the policies of migration V12 let the receiving organisation's transaction
 * see exactly the consented sections of exactly the referred household, and only while it
 * reads that referral ({@link nl.vangnet.cooperation.SharedSections}). That reader is the
 * one place where this module reads other modules' tables, under those policies; every
 * such read is written to both organisations' access trails.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cooperation: partners, consent, referral",
		allowedDependencies = { "platform", "organisation", "account", "access", "lifedomain", "household" })
package nl.vangnet.cooperation;
