package nl.vangnet.platform.staff;

/**
 * A task an account is given on top of its {@link Role}, by the organisation: for example
 * a meldcode officer (aandachtsfunctionaris huiselijk geweld en kindermishandeling) who
 * weighs a report of domestic violence.
 * <p>
 * A designation is added here, stored with the account, handed to the platform by the
 * signed-in principal
 * ({@link nl.vangnet.platform.tenancy.TenantPrincipal#designations()}) and asked for
 * through a capability method of {@link Staff} that calls
 * {@link Staff#holds(Designation)}, so that services, URL rules and templates keep asking
 * the one type.
 */
public enum Designation {

	/**
	 * The organisation's meldcode officer (aandachtsfunctionaris): sees the meldcode
	 * cases of the organisation and is consulted in their second step. Given to
	 * coordinators and professionals by the administrator.
	 */
	MELDCODE_OFFICER

}
