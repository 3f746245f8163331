package nl.vangnet.account;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Accounts through the JSON API: the signed-in user's own, and for administrators
 * everyone's.
 */
@RestController
class AccountApiController {

	private final AccountManagement accounts;

	AccountApiController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/me")
	MeView me(HttpSession session) {
		return MeView.of(VangnetUser.current(),
				Boolean.TRUE.equals(session.getAttribute(Sessions.MUST_CHANGE_PASSWORD)));
	}

	@PutMapping("/api/v1/me/password")
	ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordController.PasswordChange change,
			HttpSession session) {
		this.accounts.changeOwnPassword(VangnetUser.current().id(), change.currentPassword(), change.newPassword(),
				session.getId());
		session.setAttribute(Sessions.MUST_CHANGE_PASSWORD, false);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/users")
	List<AccountView> list(@RequestParam(required = false) String organisation) {
		return this.accounts.list(organisation);
	}

	@GetMapping("/api/v1/users/{id}")
	AccountView get(@PathVariable UUID id) {
		return this.accounts.get(id);
	}

	@PostMapping("/api/v1/users")
	ResponseEntity<AccountView> open(@Valid @RequestBody NewAccount command) {
		AccountView created = this.accounts.open(command);
		return ResponseEntity
			.created(
					ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@PostMapping("/api/v1/users/{id}/deactivation")
	AccountView deactivate(@PathVariable UUID id) {
		return this.accounts.deactivate(id);
	}

	/** Designates the account as meldcode officer, or ends that. */
	@PutMapping("/api/v1/users/{id}/meldcode-officer")
	AccountView designateMeldcodeOfficer(@PathVariable UUID id, @RequestBody MeldcodeOfficer body) {
		return this.accounts.designateMeldcodeOfficer(id, Boolean.TRUE.equals(body.meldcodeOfficer()));
	}

	/**
	 * {@code meldcodeOfficer}: whether the account is the organisation's meldcode
	 * officer.
	 */
	record MeldcodeOfficer(Boolean meldcodeOfficer) {
	}

	/** The number families call to reach the worker (issue 18); empty removes it. */
	@PutMapping("/api/v1/me/work-phone")
	AccountView changeOwnByApi(@Valid @RequestBody WorkPhoneController.WorkPhone body) {
		return this.accounts.changeWorkPhone(nl.vangnet.platform.staff.Staff.current(), VangnetUser.current().id(),
				body.workPhone());
	}

	@PutMapping("/api/v1/users/{id}/work-phone")
	ResponseEntity<AccountView> change(@PathVariable UUID id, @Valid @RequestBody WorkPhoneController.WorkPhone body) {
		return ResponseEntity
			.ok(this.accounts.changeWorkPhone(nl.vangnet.platform.staff.Staff.current(), id, body.workPhone()));
	}

	@PostMapping("/api/v1/users/{id}/activation")
	AccountView reactivate(@PathVariable UUID id) {
		return this.accounts.reactivate(id);
	}

}
