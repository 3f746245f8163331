package nl.vangnet.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.account.AccountApi;
import nl.vangnet.account.NewAccount;
import nl.vangnet.account.Role;
import nl.vangnet.household.AgeGroup;
import nl.vangnet.household.Composition;
import nl.vangnet.household.ContactReason;
import nl.vangnet.household.DayActivity;
import nl.vangnet.household.Debts;
import nl.vangnet.household.DutchLanguage;
import nl.vangnet.household.Education;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdDocument;
import nl.vangnet.household.MemberRole;
import nl.vangnet.household.ReferralSource;
import nl.vangnet.household.TrajectoryKind;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.VangnetProperties;
import nl.vangnet.platform.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo when Vangnet starts with {@code --demo} or {@code VANGNET_DEMO=true};
 * does nothing when the demo is already there.
 * <p>
 * Not one transaction: households are client data under row-level security, so each is
 * registered in a transaction of its own organisation, after the organisations and
 * accounts it refers to are stored.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	static final String SHELTER = "VOH";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final OrganisationApi organisations;

	private final AccountApi accounts;

	private final HouseholdApi households;

	private final VangnetProperties properties;

	private final String password;

	DemoData(OrganisationApi organisations, AccountApi accounts, HouseholdApi households, VangnetProperties properties,
			@Value("${vangnet.demo-password}") String password) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.households = households;
		this.properties = properties;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!(args.containsOption("demo") || this.properties.demo())) {
			return;
		}
		if (this.organisations.byCode(SHELTER).isPresent()) {
			log.info("The demo is already loaded");
			return;
		}
		UUID shelter = this.organisations.register(SHELTER, "Vrouwen- en gezinsopvang De Haven",
				OrganisationKind.SHELTER, List.of("Centrum", "Noord"), true);
		this.organisations.openLocation(SHELTER, "Opvanghuis De Haven", "Noord", "Havenkade 12, 3011 AB Zuidstad",
				true);
		this.organisations.openLocation(SHELTER, "Inloop De Haven", "Centrum", "Marktplein 3, 3012 CD Zuidstad", false);
		UUID shelterTeam = this.organisations.formTeam(SHELTER, "Team Opvang");
		UUID ambulantTeam = this.organisations.formTeam(SHELTER, "Team Ambulant");

		UUID samenSterk = this.organisations.register("SST", "Buurtorganisatie Samen Sterk", OrganisationKind.INFORMAL,
				List.of("Oude Noorden", "Bergpolder"), true);
		this.organisations.openLocation("SST", "Buurthuis De Rozenhof", "Oude Noorden",
				"Rozenstraat 41, 3033 EF Zuidstad", false);
		UUID buddies = this.organisations.formTeam("SST", "Maatjes en inloop");

		UUID wijkteamOost = this.organisations.register("WTO", "Wijkteam Oost", OrganisationKind.MUNICIPAL_TEAM,
				List.of("Kralingen", "Crooswijk"), false);
		UUID wijkteam = this.organisations.formTeam("WTO", "Wijkteam Kralingen");

		account("beheer@demo.vangnet.example", "Henk Beheer", null, Role.ADMINISTRATOR, null);
		account("marieke@dehaven.example", "Marieke de Vries", SHELTER, Role.COORDINATOR, shelterTeam);
		UUID fatima = account("fatima@dehaven.example", "Fatima Yilmaz", SHELTER, Role.PROFESSIONAL, shelterTeam);
		UUID joost = account("joost@dehaven.example", "Joost Bakker", SHELTER, Role.PROFESSIONAL, ambulantTeam);
		UUID anneke = account("anneke@dehaven.example", "Anneke Visser", SHELTER, Role.VOLUNTEER, ambulantTeam);
		account("ruud@samensterk.example", "Ruud Jansen", "SST", Role.COORDINATOR, buddies);
		UUID samira = account("samira@samensterk.example", "Samira Boukhari", "SST", Role.PROFESSIONAL, buddies);
		UUID kees = account("kees@samensterk.example", "Kees van Dijk", "SST", Role.VOLUNTEER, buddies);
		account("ingrid@wijkteamoost.example", "Ingrid Smit", "WTO", Role.COORDINATOR, wijkteam);
		UUID mohamed = account("mohamed@wijkteamoost.example", "Mohamed El Idrissi", "WTO", Role.PROFESSIONAL,
				wijkteam);
		account("lotte@wijkteamoost.example", "Lotte Meijer", "WTO", Role.RESEARCHER, null);

		LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
		inOrganisation(shelter, () -> {
			this.households.choosePhaseModel("SHELTER");
			this.households.register(new Family(today, Composition.ONE_PARENT, Debts.YES,
					ReferralSource.PROFESSIONAL_ORGANISATION, List.of(ContactReason.HOUSING, ContactReason.SOCIAL))
				.district("Noord")
				.mother("Samira", "El Amrani", LocalDate.of(1989, 4, 2), Education.BELOW_START_QUALIFICATION,
						DutchLanguage.HAMPERS_CONVERSATION, List.of(DayActivity.CARE_FOR_CHILDREN))
				.child("Yara", "El Amrani", LocalDate.of(2016, 9, 12), null)
				.child("Adam", "El Amrani", null, AgeGroup.TODDLER)
				.contact("06 1234 5678", null, "Havenkade 12, 3011 AB Zuidstad", true)
				.trajectory(TrajectoryKind.INTENSIVE, 95, "SHELTER", fatima, List.of(anneke), null,
						phase("SHELTER.INTAKE", 95), phase("SHELTER.ANALYSIS", 70), phase("SHELTER.PLANNING", 21))
				.document("VOH-2024-017"));
			this.households.register(new Family(today, Composition.ONE_PARENT, Debts.UNKNOWN,
					ReferralSource.OWN_NETWORK, List.of(ContactReason.FINANCES))
				.district("Centrum")
				.mother("Priya", "Ramdin", LocalDate.of(1984, 11, 23), Education.START_QUALIFICATION,
						DutchLanguage.GOOD_OR_SUFFICIENT, List.of(DayActivity.WORK))
				.child("Dev", "Ramdin", LocalDate.of(2011, 2, 8), null)
				.child("Maya", "Ramdin", LocalDate.of(2014, 7, 30), null)
				.contact("06 2345 6789", "priya.ramdin@example.org", "Marktplein 18b, 3012 CD Zuidstad", false)
				.trajectory(TrajectoryKind.AFTERCARE, 40, "SHELTER", joost, List.of(), null,
						phase("SHELTER.EXECUTION", 40), phase("SHELTER.EVALUATION", 6))
				.document("VOH-2023-102"));
		});
		inOrganisation(samenSterk, () -> {
			this.households.register(
					new Family(today, Composition.ONE_PARENT, Debts.YES, ReferralSource.ORGANISATION_ACTIVITY_CHILDREN,
							List.of(ContactReason.FINANCES, ContactReason.PARTICIPATION))
						.district("Oude Noorden")
						.mother("Anna", "de Groot", LocalDate.of(1985, 1, 14), Education.BELOW_START_QUALIFICATION,
								DutchLanguage.GOOD_OR_SUFFICIENT,
								List.of(DayActivity.CARE_FOR_CHILDREN, DayActivity.VOLUNTEER_WORK))
						.child("Lucas", "de Groot", LocalDate.of(2012, 3, 3), null)
						.child("Emma", "de Groot", LocalDate.of(2015, 10, 21), null)
						.child("Noah", "de Groot", LocalDate.of(2020, 6, 9), null)
						.contact("06 3456 7890", null, "Zaagmolenkade 7, 3035 KA Zuidstad", false)
						.trajectory(TrajectoryKind.INTENSIVE, 420, "FLEXIBLE", samira, List.of(kees), null,
								phase("FLEXIBLE.GETTING_IN_TOUCH", 420), phase("FLEXIBLE.ACQUAINTANCE", 390),
								phase("FLEXIBLE.ACTIVITIES", 300), phase("FLEXIBLE.STABILISING", 120))
						.document("SST-0007"));
			this.households.register(new Family(today, Composition.TWO_PARENT, Debts.NO,
					ReferralSource.SOCIETAL_ORGANISATION, List.of(ContactReason.FINANCES))
				.district("Bergpolder")
				.mother("Fatma", "Yıldız", LocalDate.of(1990, 8, 5), null, DutchLanguage.HAMPERS_CONVERSATION,
						List.of())
				.parent("Mehmet", "Yıldız", LocalDate.of(1987, 12, 1))
				.child("Elif", "Yıldız", LocalDate.of(2017, 5, 17), null)
				.trajectory(TrajectoryKind.SHORT, 200, "FLEXIBLE", samira, List.of(),
						"Aanvraag bij het fonds toegekend", phase("FLEXIBLE.GETTING_IN_TOUCH", 200),
						phase("FLEXIBLE.CLOSING", 180))
				.document("SST-0011"));
			this.households.register(new Family(today, null, null, null, List.of()).district("Oude Noorden")
				.mother("Jessica", "Pinas", null, null, null, List.of())
				.child(null, null, null, AgeGroup.TODDLER)
				.contact("06 4567 8901", null, null, false)
				.trajectory(TrajectoryKind.OUTREACH, 12, "FLEXIBLE", samira, List.of(kees), null,
						phase("FLEXIBLE.GETTING_IN_TOUCH", 12))
				.document(null));
		});
		inOrganisation(wijkteamOost, () -> {
			this.households.choosePhaseModel("EIGHT_PHASES");
			this.households.register(new Family(today, Composition.ONE_PARENT, Debts.YES,
					ReferralSource.PROFESSIONAL_ORGANISATION, List.of(ContactReason.FINANCES, ContactReason.HOUSING))
				.district("Crooswijk")
				.mother("Marloes", "Verbeek", LocalDate.of(1992, 9, 28), Education.START_QUALIFICATION,
						DutchLanguage.GOOD_OR_SUFFICIENT, List.of(DayActivity.EDUCATION))
				.child("Sem", "Verbeek", LocalDate.of(2013, 4, 11), null)
				.contact("06 5678 9012", "m.verbeek@example.org", "Geheim adres bij familie, Kralingse Veer", true)
				.trajectory(TrajectoryKind.INTENSIVE, 60, "EIGHT_PHASES", mohamed, List.of(), null,
						phase("EIGHT_PHASES.REGISTRATION", 60), phase("EIGHT_PHASES.INTAKE", 52),
						phase("EIGHT_PHASES.START_UP", 30))
				.document("WTO-31"));
		});
		log.info("Demo loaded: 3 organisations, 11 accounts and 6 households (see README for the sign-in details)");
	}

	private UUID account(String email, String name, String organisation, Role role, UUID team) {
		return this.accounts.open(new NewAccount(email, name, organisation, role, this.password, team));
	}

	/**
	 * Registers the organisation's households without a signed-in user.
	 */
	private static void inOrganisation(UUID organisationId, Runnable work) {
		TenantScope.runAs(TenantScope.Scope.system(Set.of(organisationId)), work);
	}

	private static Phase phase(String code, int daysAgo) {
		return new Phase(code, daysAgo);
	}

	private record Phase(String code, int daysAgo) {
	}

	/**
	 * A demo family, built up member by member; dates are days before today, so the demo
	 * stays current.
	 */
	private static final class Family {

		private final LocalDate today;

		private final Composition composition;

		private final Debts debts;

		private final ReferralSource referralSource;

		private final List<ContactReason> reasons;

		private final List<HouseholdDocument.MemberEntry> members = new ArrayList<>();

		private final List<HouseholdDocument.TrajectoryEntry> trajectories = new ArrayList<>();

		private String district;

		private HouseholdDocument.ContactEntry contact;

		Family(LocalDate today, Composition composition, Debts debts, ReferralSource referralSource,
				List<ContactReason> reasons) {
			this.today = today;
			this.composition = composition;
			this.debts = debts;
			this.referralSource = referralSource;
			this.reasons = reasons;
		}

		Family district(String name) {
			this.district = name;
			return this;
		}

		Family mother(String given, String family, LocalDate born, Education education, DutchLanguage language,
				List<DayActivity> activities) {
			this.members.add(new HouseholdDocument.MemberEntry(null, MemberRole.PARENT, true, given, family, born, null,
					education, language, activities));
			return this;
		}

		Family parent(String given, String family, LocalDate born) {
			this.members.add(new HouseholdDocument.MemberEntry(null, MemberRole.PARENT, null, given, family, born, null,
					null, null, null));
			return this;
		}

		Family child(String given, String family, LocalDate born, AgeGroup ageGroup) {
			this.members.add(new HouseholdDocument.MemberEntry(null, MemberRole.CHILD, null, given, family, born,
					ageGroup, null, null, null));
			return this;
		}

		Family contact(String phone, String email, String address, boolean confidential) {
			this.contact = new HouseholdDocument.ContactEntry(phone, email, address,
					confidential ? Boolean.TRUE : null);
			return this;
		}

		/**
		 * @param closingReason ends the trajectory on the day of its last phase when
		 * given
		 */
		Family trajectory(TrajectoryKind kind, int startedDaysAgo, String model, UUID contactPerson,
				List<UUID> involved, String closingReason, Phase... phases) {
			List<HouseholdDocument.PhaseEntry> entries = new ArrayList<>();
			for (Phase phase : phases) {
				entries.add(new HouseholdDocument.PhaseEntry(phase.code(), this.today.minusDays(phase.daysAgo())));
			}
			LocalDate end = (closingReason != null) ? entries.get(entries.size() - 1).date() : null;
			this.trajectories.add(new HouseholdDocument.TrajectoryEntry(kind, this.today.minusDays(startedDaysAgo), end,
					closingReason, model, contactPerson, involved, entries));
			return this;
		}

		HouseholdDocument document(String externalId) {
			return new HouseholdDocument(HouseholdDocument.FORMAT, null, null, externalId, null, this.district,
					this.composition, this.debts, this.referralSource, this.reasons, this.members, this.trajectories,
					this.contact, null, null);
		}

	}

}
