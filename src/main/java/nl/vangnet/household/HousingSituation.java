package nl.vangnet.household;

/**
 * Her housing situation at departure and at a follow-up check (issue 15, item 3):
 * {@code STABLE} a home she can stay in (her own rent, social housing, a lasting place),
 * {@code TEMPORARY} a place for now (with friends, a shelter, an anti-squat lease),
 * {@code NONE} no place of her own to sleep. Not given: unknown.
 */
public enum HousingSituation {

	STABLE, TEMPORARY, NONE

}
