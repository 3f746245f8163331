package nl.vangnet.platform.staff;

import java.util.function.Predicate;

import org.springframework.http.HttpMethod;

/**
 * A module's own rules for who may reach its URLs, as a bean of the module. The security
 * configuration collects the rules of every module into one {@link UrlRuleSet}; there the
 * most specific pattern decides, so no rule depends on where another module declared its
 * own, and a pattern declared twice fails the start-up.
 * <p>
 * Who may is a capability of {@link Staff} ({@code Staff::worksWithCases}), the same
 * method the module's services ask; a URL nobody declared is open to everyone signed in.
 */
@FunctionalInterface
public interface UrlRules {

	void declare(Urls urls);

	/** Where a module declares its rules. */
	interface Urls {

		/** Open to everyone, signed in or not. */
		Urls open(String... patterns);

		/** For the signed-in staff for whom {@code who} holds, with any method. */
		Urls allow(Predicate<Staff> who, String... patterns);

		/** For the signed-in staff for whom {@code who} holds, with this method. */
		Urls allow(HttpMethod method, Predicate<Staff> who, String... patterns);

	}

}
