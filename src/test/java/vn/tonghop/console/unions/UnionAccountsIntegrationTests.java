package vn.tonghop.console.unions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.TestDatabase;
import vn.tonghop.console.Scope;
import vn.tonghop.console.unions.UnionAccounts.Change;
import vn.tonghop.console.unions.UnionAccounts.Line;
import vn.tonghop.console.unions.UnionAccounts.Outcome;
import vn.tonghop.console.users.ConsoleUser;
import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.console.users.Role;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.registry.RegistryEntry;
import vn.tonghop.registry.RegistryStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of the unions' accounts against a real database (H2, or PostgreSQL in its
 * run): a new account per union of the provinces asked for, an enabled one kept without a
 * new code, a disabled one of a union back in the registry enabled with a new code, the
 * account of a union dropped from the registry disabled, another province's accounts
 * untouched, and nothing without a registry or when the list cannot be delivered.
 */
class UnionAccountsIntegrationTests {

	static final Scope DONG_NAI = new Scope(false, Set.of("75"));

	DataSource dataSource;

	ConsoleUsers users;

	UnionAccounts accounts;

	RegistryStore registry;

	@BeforeEach
	void database(TestInfo test) {
		this.dataSource = TestDatabase.fresh("union_accounts_" + test.getTestMethod().orElseThrow().getName());
		TestDatabase.flyway(this.dataSource).cleanDisabled(false).load().clean();
		TestDatabase.flyway(this.dataSource).load().migrate();
		this.users = new ConsoleUsers(this.dataSource, ConsoleUsers.passwordEncoder());
		this.accounts = new UnionAccounts(this.dataSource, ProvinceResolver.load());
		this.registry = new RegistryStore(new JdbcTemplate(this.dataSource));
	}

	/** Loads a registry of 2026: each union as "CODE province". */
	void registry(String... unions) {
		List<RegistryEntry> entries = new ArrayList<>();
		int row = 2;
		for (String union : unions) {
			String[] parts = union.split(" ");
			String province = (parts.length > 1) ? parts[1] : null;
			entries.add(new RegistryEntry(row++, parts[0], "Công đoàn cơ sở " + parts[0], province, province,
					"Doanh nghiệp", "DN", null));
		}
		this.registry.replace(2026, "danh-sach.xlsx", "0".repeat(64), entries);
	}

	Outcome create(Scope scope) {
		return this.accounts.create(2026, scope, (outcome) -> {
		});
	}

	static Map<String, Line> byUnion(Outcome outcome) {
		return outcome.lines().stream().collect(Collectors.toMap(Line::unionCode, Function.identity()));
	}

	ConsoleUser account(String unionCode) {
		return this.users.byUnion(unionCode).orElseThrow();
	}

	@Test
	void everyUnionOfTheProvinceGetsAnAccountWithAOneTimeCode() {
		registry("CD750001 75", "CD750002 75", "CD010001 01");
		Outcome outcome = create(DONG_NAI);
		assertThat(outcome.lines()).extracting(Line::unionCode).containsExactly("CD750001", "CD750002");
		assertThat(outcome.lines()).extracting(Line::change).containsOnly(Change.NEW);
		assertThat(outcome.provinces()).containsExactly("75");
		Line first = outcome.lines().get(0);
		assertThat(first.username()).isEqualTo("cd750001");
		assertThat(first.provinceName()).isEqualTo("Đồng Nai");
		assertThat(first.unionName()).isEqualTo("Công đoàn cơ sở CD750001");
		assertThat(first.oneTimeCode()).hasSize(16);
		ConsoleUser account = account("CD750001");
		assertThat(account.role()).isEqualTo(Role.UNION);
		assertThat(account.username()).isEqualTo("cd750001");
		assertThat(account.displayName()).isEqualTo("Công đoàn cơ sở CD750001");
		assertThat(account.provinces()).containsExactly("75");
		assertThat(account.enabled()).isTrue();
		assertThat(account.mustChangePassword()).isTrue();
		assertThat(this.users.matches(account.id(), first.oneTimeCode())).as("read as any password").isTrue();
		assertThat(new JdbcTemplate(this.dataSource)
			.queryForObject("SELECT password_hash FROM console_user WHERE id = ?", String.class, account.id()))
			.as("bcrypt at cost 4: a random code needs no more")
			.startsWith("{bcrypt}$2a$04$");
		assertThat(this.users.byUnion("CD010001")).as("another province: no account").isEmpty();
	}

	@Test
	void aSecondRunKeepsTheAccountsAndMakesNoNewCode() {
		registry("CD750001 75", "CD750002 75");
		String code = byUnion(create(DONG_NAI)).get("CD750001").oneTimeCode();
		long id = account("CD750001").id();

		Outcome again = create(DONG_NAI);
		assertThat(again.lines()).extracting(Line::change).containsOnly(Change.KEPT);
		assertThat(again.lines()).extracting(Line::oneTimeCode).containsOnlyNulls();
		assertThat(account("CD750001").id()).isEqualTo(id);
		assertThat(this.users.matches(id, code)).as("the code mailed out still works").isTrue();
		assertThat(this.users.all()).hasSize(2);
	}

	@Test
	void theNextYearsRegistryAddsTheNewUnionsAndDisablesTheDroppedOnes() {
		registry("CD750001 75", "CD750002 75", "CD010001 01");
		create(Scope.ALL);
		registry("CD750001 75", "CD750003 75", "CD010009 01");

		Map<String, Line> lines = byUnion(create(DONG_NAI));
		assertThat(lines.keySet()).containsExactlyInAnyOrder("CD750001", "CD750002", "CD750003");
		assertThat(lines.get("CD750001").change()).isEqualTo(Change.KEPT);
		assertThat(lines.get("CD750003").change()).isEqualTo(Change.NEW);
		assertThat(lines.get("CD750002").change()).isEqualTo(Change.DISABLED);
		assertThat(lines.get("CD750002").oneTimeCode()).isNull();
		assertThat(account("CD750002").enabled()).isFalse();
		assertThat(account("CD750001").enabled()).isTrue();
		assertThat(account("CD010001").enabled()).as("Hà Nội's union, dropped too, is not Đồng Nai's to disable")
			.isTrue();
		assertThat(this.users.byUnion("CD010009")).as("Hà Nội's new union waits for Hà Nội's run").isEmpty();
	}

	@Test
	void aDisabledUnionBackInTheRegistryIsEnabledWithANewCode() {
		registry("CD750001 75", "CD750002 75");
		String first = byUnion(create(DONG_NAI)).get("CD750002").oneTimeCode();
		registry("CD750001 75");
		create(DONG_NAI);
		assertThat(account("CD750002").enabled()).isFalse();
		registry("CD750001 75", "CD750002 75");

		Line back = byUnion(create(DONG_NAI)).get("CD750002");
		assertThat(back.change()).isEqualTo(Change.RE_ENABLED);
		assertThat(back.oneTimeCode()).hasSize(16).isNotEqualTo(first);
		ConsoleUser account = account("CD750002");
		assertThat(account.enabled()).isTrue();
		assertThat(account.mustChangePassword()).isTrue();
		assertThat(this.users.matches(account.id(), back.oneTimeCode())).isTrue();
		assertThat(this.users.matches(account.id(), first)).isFalse();
	}

	@Test
	void aDroppedUnionAlreadyDisabledIsNotListedAgain() {
		registry("CD750001 75", "CD750002 75");
		create(DONG_NAI);
		registry("CD750001 75");
		assertThat(create(DONG_NAI).count(Change.DISABLED)).isEqualTo(1);
		assertThat(create(DONG_NAI).count(Change.DISABLED)).isZero();
	}

	@Test
	void aTakenSignInNameGetsANumber() {
		this.users.create("cd750001", null, Role.ANALYST, Set.of("75"), "Mat-khau-thu-2026", false);
		registry("CD750001 75", "CĐ75/02 75");
		Map<String, Line> lines = byUnion(create(DONG_NAI));
		assertThat(lines.get("CD750001").username()).isEqualTo("cd750001-2");
		assertThat(lines.get("CĐ75/02").username()).isEqualTo("cd75-02");
		assertThat(this.users.byUsername("cd750001").orElseThrow().role()).isEqualTo(Role.ANALYST);
	}

	@Test
	void theFederationsRunTakesTheUnionsOfNoKnownProvinceToo() {
		registry("CD750001 75", "CD990001");
		Map<String, Line> lines = byUnion(create(Scope.ALL));
		assertThat(lines.get("CD990001").change()).isEqualTo(Change.NEW);
		assertThat(lines.get("CD990001").provinceName()).isEmpty();
		assertThat(account("CD990001").provinces()).isEmpty();
		assertThat(this.accounts.counts(2026, Scope.ALL)).last()
			.satisfies((count) -> assertThat(count.code()).isNull())
			.satisfies((count) -> assertThat(count.unions()).isEqualTo(1));
	}

	@Test
	void theCountsOfAProvince() {
		registry("CD750001 75", "CD750002 75", "CD750003 75");
		create(DONG_NAI);
		registry("CD750001 75", "CD750003 75");
		create(DONG_NAI);
		UnionAccounts.ProvinceCount count = this.accounts.counts(2026, DONG_NAI).get(0);
		assertThat(count.code()).isEqualTo("75");
		assertThat(count.unions()).isEqualTo(2);
		assertThat(count.accounts()).isEqualTo(3);
		assertThat(count.enabled()).isEqualTo(2);
		assertThat(count.neverSignedIn()).isEqualTo(2);
		assertThat(this.accounts.counts(2026, DONG_NAI)).hasSize(1);
		assertThat(this.accounts.accounts("75")).extracting(ConsoleUser::unionCode)
			.containsExactlyInAnyOrder("CD750001", "CD750002", "CD750003");
	}

	@Nested
	class Refused {

		@Test
		void withoutARegistryOfTheYear() {
			registry("CD750001 75");
			assertThatThrownBy(() -> UnionAccountsIntegrationTests.this.accounts.create(2025, DONG_NAI, (outcome) -> {
			})).isInstanceOf(UnionAccounts.NoRegistry.class)
				.hasMessage("Chưa nạp danh sách công đoàn cơ sở năm 2025: nạp danh sách (tonghop registry --input TỆP"
						+ " --year 2025, hoặc trang Danh sách CĐCS) rồi tạo tài khoản.");
			assertThat(UnionAccountsIntegrationTests.this.users.all()).isEmpty();
		}

		@Test
		void nothingChangesWhenTheListCannotBeDelivered() {
			registry("CD750001 75", "CD750002 75");
			create(DONG_NAI);
			registry("CD750001 75", "CD750003 75");
			assertThatThrownBy(() -> UnionAccountsIntegrationTests.this.accounts.create(2026, DONG_NAI, (outcome) -> {
				throw new java.io.IOException("No space left on device");
			})).hasMessageContaining("No space left on device");
			assertThat(UnionAccountsIntegrationTests.this.users.byUnion("CD750003")).isEmpty();
			assertThat(account("CD750002").enabled()).isTrue();
		}

	}

}
