package nl.vangnet.platform.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whom a subject-access report is about, and how third parties are redacted in it.
 *
 * @param organisationId the organisation that keeps her dossier
 * @param householdId her household
 * @param memberId the person (a mother, a child: a member of the household)
 * @param parent whether she is a parent of the household: then the data of the whole
 * family (the plan, papers, debts) is hers too; a child gets what names her
 * @param ownNames her own given and family name, never redacted
 * @param thirdParties the names to redact (other members, network contacts)
 * @param locale the language of the report
 * @param placeholder what stands in for a redacted name
 * @param zone the zone of the application's clock, for times
 */
public record SubjectAccessQuery(UUID organisationId, UUID householdId, UUID memberId, boolean parent,
		Set<String> ownNames, Set<String> thirdParties, Locale locale, String placeholder, ZoneId zone) {

	public SubjectAccessQuery {
		ownNames = Set.copyOf(ownNames);
		thirdParties = Set.copyOf(thirdParties);
	}

	/** The same query with these names also redacted. */
	public SubjectAccessQuery withThirdParties(Set<String> more) {
		Set<String> all = new java.util.HashSet<>(this.thirdParties);
		all.addAll(more);
		return new SubjectAccessQuery(this.organisationId, this.householdId, this.memberId, this.parent, this.ownNames,
				all, this.locale, this.placeholder, this.zone);
	}

	/**
	 * The text with every third party's name (whole, and each word of it that is not one
	 * of her own names) replaced by the placeholder, case-insensitively, on word
	 * boundaries; {@code null} stays {@code null}.
	 */
	public String redact(String text) {
		if (text == null || text.isEmpty() || this.thirdParties.isEmpty()) {
			return text;
		}
		List<String> names = new ArrayList<>();
		Set<String> own = new java.util.HashSet<>();
		this.ownNames.forEach((n) -> own.add(n.toLowerCase(Locale.ROOT)));
		for (String name : this.thirdParties) {
			if (name == null || name.isBlank()) {
				continue;
			}
			names.add(name.strip());
			for (String word : name.strip().split("\\s+")) {
				if (word.length() >= 2 && !own.contains(word.toLowerCase(Locale.ROOT))) {
					names.add(word);
				}
			}
		}
		names.sort(Comparator.comparingInt(String::length).reversed());
		String result = text;
		for (String name : names) {
			Pattern pattern = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
			result = pattern.matcher(result).replaceAll(Matcher.quoteReplacement(this.placeholder));
		}
		return result;
	}

}
