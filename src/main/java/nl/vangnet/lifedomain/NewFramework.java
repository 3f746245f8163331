package nl.vangnet.lifedomain;

import java.util.List;

/**
 * A framework to add: its domains in order (a sub-domain's code is its parent's code, a
 * dot and its own, and follows its parent), each with the monitor code it counts for by
 * default and any others it may count for.
 *
 * @param organisation the code of the organisation whose own list it is, or {@code null}
 */
public record NewFramework(String code, String nameNl, String nameEn, String organisation, List<NewDomain> domains) {

	/**
	 * One domain to add.
	 *
	 * @param monitorCode the monitor code it counts for by default
	 * @param otherMonitorCodes further monitor codes a help question in it may choose, or
	 * {@code null}
	 */
	public record NewDomain(String code, String labelNl, String labelEn, String monitorCode,
			List<String> otherMonitorCodes) {

		public NewDomain(String code, String labelNl, String labelEn, String monitorCode) {
			this(code, labelNl, labelEn, monitorCode, null);
		}

	}

}
