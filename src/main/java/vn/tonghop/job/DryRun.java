package vn.tonghop.job;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import vn.tonghop.intake.InputFile;
import vn.tonghop.intake.InputFiles;
import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.read.CsvSheetReader;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.ListLocator;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.validate.Finding;
import vn.tonghop.validate.JudgedReturn;
import vn.tonghop.validate.ReturnJudge;

/**
 * {@code tonghop ingest --dry-run}: reads and judges every file exactly as an ingest does
 * and reports every finding (as issues.csv rows on standard output) and a summary,
 * without touching any database: nothing is stored, nothing superseded. Same bytes twice
 * in the folder are reported as one.
 */
public final class DryRun {

	private final ReturnFileProcessor processor;

	public DryRun(WorkbookReader reader, CsvSheetReader csvReader, FormLocator locator, ListLocator lists,
			ReturnJudge judge, int year) {
		this.processor = new ReturnFileProcessor(reader, csvReader, locator, lists, judge, year);
	}

	/**
	 * Checks every file under {@code input}; returns the number of returns with an error.
	 */
	public long check(Path input, PrintStream out) {
		long started = System.nanoTime();
		Map<String, String> seen = new HashMap<>();
		Map<String, Long> files = new TreeMap<>();
		Map<String, Long> byRule = new TreeMap<>();
		long accepted = 0;
		long rejected = 0;
		ICSVWriter csv = new CSVWriterBuilder(new java.io.PrintWriter(out, true)).withLineEnd("\n").build();
		csv.writeNext(new String[] { "source_file", "sheet", "cell", "union_code", "rule", "severity", "message" },
				false);
		List<InputFile> inputs = InputFiles.list(input);
		for (InputFile file : inputs) {
			ReceivedFile received = this.processor.process(file);
			String outcome = received.outcome().name();
			// a duplicate only of a file read as a return (two empty files are each
			// unreadable)
			if (received.outcome() == ReceivedFile.Outcome.READ
					&& seen.putIfAbsent(received.sha256(), file.relative()) != null) {
				outcome = "DUPLICATE";
			}
			else if (received.outcome() == ReceivedFile.Outcome.READ) {
				for (JudgedReturn judged : received.returns()) {
					if (judged.accepted()) {
						accepted++;
					}
					else {
						rejected++;
					}
					for (Finding f : judged.findings()) {
						csv.writeNext(new String[] { file.relative(), f.sheet(), f.cell(), f.unionCode(), f.rule(),
								f.severity().csv(), f.message() }, false);
						byRule.merge(f.rule(), 1L, Long::sum);
					}
				}
			}
			else {
				out.println("# " + file.relative() + ": " + received.reason());
			}
			files.merge(outcome, 1L, Long::sum);
		}
		try {
			csv.flush();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		out.println();
		out.println("== Kiểm tra thử (không lưu gì) ==");
		out.printf("Tệp: %d (đọc được %d, trùng %d, không đọc được %d, bỏ qua %d)%n", inputs.size(),
				files.getOrDefault("READ", 0L), files.getOrDefault("DUPLICATE", 0L),
				files.getOrDefault("UNREADABLE", 0L), files.getOrDefault("SKIPPED", 0L));
		out.printf("Báo cáo: hợp lệ %d, sẽ bị từ chối %d%n", accepted, rejected);
		StringBuilder rules = new StringBuilder("Phát hiện theo quy tắc:");
		byRule.forEach((rule, n) -> rules.append(' ').append(rule).append('×').append(n));
		out.println(byRule.isEmpty() ? "Phát hiện theo quy tắc: không có" : rules);
		out.printf("Thời gian: %.1f s%n", (System.nanoTime() - started) / 1e9);
		return rejected;
	}

}
