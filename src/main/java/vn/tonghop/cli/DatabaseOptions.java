package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * Where the database is: an embedded H2 file under {@code --data-dir}, or {@code --db}.
 */
class DatabaseOptions {

	@Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
			description = "Thư mục chứa cơ sở dữ liệu H2 nhúng (mặc định: ${DEFAULT-VALUE}).")
	Path dataDir;

	@Option(names = "--db", paramLabel = "JDBC_URL",
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

	Map<String, Object> springProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.jdbcUrl != null) {
			properties.put("spring.datasource.url", this.jdbcUrl);
		}
		else {
			Path file = this.dataDir.toAbsolutePath().normalize().resolve("tonghop");
			properties.put("spring.datasource.url", "jdbc:h2:file:" + file + EMBEDDED_SETTINGS);
		}
		return properties;
	}

}
