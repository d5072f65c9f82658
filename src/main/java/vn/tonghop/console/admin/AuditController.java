package vn.tonghop.console.admin;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.tonghop.console.audit.AuditLog;
import vn.tonghop.console.users.ConsoleUser;
import vn.tonghop.console.users.ConsoleUsers;

/**
 * The audit log, for the ADMIN: newest first, {@value #PAGE_SIZE} entries a page,
 * filtered by action and by user.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	static final int PAGE_SIZE = 100;

	private final AuditLog audit;

	private final ConsoleUsers users;

	AuditController(AuditLog audit, ConsoleUsers users) {
		this.audit = audit;
		this.users = users;
	}

	@GetMapping("/admin/audit")
	String log(@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String user,
			@RequestParam(defaultValue = "1") String page, Model model) {
		// an action no entry can have is not an error: it finds nothing
		AuditLog.Filter filter = new AuditLog.Filter(action, user);
		long count = this.audit.count(filter);
		int pages = (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
		int shown = Math.min(pages, Math.max(1, number(page)));
		model.addAttribute("entries", this.audit.newest(filter, (shown - 1) * PAGE_SIZE, PAGE_SIZE));
		model.addAttribute("count", count);
		model.addAttribute("page", shown);
		model.addAttribute("pages", pages);
		model.addAttribute("action", (filter.action() != null) ? filter.action() : "");
		model.addAttribute("user", (filter.username() != null) ? filter.username() : "");
		model.addAttribute("actions", List.of(AuditLog.Action.values()));
		model.addAttribute("usernames", this.users.all().stream().map(ConsoleUser::username).toList());
		return "admin/audit";
	}

	private static int number(String text) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
