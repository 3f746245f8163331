package nl.vangnet.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.access.AccessAction;
import nl.vangnet.access.AccessSubject;
import nl.vangnet.access.AccessTrail;
import nl.vangnet.household.Family;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.platform.NotFoundException;
import nl.vangnet.platform.UnprocessableException;
import nl.vangnet.platform.privacy.SubjectAccessContribution;
import nl.vangnet.platform.privacy.SubjectAccessQuery;
import nl.vangnet.platform.privacy.SubjectAccessSection;
import nl.vangnet.platform.staff.RecentAuthentication;
import nl.vangnet.platform.staff.Staff;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's right of access (AVG art. 15): a coordinator requests her report, reviews it
 * (a meldcode officer reviews each section that asks for one, such as her safety
 * records), and delivers it as JSON or PDF. The report is assembled from every module's
 * {@link SubjectAccessContribution} at each look, never stored; the request, each review
 * and each delivery are in the access trail, subject the person.
 */
@Service
@Transactional
public class SubjectAccess {

	private final List<SubjectAccessContribution> contributions;

	private final HouseholdApi households;

	private final OrganisationApi organisations;

	private final AccessTrail trail;

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final Clock clock;

	private final RecentAuthentication recentAuthentication;

	SubjectAccess(List<SubjectAccessContribution> contributions, HouseholdApi households, OrganisationApi organisations,
			AccessTrail trail, JdbcClient jdbc, MessageSource messages, Clock clock,
			RecentAuthentication recentAuthentication) {
		this.contributions = contributions;
		this.households = households;
		this.organisations = organisations;
		this.trail = trail;
		this.jdbc = jdbc;
		this.messages = messages;
		this.clock = clock;
		this.recentAuthentication = recentAuthentication;
	}

	/**
	 * Records her request; an open one (not yet delivered) is answered as it is.
	 * @return the request's id
	 */
	public UUID request(HouseholdId householdId, String ref) {
		Staff staff = requireCoordinator();
		Person person = person(householdId, ref);
		Optional<Request> open = latest(person).filter((r) -> r.deliveredAt() == null);
		if (open.isPresent()) {
			return open.get().id();
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into subject_access_request (id, organisation_id, household_id, member_id, requested_by)
				values (:id, :organisation, :household, :member, :by)""")
			.param("id", id)
			.param("organisation", staff.organisationId())
			.param("household", householdId.value())
			.param("member", person.member().id())
			.param("by", staff.userId())
			.update();
		this.trail.recordWithDetail(AccessAction.CREATE, AccessSubject.person(person.member().id()),
				PrivacyTrail.SUBJECT_ACCESS_REQUEST);
		return id;
	}

	/**
	 * Her report with the state of its review, for the coordinator (a view in the trail).
	 */
	public SubjectAccessReport draft(HouseholdId householdId, String ref, Locale locale) {
		requireCoordinator();
		Person person = person(householdId, ref);
		this.trail.recordWithDetail(AccessAction.VIEW, AccessSubject.person(person.member().id()),
				PrivacyTrail.SUBJECT_ACCESS_REVIEW);
		return report(person, latest(person).orElse(null), locale).report();
	}

	/**
	 * The coordinator has reviewed the report; with {@code sections}, the staff member (a
	 * meldcode officer) has also reviewed those sections that need more than a
	 * coordinator. Each section is reviewed only by whom its module allows.
	 * @throws UnprocessableException {@code request} when nothing was requested, or
	 * {@code sections} naming a section the staff member may not review
	 */
	public SubjectAccessReport review(HouseholdId householdId, String ref, boolean whole, Set<String> sections,
			Locale locale) {
		Staff staff = Staff.current().requireOrganisation("subject access");
		Person person = person(householdId, ref);
		Request request = latest(person).filter((r) -> r.deliveredAt() == null)
			.orElseThrow(() -> new UnprocessableException("request", "privacy.subjectAccess.notRequested"));
		Assembled assembled = report(person, request, locale);
		if (whole) {
			if (!staff.handlesPrivacyRequests()) {
				throw new AccessDeniedException("Only a coordinator reviews the report");
			}
			this.jdbc
				.sql("""
						update subject_access_request set reviewed_by = :by, reviewed_at = clock_timestamp(), version = version + 1
						where id = :id""")
				.param("by", staff.userId())
				.param("id", request.id())
				.update();
		}
		for (String key : sections) {
			Owned owned = assembled.sections()
				.stream()
				.filter((s) -> s.section().key().equals(key))
				.findFirst()
				.orElseThrow(() -> new UnprocessableException("sections", "privacy.subjectAccess.unknownSection", key));
			if (owned.section().reviewer() == SubjectAccessSection.Reviewer.COORDINATOR) {
				continue;
			}
			if (!owned.contribution().mayReview(owned.section(), staff)) {
				throw new UnprocessableException("sections", "privacy.subjectAccess.notYourReview",
						owned.section().title());
			}
			this.jdbc.sql("""
					insert into subject_access_section_review (request_id, organisation_id, section_key, reviewed_by)
					values (:request, :organisation, :key, :by)
					on conflict (request_id, section_key) do nothing""")
				.param("request", request.id())
				.param("organisation", staff.organisationId())
				.param("key", key)
				.param("by", staff.userId())
				.update();
		}
		if (!whole && sections.isEmpty()) {
			throw new UnprocessableException("sections", "privacy.subjectAccess.nothingReviewed");
		}
		this.trail.recordWithDetail(AccessAction.UPDATE, AccessSubject.person(person.member().id()),
				PrivacyTrail.SUBJECT_ACCESS_REVIEWED);
		return report(person, latest(person).orElseThrow(), locale).report();
	}

	/**
	 * Delivers her reviewed report: marks the request delivered and records the delivery
	 * (an export, subject the person) in the trail.
	 * @throws UnprocessableException {@code review} when the review is not complete
	 * @throws nl.vangnet.platform.staff.ReauthenticationRequiredException when the
	 * coordinator's last check is not recent: a delivery is an export of everything about
	 * her
	 */
	public SubjectAccessReport deliver(HouseholdId householdId, String ref, String format, Locale locale) {
		Staff staff = requireCoordinator();
		Person person = person(householdId, ref);
		this.recentAuthentication.require();
		Request request = latest(person)
			.orElseThrow(() -> new UnprocessableException("request", "privacy.subjectAccess.notRequested"));
		SubjectAccessReport report = report(person, request, locale).report();
		if (!report.reviewed()) {
			throw new UnprocessableException("review", "privacy.subjectAccess.reviewPending");
		}
		this.jdbc
			.sql("""
					update subject_access_request set delivered_by = :by, delivered_at = clock_timestamp(), version = version + 1
					where id = :id""")
			.param("by", staff.userId())
			.param("id", request.id())
			.update();
		this.trail.recordWithDetail(AccessAction.EXPORT, AccessSubject.person(person.member().id()),
				PrivacyTrail.SUBJECT_ACCESS_DELIVERY + format);
		return report(person, latest(person).orElseThrow(), locale).report();
	}

	/**
	 * The requests of the household's members, newest first, for the coordinator's page.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> statusOfMembers(HouseholdId householdId) {
		requireCoordinator();
		Family family = this.households.family(householdId);
		Map<UUID, String> status = new java.util.HashMap<>();
		for (Family.FamilyMember member : family.members()) {
			Person person = new Person(family, member);
			status
				.put(member.id(),
						latest(person)
							.map((r) -> (r.deliveredAt() != null) ? "DELIVERED"
									: (r.reviewedAt() != null) ? "REVIEW_STARTED" : "REQUESTED")
							.orElse("NOT_REQUESTED"));
		}
		return status;
	}

	private Staff requireCoordinator() {
		Staff staff = Staff.current().requireOrganisation("subject access");
		if (!staff.handlesPrivacyRequests()) {
			throw new AccessDeniedException("Only a coordinator handles subject-access requests");
		}
		return staff;
	}

	private Person person(HouseholdId householdId, String ref) {
		Family family = this.households.family(householdId);
		Family.FamilyMember member = family.members()
			.stream()
			.filter((m) -> m.ref().equals(ref))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("member"));
		return new Person(family, member);
	}

	private Optional<Request> latest(Person person) {
		return this.jdbc.sql("""
				select id, requested_at, reviewed_at, delivered_at from subject_access_request
				where organisation_id = :organisation and member_id = :member
				order by requested_at desc limit 1""")
			.param("organisation", person.family().organisationId())
			.param("member", person.member().id())
			.query((rs, n) -> new Request(rs.getObject("id", UUID.class), instant(rs.getTimestamp("requested_at")),
					instant(rs.getTimestamp("reviewed_at")), instant(rs.getTimestamp("delivered_at"))))
			.optional();
	}

	private Assembled report(Person person, Request request, Locale locale) {
		Set<String> own = new HashSet<>();
		if (person.member().name() != null) {
			for (String word : person.member().name().split("\\s+")) {
				own.add(word);
			}
		}
		SubjectAccessQuery query = new SubjectAccessQuery(person.family().organisationId(), person.family().id(),
				person.member().id(), "PARENT".equals(person.member().role()), own, Set.of(), locale,
				this.messages.getMessage("privacy.report.redacted", null, "[…]", locale), this.clock.getZone());
		Set<String> thirdParties = new LinkedHashSet<>();
		for (SubjectAccessContribution contribution : this.contributions) {
			thirdParties.addAll(contribution.thirdPartyNames(query));
		}
		if (person.member().name() != null) {
			thirdParties.remove(person.member().name());
		}
		SubjectAccessQuery redacting = query.withThirdParties(thirdParties);
		List<Owned> owned = new ArrayList<>();
		for (SubjectAccessContribution contribution : this.contributions) {
			for (SubjectAccessSection section : contribution.sections(redacting)) {
				owned.add(new Owned(contribution, section));
			}
		}
		Set<String> reviewedSections = (request == null) ? Set.of()
				: new HashSet<>(this.jdbc
					.sql("select section_key from subject_access_section_review where request_id = :request")
					.param("request", request.id())
					.query(String.class)
					.list());
		boolean wholeReviewed = request != null && request.reviewedAt() != null;
		List<SubjectAccessReport.Section> sections = new ArrayList<>();
		boolean allReviewed = wholeReviewed;
		for (Owned o : owned) {
			SubjectAccessSection s = o.section();
			boolean reviewed = (s.reviewer() == SubjectAccessSection.Reviewer.COORDINATOR) ? wholeReviewed
					: reviewedSections.contains(s.key());
			allReviewed &= reviewed;
			sections.add(new SubjectAccessReport.Section(s.key(), s.title(), s.reviewer(), reviewed, s.entries()));
		}
		String status = (request == null) ? "NOT_REQUESTED"
				: (request.deliveredAt() != null) ? "DELIVERED" : allReviewed ? "REVIEWED" : "REQUESTED";
		String organisation = this.organisations.byId(person.family().organisationId())
			.map((o) -> o.name())
			.orElse(null);
		return new Assembled(new SubjectAccessReport(SubjectAccessReport.FORMAT,
				(request != null) ? request.id() : null, status, person.member().name(), person.member().ref(),
				person.family().id(), person.member().id(), organisation, this.clock.instant(),
				(request != null) ? request.requestedAt() : null, (request != null) ? request.reviewedAt() : null,
				(request != null) ? request.deliveredAt() : null, sections), owned);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	record Person(Family family, Family.FamilyMember member) {
	}

	record Request(UUID id, Instant requestedAt, Instant reviewedAt, Instant deliveredAt) {
	}

	record Owned(SubjectAccessContribution contribution, SubjectAccessSection section) {
	}

	record Assembled(SubjectAccessReport report, List<Owned> sections) {
	}

}
