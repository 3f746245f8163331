package nl.vangnet.plan;

/**
 * Who acts on a goal: the family member themselves, someone from their network, a
 * professional, a volunteer (buddy) or a partner organisation.
 */
public enum ActionActor {

	MEMBER, NETWORK, PROFESSIONAL, VOLUNTEER, PARTNER

}
