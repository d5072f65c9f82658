package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * Where the database is: an embedded H2 file under {@code --data-dir}, or {@code --db}.
 */
class DatabaseOptions {

	static final String DATA_DIR = "--data-dir";

	static final String DEFAULT_DATA_DIR = "data";

	static final String DB = "--db";

	@Option(names = DATA_DIR, paramLabel = "DIR", defaultValue = DEFAULT_DATA_DIR,
			description = "Thư mục chứa cơ sở dữ liệu H2 nhúng (mặc định: ${DEFAULT-VALUE}).")
	Path dataDir;

	@Option(names = DB, paramLabel = "JDBC_URL",
			description = "Cơ sở dữ liệu khác, ví dụ jdbc:postgresql://host/tonghop; người dùng và mật khẩu"
					+ " lấy từ SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD.")
	String jdbcUrl;

	/**
	 * The settings of the embedded H2 database. {@code MAX_COMPACT_TIME=0}: H2 does not
	 * move the file's chunks when the last connection closes. That compaction took 0.3 to
	 * 0.5 s at the end of every run of 20,000 returns, and left a fresh database's file
	 * larger, not smaller (59-63 MB against 45-47 MB): in its 200 ms H2 had copied chunks
	 * to the file's end without freeing the space they came from. H2 still reuses the
	 * free space of its file while it runs (AUTO_COMPACT_FILL_RATE); run again and again
	 * on the same 20,000 files, the file stayed at 85 MB from the fourth run on, against
	 * 64 MB with the compaction.
	 */
	static final String EMBEDDED_SETTINGS = ";MAX_COMPACT_TIME=0";

	/**
	 * The session settings of every PostgreSQL connection (the driver's {@code options}
	 * property), a default that
	 * {@code spring.datasource.hikari.data-source-properties.options} or an
	 * {@code options} parameter of the URL replaces. {@code plan_cache_mode =
	 * force_custom_plan}: PostgreSQL plans each statement for its values every time. The
	 * driver prepares a statement on the server after its fifth use, and PostgreSQL then
	 * keeps one plan for it when that plan costs no more than the ones before: a lookup
	 * first used while a run's tables were still empty kept a plan made for an empty
	 * table for the rest of the run. The ingest's look-up of a file's checksum among the
	 * year's submissions ({@code ReturnStore.EARLIER_SUBMISSION}) went through the year's
	 * submissions, one by one, for every file: 20,000 returns took 23.5 s to ingest
	 * instead of 8.3 s, and two server processes used both cores. Planning costs a
	 * fraction of a millisecond per statement; the statements are batched.
	 */
	static final String POSTGRESQL_OPTIONS = "-c plan_cache_mode=force_custom_plan";

	/**
	 * How a data folder is named in the run lock and its messages: absolute and
	 * normalised. A class without a logger, so that {@code EarlyRefusal} can use it
	 * before logging starts.
	 */
	static String where(Path dataDir) {
		return dataDir.toAbsolutePath().normalize().toString();
	}

	/**
	 * The folder of the embedded H2 database: {@code --data-dir}, or that of a
	 * {@code --db jdbc:h2:file:} URL; {@code null} for a database on a server.
	 */
	Path embeddedFolder() {
		if (this.jdbcUrl == null) {
			return this.dataDir;
		}
		if (this.jdbcUrl.startsWith("jdbc:h2:file:")) {
			String file = this.jdbcUrl.substring("jdbc:h2:file:".length()).split(";", 2)[0];
			Path parent = Path.of(file).toAbsolutePath().getParent();
			return (parent != null) ? parent : Path.of(file);
		}
		return null;
	}

	Map<String, Object> springProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.jdbcUrl != null) {
			properties.put("spring.datasource.url", this.jdbcUrl);
			if (this.jdbcUrl.startsWith("jdbc:postgresql:")) {
				properties.put("spring.datasource.hikari.data-source-properties.options", POSTGRESQL_OPTIONS);
			}
		}
		else {
			Path file = this.dataDir.toAbsolutePath().normalize().resolve("tonghop");
			properties.put("spring.datasource.url", "jdbc:h2:file:" + file + EMBEDDED_SETTINGS);
		}
		return properties;
	}

}
