package vn.tonghop;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.tonghop.store.PackValuesMigration;
import vn.tonghop.store.ReturnChecksumMigration;

/**
 * Which database the integration tests run against. By default the embedded H2 of
 * {@code --data-dir}; with {@code -Dtonghop.test.database=postgresql} (the second
 * failsafe run of {@code ./mvnw verify}) a PostgreSQL database on 127.0.0.1:5432 (trust
 * authentication, user {@code postgres}) made for each data folder a test uses, and
 * dropped when the test JVM ends.
 */
public final class TestDatabase {

	/** The server: 127.0.0.1:5432, or {@code -Dtonghop.test.postgresql=host:port}. */
	public static final String SERVER = "jdbc:postgresql://"
			+ System.getProperty("tonghop.test.postgresql", "127.0.0.1:5432") + "/";

	private static final Set<String> created = ConcurrentHashMap.newKeySet();

	static {
		if (postgresql()) {
			System.setProperty("spring.datasource.username", "postgres");
			Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll));
		}
	}

	private TestDatabase() {
	}

	public static boolean postgresql() {
		return "postgresql".equals(System.getProperty("tonghop.test.database"));
	}

	/** Whether the PostgreSQL server answers; the reason when it does not. */
	public static String unreachable() {
		try (Connection connection = DriverManager.getConnection(SERVER + "test", "postgres", "")) {
			return null;
		}
		catch (SQLException ex) {
			return ex.getMessage();
		}
	}

	/** The JDBC URL of the database behind a data folder. */
	public static String url(Path dataDir) {
		if (!postgresql()) {
			return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("tonghop");
		}
		return SERVER + database(name(dataDir.toAbsolutePath().normalize().toString()));
	}

	/**
	 * A fresh PostgreSQL database under a name derived from {@code key}; its JDBC URL.
	 */
	public static String freshPostgresql(String key) {
		return SERVER + database(name(key));
	}

	/**
	 * A fresh, empty database under a name: in memory on H2, of its own on PostgreSQL.
	 */
	public static DriverManagerDataSource fresh(String name) {
		String url = postgresql() ? freshPostgresql(name) : "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
		return new DriverManagerDataSource(url, postgresql() ? "postgres" : "", "");
	}

	/** Flyway with the application's migrations, for a database made by a test. */
	public static FluentConfiguration flyway(DataSource dataSource) {
		return Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common",
					"classpath:db/migration/" + (postgresql() ? "postgresql" : "h2"))
			.javaMigrations(new PackValuesMigration(), new ReturnChecksumMigration());
	}

	public static Connection connect(Path dataDir) throws SQLException {
		return DriverManager.getConnection(url(dataDir), postgresql() ? "postgres" : "", "");
	}

	private static String database(String name) {
		if (created.add(name)) {
			try (Connection connection = DriverManager.getConnection(SERVER + "test", "postgres", "");
					Statement statement = connection.createStatement()) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
				statement.execute("CREATE DATABASE " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot create PostgreSQL database " + name + ": " + ex.getMessage(),
						ex);
			}
		}
		return name;
	}

	private static String name(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "tonghop_it_" + HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void dropAll() {
		try (Connection connection = DriverManager.getConnection(SERVER + "test", "postgres", "");
				Statement statement = connection.createStatement()) {
			for (String name : created) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
		}
		catch (SQLException ex) {
			System.err.println("could not drop the test databases " + created + ": " + ex.getMessage());
		}
	}

}
