package nl.vangnet.privacy;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import nl.vangnet.household.HouseholdId;
import nl.vangnet.platform.UnprocessableException;
import nl.vangnet.platform.pdf.PdfRenderer;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The delivery of her reviewed report as a download, JSON or PDF: one for the API and the
 * page. The delivery asks for a recent check ({@link SubjectAccess#deliver}).
 */
@Component
class SubjectAccessDownload {

	private final SubjectAccess subjectAccess;

	private final PdfRenderer pdf;

	private final Clock clock;

	SubjectAccessDownload(SubjectAccess subjectAccess, PdfRenderer pdf, Clock clock) {
		this.subjectAccess = subjectAccess;
		this.pdf = pdf;
		this.clock = clock;
	}

	/**
	 * @param format {@code json} or {@code pdf}
	 * @throws UnprocessableException {@code format} for another one, {@code review} while
	 * the review is not complete
	 */
	ResponseEntity<?> deliver(HouseholdId household, String ref, String format, Locale locale) {
		if (!"json".equals(format) && !"pdf".equals(format)) {
			throw new UnprocessableException("format", "privacy.subjectAccess.format");
		}
		SubjectAccessReport report = this.subjectAccess.deliver(household, ref, format, locale);
		if (format.equals("json")) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
		}
		String madeAt = report.generatedAt()
			.atZone(this.clock.getZone())
			.format(DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm"));
		byte[] bytes = this.pdf.render("privacy/report", Map.of("report", report, "madeAt", madeAt), locale);
		return PdfRenderer.response(bytes, ContentDisposition.attachment().filename("inzage-" + ref + ".pdf").build());
	}

}
