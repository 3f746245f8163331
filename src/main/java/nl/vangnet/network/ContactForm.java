package nl.vangnet.network;

import java.util.List;

/**
 * The contact form of the table (the accessible editor of the map).
 */
record ContactForm(Integer version, String name, String relation, String closeness, String tie, List<String> support,
		List<String> domains, String reciprocity, String socialCapital, Boolean danger, String note) {

	static ContactForm empty(int version) {
		return new ContactForm(version, null, null, "MIDDLE", "STRONG", List.of(), List.of(), null, null, false, null);
	}

	static ContactForm of(int version, Contact c) {
		ContactInput input = ContactInput.of(c);
		return new ContactForm(version, input.name(), input.relation(), input.closeness(), input.tie(), input.support(),
				input.domains(), input.reciprocity(), input.socialCapital(), input.danger(), input.note());
	}

	/** What was typed, on another version (to redo a change someone else overtook). */
	ContactForm withVersion(int newVersion) {
		return new ContactForm(newVersion, this.name, this.relation, this.closeness, this.tie, this.support,
				this.domains, this.reciprocity, this.socialCapital, this.danger, this.note);
	}

	ContactInput input() {
		return new ContactInput(this.name, this.relation, this.closeness, this.tie, this.support, this.domains,
				this.reciprocity, this.socialCapital, Boolean.TRUE.equals(this.danger), this.note);
	}

	int versionOrZero() {
		return (this.version != null) ? this.version : -1;
	}

	public boolean supports(String code) {
		return this.support != null && this.support.contains(code);
	}

	public boolean helpsWith(String code) {
		return this.domains != null && this.domains.contains(code);
	}

}
