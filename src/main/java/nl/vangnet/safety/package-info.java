/**
 * Safety work around domestic violence (issue 14), one capability, restricted and in the
 * access trail: the family pattern behind the violence with its history, protective
 * orders against the danger-marked contacts of the network map, the children's contact
 * arrangement with the other parent and what school and childcare know.
 * <p>
 * Its SQL names only its own tables. It reads the family through {@code HouseholdApi},
 * the people on her network map (and their danger marks) through {@code NetworkApi}, and
 * the names of workers through {@code AccountApi}. It offers {@link SafetyApi} to the
 * worklist. Nothing of it is shared with another organisation or carried by the household
 * document {@code vangnet-household/1}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety",
		allowedDependencies = { "platform", "access", "account", "household", "network" })
package nl.vangnet.safety;
