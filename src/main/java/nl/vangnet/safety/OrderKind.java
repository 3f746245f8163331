package nl.vangnet.safety;

/**
 * A protective order: a house ban (huisverbod, by the mayor), a contact ban
 * (contactverbod) or a street ban (straatverbod).
 */
enum OrderKind {

	HOUSE_BAN, CONTACT_BAN, STREET_BAN

}
