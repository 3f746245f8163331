package nl.vangnet.platform.tenancy;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whose data the current work may see. By default that follows from the signed-in user;
 * work without a user (the command line, the demo) or across organisations (the
 * anonymised monitor) declares its scope explicitly with {@link #callAs}.
 */
public final class TenantScope {

	private static final ThreadLocal<Scope> declared = new ThreadLocal<>();

	private TenantScope() {
	}

	public static Scope current() {
		Scope scope = declared.get();
		if (scope != null) {
			return scope;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof TenantPrincipal principal) {
			return principal.tenantScope();
		}
		return Scope.NONE;
	}

	public static <T> T callAs(Scope scope, Supplier<T> work) {
		Scope previous = declared.get();
		declared.set(scope);
		try {
			return work.get();
		}
		finally {
			if (previous == null) {
				declared.remove();
			}
			else {
				declared.set(previous);
			}
		}
	}

	public static void runAs(Scope scope, Runnable work) {
		callAs(scope, () -> {
			work.run();
			return null;
		});
	}

	/**
	 * @param organisations the organisations whose rows are visible
	 * @param role the role of the actor, or {@code SYSTEM}
	 * @param userId the acting user, if any
	 */
	public record Scope(Set<UUID> organisations, String role, UUID userId) {

		public static final Scope NONE = new Scope(Set.of(), "", null);

		public Scope {
			organisations = Set.copyOf(organisations);
		}

		public static Scope system(Set<UUID> organisations) {
			return new Scope(organisations, "SYSTEM", null);
		}

	}

}
