/**
 * The two contributions every module that keeps personal data makes to the client's
 * rights (AVG articles 15 and 17): its part of a person's subject-access report
 * ({@link nl.vangnet.platform.privacy.SubjectAccessContribution}) and the erasure of a
 * household's rows ({@link nl.vangnet.platform.privacy.ErasureContribution}). They are
 * published here, in the platform, so that every module can implement them without
 * depending on the privacy module that collects them (which itself uses the household
 * module): no module's SQL names another's tables.
 */
package nl.vangnet.platform.privacy;
