package nl.vangnet.platform.staff;

import java.time.Duration;

/**
 * The most sensitive acts (opening a confidential address, a bulk export, an erasure,
 * changing one's own factors) ask the signed-in person to prove again who they are when
 * their last check (the sign-in, or a re-authentication with the password or a code) is
 * older than {@link #WINDOW}. The account module keeps the time of the last check in the
 * session and publishes the one bean of this type; a module calls {@link #require()} at
 * the start of the act, before anything is read or written:
 *
 * <pre>
 * this.recentAuthentication.require();
 * </pre>
 *
 * The API then answers 401 with a problem of type {@code reauthentication-required}
 * ({@code POST /api/v1/me/reauthentication} with the password or a code renews the
 * check); a page is sent to the re-authentication page, which returns to the page the
 * person came from.
 */
public interface RecentAuthentication {

	/** How long a check counts as recent. */
	Duration WINDOW = Duration.ofMinutes(10);

	/**
	 * @throws ReauthenticationRequiredException when the signed-in person's last check is
	 * older than {@link #WINDOW} (or there is no signed-in person)
	 */
	void require();

	/** Whether the signed-in person's last check is within {@link #WINDOW}. */
	boolean isRecent();

}
