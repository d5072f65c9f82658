package vn.tonghop.job;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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

	/** The terminal's columns; no line drawn is longer than one less. */
	private final int width;

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
		this(line, progressSeconds, terminal, (terminal != null) ? terminalWidth() : DEFAULT_WIDTH, clock);
	}

	/**
	 * @param width the terminal's columns: no line drawn is longer than {@code width - 1}
	 */
	IngestProgress(ProgressLine line, int progressSeconds, PrintStream terminal, int width, LongSupplier clock) {
		this.line = line;
		this.logMillis = Math.max(progressSeconds, 1) * 1000L;
		this.terminal = terminal;
		this.width = width;
		this.clock = clock;
	}

	/** The width taken when the terminal's is not known. */
	static final int DEFAULT_WIDTH = 80;

	/** The narrowest width believed. */
	private static final int NARROWEST = 20;

	/**
	 * The terminal's columns: {@code COLUMNS} when set (shells do not export it unless
	 * told), else what {@code stty size} says of {@code /dev/tty} (once per ingest), else
	 * {@value #DEFAULT_WIDTH}.
	 */
	static int terminalWidth() {
		Integer columns = ProgressLine.columns(System.getenv("COLUMNS"));
		return (columns != null) ? columns : Objects.requireNonNullElse(sttyColumns(), DEFAULT_WIDTH);
	}

	/** The columns {@code stty size} reports for {@code /dev/tty}, or null. */
	private static Integer sttyColumns() {
		if (System.getProperty("os.name", "").startsWith("Windows") || !Files.exists(Path.of("/dev/tty"))) {
			return null;
		}
		try {
			Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
			if (!stty.waitFor(1, TimeUnit.SECONDS) || stty.exitValue() != 0) {
				stty.destroy();
				return null;
			}
			// "rows columns"
			String[] size = answer.split("\\s+");
			return (size.length == 2) ? ProgressLine.columns(size[1]) : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
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

	/**
	 * The figures now, for {@link RunProgress}; {@code finished}: whether the reading has
	 * ended.
	 */
	RunProgress.Ingest snapshot(boolean finished) {
		return this.line.snapshot(this.clock.getAsLong() - this.startedAt, finished);
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
		// a line as wide as the terminal wraps, and the next frame goes up one line
		// only: each frame scrolled the one before up (issue 24, item 12)
		int columns = this.width - 1;
		StringBuilder text = new StringBuilder();
		if (this.drawn) {
			// back to the start of the bar, one line up
			text.append("\r\033[1A");
		}
		text.append("\r\033[K").append(this.line.fittedBar(elapsed, columns));
		text.append("\n\r\033[K").append(ProgressLine.clip(this.line.provinces(columns), columns));
		if (last) {
			text.append('\n');
		}
		this.terminal.print(text);
		this.terminal.flush();
		this.drawn = !last;
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
			StringBuilder text = new StringBuilder(head(cells));
			barParts(elapsedMillis).forEach((part) -> text.append(" · ").append(part));
			return text.toString();
		}

		/**
		 * The bar in at most {@code columns} columns: a bar of a quarter of them (10 to
		 * 40 cells) and the files done, then as many of the rate, the time left and the
		 * last province as fit, the province given up first; on a very narrow terminal
		 * the bar shrinks, then the line is cut.
		 */
		String fittedBar(long elapsedMillis, int columns) {
			List<String> parts = barParts(elapsedMillis);
			int cells = Math.max(10, Math.min(40, columns / 4));
			while (cells > 3 && width(head(cells)) > columns) {
				cells--;
			}
			StringBuilder text = new StringBuilder(head(cells));
			for (String part : parts) {
				if (width(text) + 3 + width(part) > columns) {
					// and those after it: the province goes first, then the time left
					break;
				}
				text.append(" · ").append(part);
			}
			return clip(text.toString(), columns);
		}

		/** "[██████░░░░] 45% 900/2000 tệp". */
		private String head(int cells) {
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
			return text.toString();
		}

		/** The rate, the time left and the last province, those known, in that order. */
		private List<String> barParts(long elapsedMillis) {
			List<String> parts = new ArrayList<>();
			double rate = rate(elapsedMillis);
			if (rate > 0) {
				parts.add(String.format("%.0f tệp/giây", rate));
				if (this.total >= 0) {
					parts.add("còn ~" + remaining(rate));
				}
			}
			if (this.lastProvince != null) {
				parts.add(province(this.lastProvince));
			}
			return parts;
		}

		/**
		 * Columns on a terminal: code points, a combining mark (text typed in decomposed
		 * Unicode) taking none.
		 */
		static int width(CharSequence text) {
			return (int) text.codePoints().filter((c) -> Character.getType(c) != Character.NON_SPACING_MARK).count();
		}

		/** The text cut to at most {@code columns} columns, ending with "…" when cut. */
		static String clip(String text, int columns) {
			if (width(text) <= columns) {
				return text;
			}
			StringBuilder clipped = new StringBuilder();
			int taken = 0;
			for (int i = 0; i < text.length();) {
				int c = text.codePointAt(i);
				boolean mark = Character.getType(c) == Character.NON_SPACING_MARK;
				if (!mark && taken + 1 > columns - 1) {
					break;
				}
				clipped.appendCodePoint(c);
				taken += mark ? 0 : 1;
				i += Character.charCount(c);
			}
			return (columns > 0) ? clipped.append('…').toString() : "";
		}

		/**
		 * The figures for {@link RunProgress}: those of {@link #summary} and, per
		 * province, the returns read against the unions expected, in the order of
		 * {@link #provinces}, then the provinces the registry expects unions of that no
		 * return was read for yet.
		 */
		RunProgress.Ingest snapshot(long elapsedMillis, boolean finished) {
			double rate = rate(elapsedMillis);
			long left = (rate > 0 && this.total >= 0) ? Math.round(Math.max(this.total - this.done, 0) / rate) : -1;
			List<RunProgress.Province> provinces = new ArrayList<>();
			for (String code : readFirst()) {
				provinces
					.add(new RunProgress.Province(code, code.isEmpty() ? null : this.names.getOrDefault(code, code),
							this.read.get(code), this.expected.get(code)));
			}
			new TreeMap<>(this.expected).forEach((code, expected) -> {
				if (!this.read.containsKey(code)) {
					provinces.add(new RunProgress.Province(code, this.names.getOrDefault(code, code), 0, expected));
				}
			});
			return new RunProgress.Ingest(this.done, this.total, elapsedMillis, rate, left, provinces, finished);
		}

		/**
		 * The provinces returns were read for, most first, an unknown one last among
		 * equals.
		 */
		private List<String> readFirst() {
			return this.read.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue()
					.reversed()
					.thenComparing((entry) -> entry.getKey().isEmpty())
					.thenComparing(Map.Entry::getKey))
				.map(Map.Entry::getKey)
				.toList();
		}

		/**
		 * Returns read per province, "Hà Nội 120/450, Huế 30/80, …", most read first (an
		 * unknown province last among equals), cut to about {@code width} characters.
		 */
		String provinces(int width) {
			List<String> codes = readFirst();
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

		/**
		 * A terminal's width as {@code COLUMNS} or {@code stty} write it; null when it is
		 * not a number of at least {@value IngestProgress#NARROWEST}.
		 */
		static Integer columns(String columns) {
			try {
				int width = Integer.parseInt((columns != null) ? columns.strip() : "");
				return (width >= NARROWEST) ? width : null;
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}

	}

}
