package nl.vangnet.household;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Household files through the API: {@code POST /api/v1/imports} with a JSON Lines body
 * (200 with the counts and the id of each stored household when stored, 422 with every
 * error of every invalid line, its field's path and the reason in words when not), and
 * {@code GET /api/v1/exports} for the organisation's households.
 */
@RestController
class HouseholdFilesApiController {

	static final String NDJSON = "application/x-ndjson";

	private final HouseholdFiles files;

	private final MessageSource messages;

	HouseholdFilesApiController(HouseholdFiles files, MessageSource messages) {
		this.files = files;
		this.messages = messages;
	}

	@PostMapping(path = "/api/v1/imports", consumes = { NDJSON, "application/jsonl", MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<Object> importFile(@RequestBody(required = false) String body) {
		HouseholdFiles.Report report = this.files.importFile((body != null) ? body : "",
				LocaleContextHolder.getLocale());
		if (report.stored()) {
			Map<String, Object> counts = new LinkedHashMap<>();
			counts.put("lines", report.lines());
			counts.put("created", report.created());
			counts.put("replaced", report.replaced());
			counts.put("households", report.households().stream().map((h) -> {
				Map<String, Object> household = new LinkedHashMap<>();
				household.put("line", h.line());
				household.put("id", h.id());
				household.put("replaced", h.replaced());
				return household;
			}).toList());
			return ResponseEntity.ok(counts);
		}
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		problem.setTitle(this.messages.getMessage("problem.invalid", null, "Invalid", LocaleContextHolder.getLocale()));
		problem.setDetail(this.messages.getMessage("imports.invalid", new Object[] { report.invalidLines() },
				LocaleContextHolder.getLocale()));
		List<Map<String, Object>> errors = report.errors().stream().map((e) -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("line", e.line());
			error.put("field", e.field());
			error.put("message", e.reason());
			return error;
		}).toList();
		problem.setProperty("errors", errors);
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@GetMapping("/api/v1/exports")
	void export(HttpServletResponse response) throws IOException {
		this.files.requireRecentCheck();
		response.setContentType(NDJSON + ";charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"vangnet-households.jsonl\"");
		this.files.export(response.getOutputStream());
	}

}
