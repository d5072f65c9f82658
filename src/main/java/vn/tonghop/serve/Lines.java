package vn.tonghop.serve;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * What a run prints (its summary), passed on a line at a time, blank lines left out: to
 * the log for the nightly runs, to the run's page for the console's.
 */
public final class Lines extends OutputStream {

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private final Consumer<String> sink;

	public Lines(Consumer<String> sink) {
		this.sink = sink;
	}

	@Override
	public void write(int b) {
		if (b == '\n') {
			flushLine();
		}
		else {
			this.line.write(b);
		}
	}

	@Override
	public void close() {
		flushLine();
	}

	private void flushLine() {
		String text = this.line.toString(StandardCharsets.UTF_8).stripTrailing();
		this.line.reset();
		if (!text.isEmpty()) {
			this.sink.accept(text);
		}
	}

}
