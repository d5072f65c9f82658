package vn.tonghop.console;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TestDatabase;
import vn.tonghop.cli.ConsoleServer;
import vn.tonghop.cli.TonghopMain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A command-line {@code history} or {@code trace} on the data folder of a running console
 * (the embedded H2, which one process at a time can open): it works between pages, and
 * while a page is being answered it is refused at once, naming the console. Never a hang
 * and never a damaged database: the console answers again after it.
 */
class CommandLineBesideTheConsoleIntegrationTests {

	@TempDir
	static Path work;

	static ConsoleServer server;

	@BeforeAll
	static void start() throws Exception {
		assumeFalse(TestDatabase.postgresql(), "H2 only: PostgreSQL serves many processes");
		server = ConsoleServer.start(work);
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
	}

	@Test
	void aCommandBetweenPagesWorks() throws Exception {
		// a page answered through the server: its connections are closed when it is done
		answerAPage();
		Result history = tonghop("history");
		assertThat(history.status()).as(history.output()).isZero();
		Result trace = tonghop("trace", "--year", "2026", "--province", "Đồng Nai", "--indicator", "A02");
		assertThat(trace.status()).as(trace.output()).isZero();
		assertThat(trace.output()).contains("Tổng A02");
	}

	@Test
	void aCommandWhileAPageIsAnsweredIsRefusedAtOnceNamingTheConsole() throws Exception {
		try (Connection answering = server.bean(DataSource.class).getConnection()) {
			long started = System.nanoTime();
			Result history = tonghop("history");
			long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
			assertThat(history.status()).as(history.output()).isEqualTo(3);
			assertThat(history.output()).contains("Bảng điều khiển web của tonghop serve")
				.contains("127.0.0.1:" + server.port())
				.contains("tiến trình " + ProcessHandle.current().pid());
			// the JVM's start is most of it
			assertThat(seconds).isLessThan(30);
		}
		// the console and the database are as they were
		assertThat(server.query("SELECT COUNT(*) AS n FROM submission")).hasSize(1);
		answerAPage();
		assertThat(tonghop("history").status()).isZero();
	}

	private static void answerAPage() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(server.url("/sign-in")).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
	}

	record Result(int status, String output) {
	}

	private static Result tonghop(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), TonghopMain.class.getName()));
		command.addAll(List.of(arguments));
		command.addAll(List.of("--data-dir", work.resolve("dữ liệu").toString()));
		Path out = Files.createTempFile(work, "tonghop", ".out");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("tonghop " + String.join(" ", arguments) + " hung");
		}
		return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
	}

}
