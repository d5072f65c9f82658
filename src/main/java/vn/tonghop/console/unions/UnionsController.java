package vn.tonghop.console.unions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpSession;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

import vn.tonghop.TonghopProperties;
import vn.tonghop.console.ConsoleSettings;
import vn.tonghop.console.NotFound;
import vn.tonghop.console.Scope;
import vn.tonghop.console.admin.UserSessions;
import vn.tonghop.console.audit.AuditLog;
import vn.tonghop.console.unions.IssuedLists.Issued;
import vn.tonghop.console.unions.UnionAccounts.Outcome;
import vn.tonghop.console.users.ConsoleUser;
import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.console.users.SignedIn;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.registry.RegistryStore;
import vn.tonghop.serve.ServeSettings;

/**
 * The grassroots unions' accounts ({@code /unions}), for the federation (any province)
 * and a province's analysts (hers only; another province answers 404): the year's
 * registry and accounts by province, "Tạo tài khoản" (what {@code tonghop user unions}
 * does), the list it made to download (kept in the session, for its maker only:
 * {@link IssuedLists}), and each account of a province with disable, enable and a new
 * one-time code. Every change goes to the audit log; every form posts, then redirects.
 */
@Controller
@RequestMapping(UnionsController.PATH)
@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
class UnionsController {

	static final String PATH = "/unions";

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final UnionAccounts accounts;

	private final ConsoleUsers users;

	private final RegistryStore registry;

	private final ProvinceResolver provinces;

	private final UserSessions sessions;

	private final AuditLog audit;

	private final ServeSettings serve;

	private final String publicUrl;

	private final ConsoleSettings console;

	private final Environment environment;

	UnionsController(UnionAccounts accounts, ConsoleUsers users, RegistryStore registry, ProvinceResolver provinces,
			UserSessions sessions, AuditLog audit, ServeSettings serve, ConsoleSettings console,
			TonghopProperties properties, Environment environment) {
		this.accounts = accounts;
		this.users = users;
		this.registry = registry;
		this.provinces = provinces;
		this.sessions = sessions;
		this.audit = audit;
		this.serve = serve;
		this.publicUrl = properties.console().publicUrl();
		this.console = console;
		this.environment = environment;
	}

	/** A line at the top of the page: what was done, or why not. */
	record Notice(boolean error, String key, Object[] args) {

		static Notice done(String key, Object... args) {
			return new Notice(false, key, args);
		}

		static Notice refused(String key, Object... args) {
			return new Notice(true, key, args);
		}

	}

	@GetMapping
	String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String province,
			@AuthenticationPrincipal SignedIn me, HttpSession session, Model model) {
		int shown = year(year);
		Scope scope = Scope.current();
		String chosen = chosen(scope, province);
		model.addAttribute("year", shown);
		model.addAttribute("registrySize", this.registry.size(shown));
		model.addAttribute("counts", this.accounts.counts(shown, scope));
		model.addAttribute("choices", this.provinces.all().stream().filter((p) -> scope.allows(p.code())).toList());
		model.addAttribute("province", chosen);
		model.addAttribute("provinceName", (chosen != null) ? name(chosen) : null);
		model.addAttribute("accounts", (chosen != null) ? this.accounts.accounts(chosen) : List.of());
		model.addAttribute("issued", IssuedLists.of(session).of(me.id()));
		model.addAttribute("address", address());
		return "unions/unions";
	}

	@PostMapping
	String create(@RequestParam(required = false) Integer year, @RequestParam(required = false) String province,
			@AuthenticationPrincipal SignedIn me, HttpSession session, RedirectAttributes redirect) {
		int chosenYear = year(year);
		Scope scope = Scope.current();
		// none asked: every province of the user's
		String chosen = (province == null || province.isBlank()) ? null : chosen(scope, province);
		Scope asked = (chosen != null) ? new Scope(false, Set.of(chosen)) : scope;
		String back = back(chosenYear, (chosen != null) ? chosen : chosen(scope, null));
		UnionAccountsList[] list = new UnionAccountsList[1];
		Outcome outcome;
		try {
			outcome = this.accounts.create(chosenYear, asked,
					(made) -> list[0] = new UnionAccountsList(made, address()));
		}
		catch (UnionAccounts.NoRegistry ex) {
			redirect.addFlashAttribute("notice", Notice.refused("unions.no-registry", chosenYear));
			return back;
		}
		Issued issued = IssuedLists.of(session).add(me.id(), outcome, list[0]);
		for (UnionAccounts.Line line : outcome.lines()) {
			if (line.change() == UnionAccounts.Change.DISABLED) {
				this.sessions.end(line.username());
			}
		}
		this.audit.record(AuditLog.Action.UNION_ACCOUNTS_CREATED,
				"năm " + chosenYear + ", "
						+ (asked.all() ? "mọi tỉnh, thành phố" : String.join(", ", asked.provinces())) + ": "
						+ outcome.counts() + "; danh sách giữ trong phiên của người tạo");
		redirect.addFlashAttribute("notice",
				Notice.done("unions.created", outcome.count(UnionAccounts.Change.NEW),
						outcome.count(UnionAccounts.Change.KEPT), outcome.count(UnionAccounts.Change.RE_ENABLED),
						outcome.count(UnionAccounts.Change.DISABLED)));
		redirect.addFlashAttribute("fresh", issued.id());
		return back;
	}

	@GetMapping("/lists/{id}/{format}")
	ResponseEntity<byte[]> list(@PathVariable String id, @PathVariable String format,
			@AuthenticationPrincipal SignedIn me, HttpSession session) throws IOException {
		if (!format.equals("xlsx") && !format.equals("csv")) {
			throw new NotFound(format);
		}
		Issued issued = IssuedLists.of(session).find(id, me.id()).orElseThrow(() -> new NotFound("list " + id));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		if (format.equals("xlsx")) {
			issued.list().xlsx(bytes);
		}
		else {
			issued.list().csv(bytes);
		}
		String name = issued.list().fileName(format);
		this.audit.record(AuditLog.Action.DOWNLOAD, "danh sách tài khoản CĐCS " + name);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.cacheControl(CacheControl.noStore())
			.contentType(format.equals("xlsx") ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(bytes.toByteArray());
	}

	@PostMapping("/accounts/{id}/disable")
	String disable(@PathVariable long id, @RequestParam(required = false) Integer year, RedirectAttributes redirect) {
		ConsoleUser account = find(id);
		if (account.enabled()) {
			this.users.setEnabled(account.id(), false);
			int ended = this.sessions.end(account.username());
			this.audit.record(AuditLog.Action.USER_DISABLED,
					account.username() + " (CĐCS " + account.unionCode() + "); kết thúc " + ended + " phiên đang mở");
		}
		redirect.addFlashAttribute("notice", Notice.done("unions.disabled", account.username()));
		return back(year(year), UnionAccounts.province(account));
	}

	@PostMapping("/accounts/{id}/enable")
	String enable(@PathVariable long id, @RequestParam(required = false) Integer year, RedirectAttributes redirect) {
		ConsoleUser account = find(id);
		if (!account.enabled()) {
			this.users.setEnabled(account.id(), true);
			this.audit.record(AuditLog.Action.USER_ENABLED, account.username() + " (CĐCS " + account.unionCode() + ")");
		}
		redirect.addFlashAttribute("notice", Notice.done("unions.enabled", account.username()));
		return back(year(year), UnionAccounts.province(account));
	}

	@PostMapping("/accounts/{id}/code")
	String newCode(@PathVariable long id, @RequestParam(required = false) Integer year, RedirectAttributes redirect) {
		ConsoleUser account = find(id);
		String code = ConsoleUsers.oneTimePassword();
		this.users.setPassword(account.id(), code, true);
		this.users.unlock(account.id());
		int ended = this.sessions.end(account.username());
		this.audit.record(AuditLog.Action.UNION_CODE_RESET, account.username() + " (CĐCS " + account.unionCode()
				+ "): mã đăng nhập một lần mới; kết thúc " + ended + " phiên đang mở");
		redirect.addFlashAttribute("oneTimeCode", code);
		redirect.addFlashAttribute("codeFor", account.username());
		redirect.addFlashAttribute("notice", Notice.done("unions.code-reset", account.username(), ended));
		return back(year(year), UnionAccounts.province(account));
	}

	/** A union account of the user's provinces; any other id answers 404. */
	private ConsoleUser find(long id) {
		Optional<ConsoleUser> account = this.accounts.account(id);
		Scope scope = Scope.current();
		if (account.isEmpty() || !(scope.all() || scope.allows(UnionAccounts.province(account.get())))) {
			throw new NotFound("union account " + id);
		}
		return account.get();
	}

	/**
	 * The province asked for: one of the scope's (another, or one that does not exist,
	 * answers 404); none asked, an analyst's first province, nothing for the federation.
	 */
	private String chosen(Scope scope, String province) {
		if (province == null || province.isBlank()) {
			return scope.all() ? null : scope.provinces().stream().sorted().findFirst().orElse(null);
		}
		String code = province.strip();
		if (!code.matches("\\d{2}") || this.provinces.byCode(code).isEmpty() || !scope.allows(code)) {
			throw new NotFound("province " + code);
		}
		return code;
	}

	/**
	 * The year asked for (2000–2100, else 404), or the year {@code serve} consolidates.
	 */
	private int year(Integer year) {
		if (year == null) {
			return this.serve.year();
		}
		if (year < 2000 || year > 2100) {
			throw new NotFound("year " + year);
		}
		return year;
	}

	/**
	 * The console's address as the unions type it ({@link ConsoleSettings#publicUrl}),
	 * with the port it listens on when any free one was asked for.
	 */
	private String address() {
		int port = (this.console.port() != 0) ? this.console.port()
				: this.environment.getProperty("local.server.port", Integer.class, 0);
		return ConsoleSettings.publicUrl(this.publicUrl, this.console.address(), port);
	}

	private String name(String code) {
		return this.provinces.byCode(code).map(Province::name).orElse(code);
	}

	private static String back(int year, String province) {
		return "redirect:" + PATH + "?year=" + year + ((province != null) ? "&province=" + province : "");
	}

}
