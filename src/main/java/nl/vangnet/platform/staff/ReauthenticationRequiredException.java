package nl.vangnet.platform.staff;

/**
 * The act needs a recent check of who the signed-in person is (see
 * {@link RecentAuthentication}). The API answers 401 with a problem of type
 * {@value #PROBLEM_TYPE}; a page goes to the re-authentication page.
 */
public class ReauthenticationRequiredException extends RuntimeException {

	/** The type of the API's problem. */
	public static final String PROBLEM_TYPE = "reauthentication-required";

	public ReauthenticationRequiredException() {
		super("The last check of who is signed in is too old for this act");
	}

}
