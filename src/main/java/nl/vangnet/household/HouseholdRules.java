package nl.vangnet.household;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import nl.vangnet.platform.DomainException;

/**
 * The rules a household's registration and its trajectories must meet. Every broken rule
 * is reported, each on its field (as a path into the form or the exchange document, such
 * as {@code members[1].birthDate}), so that people can fix everything at once.
 */
final class HouseholdRules {

	static final int NAME_MAX = 100;

	static final int TEXT_MAX = 500;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{6,30}");

	private static final LocalDate OLDEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

	private HouseholdRules() {
	}

	static List<DomainException> details(HouseholdDetails details, LocalDate today) {
		List<DomainException> errors = new ArrayList<>();
		if (details.email() != null && (details.email().length() > 254 || !EMAIL.matcher(details.email()).matches())) {
			errors.add(new DomainException("email", "household.email.invalid"));
		}
		if (details.phone() != null && !PHONE.matcher(details.phone()).matches()) {
			errors.add(new DomainException("phone", "household.phone.invalid"));
		}
		if (details.externalId() != null && details.externalId().length() > NAME_MAX) {
			errors.add(new DomainException("externalId", "household.externalId.tooLong", NAME_MAX));
		}
		if (details.district() != null && details.district().length() > NAME_MAX) {
			errors.add(new DomainException("district", "household.district.tooLong", NAME_MAX));
		}
		errors.addAll(members(details.members(), today));
		return errors;
	}

	/**
	 * At least one member; every member has a role; names fit; a birth date lies in the
	 * past; references are unique; exactly one main contact when any member is a parent,
	 * at most one otherwise.
	 */
	static List<DomainException> members(List<Member> members, LocalDate today) {
		List<DomainException> errors = new ArrayList<>();
		if (members.isEmpty()) {
			errors.add(new DomainException("members", "household.members.required"));
			return errors;
		}
		Set<String> refs = new HashSet<>();
		for (int i = 0; i < members.size(); i++) {
			Member member = members.get(i);
			String path = "members[" + i + "]";
			int number = i + 1;
			if (member.role() == null) {
				errors.add(new DomainException(path + ".role", "household.member.role.required", number));
			}
			if (member.givenName() != null && member.givenName().length() > NAME_MAX) {
				errors.add(new DomainException(path + ".givenName", "household.member.givenName.tooLong", number,
						NAME_MAX));
			}
			if (member.familyName() != null && member.familyName().length() > NAME_MAX) {
				errors.add(new DomainException(path + ".familyName", "household.member.familyName.tooLong", number,
						NAME_MAX));
			}
			if (member.birthDate() != null && member.birthDate().isAfter(today)) {
				errors.add(new DomainException(path + ".birthDate", "household.member.birthDate.future", number));
			}
			if (member.birthDate() != null && member.birthDate().isBefore(OLDEST_BIRTH_DATE)) {
				errors.add(new DomainException(path + ".birthDate", "household.member.birthDate.tooEarly", number));
			}
			if (member.ref() != null && (member.ref().length() > 20 || !refs.add(member.ref()))) {
				errors.add(new DomainException(path + ".ref", "household.member.ref.duplicate", number, member.ref()));
			}
		}
		long parents = members.stream().filter((m) -> m.role() == MemberRole.PARENT).count();
		long mainContacts = members.stream().filter(Member::mainContact).count();
		if (parents > 0 && mainContacts != 1) {
			errors.add(new DomainException("mainContact", "household.mainContact.exactlyOne"));
		}
		else if (mainContacts > 1) {
			errors.add(new DomainException("mainContact", "household.mainContact.atMostOne"));
		}
		return errors;
	}

	/**
	 * A trajectory has a kind and a start, ends on or after its start, and its phases
	 * belong to its phase model and lie between its start and its end (and not in the
	 * future).
	 * @param path where the trajectory is in the form or document; empty for a form of
	 * its own
	 */
	static List<DomainException> trajectory(Trajectory trajectory, String path, Map<String, PhaseModel> models,
			LocalDate today) {
		List<DomainException> errors = new ArrayList<>();
		if (trajectory.kind() == null) {
			errors.add(new DomainException(field(path, "kind"), "trajectory.kind.required"));
		}
		if (trajectory.start() == null) {
			errors.add(new DomainException(field(path, "start"), "trajectory.start.required"));
			return errors;
		}
		if (trajectory.end() != null && trajectory.end().isBefore(trajectory.start())) {
			errors.add(new DomainException(field(path, "end"), "trajectory.end.beforeStart"));
		}
		if (trajectory.destination() != null && trajectory.end() == null) {
			errors.add(new DomainException(field(path, "destination"), "trajectory.destination.withoutEnd"));
		}
		if (trajectory.closingReason() != null && trajectory.closingReason().length() > TEXT_MAX) {
			errors.add(new DomainException(field(path, "closingReason"), "trajectory.closingReason.tooLong", TEXT_MAX));
		}
		PhaseModel model = models.get(trajectory.phaseModel());
		if (model == null) {
			errors.add(new DomainException(field(path, "phaseModel"), "trajectory.phaseModel.unknown",
					trajectory.phaseModel(), String.join(", ", models.keySet())));
			return errors;
		}
		List<PhaseChange> changes = trajectory.phases().changes();
		for (int i = 0; i < changes.size(); i++) {
			PhaseChange change = changes.get(i);
			String phasePath = field(path, "phases[" + i + "]");
			if (!model.contains(change.phase())) {
				errors.add(new DomainException(phasePath + ".phase", "trajectory.phase.notInModel", change.phase(),
						model.code(), String.join(", ", model.phases().stream().map(Phase::code).toList())));
			}
			if (change.on().isBefore(trajectory.start())) {
				errors
					.add(new DomainException(phasePath + ".date", "trajectory.phase.beforeStart", trajectory.start()));
			}
			else if (trajectory.end() != null && change.on().isAfter(trajectory.end())) {
				errors.add(new DomainException(phasePath + ".date", "trajectory.phase.afterEnd", trajectory.end()));
			}
			else if (change.on().isAfter(today)) {
				errors.add(new DomainException(phasePath + ".date", "trajectory.phase.future"));
			}
		}
		return errors;
	}

	static String field(String path, String name) {
		return (path == null || path.isEmpty()) ? name : path + "." + name;
	}

}
