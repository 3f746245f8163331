/**
 * A realistic demo: a women's shelter with a secret-address location, an informal
 * neighbourhood organisation and a municipal neighbourhood team, with staff of every
 * role.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package nl.vangnet.demo;
