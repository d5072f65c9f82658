package vn.tonghop.job;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.store.ReturnStore;

/** Stores a chunk of judged files in one transaction. */
class SubmissionWriter implements ItemWriter<ReceivedFile> {

	private final ReturnStore store;

	private final int year;

	private final long jobExecution;

	SubmissionWriter(ReturnStore store, int year, long jobExecution) {
		this.store = store;
		this.year = year;
		this.jobExecution = jobExecution;
	}

	@Override
	public void write(Chunk<? extends ReceivedFile> chunk) {
		this.store.store(chunk.getItems(), this.year, this.jobExecution);
	}

}
