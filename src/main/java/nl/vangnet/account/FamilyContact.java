package nl.vangnet.account;

/**
 * Whom a family calls, as its papers name them (issue 18): never an address.
 *
 * @param name the fixed contact person's name, or {@code null} when there is none
 * @param phone her work phone, else the organisation's general number, or {@code null}
 */
public record FamilyContact(String name, String phone) {

	public static final FamilyContact NOBODY = new FamilyContact(null, null);

}
