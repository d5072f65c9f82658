package vn.tonghop.console.users;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The console's users, their role and the provinces each may see, in the database.
 * Passwords are hashed by Spring Security's delegating encoder (bcrypt, the hash prefixed
 * {@code {bcrypt}}). Used by the console and by {@code tonghop user}.
 */
public class ConsoleUsers {

	/** The shortest password accepted. */
	public static final int MIN_PASSWORD_LENGTH = 10;

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");

	/**
	 * Letters and digits that are not mistaken for each other when read aloud or typed.
	 */
	private static final String ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679";

	private static final SecureRandom random = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final PasswordEncoder encoder;

	public ConsoleUsers(DataSource dataSource, PasswordEncoder encoder) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.encoder = encoder;
	}

	/** The encoder of the console's passwords: delegating, bcrypt for new ones. */
	public static PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/** A random one-time password of 16 characters. */
	public static String oneTimePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ONE_TIME_ALPHABET.charAt(random.nextInt(ONE_TIME_ALPHABET.length())));
		}
		return password.toString();
	}

	/**
	 * Why {@code username} cannot be a user's name, in Vietnamese; null when it can.
	 */
	public static String badUsername(String username) {
		if (username == null || !USERNAME.matcher(username).matches()) {
			return "tên đăng nhập phải dài 2–100 ký tự, chỉ gồm chữ không dấu, chữ số và . _ @ -";
		}
		return null;
	}

	/** Why {@code password} is not accepted, in Vietnamese; null when it is. */
	public static String badPassword(String password, String username) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			return "mật khẩu phải dài ít nhất " + MIN_PASSWORD_LENGTH + " ký tự";
		}
		if (password.length() > 72) {
			return "mật khẩu dài quá 72 ký tự";
		}
		if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
			return "mật khẩu không được chứa tên đăng nhập";
		}
		return null;
	}

	/** How many users the federation has: its ADMINs and ANALYSTs, not the unions. */
	public int countFederation() {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM console_user WHERE role <> ?", Integer.class,
				Role.UNION.name());
		return (count != null) ? count : 0;
	}

	/** The user of a sign-in name, the name's case ignored. */
	public Optional<ConsoleUser> byUsername(String username) {
		List<ConsoleUser> found = query("WHERE LOWER(u.username) = LOWER(?)", username);
		return found.stream().findFirst();
	}

	/** The user of an id. */
	public Optional<ConsoleUser> byId(long id) {
		return query("WHERE u.id = ?", id).stream().findFirst();
	}

	/** Every user, by sign-in name. */
	public List<ConsoleUser> all() {
		return query("");
	}

	/** The password hash of a user, for sign-in. */
	String passwordHash(long id) {
		return this.jdbc.queryForObject("SELECT password_hash FROM console_user WHERE id = ?", String.class, id);
	}

	/**
	 * Makes a user; {@code mustChange}: the password is one-time. Fails with
	 * {@link IllegalArgumentException} (a Vietnamese message) on a taken or bad name.
	 */
	public ConsoleUser create(String username, String displayName, Role role, Collection<String> provinces,
			String password, boolean mustChange) {
		String bad = badUsername(username);
		if (bad != null) {
			throw new IllegalArgumentException(bad);
		}
		if (byUsername(username).isPresent()) {
			throw new IllegalArgumentException("đã có người dùng " + username);
		}
		if (role == Role.ANALYST && (provinces == null || provinces.isEmpty())) {
			throw new IllegalArgumentException("người dùng ANALYST cần ít nhất một tỉnh, thành phố");
		}
		if (role == Role.UNION) {
			throw new IllegalArgumentException("tài khoản công đoàn cơ sở được tạo theo danh sách của năm");
		}
		String hash = this.encoder.encode(password);
		return this.transactions.execute((status) -> {
			this.jdbc.update(
					"INSERT INTO console_user (username, display_name, password_hash, role, enabled,"
							+ " must_change_password, failed_sign_ins, created_at) VALUES (?, ?, ?, ?, TRUE, ?, 0, ?)",
					username, blankToNull(displayName), hash, role.name(), mustChange,
					Timestamp.valueOf(LocalDateTime.now()));
			long id = this.jdbc.queryForObject("SELECT id FROM console_user WHERE username = ?", Long.class, username);
			writeProvinces(id, (role == Role.ADMIN) ? Set.of() : provinces);
			return byId(id).orElseThrow();
		});
	}

	/**
	 * Makes the account of a union (role UNION) with a one-time password: the first
	 * sign-in asks for a new one. {@code provinceCode}: the union's province in the
	 * registry (its analysts manage the account), or null when unknown.
	 */
	public ConsoleUser createUnion(String username, String displayName, String unionCode, String provinceCode,
			String oneTimePassword) {
		String bad = badUsername(username);
		if (bad != null) {
			throw new IllegalArgumentException(bad);
		}
		if (byUsername(username).isPresent()) {
			throw new IllegalArgumentException("đã có người dùng " + username);
		}
		if (byUnion(unionCode).isPresent()) {
			throw new IllegalArgumentException("công đoàn cơ sở " + unionCode + " đã có tài khoản");
		}
		String hash = this.encoder.encode(oneTimePassword);
		return this.transactions.execute((status) -> {
			this.jdbc.update(
					"INSERT INTO console_user (username, display_name, password_hash, role, enabled,"
							+ " must_change_password, failed_sign_ins, created_at, union_code)"
							+ " VALUES (?, ?, ?, ?, TRUE, TRUE, 0, ?, ?)",
					username, blankToNull(displayName), hash, Role.UNION.name(), Timestamp.valueOf(LocalDateTime.now()),
					unionCode);
			long id = this.jdbc.queryForObject("SELECT id FROM console_user WHERE username = ?", Long.class, username);
			writeProvinces(id, (provinceCode != null) ? Set.of(provinceCode) : Set.of());
			return byId(id).orElseThrow();
		});
	}

	/** The account of a union code, if it has one. */
	public Optional<ConsoleUser> byUnion(String unionCode) {
		return query("WHERE u.union_code = ?", unionCode).stream().findFirst();
	}

	/** Sets a user's password; {@code mustChange}: it is one-time. */
	public void setPassword(long id, String password, boolean mustChange) {
		this.jdbc.update("UPDATE console_user SET password_hash = ?, must_change_password = ? WHERE id = ?",
				this.encoder.encode(password), mustChange, id);
	}

	/** Whether {@code password} is the user's. */
	public boolean matches(long id, String password) {
		return this.encoder.matches(password, passwordHash(id));
	}

	/** Enables or disables a user. */
	public void setEnabled(long id, boolean enabled) {
		this.jdbc.update("UPDATE console_user SET enabled = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?",
				enabled, id);
	}

	/** Changes a user's role and provinces. */
	public void rescope(long id, Role role, Collection<String> provinces) {
		if (role == Role.ANALYST && (provinces == null || provinces.isEmpty())) {
			throw new IllegalArgumentException("người dùng ANALYST cần ít nhất một tỉnh, thành phố");
		}
		if (role == Role.UNION || byId(id).map(ConsoleUser::union).orElse(false)) {
			throw new IllegalArgumentException("vai trò của tài khoản công đoàn cơ sở không đổi được");
		}
		this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("UPDATE console_user SET role = ? WHERE id = ?", role.name(), id);
			this.jdbc.update("DELETE FROM console_user_province WHERE user_id = ?", id);
			writeProvinces(id, (role == Role.ADMIN) ? Set.of() : provinces);
		});
	}

	/**
	 * Records a failed sign-in; locks the account until {@code now + lock} once it has
	 * {@code max} failures in a row. Returns whether it is locked now.
	 */
	public boolean failedSignIn(long id, int max, java.time.Duration lock, LocalDateTime now) {
		this.jdbc.update("UPDATE console_user SET failed_sign_ins = failed_sign_ins + 1 WHERE id = ?", id);
		Integer failed = this.jdbc.queryForObject("SELECT failed_sign_ins FROM console_user WHERE id = ?",
				Integer.class, id);
		if (failed != null && failed >= max) {
			this.jdbc.update("UPDATE console_user SET locked_until = ?, failed_sign_ins = 0 WHERE id = ?",
					Timestamp.valueOf(now.plus(lock)), id);
			return true;
		}
		return false;
	}

	/**
	 * Ends the lock of too many failed sign-ins, if any: the user may sign in at once (an
	 * administrator's password reset).
	 */
	public void unlock(long id) {
		this.jdbc.update("UPDATE console_user SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?", id);
	}

	/** Records a good sign-in: the count of failures starts again. */
	public void signedIn(long id) {
		this.jdbc.update("UPDATE console_user SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?", id);
	}

	private void writeProvinces(long id, Collection<String> provinces) {
		for (String code : new TreeSet<>(provinces)) {
			this.jdbc.update("INSERT INTO console_user_province (user_id, province_code) VALUES (?, ?)", id, code);
		}
	}

	/**
	 * The users {@code where} selects, with their provinces: those of these users only
	 * (every request of a session reads its user).
	 */
	private List<ConsoleUser> query(String where, Object... arguments) {
		List<ConsoleUser> users = this.jdbc.query("SELECT u.id, u.username, u.display_name, u.role, u.enabled,"
				+ " u.must_change_password, u.failed_sign_ins, u.locked_until, u.created_at, u.union_code"
				+ " FROM console_user u " + where + " ORDER BY u.username", (rs, n) -> {
					Timestamp locked = rs.getTimestamp(8);
					return new ConsoleUser(rs.getLong(1), rs.getString(2), rs.getString(3),
							Role.valueOf(rs.getString(4)), Set.of(), rs.getBoolean(5), rs.getBoolean(6), rs.getInt(7),
							(locked != null) ? locked.toLocalDateTime() : null, rs.getTimestamp(9).toLocalDateTime(),
							rs.getString(10));
				}, arguments);
		if (users.isEmpty()) {
			return users;
		}
		// the same users' provinces, chosen by the same condition: not by their ids, one
		// parameter each, which PostgreSQL refused past 65,535 (a federation's accounts)
		Map<Long, Set<String>> provinces = new LinkedHashMap<>();
		this.jdbc.query("SELECT user_id, province_code FROM console_user_province WHERE user_id IN"
				+ " (SELECT u.id FROM console_user u " + where + ")", (ResultSet rs) -> {
					provinces.computeIfAbsent(rs.getLong(1), (key) -> new TreeSet<>()).add(rs.getString(2).trim());
				}, arguments);
		return users.stream()
			.map((user) -> new ConsoleUser(user.id(), user.username(), user.displayName(), user.role(),
					Set.copyOf(provinces.getOrDefault(user.id(), Set.of())), user.enabled(), user.mustChangePassword(),
					user.failedSignIns(), user.lockedUntil(), user.createdAt(), user.unionCode()))
			.toList();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
