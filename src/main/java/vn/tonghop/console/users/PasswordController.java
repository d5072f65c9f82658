package vn.tonghop.console.users;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.tonghop.console.audit.AuditLog;

/**
 * Every user changes her own password here: the current one, then the new one twice. A
 * one-time password leads here until it is changed.
 */
@Controller
class PasswordController {

	private final ConsoleUsers users;

	private final AuditLog audit;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	PasswordController(ConsoleUsers users, AuditLog audit) {
		this.users = users;
		this.audit = audit;
	}

	@GetMapping("/password")
	String form(Model model) {
		return "users/password";
	}

	@PostMapping("/password")
	String change(@RequestParam String current, @RequestParam String password, @RequestParam String repeated,
			Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model) {
		SignedIn me = (SignedIn) authentication.getPrincipal();
		String problem = null;
		if (!this.users.matches(me.id(), current)) {
			problem = "password.wrong-current";
		}
		else if (!password.equals(repeated)) {
			problem = "password.not-repeated";
		}
		else if (current.equals(password)) {
			problem = "password.same";
		}
		else {
			String bad = ConsoleUsers.badPassword(password, me.getUsername());
			if (bad != null) {
				model.addAttribute("rule", bad);
				problem = "password.rule";
			}
		}
		if (problem != null) {
			model.addAttribute("problem", problem);
			return "users/password";
		}
		this.users.setPassword(me.id(), password, false);
		this.audit.record(AuditLog.Action.PASSWORD_CHANGED, null);
		if (me.mustChangePassword()) {
			SignedIn changed = me.withPasswordChanged();
			SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
			SecurityContext context = strategy.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities()));
			strategy.setContext(context);
			this.contexts.saveContext(context, request, response);
		}
		return "redirect:/?password-changed";
	}

}
