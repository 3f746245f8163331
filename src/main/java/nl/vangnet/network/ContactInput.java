package nl.vangnet.network;

import java.util.List;

/**
 * A contact as a form or the API gives it: codes as text, checked by
 * {@link NetworkManagement} so that an error names its field.
 */
record ContactInput(String name, String relation, String closeness, String tie, List<String> support,
		List<String> domains, String reciprocity, String socialCapital, boolean danger, String note) {

	ContactInput {
		support = (support != null) ? List.copyOf(support) : List.of();
		domains = (domains != null) ? List.copyOf(domains) : List.of();
	}

	static ContactInput of(Contact c) {
		return new ContactInput(c.name(), c.relation().name(), c.closeness().name(), c.tie().name(),
				c.support().stream().map(Enum::name).sorted().toList(), c.domains(),
				(c.reciprocity() != null) ? c.reciprocity().name() : null,
				(c.socialCapital() != null) ? c.socialCapital().name() : null, c.danger(), c.note());
	}

}
