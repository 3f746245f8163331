package nl.vangnet.contact;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.vangnet.household.StoredHousehold;
import nl.vangnet.household.TrajectoryEndings;
import nl.vangnet.platform.DomainErrors;
import nl.vangnet.platform.DomainException;
import nl.vangnet.platform.staff.Staff;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aftercare by default (issue 15, item 2): when an intensive trajectory ends, the
 * pilot-light rhythm (every three months) starts on the day of departure, planned for the
 * organisation's aftercare period; the worker may choose another rhythm or period, or
 * decline it with a reason, which is recorded. Through the API or an import the
 * organisation's default applies unless the trajectory gives {@code aftercareDeclined}.
 * The family stays on the worklist until the rhythm is ended on purpose, also after the
 * planned period. A trajectory that ended longer ago than the period (an import of old
 * history) gets no rhythm: its aftercare period is over.
 */
@Service
@Transactional
class Aftercare implements TrajectoryEndings {

	static final int DEFAULT_MONTHS = 12;

	static final int MAX_MONTHS = 60;

	static final Rhythm DEFAULT_RHYTHM = Rhythm.EVERY_THREE_MONTHS;

	private static final int REASON_MAX = 500;

	private final JdbcClient jdbc;

	private final FollowUpRhythms rhythms;

	private final Clock clock;

	Aftercare(JdbcClient jdbc, FollowUpRhythms rhythms, Clock clock) {
		this.jdbc = jdbc;
		this.rhythms = rhythms;
		this.clock = clock;
	}

	@Override
	public void ended(StoredHousehold household, Ended ended) {
		if (!ended.intensive()) {
			return;
		}
		TrajectoryEndings.Aftercare choice = (ended.aftercare() != null) ? ended.aftercare()
				: TrajectoryEndings.Aftercare.DEFAULT;
		String prefix = ended.fieldPrefix();
		if (choice.decline()) {
			String reason = choice.declinedReason();
			if (reason == null) {
				throw new DomainException(prefix + "aftercareDeclined", "contact.aftercare.declined.reasonRequired");
			}
			if (reason.length() > REASON_MAX) {
				throw new DomainException(prefix + "aftercareDeclined", "contact.aftercare.declined.tooLong",
						REASON_MAX);
			}
			this.rhythms.declineAftercare(household.organisationId(), household.id(), ended.trajectoryId(), ended.on(),
					reason);
			return;
		}
		List<DomainException> errors = new ArrayList<>();
		Rhythm rhythm = DEFAULT_RHYTHM;
		if (choice.rhythm() != null) {
			try {
				rhythm = Rhythm.valueOf(choice.rhythm());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new DomainException(prefix + "aftercareRhythm", "contact.aftercare.rhythm.unknown"));
			}
		}
		int months = (choice.months() != null) ? choice.months() : monthsOf(household.organisationId());
		if (months < 1 || months > MAX_MONTHS) {
			errors.add(new DomainException(prefix + "aftercareMonths", "contact.aftercare.months.range", MAX_MONTHS));
		}
		DomainErrors.throwIfAny(errors);
		LocalDate until = ended.on().plusMonths(months);
		if (until.isBefore(LocalDate.now(this.clock))) {
			return;
		}
		this.rhythms.startAftercare(household.organisationId(), household.id(), ended.trajectoryId(), rhythm,
				ended.on(), until);
	}

	/**
	 * What the end form proposes: the pilot-light rhythm for the organisation's period.
	 */
	@Override
	public Proposal proposal(UUID organisationId) {
		return new Proposal(DEFAULT_RHYTHM.name(), java.util.Arrays.stream(Rhythm.values()).map(Enum::name).toList(),
				monthsOf(organisationId));
	}

	/** The organisation's aftercare period in months (12 unless set). */
	int monthsOf(UUID organisationId) {
		return this.jdbc.sql("select months from aftercare_policy where organisation_id = :o")
			.param("o", organisationId)
			.query(Integer.class)
			.optional()
			.orElse(DEFAULT_MONTHS);
	}

	/** The signed-in coordinator's organisation's setting. */
	Setting setting() {
		Staff actor = coordinator();
		return new Setting(DEFAULT_RHYTHM, monthsOf(actor.organisationId()));
	}

	/** A coordinator sets the organisation's aftercare period. */
	Setting set(Integer months) {
		Staff actor = coordinator();
		if (months == null) {
			throw new DomainException("months", "contact.aftercare.months.required");
		}
		if (months < 1 || months > MAX_MONTHS) {
			throw new DomainException("months", "contact.aftercare.months.range", MAX_MONTHS);
		}
		this.jdbc.sql("""
				insert into aftercare_policy (organisation_id, months) values (:o, :months)
				on conflict (organisation_id) do update set months = excluded.months,
				  version = aftercare_policy.version + 1
				""").param("o", actor.organisationId()).param("months", months).update();
		return setting();
	}

	private static Staff coordinator() {
		Staff actor = Staff.current().requireOrganisation("organisation");
		if (!actor.leadsTeam() || actor.isSystem()) {
			throw new AccessDeniedException("Only coordinators");
		}
		return actor;
	}

	/** The organisation's aftercare: the rhythm and its period in months. */
	record Setting(Rhythm rhythm, int months) {
	}

}
