package nl.vangnet.household;

/**
 * What kind of activity it was (seed 004 Tabel 3.4): a talk, a parents' group activity or
 * a children's activity.
 */
public enum ActivityKind {

	CONVERSATION, PARENT_GROUP, CHILD_ACTIVITY

}
