package nl.vangnet.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.vangnet.platform.ConflictException.Change;

/**
 * What someone else's change left different from what you sent, shown when your change
 * arrives too late: each field with its value now. A confidential address is named, never
 * shown.
 */
final class Differences {

	private final List<Change> changes = new ArrayList<>();

	private Differences() {
	}

	/**
	 * @param currentAddress the stored address in plain text
	 * @param submittedAddress the address sent; {@code null} with {@code keepAddress}
	 * when the stored one stays
	 * @param submittedTrajectories the trajectories sent, or {@code null} when the change
	 * was not about them
	 */
	static List<Change> between(Household current, String currentAddress, HouseholdDetails submitted,
			String submittedAddress, boolean keepAddress, List<Trajectory> submittedTrajectories) {
		Differences differences = new Differences();
		HouseholdDetails now = current.details();
		differences.compare("externalId", now.externalId(), submitted.externalId(), Function.identity());
		differences.compare("district", now.district(), submitted.district(), Function.identity());
		differences.compare("composition", now.composition(), submitted.composition(), Enum::name);
		differences.compare("debts", now.debts(), submitted.debts(), Enum::name);
		differences.compare("referralSource", now.referralSource(), submitted.referralSource(), Enum::name);
		differences.compare("contactReasons", now.contactReasons(), submitted.contactReasons(), Differences::codes);
		differences.compare("phone", now.phone(), submitted.phone(), Function.identity());
		differences.compare("email", now.email(), submitted.email(), Function.identity());
		if (!keepAddress && !Objects.equals(currentAddress, Texts.clean(submittedAddress))) {
			boolean confidential = current.address() != null && current.address().confidential();
			differences.changes.add(new Change("address", confidential ? null : currentAddress));
		}
		if (!sameMembers(now.members(), submitted.members())) {
			differences.changes.add(new Change("members", members(now.members())));
		}
		if (submittedTrajectories != null && !sameTrajectories(current.trajectories(), submittedTrajectories)) {
			differences.changes.add(new Change("trajectories", trajectories(current.trajectories())));
		}
		return differences.changes;
	}

	private <T> void compare(String field, T now, T submitted, Function<T, String> shown) {
		boolean bothEmpty = isEmpty(now) && isEmpty(submitted);
		if (!bothEmpty && !Objects.equals(now, submitted)) {
			this.changes.add(new Change(field, isEmpty(now) ? null : shown.apply(now)));
		}
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value instanceof List<?> list && list.isEmpty());
	}

	private static String codes(List<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).collect(Collectors.joining(", "));
	}

	private static boolean sameMembers(List<Member> now, List<Member> submitted) {
		if (now.size() != submitted.size()) {
			return false;
		}
		for (int i = 0; i < now.size(); i++) {
			Member a = now.get(i);
			Member b = submitted.get(i);
			boolean same = (b.ref() == null || Objects.equals(a.ref(), b.ref())) && a.role() == b.role()
					&& a.mainContact() == b.mainContact() && Objects.equals(a.givenName(), b.givenName())
					&& Objects.equals(a.familyName(), b.familyName()) && Objects.equals(a.birthDate(), b.birthDate())
					&& a.ageGroup() == b.ageGroup() && a.education() == b.education()
					&& a.dutchLanguage() == b.dutchLanguage() && a.dayActivities().equals(b.dayActivities());
			if (!same) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The members as names (or references) with their birth date: language-neutral.
	 */
	static String members(List<Member> members) {
		return members.stream().map((m) -> {
			String name = (m.name() != null) ? m.name() : m.ref();
			return (m.birthDate() != null) ? name + " (" + m.birthDate() + ")" : name;
		}).collect(Collectors.joining(", "));
	}

	private static boolean sameTrajectories(List<Trajectory> now, List<Trajectory> submitted) {
		if (now.size() != submitted.size()) {
			return false;
		}
		for (int i = 0; i < now.size(); i++) {
			Trajectory a = now.get(i);
			Trajectory b = submitted.get(i);
			boolean same = a.kind() == b.kind() && Objects.equals(a.start(), b.start())
					&& Objects.equals(a.end(), b.end()) && Objects.equals(a.closingReason(), b.closingReason())
					&& Objects.equals(a.phaseModel(), b.phaseModel())
					&& Objects.equals(a.contactPerson(), b.contactPerson())
					&& a.involvedStaff().equals(b.involvedStaff()) && a.phases().equals(b.phases());
			if (!same) {
				return false;
			}
		}
		return true;
	}

	private static String trajectories(List<Trajectory> trajectories) {
		return trajectories.stream().map((t) -> {
			String period = t.kind() + " " + t.start() + " – " + ((t.end() != null) ? t.end() : "");
			return t.phases().current().map((c) -> period + " (" + c.phase() + " " + c.on() + ")").orElse(period);
		}).collect(Collectors.joining("; "));
	}

}
