package nl.vangnet.monitor;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitor's counts as the SQL gives them, before small cells are suppressed. Keys are
 * the codes of the contract; a count that is not there is zero.
 */
final class RawFigures {

	LocalDate from;

	LocalDate to;

	/** The organisations counted (codes, sorted). */
	List<String> organisations = List.of();

	/** Per organisation code: households with an overlapping intensive trajectory. */
	final Map<String, Long> intensive = new LinkedHashMap<>();

	/** Per organisation code: households with only an overlapping short trajectory. */
	final Map<String, Long> shortOnly = new LinkedHashMap<>();

	/** Dimension → category → households (children for {@code childAgeGroups}). */
	final Map<String, Map<String, Long>> background = new LinkedHashMap<>();

	/** Monitor code (its own questions and those of its sub-codes) → households. */
	final Map<String, Long> domainHouseholds = new LinkedHashMap<>();

	/** Monitor code (its own questions and those of its sub-codes) → questions. */
	final Map<String, Long> domainQuestions = new LinkedHashMap<>();

	long allQuestions;

	/** Finished (true) or ongoing → whole months → households. */
	final Map<Boolean, Map<Integer, Long>> durationMonths = new LinkedHashMap<>();

	/** Support type → time in the two windows. */
	final Map<String, Time> time = new LinkedHashMap<>();

	/** Progress domain → score (1–5) → households whose latest score it is. */
	final Map<String, Map<Integer, Long>> progress = new LinkedHashMap<>();

	/** Monitor code as registered → helped (YES, A_BIT, NO) → entries. */
	final Map<String, Map<String, Long>> experience = new LinkedHashMap<>();

	long activityHouseholds;

	/** Satisfaction → participations. */
	final Map<String, Long> activities = new LinkedHashMap<>();

	/** Referrals of P sent in the period, in total (none: all zero). */
	Referrals referrals = new Referrals(0, 0, 0, 0, null);

	/** Top-level monitor code (or UNKNOWN) → referrals. */
	final Map<String, Referrals> referralDomains = new LinkedHashMap<>();

	/** Partner kind → referrals. */
	final Map<String, Referrals> referralKinds = new LinkedHashMap<>();

	/**
	 * Safety (issue 14), live registrations only: kind ({@code plan}, {@code screened},
	 * {@code risk}, {@code opened}, {@code decision}) → code ({@code TOTAL}, a monitor
	 * level, a decision or {@code UNDECIDED}) → households or cases.
	 */
	final Map<String, Map<String, Long>> safety = new LinkedHashMap<>();

	/** Reason for the first contact (or UNKNOWN) → households of P. */
	final Map<String, Long> contactReasons = new LinkedHashMap<>();

	/** Activity kind (or UNKNOWN) → participations of P in the period. */
	final Map<String, Activities> activityKinds = new LinkedHashMap<>();

	/** Participant (PARENT, CHILD, HOUSEHOLD) → participations of P in the period. */
	final Map<String, Activities> activityParticipants = new LinkedHashMap<>();

	/**
	 * Destination (or NOT_RECORDED) → intensive trajectories of P ended in the period.
	 */
	final Map<String, Long> destinations = new LinkedHashMap<>();

	/** Households of P reopened in the period. */
	long returning;

	/** Months of the follow-up check (3, 6, 12) → its checks due in the period. */
	final Map<Integer, FollowUp> followUp = new LinkedHashMap<>();

	long population() {
		return this.intensive.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * @param startHouseholds households with minutes in the first 56 days
	 * @param startMinutes their minutes in total
	 * @param recentHouseholds households with minutes in the last 56 days
	 * @param recentMinutes their minutes in total
	 */
	/**
	 * @param sent referrals sent in the period
	 * @param withFeedback of which with feedback by {@code to}
	 * @param accepted of which accepted by {@code to}
	 * @param firstContact of which with a first contact by {@code to}
	 * @param medianDays the median of the days from sending to that first contact, or
	 * {@code null} when there is none
	 */
	record Referrals(long sent, long withFeedback, long accepted, long firstContact, Double medianDays) {
	}

	/**
	 * @param households households taking part
	 * @param green participations rated green
	 * @param orange participations rated orange
	 * @param red participations rated red
	 */
	record Activities(long households, long green, long orange, long red) {
	}

	/**
	 * @param due checks that fell due in the period
	 * @param reached of those, the ones that reached her
	 * @param housingStable reached, and her housing stable
	 * @param safe reached, and she feels safe
	 * @param networkGrew reached, with more supportive contacts than at departure
	 */
	record FollowUp(long due, long reached, long housingStable, long safe, long networkGrew) {
	}

	record Time(long startHouseholds, long startMinutes, long recentHouseholds, long recentMinutes) {
	}

}
