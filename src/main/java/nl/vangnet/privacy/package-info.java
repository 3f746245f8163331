/**
 * The client's rights (AVG articles 15 and 17) and retention: a person's subject-access
 * report assembled from every module's
 * {@link nl.vangnet.platform.privacy.SubjectAccessContribution}, reviewed by a
 * coordinator (and a meldcode officer where a section asks for one) and delivered as JSON
 * or PDF; erasure requests approved by a second coordinator and carried out through every
 * module's {@link nl.vangnet.platform.privacy.ErasureContribution} in one transaction;
 * the retention period per organisation and the daily job that lists households past it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy: access, erasure, retention",
		allowedDependencies = { "platform", "organisation", "access", "household" })
package nl.vangnet.privacy;
