package vn.tonghop.console.users;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user with their provinces, however many: a federation's union accounts outnumber
 * the 65,535 parameters PostgreSQL binds in one statement, and the list of users (the
 * union accounts' run reads it) failed on them.
 */
class ConsoleUsersIntegrationTests {

	static final int USERS = 66_000;

	@Test
	void everyUserWithTheirProvincesBeyondOneStatementsParameters() {
		DataSource dataSource = TestDatabase.fresh("console_users_many");
		TestDatabase.flyway(dataSource).cleanDisabled(false).load().clean();
		TestDatabase.flyway(dataSource).load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 12, 7, 23, 0));
		List<Object[]> users = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			users.add(new Object[] { i + 1L, String.format("cd%06d", i), "x", now, "CD" + i });
		}
		jdbc.batchUpdate(
				"INSERT INTO console_user (id, username, password_hash, role, enabled, must_change_password,"
						+ " failed_sign_ins, created_at, union_code) VALUES (?, ?, ?, 'UNION', TRUE, FALSE, 0, ?, ?)",
				users);
		// a province for the first user, one in the middle, and the last one: each in
		// another page of ids
		jdbc.batchUpdate("INSERT INTO console_user_province (user_id, province_code) VALUES (?, ?)",
				List.of(new Object[] { 1L, "75" }, new Object[] { 33_001L, "01" }, new Object[] { 33_001L, "79" },
						new Object[] { (long) USERS, "48" }));

		List<ConsoleUser> all = new ConsoleUsers(dataSource, ConsoleUsers.passwordEncoder()).all();

		assertThat(all).hasSize(USERS);
		Map<String, ConsoleUser> byName = all.stream().collect(Collectors.toMap(ConsoleUser::username, (user) -> user));
		assertThat(byName.get("cd000000").provinces()).containsExactly("75");
		assertThat(byName.get("cd033000").provinces()).containsExactlyInAnyOrder("01", "79");
		assertThat(byName.get(String.format("cd%06d", USERS - 1)).provinces()).containsExactly("48");
		assertThat(all.stream().filter((user) -> !user.provinces().isEmpty())).hasSize(3);
	}

}
