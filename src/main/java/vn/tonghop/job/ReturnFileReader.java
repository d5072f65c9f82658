package vn.tonghop.job;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import vn.tonghop.intake.InputFile;
import vn.tonghop.intake.InputFiles;

/**
 * The files under the input folder, one item each, in a stable order. Restartable: a
 * restarted ingest leaves out the files an earlier execution of the same run already
 * stored (by their path in the intake log, not by position, so files that arrived in the
 * inbox in between are not skipped) and goes on with the rest.
 */
class ReturnFileReader extends AbstractItemCountingItemStreamItemReader<InputFile> {

	private static final Log logger = LogFactory.getLog(ReturnFileReader.class);

	private final Path input;

	private final Supplier<Set<String>> alreadyStored;

	private final IngestProgress progress;

	private InputFiles.Walk files;

	/** On a restart: the files stored before, left out. */
	private Set<String> stored = Set.of();

	/**
	 * @param input the folder or file
	 * @param alreadyStored the relative paths of the files earlier executions of this run
	 * stored; asked only on a restart
	 * @param progress told the number of files
	 */
	ReturnFileReader(Path input, Supplier<Set<String>> alreadyStored, IngestProgress progress) {
		this.input = input;
		this.alreadyStored = alreadyStored;
		this.progress = progress;
		setName("returnFileReader");
	}

	@Override
	protected void doOpen() {
		long total = InputFiles.count(this.input);
		this.files = InputFiles.walk(this.input);
		logger.info("Tìm thấy " + total + " tệp trong " + this.input);
		this.progress.start(Math.toIntExact(total), 0);
	}

	/** On a restart: {@code itemIndex} files were read and stored before. */
	@Override
	protected void jumpToItem(int itemIndex) {
		this.stored = this.alreadyStored.get();
		long total = InputFiles.count(this.input);
		long done = 0;
		try (InputFiles.Walk walk = InputFiles.walk(this.input)) {
			for (InputFile file = walk.next(); file != null; file = walk.next()) {
				done += this.stored.contains(file.relative()) ? 1 : 0;
			}
		}
		logger.info("Tiếp tục lần chạy trước: " + done + " tệp đã lưu trước đó, còn " + (total - done) + " tệp");
		this.progress.start(Math.toIntExact(total), Math.toIntExact(done));
	}

	@Override
	protected InputFile doRead() {
		if (this.files == null) {
			return null;
		}
		InputFile file = this.files.next();
		while (file != null && this.stored.contains(file.relative())) {
			file = this.files.next();
		}
		return file;
	}

	@Override
	protected void doClose() {
		if (this.files != null) {
			this.files.close();
			this.files = null;
		}
		this.stored = Set.of();
	}

}
