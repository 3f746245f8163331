package nl.vangnet.access;

public enum AccessOutcome {

	SUCCESS, FAILURE, DENIED

}
