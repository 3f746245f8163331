package nl.vangnet.household;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A member's safety plan as a module that may not depend on the safety module reads it:
 * the plan module's page of a member (issue 15, item 5: each child a client) shows it.
 * The safety module implements it ({@code SafetyApi}); it is declared here, in a module
 * both depend on, because the plan module cannot depend on the safety module (the safety
 * module depends on the network module, which depends on the plan module: a cycle).
 * <p>
 * Case work only (coordinators and professionals) of the owning organisation. What it
 * gives is what the plan itself holds for her, never an address.
 */
public interface SafetyPlanReader {

	/**
	 * The member's safety plan, empty when she has none. Not in the access trail: the
	 * caller records what it shows.
	 * @throws org.springframework.security.access.AccessDeniedException for anyone but
	 * case workers
	 */
	Optional<PlanSummary> planOf(MemberId member);

	/**
	 * A safety plan at a glance: its neutral title, whether it is a child's
	 * (age-appropriate) plan, the names of the people to call and when to look at it
	 * again (the plan itself is read and changed in the safety module).
	 */
	record PlanSummary(String title, boolean child, List<String> peopleToCall, LocalDate reviewOn) {

		public PlanSummary {
			peopleToCall = List.copyOf(peopleToCall);
		}

	}

}
