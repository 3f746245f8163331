package nl.vangnet.household;

/**
 * Where a help question stands (vangnet-household/1 {@code helpQuestions[].status}).
 */
public enum HelpQuestionStatus {

	OPEN, IN_PROGRESS, RESOLVED, NO_LONGER_RELEVANT

}
