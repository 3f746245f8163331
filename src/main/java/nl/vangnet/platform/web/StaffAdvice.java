package nl.vangnet.platform.web;

import nl.vangnet.platform.staff.Staff;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the {@link Staff} at work as {@code staff}, so templates ask its
 * capabilities ({@code ${staff.mayChangeHouseholds()}}) and never compare role names.
 */
@ControllerAdvice(annotations = Controller.class)
class StaffAdvice {

	@ModelAttribute("staff")
	Staff staff() {
		return Staff.current();
	}

}
