package vn.tonghop.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tonghop serve} checks its options and settings before it starts anything: a
 * wrong one exits with status 2 and one line that says what is wrong.
 */
class ServeCommandTests {

	@TempDir
	Path work;

	Runs.Result serve(String... options) throws Exception {
		List<String> args = new ArrayList<>(List.of("serve", "--data-dir", this.work.resolve("dữ liệu").toString()));
		args.addAll(List.of(options));
		if (!args.contains("--log-file")) {
			args.addAll(List.of("--log-file", this.work.resolve("nhật ký/tonghop.log").toString()));
		}
		return Runs.tonghop(args.toArray(String[]::new));
	}

	String inbox() throws Exception {
		return Files.createDirectories(this.work.resolve("Hộp thư/báo cáo 2026")).toString();
	}

	static void assertBad(Runs.Result result, String... reason) {
		assertThat(result.status()).as(result.err()).isEqualTo(2);
		assertThat(result.err().strip()).startsWith("Tham số không hợp lệ: ")
			.contains(reason)
			.endsWith("(xem: tonghop serve --help)")
			.doesNotContain("\n");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void aCronExpressionOfFiveFieldsIsRefused() throws Exception {
		assertBad(serve("--input", inbox(), "--year", "2026", "--cron", "0 2 * * *"),
				"--cron \"0 2 * * *\": không phải biểu thức cron hợp lệ", "6 trường");
	}

	@Test
	void aScheduleThatNeverComesIsRefused() throws Exception {
		assertBad(serve("--input", inbox(), "--year", "2026", "--cron", "0 0 2 30 2 *"),
				"--cron \"0 0 2 30 2 *\": lịch này không bao giờ đến lượt chạy");
	}

	@Test
	void anUnknownTimeZoneIsRefused() throws Exception {
		assertBad(serve("--input", inbox(), "--year", "2026", "--zone", "Asia/Sai_Gon"),
				"--zone \"Asia/Sai_Gon\": không có múi giờ này");
	}

	@Test
	void withoutAYearNothingStartsAndTheYearIsNotGuessed() throws Exception {
		assertBad(serve("--input", inbox()), "thiếu --year", "tonghop.serve.year", "TONGHOP_SERVE_YEAR");
		assertThat(this.work.resolve("dữ liệu")).doesNotExist();
	}

	@Test
	void withoutAnInboxNothingStarts() throws Exception {
		assertBad(serve("--year", "2026"), "thiếu --input", "TONGHOP_SERVE_INPUT");
	}

	@Test
	void anInboxThatDoesNotExistIsRefused() throws Exception {
		assertBad(serve("--input", this.work.resolve("không có").toString(), "--year", "2026"),
				"--input " + this.work.resolve("không có") + ": không tìm thấy");
	}

	@Test
	void aYearOutOfRangeIsRefused() throws Exception {
		assertBad(serve("--input", inbox(), "--year", "26"), "--year 26: năm phải trong khoảng 2000–2100");
	}

	@Test
	void aPortOutOfRangeIsRefused() throws Exception {
		assertBad(serve("--input", inbox(), "--year", "2026", "--port", "70000"),
				"--port 70000: cổng phải trong khoảng 0–65535");
	}

	@Test
	void aFolderIsNoLogFile() throws Exception {
		Path folder = Files.createDirectories(this.work.resolve("nhật ký"));
		assertBad(serve("--input", inbox(), "--year", "2026", "--log-file", folder.toString()),
				"--log-file " + folder + ": đây là một thư mục");
	}

	@Test
	void aWrongSettingInTheConfigurationIsNamedByItsKey() throws Exception {
		System.setProperty("tonghop.serve.zone", "Sao Hoả");
		try {
			assertBad(serve("--input", inbox(), "--year", "2026"), "tonghop.serve.zone \"Sao Hoả\": không có múi giờ");
		}
		finally {
			System.clearProperty("tonghop.serve.zone");
		}
	}

	@Test
	void theConfigurationGivesWhatTheCommandLineLeavesOutAndTheCommandLineWins() throws Exception {
		System.setProperty("tonghop.serve.year", "2026");
		System.setProperty("tonghop.serve.cron", "không phải cron");
		try {
			// the year comes from the configuration: the first wrong thing is the cron
			assertBad(serve("--input", inbox()), "tonghop.serve.cron \"không phải cron\"");
			// --cron wins over tonghop.serve.cron: the first wrong thing is the port
			assertBad(serve("--input", inbox(), "--cron", "0 0 2 * * *", "--port", "-1"), "--port -1");
		}
		finally {
			System.clearProperty("tonghop.serve.year");
			System.clearProperty("tonghop.serve.cron");
		}
	}

	@Test
	void helpNamesEveryOptionAndTheExitCodes() throws Exception {
		Runs.Result help = Runs.tonghop("serve", "--help");
		assertThat(help.status()).isZero();
		assertThat(help.out()).contains("--input", "--year", "--output", "--cron", "--zone", "--port", "--log-file",
				"--now", "--data-dir", "--db", "127.0.0.1", "Mã thoát:");
	}

}
