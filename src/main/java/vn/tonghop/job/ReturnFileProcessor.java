package vn.tonghop.job;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import vn.tonghop.intake.Checksums;
import vn.tonghop.intake.InputFile;
import vn.tonghop.intake.InputFiles;
import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.read.CsvSheetReader;
import vn.tonghop.read.FormCells;
import vn.tonghop.read.ListLocator;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.SheetCells;
import vn.tonghop.read.UnreadableFileException;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.validate.JudgedReturn;
import vn.tonghop.validate.ReturnJudge;

/**
 * Reads one file and judges the returns in it: one for a form, one per row for a list (a
 * workbook sheet or a CSV file in table layout). Never throws for bad input: a file that
 * cannot be read comes out {@link ReceivedFile.Outcome#UNREADABLE} with the reason, so
 * one bad file never stops the others.
 */
class ReturnFileProcessor implements ItemProcessor<InputFile, ReceivedFile> {

	private static final Log logger = LogFactory.getLog(ReturnFileProcessor.class);

	private final WorkbookReader reader;

	private final FormLocator locator;

	private final ListLocator lists;

	private final CsvSheetReader csvReader;

	private final ReturnJudge judge;

	private final int year;

	ReturnFileProcessor(WorkbookReader reader, CsvSheetReader csvReader, FormLocator locator, ListLocator lists,
			ReturnJudge judge, int year) {
		this.reader = reader;
		this.csvReader = csvReader;
		this.locator = locator;
		this.lists = lists;
		this.judge = judge;
		this.year = year;
	}

	@Override
	public ReceivedFile process(InputFile file) {
		Path path = file.path();
		// one look at the file for the usual case, a regular file; anything else is
		// looked at again to say what it is
		BasicFileAttributes seen = attributes(path);
		if (seen == null || !seen.isRegularFile()) {
			InputFiles.Problem problem = InputFiles.notAFile(file);
			if (problem != null) {
				return new ReceivedFile(file, null, 0, Instant.EPOCH,
						problem.skipped() ? ReceivedFile.Outcome.SKIPPED : ReceivedFile.Outcome.UNREADABLE,
						problem.reason(), null);
			}
		}
		String sha256;
		long bytes;
		Instant lastModified;
		// a file of the usual size is read once: its checksum, its format and its zip
		// all come from these bytes
		byte[] content;
		try {
			BasicFileAttributes attributes = (seen != null && seen.isRegularFile()) ? seen
					: Files.readAttributes(path, BasicFileAttributes.class);
			content = WorkbookReader.readIfSmall(path, attributes.size());
			sha256 = (content != null) ? Checksums.sha256(content) : Checksums.sha256(path);
			bytes = (content != null) ? content.length : attributes.size();
			// milliseconds: databases round finer times (H2 and PostgreSQL keep
			// microseconds, rounding up), which made a file look newer than itself on a
			// tie
			lastModified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.MILLIS);
		}
		catch (AccessDeniedException ex) {
			return new ReceivedFile(file, null, 0, Instant.EPOCH, ReceivedFile.Outcome.UNREADABLE,
					"Không có quyền đọc tệp (quyền truy cập bị từ chối).", null);
		}
		catch (IOException ex) {
			return new ReceivedFile(file, null, 0, Instant.EPOCH, ReceivedFile.Outcome.UNREADABLE,
					"Không mở được tệp: " + ex.getMessage(), null);
		}
		String skip = InputFiles.skipReason(file);
		if (skip != null) {
			return new ReceivedFile(file, sha256, bytes, lastModified, ReceivedFile.Outcome.SKIPPED, skip, null);
		}
		try {
			return new ReceivedFile(file, sha256, bytes, lastModified, ReceivedFile.Outcome.READ, null,
					readReturns(path, content));
		}
		catch (UnreadableFileException ex) {
			logger.debug("Unreadable " + file.relative(), ex);
			return new ReceivedFile(file, sha256, bytes, lastModified, ReceivedFile.Outcome.UNREADABLE, ex.reason(),
					null);
		}
		catch (RuntimeException | StackOverflowError ex) {
			// a failure nobody foresaw is still one bad file, not a failed run: the file
			// is set aside with what went wrong (the fuzz test calls readReturns, where
			// such a failure is a bug)
			logger.warn(file.relative() + ": lỗi không lường trước khi đọc tệp (" + ex + "); tệp được để riêng.");
			logger.debug("Lỗi khi đọc " + file.relative(), ex);
			return new ReceivedFile(file, sha256, bytes, lastModified, ReceivedFile.Outcome.UNREADABLE,
					"Không đọc được tệp (lỗi " + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ").", null);
		}
	}

	/** A file's attributes, following a link; null when they cannot be read. */
	private static BasicFileAttributes attributes(Path path) {
		try {
			return Files.readAttributes(path, BasicFileAttributes.class);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * The returns of a file, read, located and judged: one for a form, one per row for a
	 * list. The reader is chosen by what the file holds, not by its name (a ".xls" that
	 * is really CSV is read as CSV, a ".csv" that is really a workbook as a workbook).
	 * Throws only {@link UnreadableFileException} for bad input. {@code content} is the
	 * file's bytes when they were read whole, null when not (the file is then read here).
	 */
	List<JudgedReturn> readReturns(Path path, byte[] content) throws UnreadableFileException {
		WorkbookReader.Format format = WorkbookReader.detect(path, content);
		SheetCells sheet = (format == WorkbookReader.Format.TEXT) ? this.csvReader.read(path, content)
				: this.reader.readReturnSheet(path, format, content);
		List<FormCells> forms = this.lists.locate(sheet).orElse(null);
		if (forms == null) {
			forms = List.of(this.locator.locate(sheet));
		}
		else if (forms.isEmpty()) {
			throw new UnreadableFileException("Danh sách trong trang '" + sheet.name()
					+ "' có dòng tiêu đề nhưng không có dòng nào có mã công đoàn cơ sở.");
		}
		return forms.stream().map((form) -> this.judge.judge(form, this.year)).toList();
	}

}
