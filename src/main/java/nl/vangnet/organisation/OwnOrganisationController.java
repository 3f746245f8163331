package nl.vangnet.organisation;

import nl.vangnet.platform.staff.Staff;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A staff member's own organisation: its districts, teams and locations, secret addresses
 * included, because they are its own.
 */
@Controller
class OwnOrganisationController {

	private final OrganisationManagement management;

	private final OrganisationApi organisations;

	OwnOrganisationController(OrganisationManagement management, OrganisationApi organisations) {
		this.management = management;
		this.organisations = organisations;
	}

	@GetMapping("/organisation")
	String show(Staff staff, Model model) {
		OrganisationSummary own = this.organisations.byId(staff.organisationId())
			.orElseThrow(() -> new nl.vangnet.platform.NotFoundException("organisation"));
		// Secret addresses are for the organisation's professionals, not for its
		// volunteers.
		model.addAttribute("organisation",
				this.management.get(own.code(), staff.seesSecretLocations() ? own.id() : null));
		return "organisation/own";
	}

}
