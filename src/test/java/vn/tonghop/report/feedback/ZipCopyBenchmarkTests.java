package vn.tonghop.report.feedback;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
		for (int round = 0; round < 2; round++) {
			long poi = 0;
			long zip = 0;
			for (int i = 0; i < COPIES; i++) {
				long start = threads.getCurrentThreadCpuTime();
				feedback.writePoi(source, "CD79000123", "Công đoàn Công ty Ánh Dương", items, target);
				poi += threads.getCurrentThreadCpuTime() - start;
				start = threads.getCurrentThreadCpuTime();
				assertThat(feedback.writeZip(source, "CD79000123", "Công đoàn Công ty Ánh Dương", items, target))
					.isTrue();
				zip += threads.getCurrentThreadCpuTime() - start;
			}
			long prep = 0, write = 0, detect = 0;
			ZipCopy zc = new ZipCopy(Instructions.vietnamese());
			for (int i = 0; i < COPIES; i++) {
				long start = threads.getCurrentThreadCpuTime();
				vn.tonghop.read.WorkbookReader.detect(source);
				long t1 = threads.getCurrentThreadCpuTime();
				ZipCopy.Prepared p = zc.prepare(source, "CD", "X", items);
				long t2 = threads.getCurrentThreadCpuTime();
				p.writeTo(new java.io.ByteArrayOutputStream());
				long t3 = threads.getCurrentThreadCpuTime();
				detect += t1 - start;
				prep += t2 - t1;
				write += t3 - t2;
			}
			System.out.printf("detect %.2f prepare %.2f write %.2f%n", detect / 1e6 / COPIES, prep / 1e6 / COPIES,
					write / 1e6 / COPIES);
			System.out.printf("%s: POI %.2f ms CPU a copy, zip level %.2f ms CPU a copy (%d copies each)%n",
					(round == 0) ? "warm-up" : "measured", poi / 1e6 / COPIES, zip / 1e6 / COPIES, COPIES);
		}
	}

}
