package nl.vangnet.household;

/**
 * The seven support types in which time is registered (vangnet-household/1
 * {@code timeEntries[].type}, seed 004 Tabel 4.2).
 */
public enum SupportType {

	CONVERSATION, ARRANGING, PRACTICAL_SUPPORT, BUDDY_SUPPORT, PARENT_GROUP_ACTIVITY, CHILD_GROUP_ACTIVITY,
	PARENT_VOLUNTEER_WORK

}
