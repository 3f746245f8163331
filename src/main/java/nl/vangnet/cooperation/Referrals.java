package nl.vangnet.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.account.VangnetUser;
import nl.vangnet.household.Composition;
import nl.vangnet.household.Family;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.household.HouseholdDocument;
import nl.vangnet.household.MemberRole;
import nl.vangnet.household.ReferralSource;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.UnprocessableException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral with a warm handover (vangnet-referral/1): created by the referring
 * organisation on a consent that covers it, followed through dated events by whoever may
 * record each status, and for a partner in Vangnet read in its inbox with exactly the
 * consented sections (live, through {@link SharedSections}). Accepting registers the
 * family at the receiver, pre-filled from the shared summary: the story is told once.
 */
@Service
@Transactional
class Referrals {

	static final String FORMAT = "vangnet-referral/1";

	static final int TEXT_MAX = 1000;

	private final JdbcClient jdbc;

	private final HouseholdApi households;

	private final OrganisationApi organisations;

	private final Partners partners;

	private final Consents consents;

	private final SharedSections shared;

	private final AccessTrail trail;

	private final Clock clock;

	Referrals(JdbcClient jdbc, HouseholdApi households, OrganisationApi organisations, Partners partners,
			Consents consents, SharedSections shared, AccessTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.households = households;
		this.organisations = organisations;
		this.partners = partners;
		this.consents = consents;
		this.shared = shared;
		this.trail = trail;
		this.clock = clock;
	}

	/** The clock's day (no transaction of its own: a page asks it for its forms). */
	@Transactional(propagation = Propagation.SUPPORTS)
	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	/**
	 * Refers the household to a partner. Invalid fields answer with field errors; a
	 * consent that does not cover the referral (missing, of another household, not
	 * active, for another recipient, outside its domains) with an error naming
	 * {@code consent}. Nothing is stored unless everything holds.
	 */
	ReferralView refer(UUID householdId, NewReferral command) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Family family = this.households.family(new HouseholdId(householdId));
		if (family.closed()) {
			throw new DomainException("household", "referral.household.closed");
		}
		List<DomainException> errors = new ArrayList<>();
		if (command.format() != null && !FORMAT.equals(command.format())) {
			errors.add(new DomainException("format", "referral.format.unsupported", FORMAT));
		}
		Consents.Resolved to = this.consents.resolve(command.to(), "to", actor, errors);
		UUID toPartner = to.partnerId();
		if (toPartner == null && to.organisationId() != null) {
			toPartner = this.partners.ofOrganisation(to.organisationId()).map(Partner::id).orElse(null);
		}
		Origin origin = origin(householdId, command.helpQuestion(), command.planAction(), errors);
		String domain = Partners.clean(command.domain());
		if (domain == null && origin != null) {
			domain = origin.monitorCode();
		}
		if (domain != null && !this.partners.monitorCodes().contains(domain)) {
			errors.add(new DomainException("domain", "partner.domain.invalid", domain));
		}
		String reason = Partners.clean(command.reason());
		if (reason == null) {
			errors.add(new DomainException("reason", "referral.reason.required"));
		}
		else if (reason.length() > TEXT_MAX) {
			errors.add(new DomainException("reason", "partner.tooLong", TEXT_MAX));
		}
		DomainErrors.throwIfAny(errors);
		checkCovered(householdId, command.consent(), to, domain);
		UUID id = UUID.randomUUID();
		LocalDate today = today();
		this.jdbc
			.sql("""
					insert into referral (id, household_id, from_organisation_id, to_organisation_id, to_partner_id, consent_id,
					                      domain, help_question_id, plan_action_id, reason, created_on, created_by)
					values (:id, :household, :from, :toOrganisation, :toPartner, :consent, :domain, :question, :action, :reason,
					        :today, :by)
					""")
			.param("id", id)
			.param("household", householdId)
			.param("from", actor.organisationId())
			.param("toOrganisation", to.organisationId())
			.param("toPartner", toPartner)
			.param("consent", command.consent())
			.param("domain", domain)
			.param("question", command.helpQuestion())
			.param("action", command.planAction())
			.param("reason", reason)
			.param("today", today)
			.param("by", actor.userId())
			.update();
		insertEvent(id, actor, ReferralStatus.SENT, today, null, null);
		this.trail.record(AccessAction.CREATE, AccessSubject.household(householdId));
		return find(id).orElseThrow();
	}

	/**
	 * The help question or plan action of the household a referral comes from, read
	 * through the view the plan module publishes.
	 */
	private Optional<Origin> originOf(UUID householdId, UUID id, String kind) {
		return this.jdbc.sql("""
				select id, kind, monitor_code, description, partner_id from plan_reference
				where id = :id and household_id = :h and kind = :kind
				""")
			.param("id", id)
			.param("h", householdId)
			.param("kind", kind)
			.query((rs, row) -> new Origin(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getString("monitor_code"), rs.getString("description"), rs.getObject("partner_id", UUID.class)))
			.optional();
	}

	/** At most one origin; an unknown one (or two) is a field error. */
	private Origin origin(UUID householdId, UUID helpQuestion, UUID planAction, List<DomainException> errors) {
		if (helpQuestion != null && planAction != null) {
			errors.add(new DomainException("planAction", "referral.origin.both"));
			return null;
		}
		if (helpQuestion != null) {
			Optional<Origin> found = originOf(householdId, helpQuestion, Origin.HELP_QUESTION);
			if (found.isEmpty()) {
				errors.add(new DomainException("helpQuestion", "referral.helpQuestion.unknown"));
			}
			return found.orElse(null);
		}
		if (planAction != null) {
			Optional<Origin> found = originOf(householdId, planAction, Origin.PLAN_ACTION);
			if (found.isEmpty()) {
				errors.add(new DomainException("planAction", "referral.planAction.unknown"));
			}
			return found.orElse(null);
		}
		return null;
	}

	/**
	 * Where a referral of the caller's own household comes from, as far as it can see it:
	 * for the referring organisation's pages and the form that pre-fills from it.
	 */
	@Transactional(readOnly = true)
	Optional<Origin> origin(UUID householdId, UUID helpQuestion, UUID planAction) {
		if (helpQuestion != null) {
			return originOf(householdId, helpQuestion, Origin.HELP_QUESTION);
		}
		if (planAction != null) {
			return originOf(householdId, planAction, Origin.PLAN_ACTION);
		}
		return Optional.empty();
	}

	/**
	 * A help question or plan action a referral comes from: its monitor code (an action:
	 * its goal's), its words, and for an action the partner who acts.
	 */
	record Origin(UUID id, String kind, String monitorCode, String description, UUID partner) {

		static final String HELP_QUESTION = "HELP_QUESTION";

		static final String PLAN_ACTION = "PLAN_ACTION";

		public boolean helpQuestion() {
			return HELP_QUESTION.equals(this.kind);
		}

	}

	private void checkCovered(UUID householdId, UUID consentId, Consents.Resolved to, String domain) {
		if (consentId == null) {
			throw new UnprocessableException("consent", "referral.consent.missing");
		}
		ConsentView consent = this.consents.find(consentId)
			.filter((c) -> householdId.equals(c.household()))
			.orElseThrow(() -> new UnprocessableException("consent", "referral.consent.notForHousehold"));
		if (consent.state() != ConsentState.ACTIVE) {
			throw new UnprocessableException("consent", "referral.consent.notActive." + consent.state());
		}
		UUID consentOrganisation = this.jdbc.sql("select recipient_organisation_id from consent where id = :id")
			.param("id", consentId)
			.query(UUID.class)
			.optional()
			.orElse(null);
		boolean sameOrganisation = to.organisationId() != null && to.organisationId().equals(consentOrganisation);
		boolean samePartner = to.partnerId() != null && to.partnerId().equals(consent.recipient().partner());
		if (!sameOrganisation && !samePartner) {
			throw new UnprocessableException("consent", "referral.consent.otherRecipient", consent.recipientName());
		}
		if (!consent.domains().isEmpty()) {
			if (domain == null
					|| consent.domains().stream().noneMatch((d) -> domain.equals(d) || domain.startsWith(d + "."))) {
				throw new UnprocessableException("consent", "referral.consent.domainNotCovered",
						String.join(", ", consent.domains()));
			}
		}
	}

	/**
	 * The referrals of the caller's organisation: {@code incoming}, {@code outgoing} or
	 * (null) both, optionally with one current status. Each listed one is in the trail.
	 */
	List<ReferralView> list(String direction, String status) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		String dir = Partners.clean(direction);
		List<DomainException> errors = new ArrayList<>();
		if (dir != null && !dir.equals("incoming") && !dir.equals("outgoing")) {
			errors.add(new DomainException("direction", "referral.direction.invalid"));
		}
		ReferralStatus wanted = null;
		if (Partners.clean(status) != null) {
			try {
				wanted = ReferralStatus.valueOf(status.strip());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new DomainException("status", "referral.status.invalid", status));
			}
		}
		DomainErrors.throwIfAny(errors);
		List<ReferralView> found = this.jdbc
			.sql(SELECT
					+ """
							 where ((cast(:dir as varchar) is null or :dir = 'outgoing') and r.from_organisation_id = :org
							        or (cast(:dir as varchar) is null or :dir = 'incoming') and r.to_organisation_id = :org)
							   and (cast(:status as varchar) is null or (select e.status from referral_event e where e.referral_id = r.id
							        order by e.sequence desc limit 1) = :status)
							 order by r.created_at desc limit 500
							""")
			.param("dir", dir)
			.param("org", actor.organisationId())
			.param("status", (wanted != null) ? wanted.name() : null)
			.query(this::referral)
			.list()
			.stream()
			.map(this::withEvents)
			.toList();
		// One list is one SEARCH row with what it showed: for an outgoing referral the
		// organisation's own family, for an incoming one the referral (the family is
		// another organisation's).
		List<UUID> shown = found.stream()
			.map((view) -> view.outgoing(actor.organisationId()) ? view.household() : view.id())
			.distinct()
			.toList();
		if (!shown.isEmpty()) {
			this.trail.record(AccessAction.SEARCH, referralsSubject(shown));
		}
		return found;
	}

	/**
	 * One referral. For the receiver it carries the shared sections, read live (both
	 * organisations' trails record the read), or {@code null} when the consent no longer
	 * holds.
	 */
	Detail get(UUID id) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		ReferralView view = find(id).orElseThrow(() -> new NotFoundException("referral"));
		if (view.outgoing(actor.organisationId())) {
			this.trail.record(AccessAction.VIEW, AccessSubject.household(view.household()));
			return new Detail(view, false, null, consentState(view));
		}
		return new Detail(view, true, readShared(actor, view, "referral"), consentState(view));
	}

	/**
	 * Records the next status. Out of order, or recorded by the side that does not record
	 * it, answers with an error naming {@code status}. {@code ACCEPTED} by a receiver in
	 * Vangnet registers the family there, pre-filled from the shared summary.
	 */
	Detail recordEvent(UUID id, NewEvent command) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		ReferralView view = find(id).orElseThrow(() -> new NotFoundException("referral"));
		boolean referrer = view.outgoing(actor.organisationId());
		LocalDate today = today();
		List<DomainException> errors = new ArrayList<>();
		ReferralStatus status = null;
		if (command == null || Partners.clean(command.status()) == null) {
			errors.add(new DomainException("status", "referral.status.required"));
		}
		else {
			try {
				status = ReferralStatus.valueOf(command.status().strip());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new DomainException("status", "referral.status.invalid", command.status()));
			}
		}
		LocalDate on = (command != null && command.on() != null) ? command.on() : today;
		if (on.isAfter(today)) {
			errors.add(new DomainException("on", "referral.on.future"));
		}
		else if (on.isBefore(view.createdOn())) {
			errors.add(new DomainException("on", "referral.on.beforeSent"));
		}
		String note = (command != null) ? Partners.clean(command.note()) : null;
		String reason = (command != null) ? Partners.clean(command.reason()) : null;
		if (note != null && note.length() > TEXT_MAX) {
			errors.add(new DomainException("note", "partner.tooLong", TEXT_MAX));
		}
		if (reason != null && reason.length() > TEXT_MAX) {
			errors.add(new DomainException("reason", "partner.tooLong", TEXT_MAX));
		}
		if (status == ReferralStatus.DECLINED && reason == null) {
			errors.add(new DomainException("reason", "referral.reason.declined"));
		}
		DomainErrors.throwIfAny(errors);
		ReferralStatus current = view.status();
		if (!status.mayFollow(view.history())) {
			throw new UnprocessableException("status", "referral.status.outOfOrder", status.name(), current.name());
		}
		boolean inVangnet = view.toOrganisationId() != null;
		boolean allowed = !inVangnet ? referrer
				: (referrer ? status.recordedByReferrer() : status.recordedByReceiver());
		if (!allowed) {
			throw new UnprocessableException("status",
					referrer ? "referral.status.receiverRecords" : "referral.status.referrerRecords", status.name());
		}
		Object[] shared = { null };
		if (inVangnet && !referrer) {
			// the receiver's event reads what is shared: both trails, heads in one order
			this.trail.lockChains(view.fromOrganisationId());
		}
		if (status == ReferralStatus.ACCEPTED && inVangnet && !referrer) {
			SharedSections.Shared read = readShared(actor, view, "accepted");
			UUID household = this.households.register(document((read != null) ? read.summary() : null)).value();
			this.jdbc.sql("update referral set receiver_household_id = :h, version = version + 1 where id = :id")
				.param("h", household)
				.param("id", id)
				.update();
			shared[0] = read;
		}
		insertEvent(id, actor, status, on, note, reason);
		if (referrer) {
			this.trail.record(AccessAction.UPDATE, AccessSubject.household(view.household()));
		}
		else {
			this.trail.record(AccessAction.UPDATE, referralSubject(id));
		}
		ReferralView now = find(id).orElseThrow();
		if (referrer) {
			return new Detail(now, false, null, consentState(now));
		}
		SharedSections.Shared after = (status == ReferralStatus.ACCEPTED) ? (SharedSections.Shared) shared[0]
				: readShared(actor, now, "event");
		return new Detail(now, true, after, consentState(now));
	}

	/**
	 * The referral letter for the referrer: its own household's data, exactly as far as
	 * the consent goes (an export in the access trail). For a partner outside Vangnet,
	 * the letter is how the consented content reaches it.
	 */
	Letter letter(UUID id) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		ReferralView view = find(id).filter((r) -> r.outgoing(actor.organisationId()))
			.orElseThrow(() -> new NotFoundException("referral"));
		ConsentView consent = (view.consent() != null) ? this.consents.find(view.consent()).orElse(null) : null;
		SharedSections.Shared content = (consent != null && consent.active())
				? this.shared.readAsOwner(view.household(), consent.sections(), consent.domains()) : null;
		this.trail.record(AccessAction.EXPORT, AccessSubject.household(view.household()));
		return new Letter(view, consent, content);
	}

	record Letter(ReferralView referral, ConsentView consent, SharedSections.Shared shared) {
	}

	/**
	 * The referrals of one of the caller's households, newest first (for its dossier).
	 */
	@Transactional(readOnly = true)
	List<ReferralView> ofHousehold(UUID householdId) {
		Staff actor = Staff.current().requireOrganisation("household");
		return this.jdbc
			.sql(SELECT + " where r.household_id = :h and r.from_organisation_id = :org order by r.created_at desc")
			.param("h", householdId)
			.param("org", actor.organisationId())
			.query(this::referral)
			.list()
			.stream()
			.map(this::withEvents)
			.toList();
	}

	/**
	 * Outgoing referrals to a partner in Vangnet of the caller's organisation, sent at
	 * least {@code days} ago, that never had any feedback from the receiver.
	 */
	@Transactional(readOnly = true)
	List<ReferralView> withoutFeedback(int days) {
		Staff actor = Staff.current().requireOrganisation("household");
		return this.jdbc.sql(SELECT + """
				 where r.from_organisation_id = :org and r.created_on <= :before
				   and not exists (select 1 from referral_event e where e.referral_id = r.id
				                   and e.status in ('FIRST_CONTACT', 'ACCEPTED', 'DECLINED', 'CLOSED'))
				 order by r.created_on
				""")
			.param("org", actor.organisationId())
			.param("before", today().minusDays(days))
			.query(this::referral)
			.list()
			.stream()
			.map(this::withEvents)
			.toList();
	}

	private SharedSections.Shared readShared(Staff actor, ReferralView view, String what) {
		// the reader's trail and the owner's: their heads in one order (no deadlock)
		this.trail.lockChains(view.fromOrganisationId());
		ConsentView consent = (view.consent() != null) ? this.consents.find(view.consent()).orElse(null) : null;
		SharedSections.Shared read = (consent != null)
				? this.shared.read(view.id(), view.household(), consent.sections(), today()) : null;
		String code = this.organisations.byId(actor.organisationId()).map(OrganisationSummary::code).orElse("?");
		String detail = "referral " + view.id() + " (" + what + ")"
				+ ((read != null) ? "; sections " + consent.sections() : "; nothing shared");
		this.trail.recordWithDetail(AccessAction.VIEW_SHARED, referralSubject(view.id()), detail);
		if (read != null) {
			this.trail.recordSharedRead(view.fromOrganisationId(), view.household(), code, detail);
		}
		return read;
	}

	private ConsentState consentState(ReferralView view) {
		if (view.consent() == null) {
			return ConsentState.WITHDRAWN;
		}
		return this.consents.find(view.consent()).map(ConsentView::state).orElse(ConsentState.WITHDRAWN);
	}

	private static HouseholdDocument document(SharedSections.Summary summary) {
		List<HouseholdDocument.MemberEntry> members = new ArrayList<>();
		if (summary != null) {
			for (SharedSections.SharedMember m : summary.members()) {
				members.add(new HouseholdDocument.MemberEntry(m.ref(), MemberRole.valueOf(m.role()), m.mainContact(),
						m.givenName(), m.familyName(), m.birthDate(), null, null, null, null));
			}
		}
		if (members.isEmpty()) {
			members.add(new HouseholdDocument.MemberEntry("m1", MemberRole.PARENT, true, null, null, null, null, null,
					null, null));
		}
		HouseholdDocument.ContactEntry contact = (summary != null
				&& (summary.phone() != null || summary.email() != null))
						? new HouseholdDocument.ContactEntry(summary.phone(), summary.email(), null, null) : null;
		Composition composition = (summary != null && summary.composition() != null)
				? Composition.valueOf(summary.composition()) : null;
		return new HouseholdDocument(HouseholdDocument.FORMAT, null, null, null, null,
				(summary != null) ? summary.district() : null, composition, null,
				ReferralSource.PROFESSIONAL_ORGANISATION, List.of(), members, List.of(), contact, null, null);
	}

	private void insertEvent(UUID referralId, Staff actor, ReferralStatus status, LocalDate on, String note,
			String reason) {
		String name = null;
		if (!actor.isSystem()) {
			name = VangnetUser.current().displayName();
		}
		this.jdbc
			.sql("""
					insert into referral_event (id, referral_id, organisation_id, sequence, status, on_date, recorded_by,
					                            recorded_by_name, note, reason)
					values (:id, :referral, :org, (select coalesce(max(sequence), 0) + 1 from referral_event where referral_id = :referral),
					        :status, :on, :by, :name, :note, :reason)
					""")
			.param("id", UUID.randomUUID())
			.param("referral", referralId)
			.param("org", actor.organisationId())
			.param("status", status.name())
			.param("on", on)
			.param("by", actor.userId())
			.param("name", name)
			.param("note", note)
			.param("reason", reason)
			.update();
	}

	Optional<ReferralView> find(UUID id) {
		return this.jdbc.sql(SELECT + " where r.id = :id")
			.param("id", id)
			.query(this::referral)
			.optional()
			.map(this::withEvents);
	}

	private ReferralView withEvents(ReferralView view) {
		List<Event> events = this.jdbc.sql("""
				select e.*, o.code from referral_event e join organisation_directory o on o.id = e.organisation_id
				where e.referral_id = :id order by e.sequence
				""")
			.param("id", view.id())
			.query((rs, row) -> new Event(ReferralStatus.valueOf(rs.getString("status")),
					rs.getObject("on_date", LocalDate.class), rs.getObject("recorded_by", UUID.class),
					rs.getString("recorded_by_name"), rs.getString("code"), rs.getString("note"),
					rs.getString("reason")))
			.list();
		return view.withEvents(events);
	}

	static AccessSubject referralSubject(UUID id) {
		return new AccessSubject("REFERRAL", id);
	}

	/** The referrals a list showed (for an outgoing one its family). */
	static AccessSubject referralsSubject(List<UUID> shown) {
		return new AccessSubject("REFERRAL", null, shown);
	}

	private static final String SELECT = """
			select r.*, f.code as from_code, f.name as from_name, t.code as to_code, t.name as to_name,
			       p.name as partner_name, p.kind as partner_kind
			from referral r
			join organisation_directory f on f.id = r.from_organisation_id
			left join organisation_directory t on t.id = r.to_organisation_id
			left join partner p on p.id = r.to_partner_id
			""";

	private ReferralView referral(ResultSet rs, int row) throws SQLException {
		String toName = rs.getString("to_name");
		if (toName == null) {
			toName = rs.getString("partner_name");
		}
		return new ReferralView(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getObject("from_organisation_id", UUID.class), rs.getString("from_code"), rs.getString("from_name"),
				rs.getObject("to_organisation_id", UUID.class), rs.getString("to_code"),
				rs.getObject("to_partner_id", UUID.class), toName, rs.getString("partner_kind"),
				rs.getObject("consent_id", UUID.class), rs.getString("domain"),
				rs.getObject("help_question_id", UUID.class), rs.getObject("plan_action_id", UUID.class),
				rs.getString("reason"), rs.getObject("created_on", LocalDate.class),
				rs.getObject("receiver_household_id", UUID.class), List.of());
	}

	/**
	 * A referral as both sides know it; {@code household} is the referring
	 * organisation's, {@code receiverHousehold} the receiver's own registration once it
	 * accepted.
	 */
	record ReferralView(UUID id, UUID household, UUID fromOrganisationId, String fromCode, String fromName,
			UUID toOrganisationId, String toCode, UUID toPartner, String toName, String partnerKind, UUID consent,
			String domain, UUID helpQuestion, UUID planAction, String reason, LocalDate createdOn,
			UUID receiverHousehold, List<Event> events) {

		ReferralView withEvents(List<Event> list) {
			return new ReferralView(this.id, this.household, this.fromOrganisationId, this.fromCode, this.fromName,
					this.toOrganisationId, this.toCode, this.toPartner, this.toName, this.partnerKind, this.consent,
					this.domain, this.helpQuestion, this.planAction, this.reason, this.createdOn,
					this.receiverHousehold, list);
		}

		public List<ReferralStatus> history() {
			return this.events.stream().map(Event::status).toList();
		}

		public ReferralStatus status() {
			return this.events.isEmpty() ? ReferralStatus.SENT : this.events.get(this.events.size() - 1).status();
		}

		public boolean outgoing(UUID organisationId) {
			return this.fromOrganisationId.equals(organisationId);
		}

		public boolean inVangnet() {
			return this.toOrganisationId != null;
		}

		/** The date of the first status, if any. */
		public LocalDate on(ReferralStatus status) {
			return this.events.stream().filter((e) -> e.status() == status).map(Event::on).findFirst().orElse(null);
		}

		/**
		 * The contract's document of the referral; {@code shared} only for the receiver.
		 */
		Map<String, Object> document(boolean receiver, SharedSections.Shared shared, ConsentState consentState) {
			Map<String, Object> doc = new LinkedHashMap<>();
			doc.put("format", FORMAT);
			doc.put("id", this.id);
			doc.put("status", status());
			doc.put("events", this.events);
			doc.put("from", this.fromCode);
			doc.put("to", new Recipient(this.toCode, this.toPartner));
			doc.put("toName", this.toName);
			doc.put("domain", this.domain);
			doc.put("reason", this.reason);
			doc.put("consent", this.consent);
			doc.put("helpQuestion", this.helpQuestion);
			doc.put("planAction", this.planAction);
			doc.put("sentOn", this.createdOn);
			if (receiver) {
				doc.put("household", this.receiverHousehold);
				doc.put("consentState", consentState);
				doc.put("shared", shared);
				doc.put("regie", (shared != null) ? shared.regie() : null);
			}
			else {
				doc.put("referringHousehold", this.household);
				doc.put("consentState", consentState);
			}
			return doc;
		}

	}

	/**
	 * A status with its date, who recorded it ({@code by} their account, {@code byName},
	 * {@code byOrganisation} the code), a note, and a reason (required when declined).
	 */
	record Event(ReferralStatus status, LocalDate on, UUID by, String byName, String byOrganisation, String note,
			String reason) {
	}

	record Detail(ReferralView referral, boolean receiver, SharedSections.Shared shared, ConsentState consentState) {

		Map<String, Object> document() {
			return this.referral.document(this.receiver, this.shared, this.consentState);
		}

	}

	record NewReferral(String format, UUID consent, Recipient to, String domain, UUID helpQuestion, UUID planAction,
			String reason) {
	}

	record NewEvent(String status, LocalDate on, String note, String reason) {
	}

}
