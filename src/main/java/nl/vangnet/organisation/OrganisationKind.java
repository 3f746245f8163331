package nl.vangnet.organisation;

public enum OrganisationKind {

	SHELTER, INFORMAL, MUNICIPAL_TEAM, OTHER

}
