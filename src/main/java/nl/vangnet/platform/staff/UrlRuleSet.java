package nl.vangnet.platform.staff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The URL rules of every module, in the order that makes each module's rules mean what
 * they say: the most specific pattern first (a literal before a wildcard, a longer
 * pattern before a shorter one, {@code /**} last), and for the same pattern a rule for
 * one method before a rule for every method. The order in which modules declared them
 * does not matter.
 */
public final class UrlRuleSet {

	private static final Comparator<Rule> SPECIFIC_FIRST = Comparator
		.comparing(Rule::parsed, PathPattern.SPECIFICITY_COMPARATOR)
		.thenComparing((rule) -> rule.method() == null);

	private final List<Rule> rules;

	private UrlRuleSet(List<Rule> rules) {
		this.rules = rules.stream().sorted(SPECIFIC_FIRST).toList();
	}

	/**
	 * @throws IllegalStateException when two rules name the same method and pattern
	 */
	public static UrlRuleSet of(List<? extends UrlRules> modules) {
		List<Rule> rules = new ArrayList<>();
		Collector collector = new Collector(rules);
		modules.forEach((module) -> module.declare(collector));
		Set<String> seen = new HashSet<>();
		for (Rule rule : rules) {
			if (!seen.add(rule.method() + " " + rule.pattern())) {
				throw new IllegalStateException("Two URL rules for " + rule.method() + " " + rule.pattern());
			}
		}
		return new UrlRuleSet(rules);
	}

	/** Hands the rules, in order, to Spring Security. */
	public void applyTo(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		for (Rule rule : this.rules) {
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url = (rule.method() != null)
					? requests.requestMatchers(rule.method(), rule.pattern())
					: requests.requestMatchers(rule.pattern());
			if (rule.who() == null) {
				url.permitAll();
			}
			else {
				url.access(staffWho(rule.who()));
			}
		}
	}

	/** The rules' methods and patterns in the order they are checked. */
	public List<String> patternsInOrder() {
		return this.rules.stream()
			.map((rule) -> (rule.method() != null) ? rule.method() + " " + rule.pattern() : rule.pattern())
			.toList();
	}

	private static AuthorizationManager<RequestAuthorizationContext> staffWho(Predicate<Staff> who) {
		return (authentication, context) -> new AuthorizationDecision(who.test(Staff.of(authentication.get())));
	}

	private record Rule(HttpMethod method, String pattern, PathPattern parsed, Predicate<Staff> who) {

		Rule(HttpMethod method, String pattern, Predicate<Staff> who) {
			this(method, pattern, PathPatternParser.defaultInstance.parse(pattern), who);
		}

	}

	private record Collector(List<Rule> rules) implements UrlRules.Urls {

		@Override
		public UrlRules.Urls open(String... patterns) {
			for (String pattern : patterns) {
				this.rules.add(new Rule(null, pattern, null));
			}
			return this;
		}

		@Override
		public UrlRules.Urls allow(Predicate<Staff> who, String... patterns) {
			return add(null, who, patterns);
		}

		@Override
		public UrlRules.Urls allow(HttpMethod method, Predicate<Staff> who, String... patterns) {
			return add(method, who, patterns);
		}

		private UrlRules.Urls add(HttpMethod method, Predicate<Staff> who, String... patterns) {
			Objects.requireNonNull(who);
			for (String pattern : patterns) {
				this.rules.add(new Rule(method, pattern, who));
			}
			return this;
		}

	}

}
