package vn.tonghop.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The embedded H2 database of {@code --data-dir} is opened with the settings of
 * {@link DatabaseOptions#EMBEDDED_SETTINGS}; a database given with {@code --db} is opened
 * as given.
 */
class EmbeddedDatabaseIntegrationTests {

	static final String MAX_COMPACT_TIME = "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
			+ " WHERE SETTING_NAME = 'MAX_COMPACT_TIME'";

	@TempDir
	Path work;

	@BeforeEach
	void embeddedOnly() {
		assumeFalse(TestDatabase.postgresql(), "the embedded database only: once is enough");
	}

	@Test
	void theDataFolderIsNotCompactedWhenItCloses() throws Exception {
		DatabaseOptions options = new DatabaseOptions();
		options.dataDir = this.work.resolve("data");
		assertThat(setting(options)).isEqualTo("0");
	}

	@Test
	void aDatabaseGivenByItsUrlKeepsItsOwnSettings() throws Exception {
		DatabaseOptions options = new DatabaseOptions();
		options.dataDir = this.work.resolve("unused");
		options.jdbcUrl = "jdbc:h2:file:" + this.work.resolve("given").resolve("tonghop");
		// H2's default
		assertThat(setting(options)).isEqualTo("200");
	}

	private static String setting(DatabaseOptions options) throws Exception {
		return Runs.asked(options, MAX_COMPACT_TIME);
	}

}
