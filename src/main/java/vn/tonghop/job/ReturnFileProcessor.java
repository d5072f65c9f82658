package vn.tonghop.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import vn.tonghop.intake.Checksums;
import vn.tonghop.intake.InputFile;
import vn.tonghop.intake.InputFiles;
import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.read.FormCells;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.SheetCells;
import vn.tonghop.read.UnreadableFileException;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.validate.JudgedReturn;
import vn.tonghop.validate.ReturnJudge;

/**
 * Reads one file and judges the return in it. Never throws for bad input: a file that
 * cannot be read comes out {@link ReceivedFile.Outcome#UNREADABLE} with the reason, so
 * one bad file never stops the others.
 */
class ReturnFileProcessor implements ItemProcessor<InputFile, ReceivedFile> {

	private static final Log logger = LogFactory.getLog(ReturnFileProcessor.class);

	private final WorkbookReader reader;

	private final FormLocator locator;

	private final ReturnJudge judge;

	private final int year;

	ReturnFileProcessor(WorkbookReader reader, FormLocator locator, ReturnJudge judge, int year) {
		this.reader = reader;
		this.locator = locator;
		this.judge = judge;
		this.year = year;
	}

	@Override
	public ReceivedFile process(InputFile file) {
		Path path = file.path();
		String sha256;
		long bytes;
		Instant lastModified;
		try {
			sha256 = Checksums.sha256(path);
			bytes = Files.size(path);
			lastModified = Files.getLastModifiedTime(path).toInstant();
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
			SheetCells sheet = this.reader.readReturnSheet(path);
			FormCells form = this.locator.locate(sheet);
			JudgedReturn judged = this.judge.judge(form, this.year);
			return new ReceivedFile(file, sha256, bytes, lastModified, ReceivedFile.Outcome.READ, null, judged);
		}
		catch (UnreadableFileException ex) {
			logger.debug("Unreadable " + file.relative(), ex);
			return new ReceivedFile(file, sha256, bytes, lastModified, ReceivedFile.Outcome.UNREADABLE, ex.reason(),
					null);
		}
		catch (RuntimeException | StackOverflowError ex) {
			// A reader library failing in a way we did not foresee is still bad input,
			// not a
			// failed run: the file is set aside with what went wrong.
			logger.warn("Unexpected failure reading " + file.relative() + ": " + ex, ex);
			return new ReceivedFile(file, sha256, bytes, lastModified, ReceivedFile.Outcome.UNREADABLE,
					"Không đọc được tệp (lỗi " + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ").", null);
		}
	}

}
