package nl.vangnet.household;

import java.util.List;

/**
 * What is registered about a household apart from its trajectories: the intake of seed
 * 004 (composition, debts, how the family found the organisation, reasons for the first
 * contact), the district, the organisation's own id, phone and e-mail, and the members.
 * The address is kept apart because it is encrypted. {@code null} means unknown.
 */
record HouseholdDetails(String externalId, String district, Composition composition, Debts debts,
		ReferralSource referralSource, List<ContactReason> contactReasons, String phone, String email,
		List<Member> members) {

	HouseholdDetails {
		externalId = Texts.clean(externalId);
		district = Texts.clean(district);
		phone = Texts.clean(phone);
		email = Texts.clean(email);
		contactReasons = (contactReasons != null) ? contactReasons.stream().distinct().toList() : List.of();
		members = (members != null) ? List.copyOf(members) : List.of();
	}

}
