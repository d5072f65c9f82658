package vn.tonghop.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Tells an embedded H2 database that is older than its last run. H2 opens a database file
 * cut short (a full disk, a copy that stopped half way, {@code truncate}) without a word,
 * as the older state it still finds whole in it: tried with a database of the sample
 * returns cut to half its size, it opened at a moment inside the first ingest, with no
 * return, and a consolidation published empty outputs with exit status 0.
 * <p>
 * So every command that opens the database counts itself in it (table
 * {@code run_counter}, migration 15) when it ends, has H2 write that to the disk
 * ({@code CHECKPOINT SYNC}), and then writes the same number to a small file beside the
 * database ({@code tonghop.runs}). On start, a database whose number is lower than the
 * file's is older than its last run: the command stops before any work with one line
 * saying so and how to recover. A process killed before it wrote the file leaves the file
 * behind the database, which is never taken for damage. Without the file (a new database,
 * or a file deleted to accept the older state) nothing is compared. PostgreSQL keeps
 * every commit and has no such file.
 */
public final class RunCounter {

	private static final Log logger = LogFactory.getLog(RunCounter.class);

	private static final String FILE_SUFFIX = ".runs";

	private final DataSource dataSource;

	private final Path file;

	private final Path database;

	private RunCounter(DataSource dataSource, Path database) {
		this.dataSource = dataSource;
		this.database = database;
		this.file = database.resolveSibling(database.getFileName() + FILE_SUFFIX);
	}

	/**
	 * The counter of the database at {@code jdbcUrl}; null unless it is an embedded H2
	 * file ({@code jdbc:h2:file:}).
	 */
	public static RunCounter of(DataSource dataSource, String jdbcUrl) {
		String prefix = "jdbc:h2:file:";
		if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith(prefix)) {
			return null;
		}
		String path = jdbcUrl.substring(prefix.length());
		int settings = path.indexOf(';');
		return new RunCounter(dataSource, Path.of((settings < 0) ? path : path.substring(0, settings)));
	}

	/** The file beside the database that holds the number of its last run. */
	public Path file() {
		return this.file;
	}

	/**
	 * Fails when the database is older than its last run, as the file beside it says.
	 * @throws DamagedStoreException with the one line for people
	 */
	public void check() throws SQLException {
		if (!Files.isRegularFile(this.file)) {
			return;
		}
		long recorded;
		try {
			recorded = Long.parseLong(Files.readString(this.file, StandardCharsets.UTF_8).strip());
		}
		catch (IOException | NumberFormatException ex) {
			logger.warn("Không đọc được tệp " + this.file + " (" + ex.getMessage() + "): bỏ qua việc so sánh.");
			return;
		}
		long runs = runs();
		if (runs < recorded) {
			throw new DamagedStoreException("Cơ sở dữ liệu " + this.database + ".mv.db cũ hơn lần chạy cuối của nó (đã"
					+ " dùng " + recorded + " lần theo tệp " + this.file + ", trong cơ sở dữ liệu chỉ " + runs
					+ " lần): tệp có thể đã bị cắt cụt hoặc bị chép đè bằng bản cũ, nên thiếu những gì đã lưu sau đó."
					+ " Hãy khôi phục bản sao lưu (cả tệp " + this.file.getFileName() + "), hoặc xoá tệp " + this.file
					+ " rồi nhận lại từ hộp thư: tonghop ingest --input <hộp thư> --year <năm> (và nạp"
					+ " lại báo cáo năm trước, danh sách đơn vị nếu đã nạp).");
		}
	}

	/**
	 * Counts a command that used the database: the database's number first, written to
	 * the disk, then the file's. Never fails the command (a warning says why).
	 */
	public void advance() {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			long runs;
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("UPDATE run_counter SET runs = runs + 1 WHERE id = 'tonghop'");
				try (ResultSet rs = statement.executeQuery("SELECT runs FROM run_counter WHERE id = 'tonghop'")) {
					if (!rs.next()) {
						return;
					}
					runs = rs.getLong(1);
				}
				// on the disk before the file says so: a kill in between leaves the file
				// behind, never ahead
				statement.execute("CHECKPOINT SYNC");
			}
			Path written = this.file.resolveSibling(this.file.getFileName() + ".tmp");
			Files.writeString(written, runs + "\n", StandardCharsets.UTF_8);
			try {
				Files.move(written, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(written, this.file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (SQLException | IOException | RuntimeException ex) {
			logger.warn("Không ghi được số lần chạy vào " + this.file + ": " + ex.getMessage());
			logger.debug("Không ghi được số lần chạy", ex);
		}
	}

	private long runs() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT runs FROM run_counter WHERE id = 'tonghop'")) {
			return rs.next() ? rs.getLong(1) : 0;
		}
	}

}
