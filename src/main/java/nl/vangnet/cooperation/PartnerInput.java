package nl.vangnet.cooperation;

import java.util.List;

/**
 * A partner as the API and the form send it; {@code version} is the one the change was
 * made on (left out when adding).
 */
record PartnerInput(String name, String kind, String organisation, List<String> domains, List<String> districts,
		String phone, String email, String howToRefer, List<String> languages, String notes, Integer version) {

	PartnerInput {
		domains = clean(domains);
		districts = clean(districts);
		languages = clean(languages);
	}

	static List<String> clean(List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream().filter((v) -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
	}

}
