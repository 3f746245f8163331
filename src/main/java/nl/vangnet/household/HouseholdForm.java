package nl.vangnet.household;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form to register or describe a household. The intake characteristics are asked
 * once, for the main contact; members are rows that can be added and removed without
 * script. At registration the form also starts the first trajectory (when a kind is
 * chosen).
 *
 * @param mainContact the row of the main contact
 * @param address a new address; left empty with {@code addressConfidential} it keeps a
 * stored confidential address (which the form never shows)
 * @param confidentialAddressStored whether a confidential address is stored (shown as a
 * hint, never its text)
 */
record HouseholdForm(Integer version, String externalId, String district, Composition composition, Debts debts,
		ReferralSource referralSource, List<ContactReason> contactReasons, String phone, String email, String address,
		Boolean addressConfidential, Boolean confidentialAddressStored, Integer mainContact, List<MemberForm> members,
		Education education, DutchLanguage dutchLanguage, List<DayActivity> dayActivities, String kind,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start, UUID contactPerson, String firstPhase) {

	HouseholdForm {
		contactReasons = (contactReasons != null) ? contactReasons : List.of();
		dayActivities = (dayActivities != null) ? dayActivities : List.of();
		members = (members != null) ? members.stream().map((m) -> (m != null) ? m : MemberForm.EMPTY).toList()
				: List.of();
	}

	/** The form's choice of no first trajectory, as a deliberate choice. */
	static final String NO_TRAJECTORY = "NONE";

	/**
	 * A new household: a parent or carer as main contact. The kind of support is left for
	 * the worker to choose (a trajectory or deliberately none), so that a registration
	 * never counts as an intensive family by default.
	 */
	static HouseholdForm registration(LocalDate today, UUID contactPerson, String firstPhase) {
		return new HouseholdForm(null, null, null, null, null, null, List.of(), null, null, null, false, false, 0,
				List.of(MemberForm.of(MemberRole.PARENT)), null, null, List.of(), "", today, contactPerson, firstPhase);
	}

	/**
	 * Whether the worker chose: a kind of trajectory or none. A form that does not send
	 * the field at all (a script) starts none, as before.
	 */
	boolean kindChosen() {
		return this.kind == null || !this.kind.isBlank();
	}

	/** The first trajectory's kind, or {@code null} for none. */
	TrajectoryKind trajectoryKind() {
		if (this.kind == null || this.kind.isBlank() || NO_TRAJECTORY.equals(this.kind)) {
			return null;
		}
		return TrajectoryKind.valueOf(this.kind);
	}

	/** Whether the kind is one of the list (or none). */
	boolean kindKnown() {
		try {
			trajectoryKind();
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Whether the household has a name to know it by: a member's name or its own number.
	 */
	boolean named() {
		boolean hasName = this.members.stream()
			.anyMatch((m) -> m.givenName() != null && !m.givenName().isBlank()
					|| m.familyName() != null && !m.familyName().isBlank());
		return hasName || this.externalId != null && !this.externalId.isBlank();
	}

	/**
	 * The form to describe a registered household, without its confidential address.
	 */
	static HouseholdForm of(Household household, String plainAddress) {
		HouseholdDetails d = household.details();
		List<MemberForm> members = d.members()
			.stream()
			.map((m) -> new MemberForm(m.ref(), m.role(), m.givenName(), m.familyName(), m.birthDate(), m.ageGroup()))
			.toList();
		Integer main = null;
		for (int i = 0; i < d.members().size(); i++) {
			if (d.members().get(i).mainContact()) {
				main = i;
			}
		}
		Member mainMember = household.mainContact().orElse(null);
		boolean confidential = household.address() != null && household.address().confidential();
		return new HouseholdForm(household.version(), d.externalId(), d.district(), d.composition(), d.debts(),
				d.referralSource(), d.contactReasons(), d.phone(), d.email(), plainAddress, confidential, confidential,
				main, members, (mainMember != null) ? mainMember.education() : null,
				(mainMember != null) ? mainMember.dutchLanguage() : null,
				(mainMember != null) ? mainMember.dayActivities() : List.of(), null, null, null, null);
	}

	/**
	 * The details the form gives. The intake characteristics go to the main contact;
	 * other members keep the ones stored for them (the exchange document may give them).
	 */
	HouseholdDetails details(List<Member> stored) {
		Map<String, Member> storedByRef = new HashMap<>();
		stored.forEach((m) -> storedByRef.put(m.ref(), m));
		List<Member> result = new ArrayList<>();
		for (int i = 0; i < this.members.size(); i++) {
			MemberForm row = this.members.get(i);
			boolean main = this.mainContact != null && this.mainContact == i;
			Member before = (row.ref() != null) ? storedByRef.get(row.ref()) : null;
			result.add(new Member(null, row.ref(), row.role(), main, row.givenName(), row.familyName(), row.birthDate(),
					row.ageGroup(), main ? this.education : (before != null) ? before.education() : null,
					main ? this.dutchLanguage : (before != null) ? before.dutchLanguage() : null,
					main ? this.dayActivities : (before != null) ? before.dayActivities() : List.of()));
		}
		return new HouseholdDetails(this.externalId, this.district, this.composition, this.debts, this.referralSource,
				this.contactReasons, this.phone, this.email, result);
	}

	HouseholdManagement.AddressInput addressInput() {
		return new HouseholdManagement.AddressInput(this.address, Boolean.TRUE.equals(this.addressConfidential));
	}

	HouseholdForm withMember(MemberRole role) {
		List<MemberForm> more = new ArrayList<>(this.members);
		more.add(MemberForm.of(role));
		Integer main = (this.mainContact == null && role == MemberRole.PARENT) ? more.size() - 1 : this.mainContact;
		return with(more, main);
	}

	HouseholdForm withoutMember(int index) {
		if (index < 0 || index >= this.members.size()) {
			return this;
		}
		List<MemberForm> fewer = new ArrayList<>(this.members);
		fewer.remove(index);
		Integer main = this.mainContact;
		if (main != null && main == index) {
			main = null;
		}
		else if (main != null && main > index) {
			main = main - 1;
		}
		return with(fewer, main);
	}

	HouseholdForm withVersion(int newVersion) {
		return new HouseholdForm(newVersion, this.externalId, this.district, this.composition, this.debts,
				this.referralSource, this.contactReasons, this.phone, this.email, this.address,
				this.addressConfidential, this.confidentialAddressStored, this.mainContact, this.members,
				this.education, this.dutchLanguage, this.dayActivities, this.kind, this.start, this.contactPerson,
				this.firstPhase);
	}

	private HouseholdForm with(List<MemberForm> newMembers, Integer newMain) {
		return new HouseholdForm(this.version, this.externalId, this.district, this.composition, this.debts,
				this.referralSource, this.contactReasons, this.phone, this.email, this.address,
				this.addressConfidential, this.confidentialAddressStored, newMain, newMembers, this.education,
				this.dutchLanguage, this.dayActivities, this.kind, this.start, this.contactPerson, this.firstPhase);
	}

	/**
	 * One member's row.
	 */
	record MemberForm(String ref, MemberRole role, String givenName, String familyName,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate, AgeGroup ageGroup) {

		static final MemberForm EMPTY = new MemberForm(null, null, null, null, null, null);

		static MemberForm of(MemberRole role) {
			return new MemberForm(null, role, null, null, null, null);
		}

	}

}
