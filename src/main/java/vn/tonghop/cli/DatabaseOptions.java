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

	Map<String, Object> springProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.jdbcUrl != null) {
			properties.put("spring.datasource.url", this.jdbcUrl);
		}
		else {
			Path file = this.dataDir.toAbsolutePath().normalize().resolve("tonghop");
			properties.put("spring.datasource.url", "jdbc:h2:file:" + file);
		}
		return properties;
	}

}
