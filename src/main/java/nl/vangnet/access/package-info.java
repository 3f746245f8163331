/**
 * The access trail (after NEN 7513): who viewed, searched, created, changed, exported or
 * deleted which client data, when, from where and with what outcome. Written in the same
 * transaction as the action; append-only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access trail", allowedDependencies = { "platform" })
package nl.vangnet.access;
