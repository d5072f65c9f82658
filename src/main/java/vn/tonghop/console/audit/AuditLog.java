package vn.tonghop.console.audit;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The console's audit log: who did what, when, from which address. Each entry is also
 * logged, one line, for the operator's log file.
 */
@Component
public class AuditLog {

	private static final Log logger = LogFactory.getLog(AuditLog.class);

	/** What an entry records. */
	public enum Action {

		SIGN_IN, SIGN_IN_FAILED, SIGN_IN_LOCKED, SIGN_OUT, PASSWORD_CHANGED, DOWNLOAD, RUN_STARTED, RUN_REFUSED,
		REGISTRY_LOADED, USER_CREATED, USER_DISABLED, USER_ENABLED, USER_RESCOPED, USER_PASSWORD_RESET,

		/** A union's return sent on its page (console/union). */
		UNION_UPLOAD,

		/** A union's upload refused (another union's, too large, too many). */
		UNION_UPLOAD_REFUSED,

		/** A province's deadline for a year. */
		DEADLINE_SET,

		/** The unions' accounts made from a year's registry (console/unions). */
		UNION_ACCOUNTS_CREATED,

		/** A union's account given a new one-time code. */
		UNION_CODE_RESET

	}

	/** One entry. */
	public record Entry(long id, LocalDateTime at, String username, String address, String action, String detail) {

	}

	private final JdbcTemplate jdbc;

	public AuditLog(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records what the signed-in user of the current request did. */
	public void record(Action action, String detail) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String username = (authentication != null && authentication.isAuthenticated()
				&& !"anonymousUser".equals(authentication.getName())) ? authentication.getName() : null;
		record(username, address(), action, detail);
	}

	/** Records what {@code username} did from {@code address}. */
	public void record(String username, String address, Action action, String detail) {
		String cut = (detail != null && detail.length() > 2000) ? detail.substring(0, 2000) : detail;
		this.jdbc.update("INSERT INTO audit_log (at, username, address, action, detail) VALUES (?, ?, ?, ?, ?)",
				Timestamp.valueOf(LocalDateTime.now()), username, address, action.name(), cut);
		logger
			.info("Nhật ký kiểm tra: " + action.name() + " bởi " + ((username != null) ? username : "(chưa đăng nhập)")
					+ " từ " + address + ((cut != null) ? ": " + cut : ""));
	}

	/**
	 * Which entries to show: those of an action, of a user (her sign-in name, case
	 * ignored), or both; null for any.
	 *
	 * @param action the action's name, or null
	 * @param username the user's sign-in name, or null
	 */
	public record Filter(String action, String username) {

		/** Every entry. */
		public static final Filter NONE = new Filter(null, null);

		public Filter {
			action = (action == null || action.isBlank()) ? null : action.strip();
			username = (username == null || username.isBlank()) ? null : username.strip();
		}

		private String where() {
			List<String> conditions = new ArrayList<>();
			if (this.action != null) {
				conditions.add("action = ?");
			}
			if (this.username != null) {
				conditions.add("LOWER(username) = LOWER(?)");
			}
			return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		}

		private List<Object> arguments() {
			List<Object> arguments = new ArrayList<>();
			if (this.action != null) {
				arguments.add(this.action);
			}
			if (this.username != null) {
				arguments.add(this.username);
			}
			return arguments;
		}

	}

	/** The newest entries first, {@code limit} at most, from {@code offset}. */
	public List<Entry> newest(int offset, int limit) {
		return newest(Filter.NONE, offset, limit);
	}

	/**
	 * The newest entries that {@code filter} keeps, first, {@code limit} at most, from
	 * {@code offset}.
	 */
	public List<Entry> newest(Filter filter, int offset, int limit) {
		List<Object> arguments = filter.arguments();
		arguments.add(offset);
		arguments.add(limit);
		return this.jdbc.query(
				"SELECT id, at, username, address, action, detail FROM audit_log" + filter.where()
						+ " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
				(rs, row) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6)),
				arguments.toArray());
	}

	/** How many entries there are. */
	public long count() {
		return count(Filter.NONE);
	}

	/** How many entries {@code filter} keeps. */
	public long count(Filter filter) {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_log" + filter.where(), Long.class,
				filter.arguments().toArray());
		return (count != null) ? count : 0;
	}

	/**
	 * The address of the current request's client: behind a reverse proxy, the one it
	 * forwarded (the server then trusts {@code X-Forwarded-For}).
	 */
	public static String address() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return address(servlet.getRequest());
		}
		return null;
	}

	public static String address(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

}
