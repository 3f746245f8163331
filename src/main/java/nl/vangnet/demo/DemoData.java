package nl.vangnet.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.vangnet.account.AccountApi;
import nl.vangnet.account.NewAccount;
import nl.vangnet.platform.staff.Role;
import nl.vangnet.platform.staff.SecondFactor;
import nl.vangnet.contact.Channel;
import nl.vangnet.contact.ContactApi;
import nl.vangnet.contact.DebtStatus;
import nl.vangnet.contact.ObligationKind;
import nl.vangnet.contact.ObligationStatus;
import nl.vangnet.contact.Rhythm;
import nl.vangnet.cooperation.CooperationApi;
import nl.vangnet.cooperation.PartnerKind;
import nl.vangnet.household.AgeGroup;
import nl.vangnet.household.Composition;
import nl.vangnet.household.ContactReason;
import nl.vangnet.household.DayActivity;
import nl.vangnet.household.Debts;
import nl.vangnet.household.DutchLanguage;
import nl.vangnet.household.Education;
import nl.vangnet.household.HelpQuestionStatus;
import nl.vangnet.household.Helped;
import nl.vangnet.household.HouseholdApi;
import nl.vangnet.household.HouseholdDocument;
import nl.vangnet.household.MemberRole;
import nl.vangnet.household.ReferralSource;
import nl.vangnet.household.Satisfaction;
import nl.vangnet.household.SupportType;
import nl.vangnet.household.TrajectoryKind;
import nl.vangnet.monitor.MonitorApi;
import nl.vangnet.network.NetworkApi;
import nl.vangnet.account.AccountId;
import nl.vangnet.contact.DebtId;
import nl.vangnet.household.HouseholdId;
import nl.vangnet.household.MemberId;
import nl.vangnet.plan.ActionId;
import nl.vangnet.plan.GoalId;
import nl.vangnet.network.NetworkApi.NetworkContact;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.plan.ActionActor;
import nl.vangnet.plan.ActionStatus;
import nl.vangnet.plan.PlanApi;
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
 * accounts it refers to are stored. Each family then gets its story through the modules'
 * facades (plan, contacts, papers, network), as the system of its organisation; a
 * separate participating organisation of synthetic households gives the monitor enough
 * families to show.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	/**
	 * The demo administrator's TOTP secret (base32), printed in the README: add it to an
	 * authenticator app, or {@code oathtool --totp -b VANGNETDEMOADMINVANGNETDEMOADMIN}.
	 */
	static final String ADMINISTRATOR_TOTP_SECRET = "VANGNETDEMOADMINVANGNETDEMOADMIN";

	static final String SHELTER = "VOH";

	/** The organisation of synthetic households, for the monitor only. */
	static final String SYNTHETIC = "SYN";

	static final int SYNTHETIC_HOUSEHOLDS = 60;

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final OrganisationApi organisations;

	private final AccountApi accounts;

	private final HouseholdApi households;

	private final PlanApi plans;

	private final ContactApi contacts;

	private final NetworkApi networks;

	private final MonitorApi monitor;

	private final CooperationApi cooperation;

	private final nl.vangnet.safety.SafetyApi safety;

	private final VangnetProperties properties;

	private final Clock clock;

	private final String password;

	DemoData(OrganisationApi organisations, AccountApi accounts, HouseholdApi households, PlanApi plans,
			ContactApi contacts, NetworkApi networks, MonitorApi monitor, CooperationApi cooperation,
			VangnetProperties properties, Clock clock, @Value("${vangnet.demo-password}") String password,
			nl.vangnet.safety.SafetyApi safety) {
		this.safety = safety;
		this.organisations = organisations;
		this.accounts = accounts;
		this.households = households;
		this.plans = plans;
		this.contacts = contacts;
		this.networks = networks;
		this.monitor = monitor;
		this.cooperation = cooperation;
		this.properties = properties;
		this.clock = clock;
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
		long started = System.nanoTime();
		UUID shelter = this.organisations.register(SHELTER, "Vrouwen- en gezinsopvang De Haven",
				OrganisationKind.SHELTER, List.of("Centrum", "Noord"), true, SecondFactor.OPTIONAL);
		this.organisations.openLocation(SHELTER, "Opvanghuis De Haven", "Noord", "Havenkade 12, 3011 AB Zuidstad",
				true);
		this.organisations.openLocation(SHELTER, "Inloop De Haven", "Centrum", "Marktplein 3, 3012 CD Zuidstad", false);
		UUID shelterTeam = this.organisations.formTeam(SHELTER, "Team Opvang");
		UUID ambulantTeam = this.organisations.formTeam(SHELTER, "Team Ambulant");

		UUID samenSterk = this.organisations.register("SST", "Buurtorganisatie Samen Sterk", OrganisationKind.INFORMAL,
				List.of("Oude Noorden", "Bergpolder"), true, SecondFactor.OPTIONAL);
		this.organisations.openLocation("SST", "Buurthuis De Rozenhof", "Oude Noorden",
				"Rozenstraat 41, 3033 EF Zuidstad", false);
		UUID buddies = this.organisations.formTeam("SST", "Maatjes en inloop");

		UUID wijkteamOost = this.organisations.register("WTO", "Wijkteam Oost", OrganisationKind.MUNICIPAL_TEAM,
				List.of("Kralingen", "Crooswijk"), false, SecondFactor.OPTIONAL);
		UUID wijkteam = this.organisations.formTeam("WTO", "Wijkteam Kralingen");

		// The demo's organisations ask for no second factor, so a newcomer signs in with
		// the password alone; the administrator (whom the installation's setting holds)
		// has an authenticator app with the secret the README prints.
		UUID administrator = account("beheer@demo.vangnet.example", "Henk Beheer", null, Role.ADMINISTRATOR, null);
		this.accounts.enrolKnownTotp(administrator, ADMINISTRATOR_TOTP_SECRET);
		account("marieke@dehaven.example", "Marieke de Vries", SHELTER, Role.COORDINATOR, shelterTeam);
		UUID fatima = account("fatima@dehaven.example", "Fatima Yilmaz", SHELTER, Role.PROFESSIONAL, shelterTeam);
		UUID joost = this.accounts.open(new NewAccount("joost@dehaven.example", "Joost Bakker", SHELTER,
				Role.PROFESSIONAL, this.password, ambulantTeam, true));
		UUID anneke = account("anneke@dehaven.example", "Anneke Visser", SHELTER, Role.VOLUNTEER, ambulantTeam);
		account("ruud@samensterk.example", "Ruud Jansen", "SST", Role.COORDINATOR, buddies);
		UUID sanne = account("sanne@samensterk.example", "Sanne Bakker", "SST", Role.PROFESSIONAL, buddies);
		UUID kees = account("kees@samensterk.example", "Kees van Dijk", "SST", Role.VOLUNTEER, buddies);
		account("ingrid@wijkteamoost.example", "Ingrid Smit", "WTO", Role.COORDINATOR, wijkteam);
		UUID mohamed = account("mohamed@wijkteamoost.example", "Mohamed El Idrissi", "WTO", Role.PROFESSIONAL,
				wijkteam);
		account("lotte@wijkteamoost.example", "Lotte Meijer", "WTO", Role.RESEARCHER, null);

		LocalDate today = LocalDate.now(this.clock);
		Story story = new Story(today);
		inOrganisation(shelter, () -> {
			this.households.choosePhaseModel("SHELTER");
			// A mother who fled violence with her two children, in the shelter.
			HouseholdId elAmrani = this.households.register(new Family(today, Composition.ONE_PARENT, Debts.YES,
					ReferralSource.PROFESSIONAL_ORGANISATION, List.of(ContactReason.HOUSING, ContactReason.SOCIAL))
				.district("Noord")
				.mother("Samira", "El Amrani", LocalDate.of(1989, 4, 2), Education.BELOW_START_QUALIFICATION,
						DutchLanguage.HAMPERS_CONVERSATION, List.of(DayActivity.CARE_FOR_CHILDREN))
				.child("Yara", "El Amrani", LocalDate.of(2016, 9, 12), null)
				.child("Adam", "El Amrani", null, AgeGroup.TODDLER)
				.contact("06 1234 5678", null, "Havenkade 12, 3011 AB Zuidstad", true)
				.trajectory(TrajectoryKind.INTENSIVE, 95, "SHELTER", fatima, List.of(anneke), null,
						phase("SHELTER.INTAKE", 95), phase("SHELTER.ANALYSIS", 70), phase("SHELTER.PLANNING", 21))
				.question("m1", "SOCIAL.DOMESTIC_RELATIONS", 95, null, true, HelpQuestionStatus.IN_PROGRESS,
						"Veilig blijven: haar ex-partner zoekt contact, er is een contactverbod")
				.question("m1", "HOUSING", 90, null, false, HelpQuestionStatus.OPEN,
						"Een eigen huis na de opvang, urgentie is aangevraagd")
				.question("m1", "FINANCES", 80, null, false, HelpQuestionStatus.IN_PROGRESS,
						"Uitkering en toeslagen op haar eigen naam; schulden uit de relatie")
				.question("m1", "PARTICIPATION.DUTCH_LANGUAGE", 60, null, false, HelpQuestionStatus.OPEN,
						"Taalles in de buurt, met opvang voor Adam")
				.question("m2", "PARTICIPATION.CHILD_DAYTIME", 88, 50, false, HelpQuestionStatus.RESOLVED,
						"Yara naar een school dicht bij de opvang")
				.question("m2", "HEALTH", 70, null, false, HelpQuestionStatus.IN_PROGRESS,
						"Yara slaapt slecht en is vaak bang")
				.scores(60, "FINANCES", 2, "HOUSING", 2, "HEALTH", 3, "SOCIAL", 2, "PARTICIPATION", null)
				.scores(7, "FINANCES", 3, "HOUSING", 2, "HEALTH", 3, "SOCIAL", 3, "PARTICIPATION", 3)
				.time(94, SupportType.CONVERSATION, 120, "m1")
				.time(93, SupportType.ARRANGING, 240, null)
				.time(87, SupportType.ARRANGING, 180, null)
				.time(86, SupportType.PRACTICAL_SUPPORT, 90, null)
				.time(79, SupportType.CONVERSATION, 90, "m2")
				.time(72, SupportType.ARRANGING, 150, null)
				.time(30, SupportType.CONVERSATION, 60, "m1")
				.time(23, SupportType.BUDDY_SUPPORT, 120, null)
				.time(16, SupportType.PARENT_GROUP_ACTIVITY, 90, "m1")
				.time(9, SupportType.ARRANGING, 60, null)
				.time(2, SupportType.CHILD_GROUP_ACTIVITY, 60, "m2")
				.activity(16, "Moedergroep in de opvang", "m1", Satisfaction.GREEN)
				.activity(2, "Kinderclub", "m2", Satisfaction.GREEN)
				.experience(7, "SOCIAL", Helped.YES)
				.experience(7, "HOUSING", Helped.A_BIT)
				.document("VOH-2024-017"));
			story.shelterMother(elAmrani, fatima, anneke);
			// A mother who left the shelter; in aftercare, her pilot-light contact is
			// due.
			HouseholdId ramdin = this.households.register(new Family(today, Composition.ONE_PARENT, Debts.UNKNOWN,
					ReferralSource.OWN_NETWORK, List.of(ContactReason.FINANCES))
				.district("Centrum")
				.mother("Priya", "Ramdin", LocalDate.of(1984, 11, 23), Education.START_QUALIFICATION,
						DutchLanguage.GOOD_OR_SUFFICIENT, List.of(DayActivity.WORK))
				.child("Dev", "Ramdin", LocalDate.of(2011, 2, 8), null)
				.child("Maya", "Ramdin", LocalDate.of(2014, 7, 30), null)
				.contact("06 2345 6789", "priya.ramdin@example.org", "Marktplein 18b, 3012 CD Zuidstad", false)
				.trajectory(TrajectoryKind.INTENSIVE, 420, "SHELTER", joost, List.of(), "Eigen woning, werkt weer",
						phase("SHELTER.INTAKE", 420), phase("SHELTER.ANALYSIS", 400), phase("SHELTER.PLANNING", 380),
						phase("SHELTER.EXECUTION", 340), phase("SHELTER.EVALUATION", 130))
				.question("m1", "HOUSING", 420, 200, false, HelpQuestionStatus.RESOLVED,
						"Een eigen woning in het centrum")
				.question("m1", "FINANCES", 410, 250, false, HelpQuestionStatus.RESOLVED,
						"Overzicht over rekeningen en post")
				.question("m1", "PARTICIPATION.WORK", 380, 150, false, HelpQuestionStatus.RESOLVED,
						"Weer aan het werk, parttime")
				.question("m2", "SOCIAL.NETWORK", 380, 140, false, HelpQuestionStatus.RESOLVED,
						"Dev wil bij een voetbalclub")
				.scores(330, "FINANCES", 2, "HOUSING", 2, "HEALTH", null, "SOCIAL", 3, "PARTICIPATION", 2)
				.scores(140, "FINANCES", 4, "HOUSING", 5, "HEALTH", null, "SOCIAL", 4, "PARTICIPATION", 4)
				.time(418, SupportType.CONVERSATION, 90, "m1")
				.time(412, SupportType.ARRANGING, 210, null)
				.time(398, SupportType.ARRANGING, 180, null)
				.time(385, SupportType.PRACTICAL_SUPPORT, 120, null)
				.time(170, SupportType.CONVERSATION, 45, "m1")
				.time(150, SupportType.ARRANGING, 30, null)
				.time(135, SupportType.CONVERSATION, 60, "m1")
				.activity(300, "Sollicitatietraining", "m1", Satisfaction.GREEN)
				.activity(250, "Voetbalclinic", "m2", Satisfaction.GREEN)
				.experience(135, "FINANCES", Helped.YES)
				.experience(135, "HOUSING", Helped.YES)
				.experience(135, "PARTICIPATION", Helped.A_BIT)
				.document("VOH-2023-102"));
			story.aftercare(ramdin, joost);
		});
		inOrganisation(samenSterk, () -> {
			// Anna (seed 003): debts, papers she no longer has an overview of, benefits
			// paid too low for two years.
			HouseholdId deGroot = this.households.register(
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
						.trajectory(TrajectoryKind.INTENSIVE, 420, "FLEXIBLE", sanne, List.of(kees), null,
								phase("FLEXIBLE.GETTING_IN_TOUCH", 420), phase("FLEXIBLE.ACQUAINTANCE", 390),
								phase("FLEXIBLE.ACTIVITIES", 300), phase("FLEXIBLE.STABILISING", 120))
						.question("m1", "FINANCES", 415, 330, false, HelpQuestionStatus.RESOLVED,
								"Lege koelkast en een afsluiting van de energie dreigde")
						.question("m1", "FINANCES", 390, null, false, HelpQuestionStatus.IN_PROGRESS,
								"Schulden op een rij; de schuldhulp loopt")
						.question("m1", "OTHER", 380, null, false, HelpQuestionStatus.IN_PROGRESS,
								"Toeslagen twee jaar te laag uitbetaald; bezwaar en herberekening")
						.question("m1", "PARTICIPATION.PARENT_DAYTIME", 300, 120, false, HelpQuestionStatus.RESOLVED,
								"Vrijwilligerswerk in het buurthuis")
						.question("m1", "SOCIAL.NETWORK", 300, null, false, HelpQuestionStatus.IN_PROGRESS,
								"Andere moeders in de buurt leren kennen")
						.question("m2", "PARTICIPATION.EDUCATION", 280, null, false, HelpQuestionStatus.IN_PROGRESS,
								"Lucas wil zijn overgang halen")
						.question("m4", "PARTICIPATION.CHILD_DAYTIME", 200, 90, false, HelpQuestionStatus.RESOLVED,
								"Een plek voor Noah op de peuteropvang")
						.scores(330, "FINANCES", 1, "HOUSING", 3, "HEALTH", null, "SOCIAL", 2, "PARTICIPATION", 2)
						.scores(30, "FINANCES", 3, "HOUSING", 4, "HEALTH", null, "SOCIAL", 3, "PARTICIPATION", 4)
						.time(418, SupportType.CONVERSATION, 60, "m1")
						.time(410, SupportType.ARRANGING, 240, null)
						.time(403, SupportType.ARRANGING, 200, null)
						.time(396, SupportType.PRACTICAL_SUPPORT, 90, null)
						.time(380, SupportType.CONVERSATION, 90, "m1")
						.time(50, SupportType.BUDDY_SUPPORT, 120, "m1")
						.time(40, SupportType.PARENT_VOLUNTEER_WORK, 240, "m1")
						.time(26, SupportType.CHILD_GROUP_ACTIVITY, 90, "m2")
						.time(19, SupportType.CONVERSATION, 45, "m1")
						.time(5, SupportType.ARRANGING, 45, null)
						.activity(60, "Wijkmaaltijd", "m1", Satisfaction.GREEN)
						.activity(33, "Naaiatelier", "m1", Satisfaction.GREEN)
						.activity(26, "Huiswerkklas", "m2", Satisfaction.GREEN)
						.activity(12, "Kinderclub", "m3", Satisfaction.ORANGE)
						.experience(200, "FINANCES", Helped.A_BIT)
						.document("SST-0007"));
			story.anna(deGroot, sanne, kees);
			HouseholdId yildiz = this.households.register(new Family(today, Composition.TWO_PARENT, Debts.NO,
					ReferralSource.SOCIETAL_ORGANISATION, List.of(ContactReason.FINANCES))
				.district("Bergpolder")
				.mother("Fatma", "Yıldız", LocalDate.of(1990, 8, 5), null, DutchLanguage.HAMPERS_CONVERSATION,
						List.of())
				.parent("Mehmet", "Yıldız", LocalDate.of(1987, 12, 1))
				.child("Elif", "Yıldız", LocalDate.of(2017, 5, 17), null)
				.trajectory(TrajectoryKind.SHORT, 200, "FLEXIBLE", sanne, List.of(), "Aanvraag bij het fonds toegekend",
						phase("FLEXIBLE.GETTING_IN_TOUCH", 200), phase("FLEXIBLE.CLOSING", 180))
				.question("m1", "FINANCES", 200, 180, false, HelpQuestionStatus.RESOLVED,
						"Een fiets en zwemles voor Elif via het fonds")
				.time(200, SupportType.CONVERSATION, 45, "m1")
				.time(195, SupportType.ARRANGING, 60, null)
				.document("SST-0011"));
			story.shortSupport(yildiz, sanne);
			HouseholdId pinas = this.households
				.register(new Family(today, null, null, null, List.of()).district("Oude Noorden")
					.mother("Jessica", "Pinas", null, null, null, List.of())
					.child(null, null, null, AgeGroup.TODDLER)
					.contact("06 4567 8901", null, null, false)
					.trajectory(TrajectoryKind.OUTREACH, 12, "FLEXIBLE", sanne, List.of(kees), null,
							phase("FLEXIBLE.GETTING_IN_TOUCH", 12))
					.document(null));
			story.outreach(pinas, sanne, kees);
		});
		inOrganisation(wijkteamOost, () -> {
			this.households.choosePhaseModel("EIGHT_PHASES");
			HouseholdId verbeek = this.households.register(new Family(today, Composition.ONE_PARENT, Debts.YES,
					ReferralSource.PROFESSIONAL_ORGANISATION, List.of(ContactReason.FINANCES, ContactReason.HOUSING))
				.district("Crooswijk")
				.mother("Marloes", "Verbeek", LocalDate.of(1992, 9, 28), Education.START_QUALIFICATION,
						DutchLanguage.GOOD_OR_SUFFICIENT, List.of(DayActivity.EDUCATION))
				.child("Sem", "Verbeek", LocalDate.of(2013, 4, 11), null)
				.contact("06 5678 9012", "m.verbeek@example.org", "Geheim adres bij familie, Kralingse Veer", true)
				.trajectory(TrajectoryKind.INTENSIVE, 60, "EIGHT_PHASES", mohamed, List.of(), null,
						phase("EIGHT_PHASES.REGISTRATION", 60), phase("EIGHT_PHASES.INTAKE", 52),
						phase("EIGHT_PHASES.START_UP", 30))
				.question("m1", "HOUSING", 58, null, false, HelpQuestionStatus.OPEN,
						"Een eigen plek; ze woont nu tijdelijk bij haar zus")
				.question("m1", "FINANCES", 55, null, false, HelpQuestionStatus.IN_PROGRESS,
						"Schulden uit de relatie staan op haar naam")
				.question("m1", "PARTICIPATION.EDUCATION", 50, null, false, HelpQuestionStatus.OPEN,
						"Haar mbo-opleiding afmaken")
				.question("m2", "SOCIAL.PARENTING", 45, null, false, HelpQuestionStatus.OPEN,
						"Sem mist zijn school en vrienden")
				.scores(50, "FINANCES", 2, "HOUSING", 1, "HEALTH", 3, "SOCIAL", 3, "PARTICIPATION", 3)
				.scores(5, "FINANCES", 2, "HOUSING", 2, "HEALTH", 3, "SOCIAL", 3, "PARTICIPATION", 3)
				.time(59, SupportType.CONVERSATION, 90, "m1")
				.time(53, SupportType.ARRANGING, 180, null)
				.time(40, SupportType.ARRANGING, 120, null)
				.time(20, SupportType.CONVERSATION, 60, "m1")
				.time(6, SupportType.ARRANGING, 60, null)
				.document("WTO-31"));
			story.neighbourhoodTeam(verbeek, mohamed);
		});
		// The who-does-what map of the region (no region defined: the whole
		// installation),
		// kept by the neighbourhood team's coordinator: the demo's own organisations and
		// partners outside Vangnet.
		inOrganisation(wijkteamOost, this::partners);
		// Synthetic households (no names, external ids SYN-…) in an organisation of their
		// own that takes part in the monitor, so that its cells are not all suppressed.
		UUID synthetic = this.organisations.register(SYNTHETIC, "Synthetische gezinnen (demo, geen echte gezinnen)",
				OrganisationKind.INFORMAL, List.of("Noord"), true, SecondFactor.OPTIONAL);
		this.monitor.addSyntheticHouseholds(List.of(synthetic), SYNTHETIC_HOUSEHOLDS, 2026L, today.minusYears(2), today,
				"SYN-");
		log.info(
				"Demo loaded in {} ms: 4 organisations, 11 accounts, 6 families and {} synthetic households"
						+ " (see README for the sign-in details)",
				(System.nanoTime() - started) / 1_000_000, SYNTHETIC_HOUSEHOLDS);
	}

	/**
	 * An example directory (sociale kaart) after seed 002 Kader 3 and seed 004 chapter 2.
	 */
	private void partners() {
		List<String> everywhere = List.of();
		this.cooperation.addPartner("Wijkteam Oost", PartnerKind.NEIGHBOURHOOD_TEAM, "WTO",
				List.of("FINANCES", "HOUSING", "SOCIAL", "PARTICIPATION"), List.of("Kralingen", "Crooswijk"),
				"010 498 00 00", "wijkteamoost@example.org", "Verwijs via Vangnet; bel bij spoed",
				List.of("nl", "en", "tr"));
		this.cooperation.addPartner("Vrouwen- en gezinsopvang De Haven", PartnerKind.SHELTER, SHELTER,
				List.of("SOCIAL.DOMESTIC_RELATIONS", "HOUSING"), List.of("Centrum", "Noord"), "0800 123 45 67", null,
				"Verwijs via Vangnet; bij acuut gevaar bel Veilig Thuis of 112", List.of("nl", "en", "ar"));
		this.cooperation.addPartner("Buurtorganisatie Samen Sterk", PartnerKind.INFORMAL, "SST",
				List.of("SOCIAL.NETWORK", "PARTICIPATION", "FINANCES"), List.of("Oude Noorden", "Bergpolder"), null,
				"info@samensterk.example", "Loop binnen in De Rozenhof, of verwijs via Vangnet", List.of("nl", "ar"));
		this.cooperation.addPartner("Kredietbank Zuidstad", PartnerKind.DEBT_HELP, null, List.of("FINANCES"),
				everywhere, "010 411 22 33", "aanmelden@kredietbank.example",
				"Aanmelden via het wijkteam, met de laatste loonstrook en de brieven van schuldeisers", List.of("nl"));
		this.cooperation.addPartner("Veilig Thuis", PartnerKind.SAFE_HOME, null, List.of("SOCIAL.DOMESTIC_RELATIONS"),
				everywhere, "0800 2000", null,
				"Advies of melding via de meldcode (niet via toestemming delen); bij acuut gevaar 112",
				List.of("nl", "en"));
		this.cooperation.addPartner("Voedselbank Zuidstad", PartnerKind.FOOD_BANK, null, List.of("FINANCES"),
				everywhere, null, "intake@voedselbank.example", "Intake na een verwijzing van een hulpverlener",
				List.of("nl", "en"));
		this.cooperation.addPartner("Stichting Jarige Job", PartnerKind.FUND, null,
				List.of("FINANCES", "PARTICIPATION.CHILD_DAYTIME"), everywhere, null, null,
				"Een verjaardagsbox aanvragen via een hulpverlener, minstens drie weken voor de verjaardag",
				List.of("nl"));
		this.cooperation.addPartner("Stichting Leergeld / Kinderhulp", PartnerKind.FUND, null,
				List.of("PARTICIPATION.CHILD_DAYTIME", "PARTICIPATION.EDUCATION"), everywhere, null, null,
				"Aanvraag met de hulpverlener: fiets, laptop, schoolreis", List.of("nl"));
		this.cooperation.addPartner("Jeugdfonds Sport & Cultuur", PartnerKind.FUND, null,
				List.of("PARTICIPATION.CHILD_DAYTIME"), everywhere, null, null,
				"Een intermediair (school, wijkteam) vraagt het aan", List.of("nl"));
		this.cooperation.addPartner("Woonstichting Zuidstad", PartnerKind.HOUSING, null, List.of("HOUSING"), everywhere,
				"010 200 30 40", null, "Urgentie via het wijkteam; betalingsregeling bij huurachterstand",
				List.of("nl"));
		this.cooperation.addPartner("Bibliotheek Zuidstad, Taalhuis", PartnerKind.LANGUAGE, null,
				List.of("PARTICIPATION.DUTCH_LANGUAGE"), List.of("Centrum", "Oude Noorden"), null, null,
				"Inloop op dinsdag en donderdag; gaat iemand mee, dan komt ze wel", List.of("nl", "en", "ar", "tr"));
		this.cooperation.addPartner("Huisartsenpraktijk Crooswijk", PartnerKind.HEALTH, null, List.of("HEALTH"),
				List.of("Crooswijk"), "010 466 77 88", null, "Een afspraak maken met de praktijkondersteuner GGZ",
				List.of("nl"));
		this.cooperation.addPartner("Moskee Essalam, vrouwengroep", PartnerKind.FAITH, null, List.of("SOCIAL.NETWORK"),
				List.of("Bergpolder"), null, null, "Woensdagochtend inloop, een warme introductie werkt het best",
				List.of("nl", "ar"));
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
	 * What happens with each family after registration: plan, contacts, rhythm, papers
	 * and network, through the modules' facades, in the organisation's scope.
	 */
	private final class Story {

		private final LocalDate today;

		Story(LocalDate today) {
			this.today = today;
		}

		private LocalDate day(int daysAgo) {
			return this.today.minusDays(daysAgo);
		}

		private LocalDateTime at(int daysAgo, int hour) {
			return day(daysAgo).atTime(hour, 0);
		}

		private Map<String, MemberId> members(HouseholdId householdId) {
			Map<String, MemberId> members = new LinkedHashMap<>();
			DemoData.this.households.family(householdId)
				.members()
				.forEach((member) -> members.put(member.ref(), MemberId.of(member.id())));
			return members;
		}

		private void contact(HouseholdId householdId, int daysAgo, int hour, Channel channel, boolean reached,
				List<MemberId> members, String note, boolean sensitive, Map<SupportType, Integer> minutes,
				UUID author) {
			DemoData.this.contacts.recordContact(householdId, at(daysAgo, hour), channel, reached, members, note,
					sensitive, minutes, null, null, AccountId.of(author));
		}

		void shelterMother(HouseholdId household, UUID fatima, UUID anneke) {
			Map<String, MemberId> m = members(household);
			PlanApi plan = DemoData.this.plans;
			GoalId home = plan.setGoal(household, "m1", "HOUSING",
					"Over een jaar woon ik met Yara en Adam in een eigen huis, waar we veilig zijn");
			ActionId urgency = plan.planAction(home, "Urgentieaanvraag invullen", ActionActor.MEMBER, "Samira",
					day(40));
			plan.changeActionStatus(urgency, ActionStatus.DONE);
			plan.planAction(home, "Meegaan naar de woningcorporatie", ActionActor.PROFESSIONAL, "Fatima",
					this.today.plusDays(10));
			GoalId money = plan.setGoal(household, "m1", "FINANCES", "Ik weet wat er binnenkomt en wat eruit gaat");
			plan.planAction(money, "Samen een weekbudget maken", ActionActor.VOLUNTEER, "Anneke",
					this.today.plusDays(14));
			GoalId yara = plan.setGoal(household, "m2", "HEALTH", "Yara slaapt weer rustig en gaat graag naar school");
			plan.planAction(yara, "Elke week spelen en praten met de kinderwerker", ActionActor.PROFESSIONAL,
					"Kinderwerker De Haven", null);
			plan.evaluate(household, day(7), "Yara gaat naar school en heeft er een vriendinnetje",
					"De urgentie is nog niet toegekend", "Taalles met opvang voor Adam",
					Map.of("SOCIAL", Helped.YES, "HOUSING", Helped.A_BIT));
			plan.writeNote(household, "Contactverbod geldt ook voor de kinderen; niet bellen via haar oude nummer.");
			Map<String, Integer> client = new LinkedHashMap<>();
			client.put("FINANCES", 2);
			client.put("SOCIAL", 4);
			plan.scoreProgress(household, day(7), Map.of(), client);

			ContactApi c = DemoData.this.contacts;
			contact(household, 95, 10, Channel.OFFICE, true, List.of(m.get("m1"), m.get("m2"), m.get("m3")),
					"Intake: aangekomen met Yara en Adam", false, Map.of(SupportType.CONVERSATION, 90), fatima);
			contact(household, 60, 14, Channel.OFFICE, true, List.of(m.get("m1")),
					"Ex-partner heeft via school gebeld; school en politie ingelicht", true,
					Map.of(SupportType.ARRANGING, 60), fatima);
			contact(household, 23, 11, Channel.HOME_VISIT, true, List.of(m.get("m1"), m.get("m3")),
					"Samen naar de markt geweest", false, Map.of(SupportType.BUDDY_SUPPORT, 90), anneke);
			contact(household, 3, 10, Channel.OFFICE, true, List.of(m.get("m1")),
					"Urgentie besproken; Samira is hoopvol", false, Map.of(SupportType.CONVERSATION, 45), fatima);
			c.setRhythm(household, Rhythm.WEEKLY);
			c.addObligation(household, ObligationKind.FORM, "Formulier urgentie met bewijsstukken inleveren",
					"Gemeente Zuidstad, Wonen", this.today.plusDays(5), ObligationStatus.IN_PROGRESS);
			c.addObligation(household, ObligationKind.APPOINTMENT, "Afspraak met de advocaat over de omgang",
					"Advocatenkantoor Maas", this.today.plusDays(12), ObligationStatus.TO_DO);
			c.addDebt(household, "Telecomaanbieder (abonnement van ex op haar naam)", new BigDecimal("640.00"), null,
					DebtStatus.OPEN);

			MemberId mother = m.get("m1");
			NetworkApi n = DemoData.this.networks;
			n.drawSnapshot(mother, day(90), "Bij de intake", List.of(
					new NetworkContact("Nadia (zus)", "FAMILY", "INNER", "STRONG", List.of("EMOTIONAL", "CHILDCARE"),
							List.of("SOCIAL.PARENTING"), "BOTH", "BONDING", false, null),
					new NetworkContact("Karim (ex-partner)", "EX_PARTNER", "MIDDLE", "STRONG", List.of(), List.of(),
							null, null, true, "Contactverbod; nooit adres of school doorgeven"),
					new NetworkContact("Fatima (De Haven)", "PROFESSIONAL", "MIDDLE", "STRONG",
							List.of("INFORMATION", "PRACTICAL"), List.of("HOUSING", "FINANCES"), "RECEIVES", "BRIDGING",
							false, null),
					new NetworkContact("Buurvrouw van vroeger", "NEIGHBOUR", "OUTER", "WEAK", List.of("COMPANY"),
							List.of(), "BOTH", "BONDING", false, null)),
					Map.of());
			n.drawSnapshot(mother, day(10), "Na drie maanden",
					List.of(new NetworkContact("Anneke (maatje)", "VOLUNTEER_BUDDY", "MIDDLE", "WEAK",
							List.of("PRACTICAL", "COMPANY"), List.of("FINANCES", "PARTICIPATION.DUTCH_LANGUAGE"),
							"BOTH", "BRIDGING", false, null)),
					Map.of("Karim (ex-partner)", "OUTER", "Buurvrouw van vroeger", "MIDDLE"));
			n.placeInTriangle(mother, day(90), 15, 80, 5, "Alles loopt via de opvang");
			n.placeInTriangle(mother, day(10), 25, 55, 20, "Eigen uitkering, een maatje, de moedergroep");
			n.recordPlanStep(mother, "SOCIAL.NETWORK", day(80), "Netwerkkaart samen getekend");
			n.recordPlanStep(mother, "SOCIAL.NETWORK", day(60), "Weinig mensen om op terug te vallen");
			n.recordPlanStep(mother, "SOCIAL.NETWORK", day(30), "Een maatje en de moedergroep");
			// Safety (issue 14): the pattern, and the contact ban on Karim that ends soon
			// (on
			// the worklist).
			DemoData.this.safety.recordSafety(household, "INTIMATE_TERRORISM", day(85), "CONTACT_BAN",
					"Karim (ex-partner)", "Rechtbank Oost-Brabant", day(80), this.today.plusDays(10), fatima);
		}

		void aftercare(HouseholdId household, UUID joost) {
			Map<String, MemberId> m = members(household);
			GoalId work = DemoData.this.plans.setGoal(household, "m1", "PARTICIPATION.WORK",
					"Ik werk drie dagen en heb tijd voor Dev en Maya");
			ActionId contract = DemoData.this.plans.planAction(work, "Contract bij de supermarkt tekenen",
					ActionActor.MEMBER, "Priya", day(160));
			DemoData.this.plans.changeActionStatus(contract, ActionStatus.DONE);
			contact(household, 300, 10, Channel.HOME_VISIT, true, List.of(m.get("m1")), "Nieuwe woning ingericht",
					false, Map.of(SupportType.PRACTICAL_SUPPORT, 120), joost);
			contact(household, 100, 16, Channel.PHONE, true, List.of(m.get("m1")),
					"Waakvlamgesprek: het gaat goed, Dev voetbalt", false, Map.of(SupportType.CONVERSATION, 20), joost);
			contact(household, 6, 17, Channel.PHONE, false, List.of(), "Niet opgenomen, voicemail ingesproken", false,
					Map.of(), joost);
			DemoData.this.contacts.setRhythm(household, Rhythm.EVERY_THREE_MONTHS);
		}

		void anna(HouseholdId household, UUID sanne, UUID kees) {
			Map<String, MemberId> m = members(household);
			PlanApi plan = DemoData.this.plans;
			GoalId papers = plan.setGoal(household, "m1", "FINANCES",
					"Over een jaar weet ik welke brief waar naartoe moet en heb ik geen nieuwe schulden");
			ActionId sort = plan.planAction(papers, "Elke week samen de post sorteren", ActionActor.VOLUNTEER, "Kees",
					null);
			plan.changeActionStatus(sort, ActionStatus.IN_PROGRESS);
			plan.planAction(papers, "Meegaan naar de Sociale Dienst voor de herberekening", ActionActor.PROFESSIONAL,
					"Samira", this.today.plusDays(9));
			GoalId lucas = plan.setGoal(household, "m2", "PARTICIPATION.EDUCATION", "Lucas haalt zijn overgang");
			plan.planAction(lucas, "Twee keer per week naar de huiswerkklas", ActionActor.MEMBER, "Lucas", null);
			GoalId friends = plan.setGoal(household, "m1", "SOCIAL.NETWORK",
					"Ik heb in de buurt mensen om mee te praten");
			ActionId sewing = plan.planAction(friends, "Meedoen met het naaiatelier", ActionActor.MEMBER, "Anna", null);
			plan.changeActionStatus(sewing, ActionStatus.DONE);
			plan.evaluate(household, day(30), "Anna doet vrijwilligerswerk en kent andere moeders",
					"De herberekening van de toeslagen is er nog niet", "Een afspraak bij de Sociale Dienst",
					Map.of("FINANCES", Helped.YES, "PARTICIPATION", Helped.YES));
			Map<String, Integer> client = new LinkedHashMap<>();
			client.put("FINANCES", 2);
			client.put("PARTICIPATION", 5);
			plan.scoreProgress(household, day(30), Map.of(), client);

			ContactApi c = DemoData.this.contacts;
			contact(household, 418, 10, Channel.OUTREACH_ATTEMPT, true, List.of(m.get("m1")),
					"Kennisgemaakt bij de kinderclub van Emma", false, Map.of(SupportType.CONVERSATION, 30), sanne);
			contact(household, 40, 14, Channel.HOME_VISIT, true, List.of(m.get("m1")), "Post gesorteerd, drie stapels",
					false, Map.of(SupportType.BUDDY_SUPPORT, 90), kees);
			contact(household, 4, 10, Channel.HOME_VISIT, true, List.of(m.get("m1")),
					"Brief van de Kredietbank besproken", false, Map.of(SupportType.ARRANGING, 45), sanne);
			c.setRhythm(household, Rhythm.EVERY_TWO_WEEKS);
			c.addObligation(household, ObligationKind.LETTER, "Jaaropgave en bankafschriften opsturen",
					"Kredietbank Zuidstad", this.today.plusDays(3), ObligationStatus.TO_DO);
			c.addObligation(household, ObligationKind.APPOINTMENT, "Gesprek over de herberekening van de toeslagen",
					"Sociale Dienst Zuidstad", this.today.plusDays(9), ObligationStatus.TO_DO);
			c.addObligation(household, ObligationKind.BENEFIT_RENEWAL,
					"Wijziging inkomen doorgeven voor de huurtoeslag", "Dienst Toeslagen", this.today.plusDays(25),
					ObligationStatus.TO_DO);
			c.addObligation(household, ObligationKind.FORM, "Aanvraag laptop voor Lucas", "Stichting Leergeld", day(20),
					ObligationStatus.DONE);
			DebtId rent = c.addDebt(household, "Woningcorporatie Maasoever (huurachterstand)",
					new BigDecimal("1840.00"), null, DebtStatus.OPEN);
			c.changeDebt(household, rent, new BigDecimal("1615.00"), "75 euro per maand", DebtStatus.ARRANGEMENT);
			c.addDebt(household, "Zorgverzekeraar", new BigDecimal("1150.00"), "Via de Kredietbank",
					DebtStatus.DEBT_COUNSELLING);
			DebtId energy = c.addDebt(household, "Energieleverancier", new BigDecimal("620.00"), null, DebtStatus.OPEN);
			c.changeDebt(household, energy, new BigDecimal("620.00"), "Via de Kredietbank",
					DebtStatus.DEBT_COUNSELLING);
			c.addDebt(household, "CJIB (boete)", new BigDecimal("180.00"), null, DebtStatus.PAID_OFF);
		}

		void shortSupport(HouseholdId household, UUID sanne) {
			Map<String, MemberId> m = members(household);
			contact(household, 200, 13, Channel.WALK_IN, true, List.of(m.get("m1")),
					"Via de voedselbank; aanvraag fonds samen ingevuld", false, Map.of(), sanne);
		}

		void outreach(HouseholdId household, UUID sanne, UUID kees) {
			contact(household, 12, 15, Channel.OUTREACH_ATTEMPT, false, List.of(), "Aangebeld, niet open gedaan", false,
					Map.of(), sanne);
			contact(household, 5, 11, Channel.OUTREACH_ATTEMPT, false, List.of(),
					"Briefje met het telefoonnummer van het buurthuis achtergelaten", false, Map.of(), kees);
		}

		void neighbourhoodTeam(HouseholdId household, UUID mohamed) {
			Map<String, MemberId> m = members(household);
			GoalId home = DemoData.this.plans.setGoal(household, "m1", "HOUSING", "Een eigen plek voor Sem en mij");
			DemoData.this.plans.planAction(home, "Inschrijven bij Woonnet", ActionActor.MEMBER, "Marloes",
					this.today.plusDays(7));
			contact(household, 52, 10, Channel.OFFICE, true, List.of(m.get("m1")), "Intake bij het wijkteam", false,
					Map.of(SupportType.CONVERSATION, 60), mohamed);
			contact(household, 8, 15, Channel.HOME_VISIT, true, List.of(m.get("m1"), m.get("m2")),
					"Bij haar zus thuis gesproken; Sem was erbij", false, Map.of(SupportType.CONVERSATION, 60),
					mohamed);
			DemoData.this.contacts.setRhythm(household, Rhythm.WEEKLY);
			DemoData.this.contacts.addDebt(household, "Incassobureau (schuld uit de relatie)",
					new BigDecimal("2350.00"), null, DebtStatus.OPEN);
		}

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

		private final List<HouseholdDocument.HelpQuestionEntry> questions = new ArrayList<>();

		private final List<HouseholdDocument.ProgressScoreEntry> scores = new ArrayList<>();

		private final List<HouseholdDocument.TimeEntry> time = new ArrayList<>();

		private final List<HouseholdDocument.ActivityEntry> activities = new ArrayList<>();

		private final List<HouseholdDocument.ExperienceEntry> experience = new ArrayList<>();

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
			this.members.add(new HouseholdDocument.MemberEntry(nextRef(), MemberRole.PARENT, true, given, family, born,
					null, education, language, activities));
			return this;
		}

		Family parent(String given, String family, LocalDate born) {
			this.members.add(new HouseholdDocument.MemberEntry(nextRef(), MemberRole.PARENT, null, given, family, born,
					null, null, null, null));
			return this;
		}

		Family child(String given, String family, LocalDate born, AgeGroup ageGroup) {
			this.members.add(new HouseholdDocument.MemberEntry(nextRef(), MemberRole.CHILD, null, given, family, born,
					ageGroup, null, null, null));
			return this;
		}

		/** Members are {@code m1}, {@code m2}, … in the order they are added. */
		private String nextRef() {
			return "m" + (this.members.size() + 1);
		}

		/**
		 * A help question of a member (a ref) on a code of the monitor framework.
		 * @param closedDaysAgo {@code null} while it is not closed
		 */
		Family question(String member, String domain, int openedDaysAgo, Integer closedDaysAgo, boolean acute,
				HelpQuestionStatus status, String description) {
			this.questions
				.add(new HouseholdDocument.HelpQuestionEntry(member, domain, this.today.minusDays(openedDaysAgo),
						(closedDaysAgo != null) ? this.today.minusDays(closedDaysAgo) : null,
						acute ? Boolean.TRUE : null, status, description));
			return this;
		}

		/**
		 * A scoring moment of the worker: pairs of a progress domain and a score 1–5
		 * ({@code null}: n.v.t.).
		 */
		Family scores(int daysAgo, Object... domainsAndScores) {
			for (int i = 0; i < domainsAndScores.length; i += 2) {
				this.scores.add(new HouseholdDocument.ProgressScoreEntry((String) domainsAndScores[i],
						this.today.minusDays(daysAgo), (Integer) domainsAndScores[i + 1]));
			}
			return this;
		}

		Family time(int daysAgo, SupportType type, int minutes, String member) {
			this.time.add(new HouseholdDocument.TimeEntry(this.today.minusDays(daysAgo), type, minutes, member));
			return this;
		}

		Family activity(int daysAgo, String name, String member, Satisfaction satisfaction) {
			this.activities
				.add(new HouseholdDocument.ActivityEntry(this.today.minusDays(daysAgo), name, member, satisfaction));
			return this;
		}

		Family experience(int daysAgo, String domain, Helped helped) {
			this.experience.add(new HouseholdDocument.ExperienceEntry(this.today.minusDays(daysAgo), domain, helped));
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
					this.contact, null, null, orNull(this.questions), orNull(this.scores), orNull(this.time),
					orNull(this.activities), orNull(this.experience));
		}

		private static <T> List<T> orNull(List<T> entries) {
			return entries.isEmpty() ? null : List.copyOf(entries);
		}

	}

}
