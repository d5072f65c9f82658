package vn.tonghop.job;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;

import vn.tonghop.intake.InputFile;
import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.validate.JudgedReturn;
import vn.tonghop.validate.NormalisedReturn;

import static org.assertj.core.api.Assertions.assertThat;

class IngestProgressTests {

	static final Map<String, String> NAMES = Map.of("01", "Hà Nội", "79", "Hồ Chí Minh", "46", "Huế");

	@Test
	void summarySaysFilesDoneRateAndTimeLeft() {
		IngestProgress.ProgressLine line = new IngestProgress.ProgressLine(NAMES, Map.of());
		line.counted(2000, 0);
		for (int i = 0; i < 900; i++) {
			line.fileDone();
		}
		assertThat(line.summary(9_000)).isEqualTo("Đã đọc 900/2000 tệp (45%), 100 tệp/giây, còn khoảng 11 s");
	}

	@Test
	void rateAfterARestartCountsOnlyTheFilesOfThisExecution() {
		IngestProgress.ProgressLine line = new IngestProgress.ProgressLine(NAMES, Map.of());
		line.counted(20_000, 10_000);
		for (int i = 0; i < 1000; i++) {
			line.fileDone();
		}
		assertThat(line.summary(10_000))
			.isEqualTo("Đã đọc 11000/20000 tệp (55%), 100 tệp/giây, còn khoảng 1 phút 30 s");
	}

	/**
	 * The partitions start before the files are counted (the count runs beside them):
	 * until then the display says how many and how fast; the files stored meanwhile stay
	 * counted once the total, and what earlier executions stored, are known.
	 */
	@Test
	void beforeTheFilesAreCountedOnlyHowManyAndHowFast() {
		IngestProgress.ProgressLine line = new IngestProgress.ProgressLine(NAMES, Map.of("01", 450));
		for (int i = 0; i < 3; i++) {
			line.fileDone();
			line.returnRead("01");
		}
		assertThat(line.summary(1000)).isEqualTo("Đã đọc 3 tệp, 3 tệp/giây");
		assertThat(line.bar(1000, 10)).isEqualTo("[░░░░░░░░░░] 3 tệp · 3 tệp/giây · Hà Nội 3/450");
		line.counted(10, 4);
		assertThat(line.summary(1000)).isEqualTo("Đã đọc 7/10 tệp (70%), 3 tệp/giây, còn khoảng 1 s");
		line.fileDone();
		assertThat(line.bar(2000, 10)).isEqualTo("[████████░░] 80% 8/10 tệp · 2 tệp/giây · còn ~1 s · Hà Nội 3/450");
	}

	@Test
	void barFillsInProportionAndNamesTheProvinceAgainstTheRegistry() {
		IngestProgress.ProgressLine line = new IngestProgress.ProgressLine(NAMES, Map.of("01", 450));
		line.counted(10, 0);
		for (int i = 0; i < 5; i++) {
			line.fileDone();
			line.returnRead("01");
		}
		assertThat(line.bar(1000, 10)).isEqualTo("[█████░░░░░] 50% 5/10 tệp · 5 tệp/giây · còn ~1 s · Hà Nội 5/450");
	}

	@Test
	void provincesMostReadFirstAndCutToTheWidth() {
		IngestProgress.ProgressLine line = new IngestProgress.ProgressLine(NAMES, Map.of("79", 900));
		line.counted(10, 0);
		line.returnRead("01");
		line.returnRead("79");
		line.returnRead("79");
		line.returnRead(null);
		assertThat(line.provinces(200)).isEqualTo("Hồ Chí Minh 2/900, Hà Nội 1, không rõ tỉnh 1");
		assertThat(line.provinces(30)).isEqualTo("Hồ Chí Minh 2/900, … (+2)");
	}

	@Test
	void terminalWidthFromColumns() {
		assertThat(IngestProgress.ProgressLine.columns("132")).isEqualTo(132);
		assertThat(IngestProgress.ProgressLine.columns(" 80\n")).isEqualTo(80);
		assertThat(IngestProgress.ProgressLine.columns(null)).isNull();
		assertThat(IngestProgress.ProgressLine.columns("x")).isNull();
		assertThat(IngestProgress.ProgressLine.columns("5")).isNull();
	}

	/**
	 * Every redraw fits the terminal, one column to spare (issue 24, item 12: at 80
	 * columns each update was drawn 100 wide, wrapped, and the next one, going up one
	 * line only, scrolled it up).
	 */
	@ParameterizedTest
	@ValueSource(ints = { 40, 80, 200 })
	void everyRedrawFitsTheTerminal(int width) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		AtomicLong now = new AtomicLong(0);
		Map<String, String> names = Map.of("01", "Hà Nội", "79", "Hồ Chí Minh", "46", "Huế", "75", "Đồng Nai", "22",
				"Quảng Ninh", "38", "Thanh Hóa", "40", "Nghệ An", "48", "Đà Nẵng");
		IngestProgress progress = new IngestProgress(new IngestProgress.ProgressLine(names, Map.of("79", 12000)), 5,
				new PrintStream(bytes, true, StandardCharsets.UTF_8), width, now::get);
		progress.begin();
		progress.afterWrite(chunk("79"));
		progress.counted(150000, 0);
		for (int i = 1; i <= 40; i++) {
			now.set(i * 1000L);
			progress.afterWrite(chunk("79", "01", "46", "75", "22", "38", "40", "48", "79", "79"));
		}
		progress.afterStep(null);

		String drawn = bytes.toString(StandardCharsets.UTF_8);
		List<String> lines = Arrays.stream(drawn.split("\r|\n"))
			.map((line) -> line.replace("\033[1A", "").replace("\033[K", ""))
			.filter((line) -> !line.isEmpty())
			.toList();
		assertThat(lines).hasSizeGreaterThan(40);
		for (String line : lines) {
			assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(width - 1);
		}
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("[").contains("/150000 tệp"));
		if (width >= 80) {
			assertThat(lines).as("the rate and the time left fit")
				.anySatisfy((line) -> assertThat(line).contains("tệp/giây · còn ~"));
		}
		if (width >= 200) {
			assertThat(lines).as("the province fits too")
				.anySatisfy((line) -> assertThat(line).contains("tệp/giây · còn ~").contains("Hồ Chí Minh"));
		}
	}

	@Test
	void theProvinceIsGivenUpFirstThenTheTimeLeft() {
		IngestProgress.ProgressLine line = new IngestProgress.ProgressLine(NAMES, Map.of("01", 450));
		line.counted(2000, 0);
		for (int i = 0; i < 900; i++) {
			line.fileDone();
		}
		line.returnRead("01");
		String full = line.fittedBar(1000, 200);
		assertThat(full).endsWith(" · 900 tệp/giây · còn ~1 s · Hà Nội 1/450");
		assertThat(line.fittedBar(1000, 60)).isEqualTo("[██████░░░░░░░░░] 45% 900/2000 tệp · 900 tệp/giây · còn ~1 s");
		assertThat(line.fittedBar(1000, 45)).isEqualTo("[████░░░░░░░] 45% 900/2000 tệp · 900 tệp/giây");
		assertThat(line.fittedBar(1000, 20)).hasSize(20).endsWith("…");
	}

	@Test
	void clipCountsCodePointsNotChars() {
		assertThat(IngestProgress.ProgressLine.clip("Đồng Nai 5", 10)).isEqualTo("Đồng Nai 5");
		assertThat(IngestProgress.ProgressLine.clip("Đồng Nai 5", 6)).isEqualTo("Đồng …");
		assertThat(IngestProgress.ProgressLine.width("Đo\u0302\u0300ng")).isEqualTo(4);
	}

	@Test
	void onATerminalTheBarIsRedrawnInPlaceAndEndsWithANewLine() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		AtomicLong now = new AtomicLong(0);
		IngestProgress progress = new IngestProgress(new IngestProgress.ProgressLine(NAMES, Map.of()), 5,
				new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
		progress.begin();
		progress.counted(4, 0);
		now.set(1000);
		progress.afterWrite(chunk("01", "01"));
		now.set(2000);
		progress.afterWrite(chunk("79", "46"));
		progress.afterStep(null);

		String drawn = bytes.toString(StandardCharsets.UTF_8);
		assertThat(drawn).startsWith("\r\033[K[").contains("2/4 tệp").contains("4/4 tệp").endsWith("\n");
		assertThat(drawn).as("later frames go back up over the two lines").contains("\r\033[1A");
		assertThat(drawn.split("\r\033\\[1A")).hasSize(3);
	}

	@Test
	void withoutATerminalALogLineEveryFewSecondsAndTheProvincesAtTheEnd() {
		Logger logger = (Logger) LoggerFactory.getLogger(IngestProgress.class);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		logger.addAppender(logged);
		try {
			AtomicLong now = new AtomicLong(0);
			IngestProgress progress = new IngestProgress(new IngestProgress.ProgressLine(NAMES, Map.of()), 5, null,
					now::get);
			progress.begin();
			progress.counted(4, 0);
			now.set(1000);
			progress.afterWrite(chunk("01"));
			now.set(6000);
			Chunk<ReceivedFile> chunk = chunk("01", "79");
			// an unreadable file has no returns
			chunk.add(new ReceivedFile(new InputFile(null, "hỏng.xlsx"), "", 0, Instant.EPOCH,
					ReceivedFile.Outcome.UNREADABLE, "tệp rỗng", null));
			progress.afterWrite(chunk);
			progress.afterStep(null);

			assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
				.containsExactly("Đã đọc 4/4 tệp (100%), 1 tệp/giây, còn khoảng 0 s",
						"Theo tỉnh, thành phố: Hà Nội 2, Hồ Chí Minh 1",
						"Theo tỉnh, thành phố: Hà Nội 2, Hồ Chí Minh 1");
		}
		finally {
			logger.detachAppender(logged);
		}
	}

	private static Chunk<ReceivedFile> chunk(String... provinces) {
		List<ReceivedFile> files = new ArrayList<>();
		for (String province : provinces) {
			NormalisedReturn value = new NormalisedReturn("Sheet1", "X", null, null, province, null, null, null, null,
					null, null, null, Map.of(), Map.of(), Map.of());
			files.add(new ReceivedFile(new InputFile(null, province + ".xlsx"), "", 0, Instant.EPOCH,
					ReceivedFile.Outcome.READ, null, List.of(new JudgedReturn(value, List.of()))));
		}
		return new Chunk<>(files);
	}

}
