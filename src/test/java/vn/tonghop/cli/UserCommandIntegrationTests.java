package vn.tonghop.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import vn.tonghop.TestDatabase;
import vn.tonghop.console.users.ConsoleUser;
import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.console.users.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tonghop user}: add (with a one-time password printed once), list, disable,
 * enable and password, each change in the console's audit log.
 */
class UserCommandIntegrationTests {

	@TempDir
	Path work;

	Runs.Result user(String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "user";
		System.arraycopy(args, 0, all, 1, args.length);
		all[args.length + 1] = "--data-dir";
		all[args.length + 2] = this.work.resolve("data").toString();
		return Runs.tonghop(all);
	}

	/** What the database holds, read with the console's own class. */
	<T> T stored(java.util.function.BiFunction<ConsoleUsers, JdbcTemplate, T> question) throws Exception {
		try (Connection connection = TestDatabase.connect(this.work.resolve("data"))) {
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
			return question.apply(new ConsoleUsers(dataSource, ConsoleUsers.passwordEncoder()),
					new JdbcTemplate(dataSource));
		}
	}

	boolean enabled(String username) throws Exception {
		return stored((users, jdbc) -> users.byUsername(username).orElseThrow().enabled());
	}

	static String oneTimePassword(Runs.Result result) {
		Matcher matcher = Pattern.compile("Mật khẩu dùng một lần: (\\S+)").matcher(result.out());
		assertThat(matcher.find()).as(result.out()).isTrue();
		return matcher.group(1);
	}

	@Test
	void addMakesAUserWhoseOneTimePasswordIsPrintedOnce() throws Exception {
		Runs.Result added = user("add", "--username", "lan.dongnai", "--role", "ANALYST", "--province", "Đồng Nai",
				"--province", "01", "--name", "Nguyễn Thị Lan");
		assertThat(added.status()).as(added.err()).isZero();
		String password = oneTimePassword(added);
		assertThat(password).hasSize(16);
		assertThat(added.out()).contains("Đã tạo người dùng lan.dongnai: ANALYST (01 Hà Nội, 75 Đồng Nai).");

		ConsoleUser user = stored((users, jdbc) -> users.byUsername("lan.dongnai").orElseThrow());
		assertThat(user.role()).isEqualTo(Role.ANALYST);
		assertThat(user.provinces()).containsExactlyInAnyOrder("01", "75");
		assertThat(user.displayName()).isEqualTo("Nguyễn Thị Lan");
		assertThat(user.mustChangePassword()).isTrue();
		boolean matches = stored((users, jdbc) -> users.matches(user.id(), password));
		assertThat(matches).isTrue();

		Runs.Result list = user("list");
		assertThat(list.status()).isZero();
		assertThat(list.out()).doesNotContain(password);
		assertThat(list.out().lines().filter((line) -> line.startsWith("lan.dongnai")).findFirst().orElseThrow())
			.contains("Nguyễn Thị Lan")
			.contains("ANALYST")
			.contains("Hà Nội, Đồng Nai")
			.contains("hoạt động, chưa đổi mật khẩu dùng một lần");

		List<Map<String, Object>> audit = stored((users, jdbc) -> jdbc
			.queryForList("SELECT username, address, action, detail FROM audit_log ORDER BY id"));
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0).values()).containsExactly("(dòng lệnh) " + System.getProperty("user.name"), "dòng lệnh",
				"USER_CREATED",
				"lan.dongnai: ANALYST (01 Hà Nội, 75 Đồng Nai); mật khẩu dùng một lần, phải đổi ở lần đăng nhập đầu");
	}

	@Test
	void disableEnableAndPasswordChangeTheUserAndAreAudited() throws Exception {
		assertThat(user("add", "--username", "quan.tri", "--role", "admin").status()).isZero();
		ConsoleUser added = stored((users, jdbc) -> users.byUsername("quan.tri").orElseThrow());
		assertThat(added.role()).isEqualTo(Role.ADMIN);
		assertThat(added.provinces()).isEmpty();

		Runs.Result disabled = user("disable", "quan.tri");
		assertThat(disabled.status()).as(disabled.err()).isZero();
		assertThat(disabled.out()).contains("Đã vô hiệu hoá người dùng quan.tri");
		assertThat(enabled("quan.tri")).isFalse();
		assertThat(user("list").out()).contains("đã vô hiệu hoá");
		assertThat(user("disable", "quan.tri").out()).contains("đã bị vô hiệu hoá từ trước");

		assertThat(user("enable", "quan.tri").status()).isZero();
		assertThat(enabled("quan.tri")).isTrue();

		Runs.Result reset = user("password", "quan.tri");
		assertThat(reset.status()).as(reset.err()).isZero();
		String password = oneTimePassword(reset);
		boolean matches = stored((users, jdbc) -> users.matches(added.id(), password));
		assertThat(matches).isTrue();

		List<String> actions = stored(
				(users, jdbc) -> jdbc.queryForList("SELECT action FROM audit_log ORDER BY id", String.class));
		assertThat(actions).containsExactly("USER_CREATED", "USER_DISABLED", "USER_ENABLED", "USER_PASSWORD_RESET");
	}

	@Test
	void badArgumentsAreSaidInVietnameseWithExitStatus2() throws Exception {
		Runs.Result unknown = user("add", "--username", "x.y", "--role", "ANALYST", "--province", "Xứ Mơ");
		assertThat(unknown.status()).isEqualTo(2);
		assertThat(unknown.err())
			.startsWith("Tham số không hợp lệ: --province Xứ Mơ: không xác định được tỉnh/thành phố")
			.endsWith("(xem: tonghop user add --help)" + System.lineSeparator());
		CommandLineTextsTests.assertBad(user("add", "--username", "x.y", "--role", "ANALYST"), "tonghop user add",
				"--province: người dùng ANALYST cần ít nhất một tỉnh, thành phố");
		CommandLineTextsTests.assertBad(user("add", "--username", "x.y", "--role", "ADMIN", "--province", "01"),
				"tonghop user add", "--province: người dùng ADMIN xem mọi tỉnh, thành phố; bỏ --province");
		CommandLineTextsTests.assertBad(user("add", "--username", "x.y", "--role", "ROOT"), "tonghop user add",
				"--role ROOT: vai trò phải là ADMIN hoặc ANALYST");
		CommandLineTextsTests.assertBad(user("add", "--username", "có dấu", "--role", "ADMIN"), "tonghop user add",
				"--username có dấu: " + ConsoleUsers.badUsername("có dấu"));
		CommandLineTextsTests.assertBad(user("disable", "khong.co"), "tonghop user disable",
				"không có người dùng khong.co");
		assertThat(user("add", "--username", "x.y", "--role", "ADMIN").status()).isZero();
		CommandLineTextsTests.assertBad(user("add", "--username", "X.Y", "--role", "ADMIN"), "tonghop user add",
				"--username X.Y: đã có người dùng X.Y");
		Runs.Result alone = Runs.tonghop("user");
		assertThat(alone.status()).isEqualTo(2);
		assertThat(alone.err()).contains("Thiếu lệnh con: add, list, disable, enable, password hoặc unions");
	}

}
