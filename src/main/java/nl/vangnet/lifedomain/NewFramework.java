package nl.vangnet.lifedomain;

import java.util.List;

/**
 * A framework to add: its domains in order (a sub-domain's code is its parent's code, a
 * dot and its own, and follows its parent), each with the monitor code it counts for.
 *
 * @param organisation the code of the organisation whose own list it is, or {@code null}
 */
public record NewFramework(String code, String nameNl, String nameEn, String organisation, List<NewDomain> domains) {

	public record NewDomain(String code, String labelNl, String labelEn, String monitorCode) {
	}

}
