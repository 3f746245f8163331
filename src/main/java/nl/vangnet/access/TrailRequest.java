package nl.vangnet.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the current HTTP request has already put in the trail: one request that reads the
 * same subject in several steps (a page made of several service calls) is one view, so a
 * second identical row is left out. A row whose transaction rolls back is forgotten
 * again, so the next attempt writes it.
 */
final class TrailRequest {

	private static final String ATTRIBUTE = TrailRequest.class.getName();

	/**
	 * The trail row id per recorded key; {@link #COVERED} when a page's row covers it.
	 */
	private final Map<String, Long> recorded = new ConcurrentHashMap<>();

	static final long COVERED = -1;

	private final HttpServletRequest request;

	private TrailRequest(HttpServletRequest request) {
		this.request = request;
	}

	/** The current request's memory, or {@code null} outside a request. */
	static TrailRequest current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			synchronized (request) {
				if (request.getAttribute(ATTRIBUTE) instanceof TrailRequest existing) {
					return existing;
				}
				TrailRequest created = new TrailRequest(request);
				request.setAttribute(ATTRIBUTE, created);
				return created;
			}
		}
		return null;
	}

	HttpServletRequest request() {
		return this.request;
	}

	boolean contains(String key) {
		return this.recorded.containsKey(key);
	}

	/** The trail row recorded under the key in this request, if it was written here. */
	Long rowId(String key) {
		Long id = this.recorded.get(key);
		return (id != null && id != COVERED) ? id : null;
	}

	/**
	 * Remembers the key for the rest of the request, unless the current transaction rolls
	 * back (then the row is gone and must be written again).
	 */
	void remember(String key, long rowId) {
		this.recorded.put(key, rowId);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status != STATUS_COMMITTED) {
						TrailRequest.this.recorded.remove(key, rowId);
					}
				}
			});
		}
	}

}
