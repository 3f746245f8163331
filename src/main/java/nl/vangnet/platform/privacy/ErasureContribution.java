package nl.vangnet.platform.privacy;

import java.util.List;

import org.springframework.core.Ordered;

/**
 * A module that keeps personal data of a household erases it when an approved erasure
 * request (retention expired, or her AVG art. 17 request) says so: a Spring bean of every
 * such module implements this. The privacy module calls every contribution in
 * {@link #getOrder() order} in one transaction, after the second coordinator's approval:
 * all or nothing.
 * <p>
 * Erasure is for real: the rows, the encrypted values and any copy in a file go. What a
 * module keeps afterwards is anonymous (for the monitor) or nothing, and it says so per
 * table in {@link ErasedTable#kept()} (the README lists it). The access trail keeps that
 * the erasure happened, without names.
 */
public interface ErasureContribution extends Ordered {

	/**
	 * The order of the household's own rows: last, after everything that refers to them.
	 */
	int HOUSEHOLD_ORDER = 1000;

	/**
	 * Erases everything of the household this module keeps, in the caller's transaction
	 * and tenant scope.
	 * @return per table of this module how many rows went and what is kept
	 */
	List<ErasedTable> erase(ErasureScope scope);

	/** Modules whose rows refer to another module's run first: lower first. */
	@Override
	default int getOrder() {
		return 0;
	}

	/**
	 * @param table the module's table
	 * @param rows how many rows of the household were removed
	 * @param kept what stays of them: {@code "nothing"} or what anonymous data
	 */
	record ErasedTable(String table, int rows, String kept) {

		public static ErasedTable nothingKept(String table, int rows) {
			return new ErasedTable(table, rows, "nothing");
		}

	}

}
