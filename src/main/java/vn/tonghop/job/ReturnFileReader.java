package vn.tonghop.job;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import vn.tonghop.intake.InputFile;
import vn.tonghop.intake.InputFiles;

/**
 * The files under the input folder, one item each, in a stable order. Restartable: the
 * number of files already done is kept in the step's execution context, so a restarted
 * ingest goes on from where it stopped. Logs progress on long runs.
 */
class ReturnFileReader extends AbstractItemCountingItemStreamItemReader<InputFile> {

	private static final Log logger = LogFactory.getLog(ReturnFileReader.class);

	private final Path input;

	private final long progressMillis;

	private List<InputFile> files = List.of();

	private int next;

	private long lastProgress;

	private long startedAt;

	ReturnFileReader(Path input, int progressSeconds) {
		this.input = input;
		this.progressMillis = progressSeconds * 1000L;
		setName("returnFileReader");
	}

	@Override
	protected void doOpen() {
		this.files = InputFiles.list(this.input);
		this.next = 0;
		this.startedAt = System.currentTimeMillis();
		this.lastProgress = this.startedAt;
		logger.info("Tìm thấy " + this.files.size() + " tệp trong " + this.input);
	}

	@Override
	protected void jumpToItem(int itemIndex) {
		this.next = Math.min(itemIndex, this.files.size());
		if (itemIndex > 0) {
			logger.info("Tiếp tục lần chạy trước từ tệp thứ " + (itemIndex + 1) + "/" + this.files.size());
		}
	}

	@Override
	protected InputFile doRead() {
		if (this.next >= this.files.size()) {
			return null;
		}
		long now = System.currentTimeMillis();
		if (now - this.lastProgress >= this.progressMillis) {
			this.lastProgress = now;
			double seconds = (now - this.startedAt) / 1000.0;
			logger.info(String.format("Đã đọc %d/%d tệp (%d%%), %.0f tệp/giây", this.next, this.files.size(),
					this.next * 100 / this.files.size(), (seconds > 0) ? this.next / seconds : 0));
		}
		return this.files.get(this.next++);
	}

	@Override
	protected void doClose() {
		this.files = List.of();
	}

}
