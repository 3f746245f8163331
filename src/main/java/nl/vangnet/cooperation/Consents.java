package nl.vangnet.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.household.Family;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationSummary;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.staff.Staff;
import nl.vangnet.platform.UnprocessableException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent as data: per client (the mother; for a child under 16 the parent with authority
 * on her behalf) what of the dossier may be shared with whom, for what purpose, from when
 * until when, how it was given and who recorded it, and its withdrawal. A consent is
 * never changed, only withdrawn; expiry or withdrawal ends every share resting on it at
 * once (the database's policies read the consent itself).
 */
@Service
@Transactional
class Consents {

	static final int ADULT_CONSENT_AGE = 16;

	private final JdbcClient jdbc;

	private final HouseholdApi households;

	private final OrganisationApi organisations;

	private final Partners partners;

	private final AccessTrail trail;

	private final Clock clock;

	Consents(JdbcClient jdbc, HouseholdApi households, OrganisationApi organisations, Partners partners,
			AccessTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.households = households;
		this.organisations = organisations;
		this.partners = partners;
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * Records a consent for a member of the household; nothing is stored when any rule is
	 * not met (every broken rule is reported, naming its field).
	 */
	ConsentView record(UUID householdId, NewConsent command) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		Family family = this.households.family(new HouseholdId(householdId));
		LocalDate today = LocalDate.now(this.clock);
		List<DomainException> errors = new ArrayList<>();
		Family.FamilyMember member = null;
		Family.FamilyMember onBehalfOf = null;
		if (Partners.clean(command.member()) == null) {
			errors.add(new DomainException("member", "consent.member.required"));
		}
		else {
			member = member(family, command.member());
			if (member == null) {
				errors.add(new DomainException("member", "consent.member.unknown", command.member()));
			}
		}
		if (Partners.clean(command.onBehalfOf()) != null) {
			onBehalfOf = member(family, command.onBehalfOf());
			if (onBehalfOf == null) {
				errors.add(new DomainException("onBehalfOf", "consent.member.unknown", command.onBehalfOf()));
			}
			else if (!"PARENT".equals(onBehalfOf.role())) {
				errors.add(new DomainException("onBehalfOf", "consent.onBehalfOf.notParent"));
			}
		}
		LocalDate givenOn = command.givenOn();
		if (member != null) {
			if ("CHILD".equals(member.role())) {
				boolean sixteen = member.birthDate() != null && givenOn != null
						&& Period.between(member.birthDate(), givenOn).getYears() >= ADULT_CONSENT_AGE;
				if (onBehalfOf == null && Partners.clean(command.onBehalfOf()) == null && !sixteen) {
					errors.add(new DomainException("onBehalfOf", "consent.onBehalfOf.required", ADULT_CONSENT_AGE));
				}
			}
			else if (Partners.clean(command.onBehalfOf()) != null) {
				errors.add(new DomainException("onBehalfOf", "consent.onBehalfOf.onlyForChild"));
			}
		}
		Resolved recipient = resolve(command.recipient(), "recipient", actor, errors);
		List<ConsentSection> sections = new ArrayList<>();
		if (command.sections() == null || command.sections().isEmpty()) {
			errors.add(new DomainException("sections", "consent.sections.required"));
		}
		else {
			for (int i = 0; i < command.sections().size(); i++) {
				String code = command.sections().get(i);
				try {
					ConsentSection section = ConsentSection.valueOf((code != null) ? code.strip() : "");
					if (!sections.contains(section)) {
						sections.add(section);
					}
				}
				catch (IllegalArgumentException ex) {
					errors.add(new DomainException("sections[" + i + "]", "consent.section.invalid", code));
				}
			}
		}
		List<String> domains = PartnerInput.clean(command.domains());
		Set<String> codes = this.partners.monitorCodes();
		for (int i = 0; i < domains.size(); i++) {
			if (!codes.contains(domains.get(i))) {
				errors.add(new DomainException("domains[" + i + "]", "partner.domain.invalid", domains.get(i)));
			}
		}
		String purpose = Partners.clean(command.purpose());
		if (purpose == null) {
			errors.add(new DomainException("purpose", "consent.purpose.required"));
		}
		else if (purpose.length() > 500) {
			errors.add(new DomainException("purpose", "partner.tooLong", 500));
		}
		String form = Partners.clean(command.form());
		if (form == null) {
			errors.add(new DomainException("form", "consent.form.required"));
		}
		else if (!form.equals("WRITTEN") && !form.equals("VERBAL")) {
			errors.add(new DomainException("form", "consent.form.invalid"));
		}
		if (givenOn == null) {
			errors.add(new DomainException("givenOn", "consent.givenOn.required"));
		}
		else if (givenOn.isAfter(today)) {
			errors.add(new DomainException("givenOn", "consent.givenOn.future"));
		}
		LocalDate validUntil = command.validUntil();
		if (validUntil == null) {
			errors.add(new DomainException("validUntil", "consent.validUntil.required"));
		}
		else if (givenOn != null && validUntil.isBefore(givenOn)) {
			errors.add(new DomainException("validUntil", "consent.validUntil.beforeGiven"));
		}
		DomainErrors.throwIfAny(errors);
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into consent (id, household_id, organisation_id, member_id, on_behalf_of, recipient_organisation_id,
					                     recipient_partner_id, sections, domains, purpose, form, given_on, valid_until, recorded_by)
					values (:id, :household, :organisation, :member, :onBehalfOf, :recipientOrganisation, :recipientPartner,
					        :sections, :domains, :purpose, :form, :givenOn, :validUntil, :recordedBy)
					""")
			.param("id", id)
			.param("household", householdId)
			.param("organisation", actor.organisationId())
			.param("member", member.id())
			.param("onBehalfOf", (onBehalfOf != null) ? onBehalfOf.id() : null)
			.param("recipientOrganisation", recipient.organisationId())
			.param("recipientPartner", recipient.partnerId())
			.param("sections", sections.stream().map(Enum::name).toArray(String[]::new))
			.param("domains", domains.toArray(String[]::new))
			.param("purpose", purpose)
			.param("form", form)
			.param("givenOn", givenOn)
			.param("validUntil", validUntil)
			.param("recordedBy", actor.userId())
			.update();
		this.trail.record(AccessAction.CREATE, AccessSubject.household(householdId));
		return find(id).orElseThrow();
	}

	/** The household's consents, newest first; a view in the access trail. */
	@Transactional
	List<ConsentView> ofHousehold(UUID householdId) {
		Staff.current().requireOrganisation("household").requireCaseWork();
		this.households.family(new HouseholdId(householdId));
		this.trail.record(AccessAction.VIEW, AccessSubject.household(householdId));
		return this.jdbc.sql(SELECT + " where c.household_id = :h order by c.given_on desc, c.recorded_at desc")
			.param("h", householdId)
			.query(this::view)
			.list();
	}

	/**
	 * One of the organisation's consents for its printable form, which shows the family:
	 * a view in the access trail, or an export when it leaves as a PDF.
	 */
	ConsentView forPrinting(UUID id, boolean export) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		ConsentView consent = find(id).filter((c) -> owned(c, actor))
			.orElseThrow(() -> new NotFoundException("consent"));
		this.trail.record(export ? AccessAction.EXPORT : AccessAction.VIEW,
				AccessSubject.household(consent.household()));
		return consent;
	}

	/** The consent as the owning organisation or its recipient sees it. */
	@Transactional(readOnly = true)
	Optional<ConsentView> find(UUID id) {
		return this.jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(this::view).optional();
	}

	/**
	 * Withdraws the consent from the day given; every share resting on it ends that day.
	 */
	ConsentView withdraw(UUID id, Withdrawal command) {
		Staff actor = Staff.current().requireOrganisation("household").requireCaseWork();
		ConsentView consent = find(id).filter((c) -> owned(c, actor))
			.orElseThrow(() -> new NotFoundException("consent"));
		this.households.family(new HouseholdId(consent.household()));
		LocalDate today = LocalDate.now(this.clock);
		List<DomainException> errors = new ArrayList<>();
		LocalDate on = (command != null && command.on() != null) ? command.on() : today;
		if (on.isAfter(today)) {
			errors.add(new DomainException("on", "consent.withdrawal.future"));
		}
		else if (on.isBefore(consent.givenOn())) {
			errors.add(new DomainException("on", "consent.withdrawal.beforeGiven"));
		}
		String reason = (command != null) ? Partners.clean(command.reason()) : null;
		if (reason != null && reason.length() > 500) {
			errors.add(new DomainException("reason", "partner.tooLong", 500));
		}
		DomainErrors.throwIfAny(errors);
		if (consent.withdrawnOn() != null) {
			throw new UnprocessableException("on", "consent.withdrawal.already");
		}
		this.jdbc.sql("""
				update consent set withdrawn_on = :on, withdrawal_reason = :reason, withdrawal_recorded_by = :by,
				       version = version + 1
				where id = :id and withdrawn_on is null
				""").param("on", on).param("reason", reason).param("by", actor.userId()).param("id", id).update();
		this.trail.record(AccessAction.UPDATE, AccessSubject.household(consent.household()));
		return find(id).orElseThrow();
	}

	private boolean owned(ConsentView consent, Staff actor) {
		return this.jdbc.sql("select organisation_id from consent where id = :id")
			.param("id", consent.id())
			.query(UUID.class)
			.optional()
			.map(actor.organisationId()::equals)
			.orElse(false);
	}

	/**
	 * The recipient as given: a Vangnet organisation (not one's own) by code, or a
	 * partner of the region's map by id; a partner that is a Vangnet organisation names
	 * both.
	 */
	Resolved resolve(Recipient recipient, String field, Staff actor, List<DomainException> errors) {
		if (recipient == null || recipient.empty()) {
			errors.add(new DomainException(field, "consent.recipient.required"));
			return new Resolved(null, null, null);
		}
		if (recipient.partner() != null) {
			Optional<Partner> partner = this.partners.find(recipient.partner());
			if (partner.isEmpty()) {
				errors.add(new DomainException(field + ".partner", "consent.recipient.unknownPartner"));
				return new Resolved(null, null, null);
			}
			UUID organisation = null;
			if (partner.get().organisation() != null) {
				organisation = this.organisations.byCode(partner.get().organisation())
					.map(OrganisationSummary::id)
					.orElse(null);
				if (actor.organisationId().equals(organisation)) {
					errors.add(new DomainException(field, "consent.recipient.own"));
				}
			}
			return new Resolved(organisation, partner.get().id(), partner.get().name());
		}
		Optional<OrganisationSummary> organisation = this.organisations.byCode(recipient.organisation());
		if (organisation.isEmpty()) {
			errors.add(new DomainException(field + ".organisation", "organisation.unknown", recipient.organisation()));
			return new Resolved(null, null, null);
		}
		if (organisation.get().id().equals(actor.organisationId())) {
			errors.add(new DomainException(field, "consent.recipient.own"));
		}
		return new Resolved(organisation.get().id(), null, organisation.get().name());
	}

	private static Family.FamilyMember member(Family family, String ref) {
		return family.members().stream().filter((m) -> m.ref().equals(ref.strip())).findFirst().orElse(null);
	}

	private static final String SELECT = """
			select c.*, m.ref as member_ref, m.given_name as member_given, m.family_name as member_family,
			       b.ref as behalf_ref, b.given_name as behalf_given, b.family_name as behalf_family,
			       o.code as recipient_code, o.name as recipient_org_name, p.name as recipient_partner_name
			from consent c
			left join household_member_ref m on m.member_id = c.member_id
			left join household_member_ref b on b.member_id = c.on_behalf_of
			left join organisation_directory o on o.id = c.recipient_organisation_id
			left join partner p on p.id = c.recipient_partner_id
			""";

	private ConsentView view(ResultSet rs, int row) throws SQLException {
		LocalDate givenOn = rs.getObject("given_on", LocalDate.class);
		LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
		LocalDate withdrawnOn = rs.getObject("withdrawn_on", LocalDate.class);
		UUID partner = rs.getObject("recipient_partner_id", UUID.class);
		String code = rs.getString("recipient_code");
		String recipientName = (partner != null) ? rs.getString("recipient_partner_name")
				: rs.getString("recipient_org_name");
		return new ConsentView(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getString("member_ref"), rs.getString("behalf_ref"), new Recipient(code, partner),
				Partners.strings(rs, "sections").stream().map(ConsentSection::valueOf).toList(),
				Partners.strings(rs, "domains"), rs.getString("purpose"), rs.getString("form"), givenOn, validUntil,
				rs.getObject("recorded_by", UUID.class), withdrawnOn, rs.getString("withdrawal_reason"),
				ConsentState.on(LocalDate.now(this.clock), givenOn, validUntil, withdrawnOn),
				name(rs.getString("member_given"), rs.getString("member_family")),
				name(rs.getString("behalf_given"), rs.getString("behalf_family")), recipientName, rs.getInt("version"));
	}

	static String name(String given, String family) {
		String joined = ((given != null) ? given : "") + " " + ((family != null) ? family : "");
		return joined.isBlank() ? null : joined.strip();
	}

	/** A recipient resolved to ids (either may be null) and its name. */
	record Resolved(UUID organisationId, UUID partnerId, String name) {
	}

	/**
	 * A consent as the API and the form send it.
	 */
	record NewConsent(String member, String onBehalfOf, Recipient recipient, List<String> sections,
			List<String> domains, String purpose, String form, LocalDate givenOn, LocalDate validUntil) {
	}

	record Withdrawal(LocalDate on, String reason) {
	}

}
