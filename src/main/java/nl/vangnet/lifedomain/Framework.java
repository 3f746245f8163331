package nl.vangnet.lifedomain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A list of life domains and sub-domains, each mapped to a code of the monitor framework.
 *
 * @param organisation the code of the organisation whose own list this is; {@code null}
 * for a framework every organisation may use
 */
public record Framework(String code, String nameNl, String nameEn, boolean builtin, String organisation,
		List<Domain> domains) {

	/** The monitor framework of seed 004, whose codes are those of EXCHANGE.md. */
	public static final String MONITOR = "MONITOR";

	public Framework {
		domains = List.copyOf(domains);
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameNl;
	}

	public Optional<Domain> domain(String domainCode) {
		return this.domains.stream().filter((domain) -> domain.code().equals(domainCode)).findFirst();
	}

	/**
	 * One life domain or sub-domain.
	 *
	 * @param parentCode the domain this is a sub-domain of, or {@code null}
	 * @param monitorCode the code of the monitor framework it counts for by default
	 * @param otherMonitorCodes the further monitor codes a help question in this domain
	 * may choose instead (a shelter's "social functioning" holds parenting and legal
	 * questions too), in the order offered
	 */
	public record Domain(String code, String parentCode, String labelNl, String labelEn, String monitorCode,
			List<String> otherMonitorCodes) {

		public Domain {
			otherMonitorCodes = (otherMonitorCodes != null)
					? otherMonitorCodes.stream().filter((other) -> !other.equals(monitorCode)).distinct().toList()
					: List.of();
		}

		/** A domain that counts for one monitor code only. */
		public Domain(String code, String parentCode, String labelNl, String labelEn, String monitorCode) {
			this(code, parentCode, labelNl, labelEn, monitorCode, List.of());
		}

		/** Every monitor code this domain may count for: the default first. */
		public List<String> monitorCodes() {
			List<String> codes = new java.util.ArrayList<>();
			codes.add(this.monitorCode);
			codes.addAll(this.otherMonitorCodes);
			return List.copyOf(codes);
		}

		public boolean countsFor(String code) {
			return this.monitorCode.equals(code) || this.otherMonitorCodes.contains(code);
		}

		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) ? this.labelEn : this.labelNl;
		}

		/**
		 * The top-level monitor domain this one counts for: a sub-domain counts for its
		 * parent.
		 */
		public String monitorTopLevel() {
			int dot = this.monitorCode.indexOf('.');
			return (dot < 0) ? this.monitorCode : this.monitorCode.substring(0, dot);
		}

	}

}
