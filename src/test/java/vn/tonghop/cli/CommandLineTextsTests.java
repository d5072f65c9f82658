package vn.tonghop.cli;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line speaks Vietnamese throughout (issue 24, item 11): picocli's own texts
 * ({@code Invalid value for option}, {@code Unmatched arguments},
 * {@code Show this help message and exit}) were printed in English among the Vietnamese.
 */
class CommandLineTextsTests {

	/** picocli's English, none of which may reach a user. */
	static final List<String> ENGLISH = List.of("Invalid value", "Unmatched", "Unknown option", "Missing required",
			"Expected parameter", "Show this help message", "Print version information", "Usage:", "Commands:",
			"is not an int", "Did you mean", "Possible solutions");

	static void assertBad(Runs.Result result, String command, String reason) {
		assertThat(result.status()).as(result.err()).isEqualTo(2);
		String err = result.err().strip();
		assertThat(err).isEqualTo("Tham số không hợp lệ: " + reason + " (xem: " + command + " --help)");
		assertNoEnglish(result);
	}

	static void assertNoEnglish(Runs.Result result) {
		for (String english : ENGLISH) {
			assertThat(result.out() + result.err()).as(english).doesNotContain(english);
		}
	}

	@Nested
	class WrongArguments {

		@Test
		void aYearThatIsNotANumberSaysWhatItTakes() {
			assertBad(Runs.tonghop("run", "--input", "x", "--year", "abc"), "tonghop run",
					"Giá trị không hợp lệ cho tùy chọn --year: 'abc' (cần một số năm, ví dụ 2026)");
		}

		@Test
		void aNumberThatIsNotANumberSaysWhatItTakes() {
			assertBad(Runs.tonghop("history", "--limit", "mười"), "tonghop history",
					"Giá trị không hợp lệ cho tùy chọn --limit: 'mười' (cần một số nguyên)");
		}

		@Test
		void anUnknownOptionIsNamed() {
			assertBad(Runs.tonghop("trace", "--year", "2026", "--indicator", "A02", "--foo"), "tonghop trace",
					"Không hiểu tham số: --foo");
		}

		@Test
		void aMisspeltOptionIsNamedWithWhatWasMeant() {
			Runs.Result result = Runs.tonghop("trace", "--year", "2026", "--indicator", "A02", "--provice", "Huế");
			assertThat(result.status()).isEqualTo(2);
			assertThat(result.err()).startsWith("Tham số không hợp lệ: Không hiểu tham số: --provice")
				.contains("có phải ý là --province");
			assertNoEnglish(result);
		}

		@Test
		void anUnknownCommandIsNamedWithTheCommands() {
			Runs.Result result = Runs.tonghop("bogus");
			assertThat(result.status()).isEqualTo(2);
			assertThat(result.err().strip()).startsWith("Tham số không hợp lệ: Không có lệnh bogus")
				.contains("run, serve, ingest, consolidate")
				.endsWith("(xem: tonghop --help)");
			assertNoEnglish(result);
		}

		@Test
		void aMissingRequiredOptionIsNamed() {
			assertBad(Runs.tonghop("trace", "--year", "2026"), "tonghop trace", "Thiếu tùy chọn bắt buộc: --indicator");
		}

		@Test
		void missingRequiredOptionsAreAllNamed() {
			assertBad(Runs.tonghop("run"), "tonghop run", "Thiếu tùy chọn bắt buộc: --input, --year");
		}

		@Test
		void anOptionWithoutItsValueIsNamed() {
			assertBad(Runs.tonghop("run", "--input", "x", "--year"), "tonghop run",
					"Thiếu giá trị cho tùy chọn --year");
		}

		@Test
		void anOptionGivenTwiceIsNamed() {
			assertBad(Runs.tonghop("run", "--input", "x", "--year", "2026", "--year", "2025"), "tonghop run",
					"Tùy chọn --year chỉ được ghi một lần");
		}

		@Test
		void theCommandsOwnChecksStayAsTheyAre() {
			assertBad(Runs.tonghop("trace", "--year", "1999", "--indicator", "A02"), "tonghop trace",
					"--year 1999: năm phải trong khoảng 2000–2100");
		}

	}

	@Nested
	class Help {

		@Test
		void theTopHelpIsVietnamese() {
			Runs.Result result = Runs.tonghop("--help");
			assertThat(result.status()).isZero();
			assertThat(result.out()).startsWith("Cách dùng: tonghop")
				.contains("Lệnh:")
				.contains("In hướng dẫn này rồi thoát.")
				.contains("In phiên bản của tonghop rồi thoát.");
			assertNoEnglish(result);
		}

		@Test
		void everyCommandsHelpIsVietnamese() {
			for (String command : List.of("run", "serve", "ingest", "consolidate", "registry", "trace", "template",
					"history", "user", "user add", "user list", "user disable", "user enable", "user password",
					"user unions", "samples", "generate")) {
				List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
				args.add("--help");
				Runs.Result result = Runs.tonghop(args.toArray(String[]::new));
				assertThat(result.status()).as(command).isZero();
				assertThat(result.out()).as(command)
					.startsWith("Cách dùng: tonghop " + command)
					.contains("In hướng dẫn này rồi thoát.");
				assertNoEnglish(result);
			}
		}

	}

}
