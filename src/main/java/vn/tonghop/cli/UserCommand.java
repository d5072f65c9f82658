package vn.tonghop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.tonghop.TonghopProperties;
import vn.tonghop.console.ConsoleSettings;
import vn.tonghop.console.Scope;
import vn.tonghop.console.audit.AuditLog;
import vn.tonghop.console.unions.UnionAccounts;
import vn.tonghop.console.unions.UnionAccountsList;
import vn.tonghop.console.users.ConsoleUser;
import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.console.users.Role;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolution;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.rollup.Trace;

/**
 * {@code tonghop user}: the console's users from the command line, as the ADMIN's users
 * page does: {@code add} (with a one-time password printed once), {@code list},
 * {@code disable}, {@code enable}, {@code password} (a new one-time password), and
 * {@code unions}: the grassroots unions' accounts from a year's registry, as the page
 * {@code /unions} makes them, their one-time codes in two files only. Every change goes
 * to the console's audit log, by {@code (dòng lệnh) <the OS user>}.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
		description = "Người dùng của bảng điều khiển web (tonghop serve): tạo, liệt kê, vô hiệu hoá, kích hoạt lại,"
				+ " đặt lại mật khẩu; tài khoản của các CĐCS theo danh sách của năm.",
		subcommands = { UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class,
				UserCommand.Enable.class, UserCommand.Password.class, UserCommand.Unions.class })
class UserCommand implements Callable<Integer> {

	/** The address of the audit log's entries made from the command line. */
	static final String ADDRESS = "dòng lệnh";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		throw new CommandLine.ParameterException(this.spec.commandLine(),
				"Thiếu lệnh con: add, list, disable, enable, password hoặc unions");
	}

	/** What a subcommand does with the users and the audit log. */
	@FunctionalInterface
	interface Work {

		int run(ConsoleUsers users, AuditLog audit) throws Exception;

	}

	/**
	 * Does a subcommand's work on the database: {@link ConsoleUsers} and the audit log
	 * are no beans outside {@code serve}, they are made here.
	 */
	static int withUsers(DatabaseOptions database, Work work) throws Exception {
		return Spring.inContext(database, (context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			return work.run(new ConsoleUsers(dataSource, ConsoleUsers.passwordEncoder()),
					new AuditLog(new JdbcTemplate(dataSource)));
		});
	}

	/** Who the audit log names for a change made here: the user of the system. */
	static String who() {
		String who = "(dòng lệnh) " + System.getProperty("user.name", "?");
		return (who.length() > 100) ? who.substring(0, 100) : who;
	}

	/** A user's role and provinces, in Vietnamese: "ANALYST (75 Đồng Nai)". */
	static String scope(Role role, Set<String> codes, ProvinceResolver provinces) {
		if (role == Role.ADMIN) {
			return "ADMIN (mọi tỉnh, thành phố)";
		}
		return "ANALYST (" + provinces.all()
			.stream()
			.filter((province) -> codes.contains(province.code()))
			.map((province) -> province.code() + " " + province.name())
			.collect(Collectors.joining(", ")) + ")";
	}

	static CommandLine.ParameterException bad(CommandSpec spec, String message) {
		return new CommandLine.ParameterException(spec.commandLine(), message);
	}

	static ConsoleUser existing(CommandSpec spec, ConsoleUsers users, String username) {
		return users.byUsername(username).orElseThrow(() -> bad(spec, "không có người dùng " + username));
	}

	/** {@code tonghop user add}. */
	@Command(name = "add", mixinStandardHelpOptions = true,
			description = "Tạo người dùng với một mật khẩu dùng một lần, in ra một lần; lần đăng nhập đầu người dùng"
					+ " phải đổi mật khẩu.")
	static class Add implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Option(names = "--username", required = true, paramLabel = "NAME",
				description = "Tên đăng nhập: 2–100 ký tự, chữ không dấu, chữ số và . _ @ -")
		String username;

		@Option(names = "--role", required = true, paramLabel = "ROLE",
				description = "ADMIN (Liên đoàn: mọi tỉnh, thành phố, người dùng, danh sách, nhật ký) hoặc ANALYST"
						+ " (xem và chạy các tỉnh, thành phố của --province).")
		String role;

		@Option(names = "--province", paramLabel = "P",
				description = "Tỉnh/thành phố ANALYST được xem: mã (2025) hoặc tên; ghi nhiều lần cho nhiều tỉnh.")
		List<String> provinces = new ArrayList<>();

		@Option(names = "--name", paramLabel = "TEXT", description = "Tên hiển thị, ví dụ \"Nguyễn Thị Lan\".")
		String name;

		@Mixin
		DatabaseOptions database;

		@Override
		public Integer call() throws Exception {
			String badName = ConsoleUsers.badUsername(this.username);
			if (badName != null) {
				throw bad(this.spec, "--username " + this.username + ": " + badName);
			}
			if (this.name != null && this.name.strip().length() > 200) {
				throw bad(this.spec, "--name: tên hiển thị dài quá 200 ký tự");
			}
			Role chosen = role(this.spec, this.role);
			if (chosen == Role.ADMIN && !this.provinces.isEmpty()) {
				throw bad(this.spec, "--province: người dùng ADMIN xem mọi tỉnh, thành phố; bỏ --province");
			}
			if (chosen == Role.ANALYST && this.provinces.isEmpty()) {
				throw bad(this.spec, "--province: người dùng ANALYST cần ít nhất một tỉnh, thành phố");
			}
			ProvinceResolver resolver = ProvinceResolver.load();
			Set<String> codes = new LinkedHashSet<>();
			for (String written : this.provinces) {
				codes.add(province(this.spec, resolver, written));
			}
			return withUsers(this.database, (users, audit) -> {
				if (users.byUsername(this.username).isPresent()) {
					throw bad(this.spec, "--username " + this.username + ": đã có người dùng " + this.username);
				}
				String password = ConsoleUsers.oneTimePassword();
				ConsoleUser user = users.create(this.username, this.name, chosen, codes, password, true);
				String scope = scope(chosen, user.provinces(), resolver);
				audit.record(who(), ADDRESS, AuditLog.Action.USER_CREATED,
						user.username() + ": " + scope + "; mật khẩu dùng một lần, phải đổi ở lần đăng nhập đầu");
				System.out.println("Đã tạo người dùng " + user.username() + ": " + scope + ".");
				System.out.println("Mật khẩu dùng một lần: " + password);
				System.out.println("Mật khẩu này chỉ in lần này: hãy trao tận tay người dùng; lần đăng nhập đầu"
						+ " người dùng phải đặt mật khẩu của riêng mình.");
				return 0;
			});
		}

		private static Role role(CommandSpec spec, String written) {
			try {
				return Role.valueOf(written.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw bad(spec, "--role " + written + ": vai trò phải là ADMIN hoặc ANALYST");
			}
		}

		/**
		 * The 2025 code of a province written by code or name, as {@code trace} reads it;
		 * what an old or other name was read as goes to the standard error.
		 */
		private static String province(CommandSpec spec, ProvinceResolver resolver, String written) {
			ProvinceResolution resolution = resolver.resolve(written, ProvinceResolver.FIRST_YEAR_OF_NEW_SCHEME);
			Province province = resolution.province();
			if (province == null) {
				throw bad(spec,
						"--province " + written + ": không xác định được tỉnh/thành phố"
								+ (resolution.candidates().isEmpty() ? ""
										: " (có phải là: " + String.join(", ", resolution.candidates()) + "?)"));
			}
			String reading = Trace.provinceReading(resolution, resolver);
			if (reading != null && resolution.preMerger()) {
				System.err.println("Tỉnh " + resolution.oldName() + " (trước sắp xếp năm 2025) nay thuộc "
						+ resolver.fullName(province) + ": người dùng được xem " + province.name() + ".");
			}
			else if (reading != null) {
				System.err.println(reading);
			}
			return province.code();
		}

	}

	/** {@code tonghop user list}. */
	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "Liệt kê người dùng: vai trò, tỉnh/thành phố, trạng thái, ngày tạo.")
	static class ListUsers implements Callable<Integer> {

		private static final String[] HEADER = { "Tên đăng nhập", "Tên hiển thị", "Vai trò", "Tỉnh, thành phố",
				"Trạng thái", "Tạm khoá đến", "Tạo lúc" };

		@Mixin
		DatabaseOptions database;

		@Override
		public Integer call() throws Exception {
			return withUsers(this.database, (users, audit) -> {
				List<ConsoleUser> all = users.all();
				if (all.isEmpty()) {
					System.out.println("Chưa có người dùng nào: lần khởi động đầu của tonghop serve tạo quản trị viên"
							+ " admin, hoặc tạo bằng tonghop user add.");
					return 0;
				}
				ProvinceResolver resolver = ProvinceResolver.load();
				LocalDateTime now = LocalDateTime.now();
				List<String[]> rows = new ArrayList<>();
				rows.add(HEADER);
				for (ConsoleUser user : all) {
					rows.add(new String[] { user.username(), (user.displayName() != null) ? user.displayName() : "",
							user.role().name(), (user.role() == Role.ADMIN) ? "tất cả" : names(user, resolver),
							(user.enabled() ? "hoạt động" : "đã vô hiệu hoá")
									+ (user.mustChangePassword() ? ", chưa đổi mật khẩu dùng một lần" : ""),
							user.lockedAt(now) ? TIME.format(user.lockedUntil()) : "", TIME.format(user.createdAt()) });
				}
				print(rows);
				return 0;
			});
		}

		private static String names(ConsoleUser user, ProvinceResolver resolver) {
			return resolver.all()
				.stream()
				.filter((province) -> user.provinces().contains(province.code()))
				.map(Province::name)
				.collect(Collectors.joining(", "));
		}

		private static void print(List<String[]> rows) {
			int[] widths = TerminalTable.widths(rows);
			for (String[] row : rows) {
				System.out.println(TerminalTable.line(row, widths, Set.of()));
			}
		}

	}

	/** {@code tonghop user disable}. */
	@Command(name = "disable", mixinStandardHelpOptions = true,
			description = "Vô hiệu hoá người dùng: không đăng nhập được nữa (không xoá, để nhật ký kiểm tra vẫn"
					+ " ghi tên).")
	static class Disable implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "NAME", description = "Tên đăng nhập.")
		String username;

		@Mixin
		DatabaseOptions database;

		@Override
		public Integer call() throws Exception {
			return withUsers(this.database, (users, audit) -> {
				ConsoleUser user = existing(this.spec, users, this.username);
				if (!user.enabled()) {
					System.out.println("Người dùng " + user.username() + " đã bị vô hiệu hoá từ trước.");
					return 0;
				}
				users.setEnabled(user.id(), false);
				audit.record(who(), ADDRESS, AuditLog.Action.USER_DISABLED, user.username());
				System.out.println("Đã vô hiệu hoá người dùng " + user.username() + ": không đăng nhập được nữa;"
						+ " phiên đang mở của người này (nếu có) kết thúc ở trang tiếp theo mở ra.");
				return 0;
			});
		}

	}

	/** {@code tonghop user enable}. */
	@Command(name = "enable", mixinStandardHelpOptions = true,
			description = "Kích hoạt lại người dùng đã bị vô hiệu hoá (và mở khoá nếu đang tạm khoá).")
	static class Enable implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "NAME", description = "Tên đăng nhập.")
		String username;

		@Mixin
		DatabaseOptions database;

		@Override
		public Integer call() throws Exception {
			return withUsers(this.database, (users, audit) -> {
				ConsoleUser user = existing(this.spec, users, this.username);
				if (user.enabled()) {
					System.out.println("Người dùng " + user.username() + " đang hoạt động.");
					return 0;
				}
				users.setEnabled(user.id(), true);
				audit.record(who(), ADDRESS, AuditLog.Action.USER_ENABLED, user.username());
				System.out.println("Đã kích hoạt lại người dùng " + user.username() + ".");
				return 0;
			});
		}

	}

	/** {@code tonghop user password}. */
	@Command(name = "password", mixinStandardHelpOptions = true,
			description = "Đặt lại mật khẩu: một mật khẩu dùng một lần mới, in ra một lần (và mở khoá nếu đang tạm"
					+ " khoá); lần đăng nhập tới người dùng phải đổi mật khẩu.")
	static class Password implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Parameters(index = "0", paramLabel = "NAME", description = "Tên đăng nhập.")
		String username;

		@Mixin
		DatabaseOptions database;

		@Override
		public Integer call() throws Exception {
			return withUsers(this.database, (users, audit) -> {
				ConsoleUser user = existing(this.spec, users, this.username);
				String password = ConsoleUsers.oneTimePassword();
				users.setPassword(user.id(), password, true);
				users.unlock(user.id());
				audit.record(who(), ADDRESS, AuditLog.Action.USER_PASSWORD_RESET,
						user.username() + ": mật khẩu dùng một lần mới, phải đổi ở lần đăng nhập tới");
				System.out.println("Đã đặt lại mật khẩu của " + user.username() + ".");
				System.out.println("Mật khẩu dùng một lần: " + password);
				System.out.println("Mật khẩu này chỉ in lần này: hãy trao tận tay người dùng; lần đăng nhập tới"
						+ " người dùng phải đặt mật khẩu của riêng mình."
						+ (user.enabled() ? "" : " Người dùng này đang bị vô hiệu hoá: tonghop user enable "
								+ user.username() + " để kích hoạt lại."));
				return 0;
			});
		}

	}

	/** {@code tonghop user unions}. */
	@Command(name = "unions", mixinStandardHelpOptions = true,
			description = "Tạo tài khoản cho các công đoàn cơ sở theo danh sách CĐCS của năm: mỗi mã CĐCS một tài khoản"
					+ " với mã đăng nhập một lần (lần đăng nhập đầu phải đặt mật khẩu mới). Chạy lại năm sau: tài khoản"
					+ " đã có giữ nguyên, chỉ thêm CĐCS mới; CĐCS không còn trong danh sách bị vô hiệu hoá. Danh sách"
					+ " (.xlsx và .csv, có mã đăng nhập) ghi vào --out; mã không bao giờ in ra màn hình.")
	static class Unions implements Callable<Integer> {

		private static final String[] HEADER = { "Tỉnh/thành phố", "Danh sách", "Tạo mới", "Đã có", "Kích hoạt lại",
				"Vô hiệu hoá" };

		@Spec
		CommandSpec spec;

		@Option(names = "--year", required = true, paramLabel = "Y", description = "Năm của danh sách CĐCS.")
		int year;

		@Option(names = "--province", paramLabel = "P",
				description = "Chỉ các CĐCS của tỉnh/thành phố này: mã (2025) hoặc tên; ghi nhiều lần cho nhiều tỉnh"
						+ " (mặc định: mọi tỉnh, thành phố).")
		List<String> provinces = new ArrayList<>();

		@Option(names = "--out", paramLabel = "DIR",
				description = "Thư mục ghi danh sách tai-khoan-cdcs-<năm>[-<mã tỉnh>].xlsx và .csv (mặc định: thư mục"
						+ " hiện tại).")
		Path out = Path.of("");

		@Mixin
		DatabaseOptions database;

		@Override
		public Integer call() throws Exception {
			Arguments.requireYear(this.spec, this.year);
			Path folder = this.out.toAbsolutePath().normalize();
			if (Files.exists(folder) && !Files.isDirectory(folder)) {
				throw bad(this.spec, "--out " + this.out + ": đây là một tệp, không phải thư mục");
			}
			ProvinceResolver resolver = ProvinceResolver.load();
			Set<String> codes = new TreeSet<>();
			for (String written : this.provinces) {
				codes.add(Add.province(this.spec, resolver, written));
			}
			TonghopProperties.Console console = Settings.bind(this.spec, "tonghop.console",
					TonghopProperties.Console.class);
			String address = ConsoleSettings.publicUrl(console.publicUrl(), console.address(), console.port());
			Scope scope = codes.isEmpty() ? Scope.ALL : new Scope(false, codes);
			return Spring.inContext(this.database, (context) -> {
				DataSource dataSource = context.getBean(DataSource.class);
				AuditLog audit = new AuditLog(new JdbcTemplate(dataSource));
				List<Path> files = new ArrayList<>();
				UnionAccounts.Outcome outcome;
				try {
					outcome = new UnionAccounts(dataSource, resolver).create(this.year, scope,
							(made) -> files.addAll(new UnionAccountsList(made, address).save(folder)));
				}
				catch (UnionAccounts.NoRegistry ex) {
					throw bad(this.spec, ex.getMessage());
				}
				catch (IllegalStateException ex) {
					if (ex.getCause() instanceof IOException io) {
						System.err.println("Không ghi được danh sách vào " + folder + ": " + io.getMessage()
								+ "; không tài khoản nào được tạo hay đổi.");
						return BadArguments.STATUS;
					}
					throw ex;
				}
				audit.record(who(), ADDRESS, AuditLog.Action.UNION_ACCOUNTS_CREATED,
						"năm " + this.year + ", " + (codes.isEmpty() ? "mọi tỉnh, thành phố" : String.join(", ", codes))
								+ ": " + outcome.counts() + "; danh sách "
								+ files.stream()
									.map((file) -> file.getFileName().toString())
									.collect(Collectors.joining(", ")));
				print(outcome);
				System.out
					.println("Danh sách tài khoản, có mã đăng nhập một lần (giữ kín; gửi mỗi CĐCS\ndòng của mình):");
				files.forEach((file) -> System.out.println("  " + file));
				System.out.println(
						"Địa chỉ console ghi trong danh sách: " + address + "\n(đổi bằng tonghop.console.public-url).");
				return 0;
			});
		}

		/** The counts by province, and their total. */
		private static void print(UnionAccounts.Outcome outcome) {
			Map<String, int[]> byProvince = new LinkedHashMap<>();
			for (UnionAccounts.Line line : outcome.lines()) {
				String name = line.provinceName().isEmpty() ? "(chưa xác định)" : line.provinceName();
				byProvince.computeIfAbsent(name, (key) -> new int[4])[line.change().ordinal()]++;
			}
			List<String[]> rows = new ArrayList<>();
			rows.add(HEADER);
			int[] total = new int[4];
			byProvince.forEach((name, count) -> {
				rows.add(row(name, count));
				for (int i = 0; i < total.length; i++) {
					total[i] += count[i];
				}
			});
			rows.add(row("Cộng", total));
			int[] widths = TerminalTable.widths(rows);
			for (String[] row : rows) {
				System.out.println(TerminalTable.line(row, widths, Set.of(1, 2, 3, 4, 5)));
			}
		}

		private static String[] row(String name, int[] count) {
			int listed = count[0] + count[1] + count[2];
			return new String[] { name, String.valueOf(listed), String.valueOf(count[0]), String.valueOf(count[1]),
					String.valueOf(count[2]), String.valueOf(count[3]) };
		}

	}

}
