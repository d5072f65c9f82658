package vn.tonghop.job;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

import vn.tonghop.intake.ReceivedFile;
import vn.tonghop.validate.JudgedReturn;

/**
 * Progress of an ingest, for people watching it: files done of the total, rate, time
 * left, and returns read per province against the registry's expected unions. On a
 * terminal a bar redrawn in place (two lines: the bar and the provinces); otherwise a log
 * line every {@code tonghop.progress-seconds}. Each stored chunk is also logged at DEBUG.
 */
class IngestProgress implements ItemWriteListener<ReceivedFile>, StepExecutionListener {

	private static final Log logger = LogFactory.getLog(IngestProgress.class);

	/** How often the terminal bar is redrawn. */
	private static final long REDRAW_MILLIS = 250;

	private final ProgressLine line;

	private final long logMillis;

	private final PrintStream terminal;

	private final LongSupplier clock;

	private long startedAt;

	private long lastShown;

	private boolean drawn;

	/**
	 * @param line what is shown
	 * @param progressSeconds how often a log line is written when not on a terminal
	 * @param terminal where the bar is drawn, or {@code null} for log lines
	 * @param clock the time in milliseconds
	 */
	IngestProgress(ProgressLine line, int progressSeconds, PrintStream terminal, LongSupplier clock) {
		this.line = line;
		this.logMillis = Math.max(progressSeconds, 1) * 1000L;
		this.terminal = terminal;
		this.clock = clock;
	}

	/**
	 * The standard error stream when it is a terminal that can redraw a line (not
	 * {@code TERM=dumb}), else {@code null}.
	 */
	static PrintStream terminal() {
		boolean console = System.console() != null;
		String term = System.getenv("TERM");
		return (console && term != null && !term.equals("dumb")) ? System.err : null;
	}

	/**
	 * The ingest begins: the rate is counted from now. The files in the input may not be
	 * counted yet ({@link #counted}).
	 */
	void begin() {
		this.startedAt = this.clock.getAsLong();
		this.lastShown = this.startedAt;
	}

	/**
	 * The files are counted: {@code total} in the input, {@code done} of them already
	 * stored by an earlier, interrupted execution; files stored before are kept.
	 */
	void counted(int total, int done) {
		this.line.counted(total, done);
	}

	@Override
	public void afterWrite(Chunk<? extends ReceivedFile> files) {
		for (ReceivedFile file : files) {
			this.line.fileDone();
			if (file.returns() != null) {
				for (JudgedReturn judged : file.returns()) {
					this.line.returnRead(judged.value().provinceCode());
				}
			}
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Đã lưu " + this.line.done() + "/" + this.line.total() + " tệp");
		}
		show(false);
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		show(true);
		return null;
	}

	private void show(boolean last) {
		long now = this.clock.getAsLong();
		long elapsed = now - this.startedAt;
		if (this.terminal != null) {
			if (last || now - this.lastShown >= REDRAW_MILLIS) {
				this.lastShown = now;
				draw(elapsed, last);
			}
		}
		else if (last || now - this.lastShown >= this.logMillis) {
			this.lastShown = now;
			if (!last) {
				logger.info(this.line.summary(elapsed));
			}
			String provinces = this.line.provinces(Integer.MAX_VALUE);
			if (!provinces.isEmpty()) {
				logger.info("Theo tỉnh, thành phố: " + provinces);
			}
		}
	}

	private void draw(long elapsed, boolean last) {
		int width = ProgressLine.terminalWidth(System.getenv("COLUMNS"));
		StringBuilder text = new StringBuilder();
		if (this.drawn) {
			// back to the start of the bar, one line up
			text.append("\r\033[1A");
		}
		text.append("\r\033[K").append(clip(this.line.bar(elapsed, Math.min(width, 40)), width));
		text.append("\n\r\033[K").append(clip(this.line.provinces(width), width));
		if (last) {
			text.append('\n');
		}
		this.terminal.print(text);
		this.terminal.flush();
		this.drawn = !last;
	}

	private static String clip(String text, int width) {
		return (text.length() <= width) ? text : text.substring(0, Math.max(width - 1, 0)) + "…";
	}

	/**
	 * The figures of a progress display and their wording, apart from where they are
	 * shown (so they can be tested).
	 */
	static final class ProgressLine {

		private final Map<String, String> names;

		private final Map<String, Integer> expected;

		private final Map<String, Integer> read = new TreeMap<>();

		/** The files in the input; -1 until they are counted. */
		private int total = -1;

		private int done;

		private int doneBefore;

		private String lastProvince;

		/**
		 * @param names province name by code
		 * @param expected unions the registry lists by province code (empty without a
		 * registry)
		 */
		ProgressLine(Map<String, String> names, Map<String, Integer> expected) {
			this.names = names;
			this.expected = expected;
		}

		/**
		 * The files counted: {@code total} in the input, {@code done} stored by earlier
		 * executions; the files this execution stored before they were counted stay
		 * counted.
		 */
		void counted(int total, int done) {
			this.total = total;
			this.done += done - this.doneBefore;
			this.doneBefore = done;
		}

		void fileDone() {
			this.done++;
		}

		void returnRead(String provinceCode) {
			String code = (provinceCode != null) ? provinceCode : "";
			this.read.merge(code, 1, Integer::sum);
			this.lastProvince = code;
		}

		int done() {
			return this.done;
		}

		int total() {
			return this.total;
		}

		/** "Đã đọc 900/2000 tệp (45%), 120 tệp/giây, còn khoảng 9 s". */
		String summary(long elapsedMillis) {
			StringBuilder text = new StringBuilder();
			if (this.total < 0) {
				// not counted yet: how many, and how fast
				text.append("Đã đọc ").append(this.done).append(" tệp");
				double rate = rate(elapsedMillis);
				if (rate > 0) {
					text.append(String.format(", %.0f tệp/giây", rate));
				}
				return text.toString();
			}
			text.append("Đã đọc ")
				.append(this.done)
				.append('/')
				.append(this.total)
				.append(" tệp (")
				.append(percent())
				.append("%)");
			double rate = rate(elapsedMillis);
			if (rate > 0) {
				text.append(String.format(", %.0f tệp/giây, còn khoảng %s", rate, remaining(rate)));
			}
			return text.toString();
		}

		/** "[██████░░░░] 45% 900/2000 tệp · 120 tệp/giây · còn ~9 s · Hà Nội 120/450". */
		String bar(long elapsedMillis, int cells) {
			boolean counted = this.total >= 0;
			int filled = !counted ? 0 : (this.total > 0) ? (int) ((long) this.done * cells / this.total) : cells;
			StringBuilder text = new StringBuilder("[");
			text.append("█".repeat(filled)).append("░".repeat(cells - filled)).append("] ");
			if (counted) {
				text.append(percent()).append("% ").append(this.done).append('/').append(this.total).append(" tệp");
			}
			else {
				text.append(this.done).append(" tệp");
			}
			double rate = rate(elapsedMillis);
			if (rate > 0) {
				text.append(String.format(" · %.0f tệp/giây", rate));
				if (counted) {
					text.append(" · còn ~").append(remaining(rate));
				}
			}
			if (this.lastProvince != null) {
				text.append(" · ").append(province(this.lastProvince));
			}
			return text.toString();
		}

		/**
		 * Returns read per province, "Hà Nội 120/450, Huế 30/80, …", most read first (an
		 * unknown province last among equals), cut to about {@code width} characters.
		 */
		String provinces(int width) {
			List<String> codes = this.read.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue()
					.reversed()
					.thenComparing((entry) -> entry.getKey().isEmpty())
					.thenComparing(Map.Entry::getKey))
				.map(Map.Entry::getKey)
				.toList();
			StringBuilder text = new StringBuilder();
			for (int shown = 0; shown < codes.size(); shown++) {
				String item = province(codes.get(shown));
				if (shown > 0 && text.length() + item.length() + 2 > width - 10) {
					return text.append(", … (+").append(codes.size() - shown).append(')').toString();
				}
				text.append((shown > 0) ? ", " : "").append(item);
			}
			return text.toString();
		}

		private String province(String code) {
			String name = code.isEmpty() ? "không rõ tỉnh" : this.names.getOrDefault(code, code);
			Integer expected = this.expected.get(code);
			int read = this.read.getOrDefault(code, 0);
			return name + " " + read + ((expected != null) ? "/" + expected : "");
		}

		private int percent() {
			return (this.total > 0) ? (int) ((long) this.done * 100 / this.total) : 100;
		}

		private double rate(long elapsedMillis) {
			int doneHere = this.done - this.doneBefore;
			return (elapsedMillis > 0 && doneHere > 0) ? doneHere * 1000.0 / elapsedMillis : 0;
		}

		private String remaining(double rate) {
			long seconds = Math.round((this.total - this.done) / rate);
			if (seconds < 60) {
				return seconds + " s";
			}
			if (seconds < 3600) {
				return (seconds / 60) + " phút " + (seconds % 60) + " s";
			}
			return (seconds / 3600) + " giờ " + (seconds % 3600 / 60) + " phút";
		}

		/** The width of the terminal from {@code COLUMNS}, 100 when unknown. */
		static int terminalWidth(String columns) {
			try {
				int width = Integer.parseInt((columns != null) ? columns.strip() : "");
				return (width >= 20) ? width : 100;
			}
			catch (NumberFormatException ex) {
				return 100;
			}
		}

	}

}
