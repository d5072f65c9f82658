package vn.tonghop.job;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures the console shows of a run while it goes ({@link RunProgress}): the same as
 * the terminal's bar, taken when asked for.
 */
class RunProgressTests {

	@Test
	void theIngestsFiguresAreThoseOfTheTerminalsBar() {
		IngestProgress.ProgressLine line = new IngestProgress.ProgressLine(IngestProgressTests.NAMES,
				Map.of("01", 450, "46", 80));
		line.counted(2000, 0);
		for (int i = 0; i < 900; i++) {
			line.fileDone();
		}
		line.returnRead("79");
		line.returnRead("79");
		line.returnRead("01");
		line.returnRead(null);
		RunProgress.Ingest ingest = line.snapshot(9_000, false);
		assertThat(line.summary(9_000)).contains("900/2000", "100 tệp/giây", "còn khoảng 11 s");
		assertThat(ingest.done()).isEqualTo(900);
		assertThat(ingest.total()).isEqualTo(2000);
		assertThat(ingest.percent()).isEqualTo(45);
		assertThat(ingest.filesPerSecond()).isEqualTo(100.0);
		assertThat(ingest.secondsLeft()).isEqualTo(11);
		// most read first, then the provinces the registry expects that nothing was read
		// for
		assertThat(ingest.provinces()).containsExactly(new RunProgress.Province("79", "Hồ Chí Minh", 2, null),
				new RunProgress.Province("01", "Hà Nội", 1, 450), new RunProgress.Province("", null, 1, null),
				new RunProgress.Province("46", "Huế", 0, 80));
	}

	@Test
	void beforeTheFilesAreCountedNeitherTotalNorTimeLeft() {
		IngestProgress.ProgressLine line = new IngestProgress.ProgressLine(IngestProgressTests.NAMES, Map.of());
		line.fileDone();
		RunProgress.Ingest ingest = line.snapshot(1_000, false);
		assertThat(ingest.total()).isEqualTo(-1);
		assertThat(ingest.percent()).isEqualTo(-1);
		assertThat(ingest.secondsLeft()).isEqualTo(-1);
	}

	@Test
	void theConsolidationsStepsAreThoseOfItsLogLinesWithWhereEachIs() {
		RunProgress progress = new RunProgress();
		assertThat(progress.snapshot().consolidation()).isNull();
		progress.consolidationStarted(2026);
		progress.stepStarted("crossCheckReturnsStep");
		progress.stepEnded("crossCheckReturnsStep", true);
		progress.stepStarted("writeWorkbookStep");
		progress.stepStarted("writeReturnsCsvStep");
		progress.stepEnded("writeReturnsCsvStep", true);
		progress.stepStarted("writeRollupsStep");
		progress.stepEnded("writeRollupsStep", false);
		RunProgress.Consolidation consolidation = progress.snapshot().consolidation();
		assertThat(consolidation.steps()).hasSize(9);
		assertThat(consolidation.steps().get(0)).isEqualTo(new RunProgress.Step("crossCheckReturnsStep", 1,
				"đối chiếu với danh sách đơn vị và năm trước", RunProgress.StepState.COMPLETED));
		assertThat(consolidation.steps()).extracting(RunProgress.Step::state)
			.containsExactly(RunProgress.StepState.COMPLETED, RunProgress.StepState.COMPLETED,
					RunProgress.StepState.FAILED, RunProgress.StepState.WAITING, RunProgress.StepState.WAITING,
					RunProgress.StepState.WAITING, RunProgress.StepState.RUNNING, RunProgress.StepState.WAITING,
					RunProgress.StepState.WAITING);
		// each step's number and text are those of its log line
		for (RunProgress.Step step : consolidation.steps()) {
			assertThat(ConsolidateJobConfiguration.logLine(step.name(), 2026))
				.isEqualTo("Tổng hợp năm 2026, bước " + step.number() + "/9: " + step.text());
		}
		assertThat(consolidation.current().name()).isEqualTo("writeWorkbookStep");
		assertThat(consolidation.finished()).isFalse();
		progress.consolidationEnded();
		assertThat(progress.snapshot().consolidation().finished()).isTrue();
		progress.clear();
		assertThat(progress.snapshot()).isEqualTo(new RunProgress.Snapshot(null, null));
	}

	@Test
	void anEndedIngestKeepsItsLastFigures() {
		RunProgress progress = new RunProgress();
		IngestProgress.ProgressLine line = new IngestProgress.ProgressLine(IngestProgressTests.NAMES, Map.of());
		line.counted(1, 0);
		progress.ingestStarted(() -> line.snapshot(1_000, false));
		assertThat(progress.snapshot().ingest().done()).isZero();
		line.fileDone();
		assertThat(progress.snapshot().ingest().done()).isEqualTo(1);
		progress.ingestEnded(line.snapshot(2_000, true));
		line.fileDone();
		assertThat(progress.snapshot().ingest().done()).isEqualTo(1);
		assertThat(progress.snapshot().ingest().finished()).isTrue();
	}

	/**
	 * Regression: the console's page of a run names the steps from its own messages; when
	 * the steps were renumbered it still said "các bước 2–7 chạy cùng lúc với bước 8".
	 * Its Vietnamese texts are those of the log lines, step for step.
	 */
	@Test
	void theConsolesVietnameseStepTextsAreTheLogLines() throws IOException {
		Properties messages = new Properties();
		try (Reader in = new InputStreamReader(
				RunProgressTests.class.getResourceAsStream("/i18n/console-runs.properties"), StandardCharsets.UTF_8)) {
			messages.load(in);
		}
		assertThat(messages.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith("runs.step.") && !key.equals("runs.step.current"))
			.map((key) -> key.substring("runs.step.".length())))
			.containsExactlyInAnyOrderElementsOf(ConsolidateJobConfiguration.STEPS.keySet());
		ConsolidateJobConfiguration.STEPS
			.forEach((step, text) -> assertThat(messages.getProperty("runs.step." + step)).as(step).isEqualTo(text));
	}

}
