package nl.vangnet.platform.privacy;

import java.util.List;

/**
 * One section of a subject-access report, as a module contributes it: a title and its
 * entries, each a title with labelled values, in the report's language.
 *
 * @param key stable and unique over all modules ({@code plan.goals}, {@code safety}); the
 * review of a section is stored under it
 * @param title the section's title
 * @param reviewer who must review it before delivery: a coordinator reviews the whole
 * report; a section that needs a meldcode officer (her safety records) is delivered only
 * after one has reviewed that section too
 * @param entries what it holds about her
 */
public record SubjectAccessSection(String key, String title, Reviewer reviewer, List<Entry> entries) {

	public SubjectAccessSection {
		entries = List.copyOf(entries);
	}

	public SubjectAccessSection(String key, String title, List<Entry> entries) {
		this(key, title, Reviewer.COORDINATOR, entries);
	}

	/** Who reviews a section before it is delivered. */
	public enum Reviewer {

		/** A coordinator of the organisation (every section: the report as a whole). */
		COORDINATOR,

		/**
		 * The organisation's meldcode officer (aandachtsfunctionaris), besides the
		 * coordinator's review of the whole report.
		 */
		MELDCODE_OFFICER

	}

	/**
	 * @param title what the entry is (a date and a kind, a goal, a debt)
	 * @param fields its labelled values, in order; a {@code null} value is left out
	 */
	public record Entry(String title, List<Field> fields) {

		public Entry {
			fields = fields.stream().filter((f) -> f.value() != null && !f.value().isBlank()).toList();
		}

	}

	public record Field(String label, String value) {
	}

}
