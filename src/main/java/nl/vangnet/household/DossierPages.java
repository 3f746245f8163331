package nl.vangnet.household;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the dossier page shows, read in one transaction: the household as its reader may
 * see it (one view in the access trail), the history of its contact persons, its deputies
 * and the aftercare the organisation proposes at an ending. One transaction instead of
 * one per part: a page costs what it shows.
 */
@Service
class DossierPages {

	private final HouseholdManagement management;

	private final ContactPersonHistory contactPersons;

	private final Deputies deputies;

	DossierPages(HouseholdManagement management, ContactPersonHistory contactPersons, Deputies deputies) {
		this.management = management;
		this.contactPersons = contactPersons;
		this.deputies = deputies;
	}

	/**
	 * @throws nl.vangnet.platform.NotFoundException when the household does not exist for
	 * the reader
	 */
	@Transactional
	Page page(UUID id, Locale locale) {
		DossierView household = this.management.dossier(id, locale);
		return new Page(household, this.contactPersons.forDossier(id), this.deputies.forDossier(id),
				this.management.aftercareProposal());
	}

	/** The dossier's parts; {@code aftercare} may be {@code null}. */
	record Page(DossierView household, List<ContactPersonHistory.Entry> contactPersons,
			Map<UUID, List<Deputies.Deputy>> deputies, TrajectoryEndings.Proposal aftercare) {
	}

}
