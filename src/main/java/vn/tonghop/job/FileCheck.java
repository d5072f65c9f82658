package vn.tonghop.job;

import java.nio.file.Path;
import java.util.List;

import vn.tonghop.intake.InputFile;
import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.read.CsvSheetReader;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.ListLocator;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.validate.ReturnJudge;

/**
 * One file read and judged as the ingest reads and judges it
 * ({@link ReturnFileProcessor}), without storing it: what a union's upload holds before
 * it is let in (a file of another union is refused with nothing stored).
 */
public class FileCheck {

	private final WorkbookReader reader;

	private final CsvSheetReader csvReader;

	private final FormLocator locator;

	private final ListLocator lists;

	private final ReturnJudge judge;

	FileCheck(WorkbookReader reader, CsvSheetReader csvReader, FormLocator locator, ListLocator lists,
			ReturnJudge judge) {
		this.reader = reader;
		this.csvReader = csvReader;
		this.locator = locator;
		this.lists = lists;
		this.judge = judge;
	}

	/**
	 * What the ingest would make of {@code file} for {@code year}: its returns, or why it
	 * cannot be read; {@code name} is the name it is known by.
	 */
	public ReceivedFile read(Path file, String name, int year) {
		return new ReturnFileProcessor(this.reader, this.csvReader, this.locator, this.lists, this.judge, year)
			.process(new InputFile(file, name));
	}

	/** The union codes of the returns read from a file (blank ones included). */
	public static List<String> unionCodes(ReceivedFile file) {
		return (file.returns() != null) ? file.returns().stream().map((judged) -> judged.value().unionCode()).toList()
				: List.of();
	}

}
