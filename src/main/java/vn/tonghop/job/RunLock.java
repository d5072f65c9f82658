package vn.tonghop.job;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One run at a time per database: a job command ({@code run}, {@code ingest},
 * {@code consolidate}) holds this lock from before it launches a job until it ends, and a
 * second command meanwhile fails at once with {@link Busy}, before it has changed
 * anything.
 * <p>
 * Two mechanisms, because neither alone is both portable and safe after a crash:
 * <ul>
 * <li><b>PostgreSQL</b>: a session-level advisory lock ({@code pg_try_advisory_lock})
 * held on a connection of its own for the whole command. The server releases it when the
 * session ends, so a process killed with {@code kill -9} (or a lost machine) leaves no
 * stale lock. It is the lock that decides on PostgreSQL.</li>
 * <li><b>Any database</b> (H2, and PostgreSQL for the record of who runs): the single row
 * of table {@code run_lock}, inserted at start (its primary key makes the insert fail
 * when another run holds it) and deleted at the end, naming the holder's host, process id
 * and start time. A row is stale, and taken over with a log line, when on PostgreSQL the
 * advisory lock was free (its holder's session is gone), or when its holder ran on this
 * host and that process no longer runs ({@link ProcessHandle#of}) or is a later process
 * that reuses the id. A row left by another host on H2 cannot be checked and counts as
 * held; the message says how to clear it.</li>
 * </ul>
 * A second process cannot open an embedded H2 file at all (H2 locks the file), so with
 * the default database the row matters only to runs in one JVM (tests) or to H2 opened in
 * server mode; the start failure of such a second process is recognised by
 * {@link #databaseInUse(Throwable)} and reported with the same message.
 */
public final class RunLock implements AutoCloseable {

	/** The exit status of a command that found the database in use by another run. */
	public static final int BUSY_STATUS = 3;

	/** The key of the PostgreSQL advisory lock: "tonghop" in ASCII. */
	static final long ADVISORY_KEY = 0x746f6e67686f70L;

	private static final String ID = "tonghop";

	/** H2's "Database may be already in use" (ErrorCode.DATABASE_ALREADY_OPEN_1). */
	private static final int H2_DATABASE_ALREADY_OPEN = 90020;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

	/**
	 * Made when first used: a command refused from the note of another run
	 * ({@code EarlyRefusal}) ends before logging starts.
	 */
	private static Log logger() {
		return LogFactory.getLog(RunLock.class);
	}

	private static volatile String host;

	private final DataSource dataSource;

	private final Connection advisory;

	private final String token;

	/** The note of this run in the embedded database's data folder, or null. */
	private final Path note;

	/**
	 * The note a run leaves in the embedded database's data folder while it holds the
	 * lock: its host, process and start, so that a second command refuses at once
	 * ({@link #refuseWhileRunning}), before it starts the application and finds the H2
	 * file in use seconds later.
	 */
	public static final String NOTE = "tonghop-run.txt";

	private RunLock(DataSource dataSource, Connection advisory, String token, Path note) {
		this.dataSource = dataSource;
		this.advisory = advisory;
		this.token = token;
		this.note = note;
	}

	/**
	 * Takes the lock of the database behind {@code dataSource}, described to people as
	 * {@code database}.
	 * @throws Busy when another run holds it
	 */
	public static RunLock acquire(DataSource dataSource, String database) throws SQLException {
		Connection advisory = advisoryLock(dataSource, database);
		try {
			String token = claimRow(dataSource, database, advisory != null);
			return new RunLock(dataSource, advisory, token, writeNote(database));
		}
		catch (RuntimeException | SQLException ex) {
			releaseAdvisory(advisory);
			throw ex;
		}
	}

	/**
	 * Releases the lock; never fails (a row left behind is stale once this process ends).
	 */
	@Override
	public void close() {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement delete = connection
					.prepareStatement("DELETE FROM run_lock WHERE id = ? AND token = ?")) {
			autoCommit(connection);
			delete.setString(1, ID);
			delete.setString(2, this.token);
			delete.executeUpdate();
		}
		catch (SQLException ex) {
			logger().warn("Không xoá được khoá chạy trong bảng run_lock: " + ex.getMessage());
		}
		finally {
			releaseAdvisory(this.advisory);
			removeNote(this.note);
		}
	}

	/**
	 * Fails with {@link Busy} when the note of a run that is still going is in the data
	 * folder {@code database} (another process of this host; a note of a process gone, or
	 * of this one, is not): what a command does before it starts the application. Nothing
	 * for a database on a server.
	 */
	public static void refuseWhileRunning(String database) {
		Path note = folder(database);
		if (note == null || !Files.isRegularFile(note = note.resolve(NOTE))) {
			return;
		}
		try {
			String[] lines = Files.readString(note, java.nio.charset.StandardCharsets.UTF_8).split("\n");
			Holder holder = new Holder(null, lines[0].strip(), Long.parseLong(lines[1].strip()),
					LocalDateTime.parse(lines[2].strip()));
			if (holder.pid() != ProcessHandle.current().pid() && holder.host().equals(host())
					&& holder.staleBecause(false) == null) {
				throw new Busy(busyMessage(database, holder));
			}
		}
		catch (java.io.IOException | RuntimeException ex) {
			if (ex instanceof Busy busy) {
				throw busy;
			}
			// a note that cannot be read: the lock itself decides
			logger().debug("Không đọc được " + note, ex);
		}
	}

	/**
	 * Fails with {@link Busy} when a run holds the advisory lock of the PostgreSQL
	 * database at {@code url}: what a command does before it starts the application, on a
	 * connection of its own made with the user and password the application would use
	 * ({@code spring.datasource.username}/{@code password}, as a system property or
	 * {@code SPRING_DATASOURCE_USERNAME}/{@code PASSWORD}). Best effort: a database it
	 * cannot reach is left to the lock itself, after the start.
	 */
	public static void refuseWhileRunningOn(String url, String database) {
		if (url == null || !url.startsWith("jdbc:postgresql:")) {
			return;
		}
		String user = setting("spring.datasource.username", "SPRING_DATASOURCE_USERNAME");
		String password = setting("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD");
		java.util.Properties properties = new java.util.Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", "2");
		properties.setProperty("loginTimeout", "2");
		boolean held = false;
		try (Connection connection = java.sql.DriverManager.getConnection(url, properties);
				PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			lock.setLong(1, ADVISORY_KEY);
			try (ResultSet rs = lock.executeQuery()) {
				held = rs.next() && !rs.getBoolean(1);
			}
			if (held) {
				Holder holder = holder(connection);
				throw new Busy(busyMessage(database, holder));
			}
			// ours for a moment: the session's end gives it back
		}
		catch (SQLException ex) {
			logger().debug("Không kiểm tra trước được khoá chạy trên " + database, ex);
		}
	}

	private static String setting(String property, String variable) {
		String value = System.getProperty(property);
		return (value != null) ? value : System.getenv(variable);
	}

	private static Path folder(String database) {
		try {
			Path folder = Path.of(database);
			return Files.isDirectory(folder) ? folder : null;
		}
		catch (RuntimeException ex) {
			// a JDBC URL
			return null;
		}
	}

	private static Path writeNote(String database) {
		Path folder = folder(database);
		if (folder == null) {
			return null;
		}
		Path note = folder.resolve(NOTE);
		try {
			Files.writeString(note,
					host() + "\n" + ProcessHandle.current().pid() + "\n"
							+ LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + "\n",
					java.nio.charset.StandardCharsets.UTF_8);
			return note;
		}
		catch (java.io.IOException ex) {
			logger().debug("Không ghi được " + note, ex);
			return null;
		}
	}

	private static void removeNote(Path note) {
		if (note == null) {
			return;
		}
		try {
			Files.deleteIfExists(note);
		}
		catch (java.io.IOException ex) {
			logger().debug("Không xoá được " + note, ex);
		}
	}

	/**
	 * Whether a run that may still be going holds the lock now: told apart from a dead
	 * one as {@link #acquire} does, without taking it. A command that shows past runs
	 * asks, so that it shows a run the repository still calls running but whose process
	 * is gone as interrupted.
	 */
	public static boolean held(DataSource dataSource) throws SQLException {
		Connection advisory;
		try {
			advisory = advisoryLock(dataSource, "");
		}
		catch (Busy ex) {
			return true;
		}
		if (advisory != null) {
			// PostgreSQL: the advisory lock decides, and it was free
			releaseAdvisory(advisory);
			return false;
		}
		try (Connection connection = dataSource.getConnection()) {
			Holder holder = holder(connection);
			return holder != null && holder.staleBecause(false) == null;
		}
	}

	/**
	 * The one line for a command that found the database in use: when the console of a
	 * {@code tonghop serve} has it open ({@link ConsoleMarker}), it names the console.
	 */
	public static String busyMessage(String database) {
		Optional<String> console = Optional.empty();
		try {
			Path folder = Path.of(database);
			if (Files.isDirectory(folder)) {
				console = ConsoleMarker.holder(folder);
			}
		}
		catch (RuntimeException ex) {
			// a JDBC URL, not a folder
		}
		if (console.isPresent()) {
			String[] holder = console.get().split(" ", 2);
			return "Bảng điều khiển web của tonghop serve (" + holder[1] + ", tiến trình " + holder[0]
					+ ") đang mở cơ sở dữ liệu " + database + " để trả lời một trang; hãy chạy lại lệnh sau vài giây,"
					+ " hoặc chạy từ bảng điều khiển (trang Lần chạy).";
		}
		return busyMessage(database, null);
	}

	/**
	 * Whether {@code ex} (a failed start, say) comes from H2 refusing a database file
	 * that another process has open.
	 */
	public static boolean databaseInUse(Throwable ex) {
		int depth = 0;
		for (Throwable cause = ex; cause != null && depth < 50; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
				return true;
			}
			if (cause.getMessage() != null && cause.getMessage().contains("Database may be already in use")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The connection holding the advisory lock on PostgreSQL; {@code null} on other
	 * databases.
	 */
	private static Connection advisoryLock(DataSource dataSource, String database) throws SQLException {
		Connection connection = dataSource.getConnection();
		boolean held = false;
		try {
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				return null;
			}
			autoCommit(connection);
			try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
				lock.setLong(1, ADVISORY_KEY);
				try (ResultSet rs = lock.executeQuery()) {
					held = rs.next() && rs.getBoolean(1);
				}
			}
			if (!held) {
				throw new Busy(busyMessage(database, holder(connection)));
			}
			return connection;
		}
		finally {
			if (!held) {
				connection.close();
			}
		}
	}

	private static void releaseAdvisory(Connection advisory) {
		if (advisory == null) {
			return;
		}
		try (advisory; Statement unlock = advisory.createStatement()) {
			unlock.execute("SELECT pg_advisory_unlock(" + ADVISORY_KEY + ")");
		}
		catch (SQLException ex) {
			// closing the session releases it anyway
			logger().warn("Không trả được khoá PostgreSQL: " + ex.getMessage());
		}
	}

	/** Inserts this run's row, taking over a stale one; returns the row's token. */
	private static String claimRow(DataSource dataSource, String database, boolean advisoryHeld) throws SQLException {
		String token = UUID.randomUUID().toString();
		try (Connection connection = dataSource.getConnection()) {
			autoCommit(connection);
			for (int attempt = 0; attempt < 5; attempt++) {
				if (insert(connection, token)) {
					return token;
				}
				Holder holder = holder(connection);
				if (holder == null) {
					continue;
				}
				String stale = holder.staleBecause(advisoryHeld);
				if (stale == null) {
					throw new Busy(busyMessage(database, holder));
				}
				logger().warn("Khoá chạy cũ của " + holder + " bị bỏ lại (" + stale + "): lần chạy này tiếp quản.");
				try (PreparedStatement delete = connection
					.prepareStatement("DELETE FROM run_lock WHERE id = ? AND token = ?")) {
					delete.setString(1, ID);
					delete.setString(2, holder.token());
					delete.executeUpdate();
				}
			}
		}
		throw new Busy(busyMessage(database, null));
	}

	private static boolean insert(Connection connection, String token) throws SQLException {
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO run_lock (id, token, host, pid, started_at) VALUES (?, ?, ?, ?, ?)")) {
			insert.setString(1, ID);
			insert.setString(2, token);
			insert.setString(3, host());
			insert.setLong(4, ProcessHandle.current().pid());
			insert.setObject(5, LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS));
			insert.executeUpdate();
			return true;
		}
		catch (SQLException ex) {
			if (ex.getSQLState() != null && ex.getSQLState().startsWith("23")) {
				// integrity constraint violation: the row is there
				return false;
			}
			throw ex;
		}
	}

	private static Holder holder(Connection connection) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement("SELECT token, host, pid, started_at FROM run_lock WHERE id = ?")) {
			select.setString(1, ID);
			try (ResultSet rs = select.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				return new Holder(rs.getString(1), rs.getString(2), rs.getLong(3),
						rs.getObject(4, LocalDateTime.class));
			}
		}
	}

	private static void autoCommit(Connection connection) throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.setAutoCommit(true);
		}
	}

	private static String busyMessage(String database, Holder holder) {
		StringBuilder message = new StringBuilder("Một lần chạy khác đang dùng cơ sở dữ liệu ").append(database);
		if (holder != null) {
			message.append(" (").append(holder).append(")");
		}
		message.append("; hãy chờ nó kết thúc.");
		if (holder != null && !holder.host().equals(host())) {
			message.append(" Nếu chắc chắn lần chạy đó đã dừng hẳn, xoá khoá bằng: DELETE FROM run_lock;");
		}
		return message.toString();
	}

	public static String host() {
		String name = host;
		if (name == null) {
			try {
				name = InetAddress.getLocalHost().getHostName();
			}
			catch (Exception ex) {
				name = Optional.ofNullable(System.getenv("HOSTNAME"))
					.or(() -> Optional.ofNullable(System.getenv("COMPUTERNAME")))
					.orElse("localhost");
			}
			host = name;
		}
		return name;
	}

	/** Who holds the lock, as its row says. */
	private record Holder(String token, String host, long pid, LocalDateTime startedAt) {

		/** Why the row is stale; {@code null} when its run may still be going. */
		String staleBecause(boolean advisoryHeld) {
			if (advisoryHeld) {
				return "khoá PostgreSQL của nó đã được trả";
			}
			if (!this.host.equals(RunLock.host())) {
				return null;
			}
			Optional<ProcessHandle> process = ProcessHandle.of(this.pid).filter(ProcessHandle::isAlive);
			if (process.isEmpty()) {
				return "tiến trình " + this.pid + " không còn chạy";
			}
			boolean later = process.get()
				.info()
				.startInstant()
				.map((start) -> start.isAfter(this.startedAt.atZone(ZoneId.systemDefault()).toInstant()))
				.orElse(false);
			return later ? "tiến trình " + this.pid + " bây giờ là một chương trình khác" : null;
		}

		@Override
		public String toString() {
			return "máy " + this.host + ", tiến trình " + this.pid + ", từ " + TIME.format(this.startedAt);
		}

	}

	/** Another run holds the database; the message is the one line to show. */
	public static final class Busy extends RuntimeException {

		public Busy(String message) {
			super(message);
		}

		public Busy(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
