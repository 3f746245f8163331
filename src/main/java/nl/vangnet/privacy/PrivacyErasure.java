package nl.vangnet.privacy;

import java.util.List;

import nl.vangnet.platform.privacy.ErasureContribution;
import nl.vangnet.platform.privacy.ErasureScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The privacy module's own rows of an erased household: its subject-access requests and
 * their reviews, and its place on the retention list, go; the erasure request stays (the
 * record that the erasure happened, without names).
 */
@Component
class PrivacyErasure implements ErasureContribution {

	private final JdbcClient jdbc;

	PrivacyErasure(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ErasedTable> erase(ErasureScope scope) {
		int reviews = this.jdbc.sql("""
				delete from subject_access_section_review
				where request_id in (select id from subject_access_request where household_id = :h)""")
			.param("h", scope.householdId())
			.update();
		int requests = this.jdbc.sql("delete from subject_access_request where household_id = :h")
			.param("h", scope.householdId())
			.update();
		int due = this.jdbc.sql("delete from retention_due where household_id = :h")
			.param("h", scope.householdId())
			.update();
		return List.of(ErasedTable.nothingKept("subject_access_section_review", reviews),
				ErasedTable.nothingKept("subject_access_request", requests),
				ErasedTable.nothingKept("retention_due", due), new ErasedTable("erasure_request", 0,
						"the request itself: household id, reason code, who requested and approved, when, rows per table; its note is cleared"));
	}

}
