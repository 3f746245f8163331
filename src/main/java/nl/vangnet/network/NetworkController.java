package nl.vangnet.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.vangnet.platform.ConflictException;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.pdf.PdfRenderer;
import nl.vangnet.platform.web.Conflicts;
import nl.vangnet.platform.web.ErrorSummary;
import nl.vangnet.platform.web.FormErrors;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The network in the browser: the dossier's section, the map of one client (drawing and
 * table, the table being the accessible editor), snapshots, the comparison, the
 * integration safety net, the five-step plan and the family's copy as SVG and PDF.
 */
@Controller
@RequestMapping("/network")
class NetworkController {

	private static final String MAP = "redirect:/network/members/{memberId}";

	private final NetworkManagement management;

	private final NetworkSvg svg;

	private final PdfRenderer pdf;

	private final MessageSource messages;

	private final Conflicts conflicts;

	NetworkController(NetworkManagement management, NetworkSvg svg, PdfRenderer pdf, MessageSource messages,
			Conflicts conflicts) {
		this.management = management;
		this.svg = svg;
		this.pdf = pdf;
		this.messages = messages;
		this.conflicts = conflicts;
	}

	/** The dossier's section (loaded lazily by htmx): a link to each member's map. */
	@GetMapping("/households/{householdId}")
	String section(@PathVariable UUID householdId, Model model) {
		model.addAttribute("clients", this.management.clientsOf(householdId));
		return "network/section :: network";
	}

	@GetMapping("/members/{memberId}")
	String map(@PathVariable UUID memberId, @RequestParam(required = false) UUID snapshot, Model model, Locale locale) {
		NetworkManagement.MapView view = mapModel(memberId, snapshot, model, locale);
		if (view.snapshot() != null && !model.containsAttribute("form")) {
			model.addAttribute("form", ContactForm.empty(view.snapshot().version()));
		}
		return "network/map";
	}

	private NetworkManagement.MapView mapModel(UUID memberId, UUID snapshot, Model model, Locale locale) {
		NetworkManagement.MapView view = this.management.map(memberId, snapshot, locale);
		model.addAttribute("view", view);
		model.addAttribute("triangleSvg", this.svg.triangle(view.triangle(), locale));
		model.addAttribute("relations", Contact.Relation.values());
		model.addAttribute("closenesses", Contact.Closeness.values());
		model.addAttribute("ties", Contact.Tie.values());
		model.addAttribute("supports", Contact.Support.values());
		model.addAttribute("reciprocities", Contact.Reciprocity.values());
		model.addAttribute("capitals", Contact.SocialCapital.values());
		model.addAttribute("planSteps", PlanStep.values());
		model.addAttribute("latest", view.snapshots().isEmpty() || view.snapshot() == null
				|| view.snapshots().get(view.snapshots().size() - 1).id().equals(view.snapshot().id()));
		return view;
	}

	@PostMapping("/members/{memberId}/snapshots")
	String startSnapshot(@PathVariable UUID memberId, SnapshotForm form, BindingResult result, Model model,
			Locale locale, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormErrors.throwIfAny(result);
			this.management.startSnapshot(memberId, form.drawnOn(), form.label(), null);
			redirect.addFlashAttribute("saved", "network.snapshot.started");
			redirect.addAttribute("memberId", memberId);
			return MAP;
		}
		catch (DomainErrors ex) {
			summarise(model, SNAPSHOT_FIELDS, result, ex.errors(), locale);
		}
		catch (DomainException ex) {
			summarise(model, SNAPSHOT_FIELDS, result, List.of(ex), locale);
		}
		return typedBack("snapshot", memberId, null, model, locale, request, response);
	}

	/**
	 * One of the map's small forms (a new snapshot, a move, the triangle, a plan step)
	 * that could not be taken: the map again, its errors above that form, and in that
	 * form what was typed, exactly as typed.
	 */
	private String typedBack(String which, UUID memberId, UUID snapshot, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		Map<String, String> typed = new java.util.HashMap<>();
		request.getParameterMap().forEach((name, values) -> typed.put(name, (values.length > 0) ? values[0] : null));
		model.addAttribute("typedForm", which);
		model.addAttribute("typed", typed);
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		return map(memberId, snapshot, model, locale);
	}

	@PostMapping("/snapshots/{snapshotId}/contacts")
	String addContact(@PathVariable UUID snapshotId, @ModelAttribute("form") ContactForm form, BindingResult result,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Snapshot snapshot = this.management.snapshot(snapshotId);
		try {
			FormErrors.throwIfAny(result);
			this.management.addContact(snapshotId, form.versionOrZero(), form.input());
			redirect.addFlashAttribute("saved", "network.contact.added");
			redirect.addAttribute("memberId", snapshot.memberId());
			redirect.addAttribute("snapshot", snapshotId);
			return MAP;
		}
		catch (ConflictException ex) {
			// What was typed comes back on the current version: one more click adds it.
			this.conflicts.show(ex, "network.conflict.title", model, response);
			FormErrors.keep(model, "form", form.withVersion((int) ex.currentVersion()), result);
			mapModel(snapshot.memberId(), snapshotId, model, locale);
			return "network/map";
		}
		catch (DomainErrors ex) {
			if (!result.hasErrors()) {
				FormErrors.reject(result, ex);
			}
		}
		catch (DomainException ex) {
			FormErrors.reject(result, ex);
		}
		FormErrors.keep(model, "form", form, result);
		contactRefused(model, locale, response);
		mapModel(snapshot.memberId(), snapshotId, model, locale);
		return "network/map";
	}

	@GetMapping("/snapshots/{snapshotId}/contacts/{contactId}")
	String contact(@PathVariable UUID snapshotId, @PathVariable UUID contactId, Model model, Locale locale) {
		Snapshot snapshot = this.management.snapshot(snapshotId);
		Contact contact = snapshot.contacts()
			.stream()
			.filter((c) -> c.id().equals(contactId))
			.findFirst()
			.orElseThrow(() -> new nl.vangnet.platform.NotFoundException("contact"));
		model.addAttribute("form", ContactForm.of(snapshot.version(), contact));
		return contactPage(snapshot, contact, model, locale);
	}

	private String contactPage(Snapshot snapshot, Contact contact, Model model, Locale locale) {
		mapModel(snapshot.memberId(), snapshot.id(), model, locale);
		model.addAttribute("contact", contact);
		return "network/contact";
	}

	@PostMapping("/snapshots/{snapshotId}/contacts/{contactId}")
	String changeContact(@PathVariable UUID snapshotId, @PathVariable UUID contactId,
			@ModelAttribute("form") ContactForm form, BindingResult result, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Snapshot snapshot = this.management.snapshot(snapshotId);
		try {
			FormErrors.throwIfAny(result);
			this.management.changeContact(snapshotId, form.versionOrZero(), contactId, form.input());
			redirect.addFlashAttribute("saved", "network.contact.changed");
			redirect.addAttribute("memberId", snapshot.memberId());
			redirect.addAttribute("snapshot", snapshotId);
			return MAP;
		}
		catch (ConflictException ex) {
			this.conflicts.show(ex, "network.conflict.title", model, response);
			snapshot = this.management.snapshot(snapshotId);
			if (snapshot.contacts().stream().noneMatch((c) -> c.id().equals(contactId))) {
				mapModel(snapshot.memberId(), snapshotId, model, locale);
				model.addAttribute("form", ContactForm.empty(snapshot.version()));
				return "network/map";
			}
			model.addAttribute("form", form.withVersion(snapshot.version()));
		}
		catch (DomainErrors ex) {
			if (!result.hasErrors()) {
				FormErrors.reject(result, ex);
			}
		}
		catch (DomainException ex) {
			FormErrors.reject(result, ex);
		}
		FormErrors.keep(model, "form", form, result);
		contactRefused(model, locale, response);
		Contact contact = snapshot.contacts()
			.stream()
			.filter((c) -> c.id().equals(contactId))
			.findFirst()
			.orElseThrow();
		return contactPage(snapshot, contact, model, locale);
	}

	@PostMapping("/snapshots/{snapshotId}/contacts/{contactId}/closeness")
	String move(@PathVariable UUID snapshotId, @PathVariable UUID contactId, MoveForm form, BindingResult result,
			Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Snapshot snapshot = this.management.snapshot(snapshotId);
		try {
			FormErrors.throwIfAny(result);
			this.management.moveContact(snapshotId, (form.version() != null) ? form.version() : -1, contactId,
					form.closeness());
			redirect.addFlashAttribute("saved", "network.contact.moved");
			redirect.addAttribute("memberId", snapshot.memberId());
			redirect.addAttribute("snapshot", snapshotId);
			return MAP;
		}
		catch (ConflictException ex) {
			return conflict(ex, snapshot, model, locale, request, response);
		}
		catch (DomainErrors ex) {
			summarise(model, rowFields(snapshot, contactId, "move-", "network.contact.moveTo"), result, ex.errors(),
					locale);
		}
		catch (DomainException ex) {
			summarise(model, rowFields(snapshot, contactId, "move-", "network.contact.moveTo"), result, List.of(ex),
					locale);
		}
		return typedBack("move", snapshot.memberId(), snapshotId, model, locale, request, response);
	}

	@PostMapping("/snapshots/{snapshotId}/contacts/{contactId}/removal")
	String remove(@PathVariable UUID snapshotId, @PathVariable UUID contactId, RemovalForm form, BindingResult result,
			Model model, Locale locale, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Snapshot snapshot = this.management.snapshot(snapshotId);
		try {
			FormErrors.throwIfAny(result);
			if (form.version() == null) {
				throw new DomainException("version", "network.version.required");
			}
			this.management.removeContact(snapshotId, form.version(), contactId);
		}
		catch (ConflictException ex) {
			return conflict(ex, snapshot, model, locale, request, response);
		}
		catch (DomainErrors ex) {
			summarise(model, rowFields(snapshot, contactId, "remove-", "network.contact.removeOf"), result, ex.errors(),
					locale);
			return typedBack("removal", snapshot.memberId(), snapshotId, model, locale, request, response);
		}
		catch (DomainException ex) {
			summarise(model, rowFields(snapshot, contactId, "remove-", "network.contact.removeOf"), result, List.of(ex),
					locale);
			return typedBack("removal", snapshot.memberId(), snapshotId, model, locale, request, response);
		}
		redirect.addFlashAttribute("saved", "network.contact.removed");
		redirect.addAttribute("memberId", snapshot.memberId());
		redirect.addAttribute("snapshot", snapshotId);
		return MAP;
	}

	/**
	 * A move or removal someone else overtook: the map as it is now, what differs, and a
	 * button that does it again on the current version.
	 */
	private String conflict(ConflictException ex, Snapshot snapshot, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		this.conflicts.showWithRedo(ex, "network.conflict.title", model, request, response);
		model.addAttribute("form", ContactForm.empty((int) ex.currentVersion()));
		mapModel(snapshot.memberId(), snapshot.id(), model, locale);
		return "network/map";
	}

	@GetMapping("/members/{memberId}/comparison")
	String compare(@PathVariable UUID memberId, @RequestParam(required = false) UUID from,
			@RequestParam(required = false) UUID to, Model model, Locale locale) {
		model.addAttribute("comparison", this.management.compare(memberId, from, to, locale));
		mapModel(memberId, to, model, locale);
		return "network/compare";
	}

	@PostMapping("/members/{memberId}/triangle")
	String place(@PathVariable UUID memberId, TriangleForm form, BindingResult result, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormErrors.throwIfAny(result);
			this.management.place(memberId, form.placedOn(), form.government(), form.services(), form.society(),
					Boolean.TRUE.equals(form.outOfView()), form.note());
			redirect.addFlashAttribute("saved", "network.triangle.placed");
			redirect.addAttribute("memberId", memberId);
			return MAP;
		}
		catch (DomainErrors ex) {
			summarise(model, TRIANGLE_FIELDS, result, ex.errors(), locale);
		}
		catch (DomainException ex) {
			summarise(model, TRIANGLE_FIELDS, result, List.of(ex), locale);
		}
		return typedBack("triangle", memberId, null, model, locale, request, response);
	}

	@PostMapping("/members/{memberId}/plan")
	String recordStep(@PathVariable UUID memberId, StepForm form, BindingResult result, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			FormErrors.throwIfAny(result);
			PlanStep step = this.management.recordStep(memberId, form.domain(), form.on(), form.note());
			redirect.addFlashAttribute("saved",
					(step == PlanStep.EVALUATE) ? "network.plan.evaluated" : "network.plan.recorded");
			redirect.addAttribute("memberId", memberId);
			return MAP;
		}
		catch (ConflictException ex) {
			this.conflicts.show(ex, "network.conflict.title", model, response);
			model.addAttribute("stepForm", form);
			return map(memberId, null, model, locale);
		}
		catch (DomainErrors ex) {
			summarise(model, STEP_FIELDS, result, ex.errors(), locale);
		}
		catch (DomainException ex) {
			summarise(model, STEP_FIELDS, result, List.of(ex), locale);
		}
		FormErrors.keep(model, "stepForm", form, result);
		return typedBack("plan", memberId, null, model, locale, request, response);
	}

	private String error(DomainException ex, Locale locale) {
		return this.messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale);
	}

	/**
	 * The errors in the page's summary, each linked to its field in the form it concerns
	 * as rendered and named by its label; an error of another field, or of the form as a
	 * whole, links to the form's first field ({@code ""}).
	 */
	private void summarise(Model model, Map<String, Field> fields, BindingResult result, List<DomainException> errors,
			Locale locale) {
		mark(model, fields, errors, locale);
		// the binding's own errors are in the model already, each once
		if (!result.hasErrors()) {
			model.addAttribute(ErrorSummary.PROBLEMS, errors);
		}
	}

	/**
	 * The element ids and labels of a form's fields for the page's summary; an error of a
	 * field the form does not name is named after the form's first field.
	 */
	private void mark(Model model, Map<String, Field> fields, List<DomainException> errors, Locale locale) {
		Map<String, String> targets = new java.util.HashMap<>();
		Map<String, String> labels = new java.util.HashMap<>();
		fields.forEach((name, field) -> {
			targets.put(name, field.id());
			String label = field.label(this.messages, locale);
			if (label != null && !name.isEmpty()) {
				labels.put(name, label);
			}
		});
		String first = fields.get("").label(this.messages, locale);
		for (DomainException error : errors) {
			if (error.field() != null && first != null) {
				labels.putIfAbsent(error.field(), first);
			}
		}
		model.addAttribute(ErrorSummary.TARGETS, targets);
		model.addAttribute(ErrorSummary.LABELS, labels);
	}

	/**
	 * The one field of a contact's row in the table (its circle's select, or its remove
	 * button), named after the contact, as the error summary links to it.
	 */
	private static Map<String, Field> rowFields(Snapshot snapshot, UUID contactId, String prefix, String label) {
		List<Contact> contacts = snapshot.contacts();
		for (int i = 0; i < contacts.size(); i++) {
			if (contacts.get(i).id().equals(contactId)) {
				return Map.of("", new Field(prefix + i, label, contacts.get(i).name()));
			}
		}
		return Map.of("", new Field("contacts", null));
	}

	/**
	 * A contact form that could not be taken answers 400; its summary links each error to
	 * its field as rendered and names it.
	 */
	private void contactRefused(Model model, Locale locale, HttpServletResponse response) {
		if (response.getStatus() < 400) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		mark(model, CONTACT_FIELDS, List.of(), locale);
	}

	/**
	 * A field of one of the map's forms: the id of its element and the message key (with
	 * its arguments) of its label.
	 */
	private record Field(String id, String labelKey, Object... arguments) {

		String label(MessageSource messages, Locale locale) {
			return (this.labelKey != null) ? messages.getMessage(this.labelKey, this.arguments, locale) : null;
		}

	}

	private static final Map<String, Field> SNAPSHOT_FIELDS = Map.of("",
			new Field("snapshot-drawnOn", "network.snapshot.date"), "drawnOn",
			new Field("snapshot-drawnOn", "network.snapshot.date"), "label",
			new Field("snapshot-label", "network.snapshot.label"));

	private static final Map<String, Field> TRIANGLE_FIELDS = Map.of("",
			new Field("triangle-government", "network.triangle.government"), "placedOn",
			new Field("triangle-placedOn", "network.snapshot.date"), "government",
			new Field("triangle-government", "network.triangle.government"), "services",
			new Field("triangle-services", "network.triangle.services"), "society",
			new Field("triangle-society", "network.triangle.society"), "outOfView",
			new Field("triangle-outOfView", "network.triangle.outOfViewFlag"), "note",
			new Field("triangle-note", "network.note"));

	private static final Map<String, Field> STEP_FIELDS = Map.of("", new Field("plan-domain", "network.plan.domain"),
			"domain", new Field("plan-domain", "network.plan.domain"), "on",
			new Field("plan-on", "network.snapshot.date"), "note", new Field("plan-note", "network.note"));

	private static final Map<String, Field> CONTACT_FIELDS = Map.ofEntries(
			Map.entry("", new Field("contact-name", null)),
			Map.entry("name", new Field("contact-name", "network.contact.name")),
			Map.entry("relation", new Field("contact-relation", "network.contact.relation")),
			Map.entry("closeness", new Field("contact-closeness", "network.contact.closeness")),
			Map.entry("tie", new Field("contact-tie", "network.contact.tie")),
			Map.entry("support", new Field("contact-support-0", "network.contact.support")),
			Map.entry("domains", new Field("contact-domains-0", "network.contact.domains")),
			Map.entry("reciprocity", new Field("contact-reciprocity", "network.contact.reciprocity")),
			Map.entry("socialCapital", new Field("contact-socialCapital", "network.contact.capital")),
			Map.entry("danger", new Field("contact-danger", "network.danger")),
			Map.entry("note", new Field("contact-note", "network.note")));

	/** A contact taken off the map, with the version of the map it was read from. */
	record RemovalForm(Integer version) {
	}

	/** A contact moved to another circle, as the form gives it. */
	record MoveForm(Integer version, String closeness) {
	}

	/** A new snapshot as the form gives it. */
	record SnapshotForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate drawnOn, String label) {
	}

	/** A place in the integration triangle as the form gives it. */
	record TriangleForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate placedOn, Integer government,
			Integer services, Integer society, Boolean outOfView, String note) {
	}

	/** A step of the five-step plan as the form gives it. */
	record StepForm(String domain, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, String note) {
	}

	// ---- The family's copy

	@GetMapping("/snapshots/{snapshotId}/map.svg")
	ResponseEntity<String> svg(@PathVariable UUID snapshotId, Locale locale) {
		Snapshot snapshot = this.management.export(snapshotId);
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("netwerk-" + snapshot.drawnOn() + ".svg")
						.build()
						.toString())
			.body(this.svg.render(snapshot, this.management.clientOf(snapshot), locale));
	}

	@GetMapping("/snapshots/{snapshotId}/map.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID snapshotId, Locale locale) {
		Snapshot snapshot = this.management.export(snapshotId);
		Client client = this.management.clientOf(snapshot);
		NetworkManagement.MapView view = this.management.map(snapshot.memberId(), snapshotId, locale);
		String drawing = this.svg.render(snapshot, client, locale)
			.replaceFirst("width=\"640\" height=\"640\"", "width=\"12cm\" height=\"12cm\"");
		byte[] pdf = this.pdf.render("network/map-copy",
				Map.of("snapshot", snapshot, "client", client, "view", view, "drawing", drawing), locale);
		return PdfRenderer.response(pdf,
				ContentDisposition.attachment().filename("netwerk-" + snapshot.drawnOn() + ".pdf").build());
	}

}
