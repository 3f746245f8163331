package nl.vangnet.access;

import java.time.LocalDate;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Which part of the organisation's trail to read: a period (days, both inclusive), one
 * person who acted, one action, one household or person it concerned. {@code null} means
 * any.
 */
record TrailFilter(LocalDate from, LocalDate to, UUID actor, AccessAction action, UUID subject) {

	static final TrailFilter ALL = new TrailFilter(null, null, null, null, null);

	static TrailFilter ofSubject(UUID subject) {
		return new TrailFilter(null, null, null, null, subject);
	}

	/**
	 * The filter as the trail records it about itself: dates, codes and ids, never a
	 * name.
	 */
	String describe() {
		StringJoiner detail = new StringJoiner(";");
		if (this.from != null) {
			detail.add("from=" + this.from);
		}
		if (this.to != null) {
			detail.add("to=" + this.to);
		}
		if (this.actor != null) {
			detail.add("person=" + this.actor);
		}
		if (this.action != null) {
			detail.add("action=" + this.action);
		}
		if (this.subject != null) {
			detail.add("subject=" + this.subject);
		}
		return (detail.length() > 0) ? detail.toString() : null;
	}

}
