package vn.tonghop.console.unions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.tonghop.console.Scope;
import vn.tonghop.console.users.ConsoleUser;
import vn.tonghop.console.users.ConsoleUsers;
import vn.tonghop.normalise.Province;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.TextFold;
import vn.tonghop.registry.RegistryStore;

/**
 * The grassroots unions' console accounts, made from a year's registry in one step, for
 * the page {@code /unions} and {@code tonghop user unions} alike: every union of the
 * registry in the provinces asked for gets an account (its sign-in name from its union
 * code, a one-time code), a disabled account of a union back in the registry is enabled
 * again with a new code, the accounts of those provinces' unions no longer in the
 * registry are disabled, and existing enabled accounts are left as they are (their code
 * is not known: the list says so). All in one transaction, with the list handed over
 * before it commits: when the list cannot be delivered (a full disk), nothing is changed,
 * so no code is ever made that nobody can read.
 */
public class UnionAccounts {

	/** The longest display name the table takes. */
	static final int MAX_DISPLAY_NAME = 200;

	/**
	 * How the one-time codes made here are hashed: bcrypt (the console's delegating
	 * encoder reads it as any other) at cost 4, not the 10 of chosen passwords. The cost
	 * slows the guessing of a password a person chose; a code of 16 characters drawn at
	 * random from 49 (about 90 bits) cannot be guessed at any cost, and at cost 10 a
	 * province of 2,000 unions took 4 minutes of one request (0.11 s a code), at cost 4 a
	 * few seconds. The password a union chooses at its first sign-in is hashed as every
	 * other.
	 */
	static final PasswordEncoder ONE_TIME_CODES = new DelegatingPasswordEncoder("bcrypt",
			Map.of("bcrypt", new BCryptPasswordEncoder(4)));

	/** What happened to a union's account. */
	public enum Change {

		/** A new account, with a one-time code. */
		NEW("tạo mới"),

		/** An enabled account left as it was: no new code. */
		KEPT("đã có tài khoản"),

		/**
		 * A disabled account of a union back in the registry, with a new one-time code.
		 */
		RE_ENABLED("kích hoạt lại, mã mới"),

		/**
		 * The account of a union no longer in the registry: it cannot sign in any more.
		 */
		DISABLED("vô hiệu hoá: không còn trong danh sách");

		private final String label;

		Change(String label) {
			this.label = label;
		}

		/** What the list says, in Vietnamese. */
		public String label() {
			return this.label;
		}

	}

	/**
	 * One line of the list.
	 *
	 * @param unionCode the union's code
	 * @param unionName its name in the registry (for a disabled one, its account's name)
	 * @param provinceCode its province, or null when the registry's text is unresolved
	 * @param provinceName the province's name, or empty
	 * @param username its sign-in name
	 * @param oneTimeCode the one-time code made now, or null (kept, disabled)
	 * @param change what happened
	 */
	public record Line(String unionCode, String unionName, String provinceCode, String provinceName, String username,
			String oneTimeCode, Change change) {

	}

	/**
	 * What a run did: its lines by province, then union code.
	 *
	 * @param year the registry's year
	 * @param provinces the codes of the provinces asked for; empty for every province
	 * @param lines the lines
	 */
	public record Outcome(int year, Set<String> provinces, List<Line> lines) {

		/** How many lines are of {@code change}. */
		public int count(Change change) {
			return (int) this.lines.stream().filter((line) -> line.change() == change).count();
		}

		/** The counts for the audit log, in Vietnamese. */
		public String counts() {
			return count(Change.NEW) + " tạo mới, " + count(Change.KEPT) + " đã có, " + count(Change.RE_ENABLED)
					+ " kích hoạt lại, " + count(Change.DISABLED) + " vô hiệu hoá";
		}

	}

	/** A year without a registry: there is nothing to make the accounts from. */
	public static class NoRegistry extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		private final int year;

		NoRegistry(int year) {
			super("Chưa nạp danh sách công đoàn cơ sở năm " + year + ": nạp danh sách (tonghop registry --input TỆP"
					+ " --year " + year + ", hoặc trang Danh sách CĐCS) rồi tạo tài khoản.");
			this.year = year;
		}

		public int year() {
			return this.year;
		}

	}

	/** Receives the list before the transaction commits; throwing undoes everything. */
	@FunctionalInterface
	public interface Delivery {

		void deliver(Outcome outcome) throws Exception;

	}

	/**
	 * The unions and accounts of a province.
	 *
	 * @param code the province's code, or null for the unions whose province is unknown
	 * @param name its name
	 * @param unions the unions of the year's registry in it
	 * @param accounts the union accounts of it
	 * @param enabled those enabled
	 * @param neverSignedIn those enabled still holding their one-time code
	 */
	public record ProvinceCount(String code, String name, int unions, int accounts, int enabled, int neverSignedIn) {

	}

	private record Entry(String unionCode, String unionName, String provinceCode) {
	}

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final ConsoleUsers users;

	private final ProvinceResolver provinces;

	public UnionAccounts(DataSource dataSource, ProvinceResolver provinces) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.users = new ConsoleUsers(dataSource, ONE_TIME_CODES);
		this.provinces = provinces;
	}

	/**
	 * Makes, enables again and disables the accounts of the unions of {@code scope}'s
	 * provinces after the year's registry, and hands the list to {@code delivery} before
	 * it commits.
	 * @throws NoRegistry when no registry of the year was loaded
	 */
	public Outcome create(int year, Scope scope, Delivery delivery) {
		if (new RegistryStore(this.jdbc).size(year) < 0) {
			throw new NoRegistry(year);
		}
		return this.transactions.execute((status) -> {
			Outcome outcome = apply(year, scope);
			try {
				delivery.deliver(outcome);
			}
			catch (RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex.getMessage(), ex);
			}
			return outcome;
		});
	}

	private Outcome apply(int year, Scope scope) {
		List<Entry> registry = registry(year);
		Set<String> listed = new HashSet<>();
		registry.forEach((entry) -> listed.add(entry.unionCode()));
		Map<String, ConsoleUser> accounts = new HashMap<>();
		Set<String> taken = new HashSet<>();
		for (ConsoleUser user : this.users.all()) {
			taken.add(user.username().toLowerCase(Locale.ROOT));
			if (user.union()) {
				accounts.put(user.unionCode(), user);
			}
		}
		List<Line> lines = new ArrayList<>();
		for (Entry entry : registry) {
			if (!inScope(scope, entry.provinceCode())) {
				continue;
			}
			ConsoleUser account = accounts.get(entry.unionCode());
			String provinceName = provinceName(entry.provinceCode());
			if (account == null) {
				String username = freeUsername(entry.unionCode(), taken);
				String code = ConsoleUsers.oneTimePassword();
				this.users.createUnion(username, displayName(entry), entry.unionCode(), entry.provinceCode(), code);
				taken.add(username);
				lines.add(new Line(entry.unionCode(), entry.unionName(), entry.provinceCode(), provinceName, username,
						code, Change.NEW));
			}
			else if (!account.enabled()) {
				String code = ConsoleUsers.oneTimePassword();
				this.users.setEnabled(account.id(), true);
				this.users.setPassword(account.id(), code, true);
				lines.add(new Line(entry.unionCode(), entry.unionName(), entry.provinceCode(), provinceName,
						account.username(), code, Change.RE_ENABLED));
			}
			else {
				lines.add(new Line(entry.unionCode(), entry.unionName(), entry.provinceCode(), provinceName,
						account.username(), null, Change.KEPT));
			}
		}
		for (ConsoleUser account : accounts.values()) {
			String province = province(account);
			if (account.enabled() && !listed.contains(account.unionCode()) && inScope(scope, province)) {
				this.users.setEnabled(account.id(), false);
				lines.add(new Line(account.unionCode(), account.shownName(), province, provinceName(province),
						account.username(), null, Change.DISABLED));
			}
		}
		lines.sort(Comparator.comparing((Line line) -> (line.provinceCode() != null) ? line.provinceCode() : "~")
			.thenComparing(Line::unionCode));
		return new Outcome(year, scope.all() ? Set.of() : scope.provinces(), List.copyOf(lines));
	}

	/**
	 * The unions and accounts of each province of {@code scope} for the year's registry
	 * (none when it has no registry), in the order of the provinces' table; for the
	 * federation, a last line for the unions whose province is unknown, when there are
	 * any.
	 */
	public List<ProvinceCount> counts(int year, Scope scope) {
		Map<String, Integer> unions = new HashMap<>();
		for (Entry entry : registry(year)) {
			unions.merge(key(entry.provinceCode()), 1, Integer::sum);
		}
		Map<String, int[]> accounts = new HashMap<>();
		for (ConsoleUser user : this.users.all()) {
			if (user.union()) {
				int[] count = accounts.computeIfAbsent(key(province(user)), (code) -> new int[3]);
				count[0]++;
				count[1] += user.enabled() ? 1 : 0;
				count[2] += (user.enabled() && user.mustChangePassword()) ? 1 : 0;
			}
		}
		List<ProvinceCount> counts = new ArrayList<>();
		for (Province province : this.provinces.all()) {
			if (scope.allows(province.code())) {
				int[] count = accounts.getOrDefault(province.code(), new int[3]);
				counts.add(new ProvinceCount(province.code(), province.name(), unions.getOrDefault(province.code(), 0),
						count[0], count[1], count[2]));
			}
		}
		if (scope.all() && (unions.containsKey("") || accounts.containsKey(""))) {
			int[] count = accounts.getOrDefault("", new int[3]);
			counts.add(new ProvinceCount(null, "", unions.getOrDefault("", 0), count[0], count[1], count[2]));
		}
		return counts;
	}

	/** The union accounts of a province, by sign-in name. */
	public List<ConsoleUser> accounts(String provinceCode) {
		return this.users.all().stream().filter((user) -> user.union() && provinceCode.equals(province(user))).toList();
	}

	/** The union account of an id, if it is one. */
	public java.util.Optional<ConsoleUser> account(long id) {
		return this.users.byId(id).filter(ConsoleUser::union);
	}

	/** The province of a union account (its analysts manage it), or null. */
	public static String province(ConsoleUser account) {
		return account.provinces().stream().findFirst().orElse(null);
	}

	/**
	 * A sign-in name a clerk can type, from a union code: lower case, without accents,
	 * each run of other characters a hyphen ({@code CĐ 75/03} becomes {@code cd-75-03}),
	 * with {@code -2}, {@code -3}... when taken.
	 */
	static String freeUsername(String unionCode, Set<String> taken) {
		String base = TextFold.fold(unionCode).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (base.length() < 2) {
			base = "cdcs-" + base;
		}
		if (base.length() > 90) {
			base = base.substring(0, 90);
		}
		String name = base;
		for (int n = 2; taken.contains(name) || ConsoleUsers.badUsername(name) != null; n++) {
			name = base + "-" + n;
		}
		return name;
	}

	private static String displayName(Entry entry) {
		String name = (entry.unionName() != null && !entry.unionName().isBlank()) ? entry.unionName().strip()
				: entry.unionCode();
		return (name.length() > MAX_DISPLAY_NAME) ? name.substring(0, MAX_DISPLAY_NAME) : name;
	}

	private String provinceName(String code) {
		if (code == null) {
			return "";
		}
		return this.provinces.byCode(code).map(Province::name).orElse(code);
	}

	private static boolean inScope(Scope scope, String provinceCode) {
		return scope.all() || scope.allows(provinceCode);
	}

	private static String key(String provinceCode) {
		return (provinceCode != null) ? provinceCode : "";
	}

	/** The year's registry, by union code (the same code once). */
	private List<Entry> registry(int year) {
		Map<String, Entry> entries = new TreeMap<>();
		this.jdbc.query("SELECT c.union_code, c.union_name, c.province_code FROM (" + RegistryStore.CURRENT + ") c",
				(rs) -> {
					String province = rs.getString(3);
					Entry entry = new Entry(rs.getString(1).strip(), rs.getString(2),
							(province != null && !province.isBlank()) ? province.strip() : null);
					entries.putIfAbsent(entry.unionCode(), entry);
				}, year);
		return new ArrayList<>(entries.values());
	}

}
