package vn.tonghop.console.admin;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.tonghop.console.NotFound;
import vn.tonghop.console.audit.AuditLog;
import vn.tonghop.console.users.ConsoleUser;
import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.console.users.Role;
import vn.tonghop.console.users.SignedIn;

/**
 * The console's users, for the ADMIN: the list, a new user with a one-time password shown
 * once, and for each user disable, enable, rescope (role and provinces) and a password
 * reset. Disabling, rescoping and a reset end the user's sessions at once. Every change
 * goes to the audit log; every form posts, then redirects to a page (a reload repeats
 * nothing).
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersController {

	/** The longest display name the table takes. */
	static final int MAX_DISPLAY_NAME = 200;

	private final ConsoleUsers users;

	private final Provinces provinces;

	private final UserSessions sessions;

	private final AuditLog audit;

	UsersController(ConsoleUsers users, Provinces provinces, UserSessions sessions, AuditLog audit) {
		this.users = users;
		this.provinces = provinces;
		this.sessions = sessions;
		this.audit = audit;
	}

	/**
	 * What the form of a new user held.
	 *
	 * @param username the sign-in name
	 * @param displayName the name shown
	 * @param role ADMIN or ANALYST, as sent
	 * @param provinces the codes of the provinces chosen
	 */
	record NewUser(String username, String displayName, String role, Set<String> provinces) {

		static final NewUser EMPTY = new NewUser("", "", Role.ANALYST.name(), Set.of());

	}

	@GetMapping
	String list(Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", NewUser.EMPTY);
		}
		List<ConsoleUser> all = this.users.all();
		Map<Long, String> names = new LinkedHashMap<>();
		all.forEach((user) -> names.put(user.id(), this.provinces.names(user.provinces())));
		model.addAttribute("users", all);
		model.addAttribute("provinceNames", names);
		model.addAttribute("provinces", this.provinces.all());
		model.addAttribute("now", LocalDateTime.now());
		return "admin/users";
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String role,
			@RequestParam(name = "provinces", required = false) List<String> codes, Model model,
			RedirectAttributes redirect) {
		NewUser form = new NewUser(username.strip(), displayName.strip(), role.strip(),
				(codes != null) ? new TreeSet<>(codes) : Set.of());
		Notice problem = problem(form);
		Role chosen = (problem == null) ? Role.valueOf(form.role()) : null;
		if (problem == null && this.users.byUsername(form.username()).isPresent()) {
			problem = Notice.refused("admin.users.taken", form.username());
		}
		if (problem != null) {
			model.addAttribute("form", form);
			model.addAttribute("notice", problem);
			return list(model);
		}
		Set<String> scope = (chosen == Role.ADMIN) ? Set.of() : form.provinces();
		String password = ConsoleUsers.oneTimePassword();
		ConsoleUser created;
		try {
			created = this.users.create(form.username(), form.displayName(), chosen, scope, password, true);
		}
		catch (IllegalArgumentException ex) {
			// the name was taken between the check and now
			model.addAttribute("form", form);
			model.addAttribute("notice", Notice.refused("admin.users.refused", ex.getMessage()));
			return list(model);
		}
		this.audit.record(AuditLog.Action.USER_CREATED, created.username() + ": " + this.provinces.scope(chosen, scope)
				+ "; mật khẩu dùng một lần, phải đổi ở lần đăng nhập đầu");
		redirect.addFlashAttribute("oneTimePassword", password);
		redirect.addFlashAttribute("notice", Notice.done("admin.users.created", created.username()));
		return "redirect:/admin/users/" + created.id();
	}

	@GetMapping("/{id}")
	String user(@PathVariable long id, @AuthenticationPrincipal SignedIn me, Model model) {
		ConsoleUser user = find(id);
		model.addAttribute("user", user);
		model.addAttribute("userProvinces", this.provinces.names(user.provinces()));
		model.addAttribute("provinces", this.provinces.all());
		model.addAttribute("self", user.id() == me.id());
		model.addAttribute("locked", user.lockedAt(LocalDateTime.now()));
		return "admin/user";
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, @AuthenticationPrincipal SignedIn me, RedirectAttributes redirect) {
		ConsoleUser user = find(id);
		if (user.id() == me.id()) {
			return back(user, redirect, Notice.refused("admin.users.not-yourself"));
		}
		if (!user.enabled()) {
			return back(user, redirect, Notice.done("admin.users.already-disabled", user.username()));
		}
		this.users.setEnabled(user.id(), false);
		int ended = this.sessions.end(user.username());
		this.audit.record(AuditLog.Action.USER_DISABLED, user.username() + "; kết thúc " + ended + " phiên đang mở");
		return back(user, redirect, Notice.done("admin.users.disabled", user.username(), ended));
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		ConsoleUser user = find(id);
		if (user.enabled()) {
			return back(user, redirect, Notice.done("admin.users.already-enabled", user.username()));
		}
		this.users.setEnabled(user.id(), true);
		this.audit.record(AuditLog.Action.USER_ENABLED, user.username());
		return back(user, redirect, Notice.done("admin.users.enabled", user.username()));
	}

	@PostMapping("/{id}/rescope")
	String rescope(@PathVariable long id, @RequestParam(defaultValue = "") String role,
			@RequestParam(name = "provinces", required = false) List<String> codes,
			@AuthenticationPrincipal SignedIn me, RedirectAttributes redirect) {
		ConsoleUser user = find(id);
		if (user.id() == me.id()) {
			return back(user, redirect, Notice.refused("admin.users.not-yourself"));
		}
		Notice problem = scopeProblem(role.strip(), (codes != null) ? codes : List.of());
		if (problem != null) {
			return back(user, redirect, problem);
		}
		Role chosen = Role.valueOf(role.strip());
		Set<String> scope = (chosen == Role.ADMIN) ? Set.of() : Set.copyOf(codes);
		if (chosen == user.role() && scope.equals(user.provinces())) {
			return back(user, redirect, Notice.done("admin.users.unchanged", user.username()));
		}
		this.users.rescope(user.id(), chosen, scope);
		int ended = this.sessions.end(user.username());
		this.audit.record(AuditLog.Action.USER_RESCOPED,
				user.username() + ": " + this.provinces.scope(user.role(), user.provinces()) + " → "
						+ this.provinces.scope(chosen, scope) + "; kết thúc " + ended + " phiên đang mở");
		return back(user, redirect, Notice.done("admin.users.rescoped", user.username(), ended));
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @AuthenticationPrincipal SignedIn me, RedirectAttributes redirect) {
		ConsoleUser user = find(id);
		if (user.id() == me.id()) {
			return back(user, redirect, Notice.refused("admin.users.own-password"));
		}
		String password = ConsoleUsers.oneTimePassword();
		this.users.setPassword(user.id(), password, true);
		this.users.unlock(user.id());
		int ended = this.sessions.end(user.username());
		this.audit.record(AuditLog.Action.USER_PASSWORD_RESET, user.username()
				+ ": mật khẩu dùng một lần mới, phải đổi ở lần đăng nhập tới; kết thúc " + ended + " phiên đang mở");
		redirect.addFlashAttribute("oneTimePassword", password);
		return back(user, redirect, Notice.done("admin.users.password-reset", user.username(), ended));
	}

	private ConsoleUser find(long id) {
		return this.users.byId(id).orElseThrow(() -> new NotFound("user " + id));
	}

	private static String back(ConsoleUser user, RedirectAttributes redirect, Notice notice) {
		redirect.addFlashAttribute("notice", notice);
		return "redirect:/admin/users/" + user.id();
	}

	/** Why a new user cannot be made as the form says; null when she can. */
	private Notice problem(NewUser form) {
		if (ConsoleUsers.badUsername(form.username()) != null) {
			return Notice.refused("admin.users.bad-username");
		}
		if (form.displayName().length() > MAX_DISPLAY_NAME) {
			return Notice.refused("admin.users.long-name", MAX_DISPLAY_NAME);
		}
		return scopeProblem(form.role(), form.provinces());
	}

	/** Why a role and provinces cannot be a user's; null when they can. */
	private Notice scopeProblem(String role, Collection<String> codes) {
		Role chosen;
		try {
			chosen = Role.valueOf(role);
		}
		catch (IllegalArgumentException ex) {
			return Notice.refused("admin.users.bad-role");
		}
		if (chosen == Role.ANALYST) {
			if (codes.isEmpty()) {
				return Notice.refused("admin.users.no-province");
			}
			for (String code : codes) {
				if (!this.provinces.known(code)) {
					return Notice.refused("admin.users.bad-province", code);
				}
			}
		}
		return null;
	}

}
