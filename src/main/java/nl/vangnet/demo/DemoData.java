package nl.vangnet.demo;

import java.util.List;
import java.util.UUID;

import nl.vangnet.account.AccountApi;
import nl.vangnet.account.NewAccount;
import nl.vangnet.account.Role;
import nl.vangnet.organisation.OrganisationApi;
import nl.vangnet.organisation.OrganisationKind;
import nl.vangnet.platform.VangnetProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo when Vangnet starts with {@code --demo} or {@code VANGNET_DEMO=true};
 * does nothing when the demo is already there.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	static final String SHELTER = "VOH";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final OrganisationApi organisations;

	private final AccountApi accounts;

	private final VangnetProperties properties;

	private final String password;

	DemoData(OrganisationApi organisations, AccountApi accounts, VangnetProperties properties,
			@Value("${vangnet.demo-password}") String password) {
		this.organisations = organisations;
		this.accounts = accounts;
		this.properties = properties;
		this.password = password;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!(args.containsOption("demo") || this.properties.demo())) {
			return;
		}
		if (this.organisations.byCode(SHELTER).isPresent()) {
			log.info("The demo is already loaded");
			return;
		}
		this.organisations.register(SHELTER, "Vrouwen- en gezinsopvang De Haven", OrganisationKind.SHELTER,
				List.of("Centrum", "Noord"), true);
		this.organisations.openLocation(SHELTER, "Opvanghuis De Haven", "Noord", "Havenkade 12, 3011 AB Zuidstad",
				true);
		this.organisations.openLocation(SHELTER, "Inloop De Haven", "Centrum", "Marktplein 3, 3012 CD Zuidstad", false);
		UUID shelterTeam = this.organisations.formTeam(SHELTER, "Team Opvang");
		UUID ambulantTeam = this.organisations.formTeam(SHELTER, "Team Ambulant");

		this.organisations.register("SST", "Buurtorganisatie Samen Sterk", OrganisationKind.INFORMAL,
				List.of("Oude Noorden", "Bergpolder"), true);
		this.organisations.openLocation("SST", "Buurthuis De Rozenhof", "Oude Noorden",
				"Rozenstraat 41, 3033 EF Zuidstad", false);
		UUID buddies = this.organisations.formTeam("SST", "Maatjes en inloop");

		this.organisations.register("WTO", "Wijkteam Oost", OrganisationKind.MUNICIPAL_TEAM,
				List.of("Kralingen", "Crooswijk"), false);
		UUID wijkteam = this.organisations.formTeam("WTO", "Wijkteam Kralingen");

		account("beheer@demo.vangnet.example", "Henk Beheer", null, Role.ADMINISTRATOR, null);
		account("marieke@dehaven.example", "Marieke de Vries", SHELTER, Role.COORDINATOR, shelterTeam);
		account("fatima@dehaven.example", "Fatima Yilmaz", SHELTER, Role.PROFESSIONAL, shelterTeam);
		account("joost@dehaven.example", "Joost Bakker", SHELTER, Role.PROFESSIONAL, ambulantTeam);
		account("anneke@dehaven.example", "Anneke Visser", SHELTER, Role.VOLUNTEER, ambulantTeam);
		account("ruud@samensterk.example", "Ruud Jansen", "SST", Role.COORDINATOR, buddies);
		account("samira@samensterk.example", "Samira Boukhari", "SST", Role.PROFESSIONAL, buddies);
		account("kees@samensterk.example", "Kees van Dijk", "SST", Role.VOLUNTEER, buddies);
		account("ingrid@wijkteamoost.example", "Ingrid Smit", "WTO", Role.COORDINATOR, wijkteam);
		account("mohamed@wijkteamoost.example", "Mohamed El Idrissi", "WTO", Role.PROFESSIONAL, wijkteam);
		account("lotte@wijkteamoost.example", "Lotte Meijer", "WTO", Role.RESEARCHER, null);
		log.info("Demo loaded: 3 organisations and 11 accounts (see README for the sign-in details)");
	}

	private void account(String email, String name, String organisation, Role role, UUID team) {
		this.accounts.open(new NewAccount(email, name, organisation, role, this.password, team));
	}

}
