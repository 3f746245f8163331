package nl.vangnet.household;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Import in the browser: choose a file, see what would happen and every invalid line,
 * then confirm; and download the organisation's export.
 */
@Controller
class HouseholdFilesController {

	private static final String PENDING = "vangnet.import.pending";

	private final HouseholdFiles files;

	HouseholdFilesController(HouseholdFiles files) {
		this.files = files;
	}

	@GetMapping("/imports")
	String page() {
		return "household/imports";
	}

	@PostMapping("/imports/preview")
	String preview(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
			Locale locale, Model model) throws IOException {
		if (file == null) {
			return "redirect:/imports";
		}
		String content = new String(file.getBytes(), StandardCharsets.UTF_8);
		HouseholdFiles.Report report = this.files.check(content, locale);
		model.addAttribute("report", report);
		if (report.valid()) {
			String token = UUID.randomUUID().toString();
			// one pending file at a time; set anew, so that the session store saves it
			session.setAttribute(PENDING, new HashMap<>(Map.of(token, content)));
			model.addAttribute("token", token);
		}
		return "household/imports";
	}

	@PostMapping("/imports/confirm")
	String confirm(@RequestParam String token, HttpSession session, Locale locale, Model model,
			RedirectAttributes redirect) {
		String content = pending(session).get(token);
		session.removeAttribute(PENDING);
		if (content == null) {
			redirect.addFlashAttribute("expired", true);
			return "redirect:/imports";
		}
		HouseholdFiles.Report report = this.files.importFile(content, locale);
		if (!report.stored()) {
			model.addAttribute("report", report);
			return "household/imports";
		}
		redirect.addFlashAttribute("stored", report);
		return "redirect:/imports";
	}

	@GetMapping("/imports/export")
	void export(HttpServletResponse response) throws IOException {
		this.files.requireRecentCheck();
		response.setContentType(HouseholdFilesApiController.NDJSON + ";charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"vangnet-households.jsonl\"");
		this.files.export(response.getOutputStream());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> pending(HttpSession session) {
		Object pending = session.getAttribute(PENDING);
		return (pending instanceof Map<?, ?> map) ? (Map<String, String>) map : Map.of();
	}

}
