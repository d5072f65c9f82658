package vn.tonghop.console.union;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.tonghop.TonghopProperties;
import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.job.BatchRunner;
import vn.tonghop.job.FileCheck;
import vn.tonghop.job.RunLock;
import vn.tonghop.normalise.UnionCode;
import vn.tonghop.serve.NightlyRuns;
import vn.tonghop.serve.ServeSettings;

/**
 * A union's upload, from the bytes the browser sent to its findings: kept under the data
 * folder by its SHA-256 ({@code tai-len/ab/abcd….xlsx}, with the time of the upload as
 * its last-modified time, which orders resubmissions as in the inbox), checked to be the
 * union's own return (a file holding another union's return is refused and nothing of it
 * kept), then ingested by the same job as the inbox ({@link BatchRunner#ingest}) under
 * the run lock. While a run holds the lock the upload waits, and is ingested as soon as
 * the lock is free ({@link #ingestWaiting}); one killed meanwhile is ingested at the next
 * start. The file's name as the browser sent it is kept for display only.
 */
@Component
public class UnionUploads {

	/** Where the uploads are kept, in the data folder. */
	public static final String FOLDER = "tai-len";

	/** The kinds of files a union may send. */
	static final Set<String> EXTENSIONS = Set.of("xlsx", "xlsm", "xls", "csv");

	/** How long an upload waits for a run to let go of the database before it queues. */
	static final long LOCK_WAIT_MILLIS = 20_000;

	/** How long a waiting upload waits before it is tried again. */
	static final long RETRY_SECONDS = 30;

	private static final Log logger = LogFactory.getLog(UnionUploads.class);

	/**
	 * An upload as recorded.
	 *
	 * @param status WAITING, READ or REFUSED (see V18__unions_on_the_console.sql)
	 * @param intakeRow its line of the intake log once read
	 */
	public record Upload(long id, long userId, String unionCode, int year, LocalDateTime uploadedAt, String fileName,
			String sha256, long bytes, String storedFile, String status, String reason, Long intakeRow) {

		public boolean waiting() {
			return "WAITING".equals(this.status);
		}

		public boolean refused() {
			return "REFUSED".equals(this.status);
		}

	}

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final BatchRunner runner;

	private final FileCheck check;

	private final ServeSettings settings;

	private final TonghopProperties.Console limits;

	/** One upload ingested at a time by this console; the run lock for the others. */
	private final Object ingesting = new Object();

	/** Tries the waiting uploads again a while after one was left waiting. */
	private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "tonghop-tai-len");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean retryPlanned = new AtomicBoolean();

	/**
	 * How long an upload waits for the run lock ({@link #LOCK_WAIT_MILLIS}; tests wait
	 * less).
	 */
	volatile long lockWaitMillis = LOCK_WAIT_MILLIS;

	UnionUploads(JdbcTemplate jdbc, DataSource dataSource, BatchRunner runner, FileCheck check, ServeSettings settings,
			TonghopProperties properties) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.runner = runner;
		this.check = check;
		this.settings = settings;
		this.limits = properties.console();
	}

	/** The folder of the uploads. */
	Path folder() {
		return this.settings.dataDir().resolve(FOLDER);
	}

	/** The year the console consolidates, which uploads are for. */
	int year() {
		return this.settings.year();
	}

	/** The largest upload, in bytes. */
	long maxBytes() {
		return this.limits.uploadMaxSize().toBytes();
	}

	/** Why {@code userId} may not upload now (too many in the last hour), or null. */
	String tooMany(long userId) {
		Integer count = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM union_upload WHERE user_id = ? AND uploaded_at > ?", Integer.class, userId,
				Timestamp.valueOf(LocalDateTime.now().minusHours(1)));
		if (count != null && count >= this.limits.uploadsPerHour()) {
			return "Đơn vị đã gửi " + count + " tệp trong một giờ qua, tối đa là " + this.limits.uploadsPerHour()
					+ ". Xin gửi lại sau ít phút.";
		}
		return null;
	}

	/**
	 * Receives a file from {@code unionCode}'s account: kept, checked and ingested (or
	 * queued while a run holds the database). Never throws for what the file holds: a
	 * refusal is an upload with its reason.
	 */
	Upload receive(long userId, String unionCode, String fileName, InputStream content) throws IOException {
		String name = displayName(fileName);
		String extension = extension(name);
		LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);
		Files.createDirectories(folder());
		Path part = Files.createTempFile(folder(), ".tai-len-", ".part");
		try {
			MessageDigest digest = sha256();
			long bytes;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), digest)) {
				bytes = copy(content, out, maxBytes() + 1);
			}
			String sha = HexFormat.of().formatHex(digest.digest());
			if (!EXTENSIONS.contains(extension)) {
				return refused(userId, unionCode, now, name, sha, bytes,
						"Tệp phải là .xlsx, .xlsm, .xls hoặc .csv" + (extension.isEmpty()
								? " (tệp gửi lên không có đuôi)." : " (tệp gửi lên là ." + extension + ")."));
			}
			if (bytes > maxBytes()) {
				return refused(userId, unionCode, now, name, sha, bytes,
						"Tệp lớn hơn " + megabytes(maxBytes()) + ", mức tối đa của một báo cáo.");
			}
			if (bytes == 0) {
				return refused(userId, unionCode, now, name, sha, bytes, "Tệp rỗng (0 byte).");
			}
			String stored = FOLDER + "/" + sha.substring(0, 2) + "/" + sha + "." + extension;
			Path file = this.settings.dataDir().resolve(stored);
			boolean kept = keep(part, file);
			Files.setLastModifiedTime(file, FileTime.from(now.atZone(java.time.ZoneId.systemDefault()).toInstant()));
			ReceivedFile read = this.check.read(file, reportName(unionCode, now, name), year());
			String other = otherUnion(FileCheck.unionCodes(read), unionCode);
			if (other != null) {
				if (kept && !storedElsewhere(stored)) {
					Files.deleteIfExists(file);
					try {
						Files.deleteIfExists(file.getParent());
					}
					catch (java.nio.file.DirectoryNotEmptyException ex) {
						// other uploads share its folder
					}
				}
				return refused(userId, unionCode, now, name, sha, bytes, other);
			}
			long id = insert(userId, unionCode, now, name, sha, bytes, stored, "WAITING", null);
			return ingest(id, this.lockWaitMillis);
		}
		finally {
			Files.deleteIfExists(part);
		}
	}

	/**
	 * Ingests an upload that waits, under the run lock; waits for the lock up to
	 * {@code waitMillis}, else leaves it waiting.
	 */
	Upload ingest(long id, long waitMillis) {
		synchronized (this.ingesting) {
			Upload upload = byId(id).orElseThrow();
			if (!upload.waiting()) {
				return upload;
			}
			long until = System.currentTimeMillis() + waitMillis;
			while (true) {
				try (RunLock lock = RunLock.acquire(this.dataSource, this.settings.database())) {
					JobExecution execution = this.runner.ingest(this.settings.dataDir().resolve(upload.storedFile()),
							upload.year(), reportName(upload.unionCode(), upload.uploadedAt(), upload.fileName()));
					Long row = this.jdbc.queryForObject(
							"SELECT MAX(id) FROM intake_log WHERE job_execution = ? AND sha256 = ?", Long.class,
							execution.getId(), upload.sha256());
					if (execution.getStatus() != BatchStatus.COMPLETED || row == null) {
						logger.warn("Tệp " + upload.fileName() + " của " + upload.unionCode()
								+ " chưa đọc xong (lần đọc " + execution.getStatus() + "): sẽ đọc lại.");
						planRetry();
						return upload;
					}
					this.jdbc.update("UPDATE union_upload SET status = 'READ', intake_row = ? WHERE id = ?", row, id);
					return byId(id).orElseThrow();
				}
				catch (RunLock.Busy ex) {
					if (System.currentTimeMillis() >= until) {
						planRetry();
						return upload;
					}
					pause();
				}
				catch (Exception ex) {
					if (RunLock.databaseInUse(ex) && System.currentTimeMillis() < until) {
						pause();
						continue;
					}
					logger.warn("Chưa đọc được tệp " + upload.fileName() + " của " + upload.unionCode() + ": "
							+ ex.getMessage());
					logger.debug("Đọc tệp tải lên thất bại", ex);
					planRetry();
					return upload;
				}
			}
		}
	}

	/**
	 * Ingests the uploads still waiting, oldest first; when one must wait again, tries
	 * again in {@code RETRY_SECONDS}. At start: the uploads a stopped console left.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void ingestWaiting() {
		this.retries.execute(() -> {
			try {
				for (Long id : this.jdbc
					.queryForList("SELECT id FROM union_upload WHERE status = 'WAITING' ORDER BY id", Long.class)) {
					if (ingest(id, 0).waiting()) {
						return;
					}
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Chưa đọc được các tệp tải lên đang chờ: " + ex.getMessage());
				logger.debug("Đọc tệp tải lên đang chờ thất bại", ex);
				planRetry();
			}
			finally {
				NightlyRuns.releaseConnections(this.dataSource, this.settings);
			}
		});
	}

	private void planRetry() {
		if (this.retryPlanned.compareAndSet(false, true)) {
			this.retries.schedule(() -> {
				this.retryPlanned.set(false);
				ingestWaiting();
			}, RETRY_SECONDS, TimeUnit.SECONDS);
		}
	}

	@PreDestroy
	void stop() {
		this.retries.shutdownNow();
	}

	/** An upload of union {@code unionCode}; empty when it is another union's. */
	Optional<Upload> of(String unionCode, long id) {
		return byId(id).filter((upload) -> upload.unionCode().equals(unionCode));
	}

	/** The uploads of a union for a year, newest first. */
	List<Upload> of(String unionCode, int year) {
		return this.jdbc.query(SELECT + " WHERE union_code = ? AND report_year = ? ORDER BY id DESC",
				(rs, n) -> upload(rs), unionCode, year);
	}

	private Optional<Upload> byId(long id) {
		return this.jdbc.query(SELECT + " WHERE id = ?", (rs, n) -> upload(rs), id).stream().findFirst();
	}

	private static final String SELECT = "SELECT id, user_id, union_code, report_year, uploaded_at, file_name,"
			+ " sha256, bytes, stored_file, status, reason, intake_row FROM union_upload";

	private static Upload upload(java.sql.ResultSet rs) throws java.sql.SQLException {
		long row = rs.getLong(12);
		Long intake = rs.wasNull() ? null : row;
		return new Upload(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
				rs.getTimestamp(5).toLocalDateTime(), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9),
				rs.getString(10), rs.getString(11), intake);
	}

	private Upload refused(long userId, String unionCode, LocalDateTime at, String name, String sha, long bytes,
			String reason) {
		return byId(insert(userId, unionCode, at, name, sha, bytes, null, "REFUSED", reason)).orElseThrow();
	}

	private long insert(long userId, String unionCode, LocalDateTime at, String name, String sha, long bytes,
			String stored, String status, String reason) {
		org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			java.sql.PreparedStatement ps = connection.prepareStatement("INSERT INTO union_upload (user_id,"
					+ " union_code, report_year, uploaded_at, file_name, sha256, bytes, stored_file, status, reason)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			ps.setLong(1, userId);
			ps.setString(2, unionCode);
			ps.setInt(3, year());
			ps.setTimestamp(4, Timestamp.valueOf(at));
			ps.setString(5, name);
			ps.setString(6, sha);
			ps.setLong(7, bytes);
			ps.setString(8, stored);
			ps.setString(9, status);
			ps.setString(10, (reason != null && reason.length() > 2000) ? reason.substring(0, 2000) : reason);
			return ps;
		}, key);
		return key.getKey().longValue();
	}

	/**
	 * Why a file whose returns name {@code codes} is not {@code unionCode}'s, or null
	 * when it is (every return names it; a blank code is the union's to fix, as in the
	 * inbox).
	 */
	static String otherUnion(List<String> codes, String unionCode) {
		Set<String> others = new LinkedHashSet<>();
		for (String code : codes) {
			if (code != null && !code.isBlank() && !UnionCode.normalise(code).equals(UnionCode.normalise(unionCode))) {
				others.add(code);
			}
		}
		if (others.isEmpty()) {
			return null;
		}
		return "Tệp có báo cáo của công đoàn cơ sở khác (mã " + String.join(", ", others)
				+ "), không phải của đơn vị (mã " + unionCode + "). Tệp không được lưu; xin gửi đúng tệp của đơn vị.";
	}

	private boolean storedElsewhere(String stored) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM union_upload WHERE stored_file = ?",
				Integer.class, stored);
		return count != null && count > 0;
	}

	/**
	 * Moves the part to its place; false when a file with those bytes was kept before.
	 */
	private static boolean keep(Path part, Path file) throws IOException {
		Files.createDirectories(file.getParent());
		if (Files.isRegularFile(file)) {
			return false;
		}
		try {
			Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			try {
				Files.move(part, file);
			}
			catch (FileAlreadyExistsException taken) {
				return false;
			}
		}
		catch (FileAlreadyExistsException ex) {
			return false;
		}
		return true;
	}

	/** Copies at most {@code limit} bytes; returns how many. */
	private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int read;
		while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) > 0) {
			out.write(buffer, 0, read);
			total += read;
		}
		return total;
	}

	private static final java.time.format.DateTimeFormatter SENT = java.time.format.DateTimeFormatter
		.ofPattern("uuuu-MM-dd HH.mm.ss");

	/**
	 * The name an upload is known by in the intake log, the files' list and the findings
	 * ({@code tai-len/CD750330/2026-12-07 09.43.12 - Báo cáo.xlsx}): the union, when, and
	 * the name its browser sent, where its findings name the file it replaced (W06) and
	 * the analysts look for it. The file itself is kept under its checksum.
	 */
	static String reportName(String unionCode, LocalDateTime at, String fileName) {
		return FOLDER + "/" + unionCode.replace('/', '-').replace('\\', '-') + "/" + SENT.format(at) + " - " + fileName;
	}

	/** The browser's name of a file, without any folder, for display only. */
	static String displayName(String fileName) {
		String name = (fileName != null) ? fileName : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
		name = name.replaceAll("\\p{Cntrl}", "");
		if (name.isEmpty()) {
			return "(không tên)";
		}
		return (name.length() > 200) ? name.substring(0, 200) : name;
	}

	static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot < 0) ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	static String megabytes(long bytes) {
		return (bytes % (1024 * 1024) == 0) ? (bytes / (1024 * 1024)) + " MB"
				: String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RunLock.Busy("đã dừng khi chờ");
		}
	}

}
