package vn.tonghop.report.feedback;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.template.FormStyle;
import vn.tonghop.template.ReturnFormWriter;
import vn.tonghop.testing.ValidReturns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CPU a feedback copy costs, POI against the zip level, on a typical return with three
 * findings: run with {@code -Dtest=ZipCopyBenchmarkTests -Dbenchmark=true}. It prints the
 * numbers and asserts no timing.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ZipCopyBenchmarkTests {

	private static final int COPIES = 200;

	private static final int WARM_UP = 300;

	@TempDir
	Path dir;

	@Test
	void cpuPerCopy() throws Exception {
		IndicatorCatalogue catalogue = IndicatorCatalogue.load();
		Map<String, String> header = new LinkedHashMap<>();
		header.put("union_code", "CD79000123");
		header.put("union_name", "Công đoàn Công ty Ánh Dương");
		header.put("province", "79");
		Path source = this.dir.resolve("cd-anh-duong.xlsx");
		new ReturnFormWriter(catalogue).write(ValidReturns.content(catalogue, header), FormStyle.standard(), source);
		List<FeedbackItem> items = List.of(
				new FeedbackItem(FormStyle.BAO_CAO, "D12", "R08", "error", "Số nữ lớn hơn tổng số."),
				new FeedbackItem(FormStyle.BAO_CAO, "C20", "W05", "warning", "Thay đổi hơn 50% so với năm trước."),
				new FeedbackItem("", "", "W06", "warning", "Báo cáo này thay thế báo cáo trước đó."));
		FeedbackWorkbook feedback = new FeedbackWorkbook();
		Path target = this.dir.resolve("copy.xlsx");
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		String name = "Công đoàn Công ty Ánh Dương";
		for (int i = 0; i < WARM_UP; i++) {
			feedback.writePoi(source, "CD79000123", name, items, target);
			assertThat(feedback.writeZip(source, "CD79000123", name, items, target)).isTrue();
		}
		long start = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < COPIES; i++) {
			feedback.writePoi(source, "CD79000123", name, items, target);
		}
		long poi = threads.getCurrentThreadCpuTime() - start;
		// as a run writes them: each into the empty file reserved for it in a new folder
		Path copies = Files.createDirectories(this.dir.resolve("copies"));
		long allocated = allocated(threads);
		start = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < COPIES; i++) {
			Path reserved = Files.createFile(copies.resolve("copy-" + i + ".xlsx"));
			feedback.writeInto(source, "CD79000123", name, items, reserved);
		}
		long zip = threads.getCurrentThreadCpuTime() - start;
		long zipBytes = allocated(threads) - allocated;
		ZipCopy copy = new ZipCopy(Instructions.vietnamese());
		start = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < COPIES; i++) {
			copy.prepare(source, "CD79000123", name, items);
		}
		long prepare = threads.getCurrentThreadCpuTime() - start;
		// the same return saved as .xls: POI's HSSF loads and saves it
		Path legacy = this.dir.resolve("cd-anh-duong.xls");
		new ReturnFormWriter(catalogue).write(ValidReturns.content(catalogue, header), FormStyle.standard(), legacy);
		Path legacyTarget = this.dir.resolve("copy.xls");
		for (int i = 0; i < WARM_UP; i++) {
			feedback.write(legacy, "CD79000123", name, items, legacyTarget);
		}
		start = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < COPIES; i++) {
			Path reserved = Files.createFile(copies.resolve("copy-" + i + ".xls"));
			feedback.writeInto(legacy, "CD79000123", name, items, reserved);
		}
		long xls = threads.getCurrentThreadCpuTime() - start;
		System.out.printf("Memory allocated a zip-level copy: %.0f KB%n", zipBytes / 1024.0 / COPIES);
		System.out.printf(
				"Feedback copy of a typical return, 3 findings, %d copies each: POI %.2f ms CPU a copy, zip level %.2f ms"
						+ " (of which %.2f ms reading the source and building the copy in memory, the rest its file made"
						+ " and written); the return saved as .xls, through POI: %.2f ms%n",
				COPIES, poi / 1e6 / COPIES, zip / 1e6 / COPIES, prepare / 1e6 / COPIES, xls / 1e6 / COPIES);
	}

	/** Bytes this thread has allocated so far (HotSpot's count). */
	private static long allocated(ThreadMXBean threads) {
		return ((com.sun.management.ThreadMXBean) threads).getCurrentThreadAllocatedBytes();
	}

}
