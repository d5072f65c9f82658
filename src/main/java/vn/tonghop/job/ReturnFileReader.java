package vn.tonghop.job;

import java.nio.file.Path;
import java.util.List;
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

	private List<InputFile> files = List.of();

	private int next;

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
		this.files = InputFiles.list(this.input);
		this.next = 0;
		logger.info("Tìm thấy " + this.files.size() + " tệp trong " + this.input);
		this.progress.start(this.files.size(), 0);
	}

	/** On a restart: {@code itemIndex} files were read and stored before. */
	@Override
	protected void jumpToItem(int itemIndex) {
		Set<String> stored = this.alreadyStored.get();
		int total = this.files.size();
		this.files = this.files.stream().filter((file) -> !stored.contains(file.relative())).toList();
		this.next = 0;
		logger.info("Tiếp tục lần chạy trước: " + (total - this.files.size()) + " tệp đã lưu trước đó, còn "
				+ this.files.size() + " tệp");
		this.progress.start(total, total - this.files.size());
	}

	@Override
	protected InputFile doRead() {
		return (this.next < this.files.size()) ? this.files.get(this.next++) : null;
	}

	@Override
	protected void doClose() {
		this.files = List.of();
	}

}
