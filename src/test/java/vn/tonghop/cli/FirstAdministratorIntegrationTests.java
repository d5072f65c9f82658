package vn.tonghop.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.console.users.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The federation makes the unions' accounts from the command line before the console's
 * first start: the console still makes its first administrator (the unions' accounts are
 * not the federation's users; with them counted, no one could sign in to manage them).
 */
class FirstAdministratorIntegrationTests {

	@TempDir
	Path work;

	@Test
	void theUnionsAccountsMadeFirstLeaveTheFirstAdministratorToTheConsole() throws Exception {
		Path data = this.work.resolve("dữ liệu");
		Runs.Result registry = Runs.tonghop("registry", "--input", "input-samples/danh-sach-cdcs-2026.xlsx", "--year",
				"2026", "--data-dir", data.toString());
		assertThat(registry.status()).as(registry.out() + registry.err()).isZero();
		Runs.Result unions = Runs.tonghop("user", "unions", "--year", "2026", "--out",
				this.work.resolve("danh sách").toString(), "--data-dir", data.toString());
		assertThat(unions.status()).as(unions.out() + unions.err()).isZero();

		try (ConsoleServer server = ConsoleServer.start(this.work)) {
			ConsoleUsers users = server.bean(ConsoleUsers.class);
			assertThat(users.all()).filteredOn((user) -> user.role() == Role.UNION).isNotEmpty();
			assertThat(users.byUsername("admin")).hasValueSatisfying((admin) -> {
				assertThat(admin.role()).isEqualTo(Role.ADMIN);
				assertThat(admin.mustChangePassword()).isTrue();
			});
		}
	}

}
