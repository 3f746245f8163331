package nl.vangnet.access;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The access trail through the JSON API.
 */
@RestController
class AccessTrailApiController {

	private static final int DEFAULT_LIMIT = 200;

	private final AccessTrail trail;

	private final TrailReading reading;

	private final Clock clock;

	AccessTrailApiController(AccessTrail trail, TrailReading reading, Clock clock) {
		this.trail = trail;
		this.reading = reading;
		this.clock = clock;
	}

	/**
	 * For a coordinator: the organisation's trail, newest first, with names; filtered by
	 * period ({@code from}, {@code to}: ISO dates, inclusive), {@code person},
	 * {@code action} and {@code subject}; at most {@code limit} entries (200; at most
	 * 500). When there are more, the header {@code Link: <…&before=ID>; rel="next"}
	 * points to the next page.
	 */
	@GetMapping("/api/v1/access-trail")
	ResponseEntity<List<TrailEntry>> trail(@RequestParam(required = false) String subject,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String person, @RequestParam(required = false) String action,
			@RequestParam(required = false) String before, @RequestParam(defaultValue = "200") String limit) {
		List<DomainException> errors = new ArrayList<>();
		TrailQuery query = new TrailQuery(from, to, person, action, subject, before);
		TrailFilter filter = query.filter(LocalDate.now(this.clock), errors);
		Long keyset = query.beforeId(errors);
		int size = limit(limit, errors);
		DomainErrors.throwIfAny(errors);
		TrailPage page = this.reading.page(filter, keyset, size);
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (page.next() != null) {
			String next = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("before", page.next())
				.toUriString();
			answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return answer.body(page.entries());
	}

	/**
	 * For a coordinator (the privacy officer): the trail of a period as CSV, with the
	 * same filters; the export is itself in the trail.
	 */
	@GetMapping(path = "/api/v1/access-trail/export", produces = "text/csv")
	void export(@RequestParam(required = false) String subject, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String person,
			@RequestParam(required = false) String action, Locale locale, HttpServletResponse response)
			throws IOException {
		List<DomainException> errors = new ArrayList<>();
		TrailFilter filter = new TrailQuery(from, to, person, action, subject, null).filter(LocalDate.now(this.clock),
				errors);
		DomainErrors.throwIfAny(errors);
		AccessTrailController.writeCsv(this.reading, filter, locale, response);
	}

	/**
	 * For an administrator: sign-ins, failed sign-ins and sign-outs of every account.
	 */
	@GetMapping("/api/v1/sign-ins")
	List<TrailEntry> signIns(@RequestParam(defaultValue = "200") int limit) {
		return this.trail.signIns(Math.max(1, limit));
	}

	private static int limit(String value, List<DomainException> errors) {
		try {
			return Math.max(1, Math.min(Integer.parseInt(value.strip()), AccessTrail.MAX_ROWS));
		}
		catch (NumberFormatException ex) {
			errors.add(new DomainException("limit", "trail.error.limit", "1", String.valueOf(AccessTrail.MAX_ROWS)));
			return DEFAULT_LIMIT;
		}
	}

}
