package vn.tonghop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.job.RunLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job command on a data folder another run is using, refused from its arguments alone;
 * anything but the plain shape of the command left to the command line's own check.
 */
class EarlyRefusalTests {

	@TempDir
	Path work;

	@Test
	void findsTheDataFolderOfAPlainJobCommand() {
		assertThat(EarlyRefusal.dataFolder(new String[] { "run", "--input", "hộp thư", "--year", "2026", "--data-dir",
				"dữ liệu", "--output", "out" }))
			.isEqualTo(Path.of("dữ liệu"));
		assertThat(EarlyRefusal.dataFolder(new String[] { "ingest", "--data-dir=/srv/tonghop", "--year", "2026" }))
			.isEqualTo(Path.of("/srv/tonghop"));
		assertThat(EarlyRefusal.dataFolder(new String[] { "consolidate", "--year", "2026" }))
			.as("DatabaseOptions' default")
			.isEqualTo(Path.of("data"));
	}

	@Test
	void leavesEverythingElseToTheCommandLine() {
		for (String[] args : new String[][] { {}, { "serve", "--data-dir", "d" }, { "generate", "--count", "5" },
				{ "run", "--db", "jdbc:postgresql://localhost/tonghop" }, { "run", "--db=jdbc:h2:file:/x/y" },
				{ "run", "--help" }, { "run", "-h" }, { "ingest", "-V" }, { "run", "@arguments.txt" },
				{ "run", "--data-dir", "a", "--data-dir", "b" }, { "run", "--data-dir" }, { "run", "--", "x" } }) {
			assertThat(EarlyRefusal.dataFolder(args)).as(String.join(" ", args)).isNull();
		}
	}

	@Test
	void refusesWhileTheNoteNamesALiveRunAndNotAfter() throws Exception {
		Path data = Files.createDirectories(this.work.resolve("dữ liệu"));
		Process other = new ProcessBuilder("sleep", "60").start();
		String[] args = { "run", "--input", "in", "--year", "2026", "--data-dir", data.toString() };
		try {
			// a run's note gives the second its process started in, not before the
			// process
			Files.writeString(data.resolve(RunLock.NOTE),
					RunLock.host() + "\n" + other.pid() + "\n" + LocalDateTime.now().plusSeconds(1).withNano(0) + "\n");
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			Integer status = EarlyRefusal.status(args, new PrintStream(err, true, StandardCharsets.UTF_8));
			assertThat(status).isEqualTo(RunLock.BUSY_STATUS);
			assertThat(err.toString(StandardCharsets.UTF_8).strip())
				.startsWith("Một lần chạy khác đang dùng cơ sở dữ liệu " + data.toAbsolutePath().normalize())
				.contains("tiến trình " + other.pid())
				.doesNotContain("\n");
		}
		finally {
			other.destroy();
			other.waitFor(10, TimeUnit.SECONDS);
		}
		// that process is gone: its note no longer counts
		assertThat(EarlyRefusal.status(args, new PrintStream(new ByteArrayOutputStream()))).isNull();
	}

}
