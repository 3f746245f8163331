package nl.vangnet.plan;

/**
 * Who gave a score: the worker, or the client about themselves (self-rating).
 */
public enum Rater {

	WORKER, CLIENT

}
