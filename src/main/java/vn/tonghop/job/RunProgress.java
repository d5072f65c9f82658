package vn.tonghop.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * The live progress of the jobs running in this process, for a page that shows it while
 * they go: the ingest's files done of the total, rate, time left and returns read per
 * province (the figures of the terminal's bar, {@link IngestProgress}), and the steps of
 * the consolidation (those of its log lines, "Tổng hợp năm 2026, bước 3/9: …"). The jobs'
 * listeners tell it as they go; {@link #snapshot()} reads it at any time, from any
 * thread, without slowing them (the ingest's figures are taken only when asked for). What
 * the terminal and the log show does not change.
 */
@Component
public class RunProgress {

	/**
	 * The ingest's figures.
	 *
	 * @param done files done
	 * @param total files in the input; -1 until they are counted
	 * @param elapsedMillis time since the ingest began
	 * @param filesPerSecond files done per second in this execution; 0 before the first
	 * @param secondsLeft time left at that rate; -1 when not known
	 * @param provinces returns read per province, most first: every province a return was
	 * read for or the registry expects unions of (code "" for returns of no province,
	 * whose name is null)
	 * @param finished whether the ingest's reading step has ended
	 */
	public record Ingest(int done, int total, long elapsedMillis, double filesPerSecond, long secondsLeft,
			List<Province> provinces, boolean finished) {

		public Ingest {
			provinces = List.copyOf(provinces);
		}

		/** Done of the total in percent; -1 while the total is not known. */
		public int percent() {
			if (this.total < 0) {
				return -1;
			}
			return (this.total > 0) ? (int) Math.min(100, (long) this.done * 100 / this.total) : 100;
		}

	}

	/**
	 * Returns read for one province.
	 *
	 * @param code its code (2025), "" for returns whose province was not read
	 * @param name its name; null for ""
	 * @param read returns read so far
	 * @param expected unions the registry lists for it; null without a registry
	 */
	public record Province(String code, String name, int read, Integer expected) {

	}

	/** Where a step of the consolidation is. */
	public enum StepState {

		WAITING, RUNNING, COMPLETED, FAILED

	}

	/**
	 * A step of the consolidation.
	 *
	 * @param name the step's bean name ({@code writeWorkbookStep})
	 * @param number its number in the log lines, from 1
	 * @param text what it does, as the log line says it
	 * @param state where it is
	 */
	public record Step(String name, int number, String text, StepState state) {

	}

	/**
	 * The consolidation's steps, in the order of their numbers.
	 *
	 * @param year the year consolidated
	 * @param steps every step, those not begun {@link StepState#WAITING}
	 * @param finished whether the job has ended
	 */
	public record Consolidation(int year, List<Step> steps, boolean finished) {

		public Consolidation {
			steps = List.copyOf(steps);
		}

		/** The step begun last that still runs, else the last one begun; null before. */
		public Step current() {
			Step current = null;
			for (Step step : this.steps) {
				if (step.state() == StepState.RUNNING) {
					current = step;
				}
			}
			if (current != null) {
				return current;
			}
			for (Step step : this.steps) {
				if (step.state() != StepState.WAITING) {
					current = step;
				}
			}
			return current;
		}

	}

	/**
	 * What is known now.
	 *
	 * @param ingest the last ingest since {@link #clear()}, or null
	 * @param consolidation the last consolidation since {@link #clear()}, or null
	 */
	public record Snapshot(Ingest ingest, Consolidation consolidation) {

	}

	/** The ingest going on (its figures when asked), or the last one's last figures. */
	private volatile Supplier<Ingest> ingest;

	private volatile Integer consolidationYear;

	private volatile boolean consolidationFinished;

	private final Map<String, StepState> steps = new ConcurrentHashMap<>();

	/** Forgets what the jobs told: a new run begins. */
	public void clear() {
		this.ingest = null;
		this.consolidationYear = null;
		this.consolidationFinished = false;
		this.steps.clear();
	}

	/** What is known now. */
	public Snapshot snapshot() {
		Supplier<Ingest> ingest = this.ingest;
		return new Snapshot((ingest != null) ? ingest.get() : null, consolidation());
	}

	private Consolidation consolidation() {
		Integer year = this.consolidationYear;
		if (year == null) {
			return null;
		}
		List<Step> steps = new ArrayList<>();
		int number = 0;
		for (Map.Entry<String, String> step : ConsolidateJobConfiguration.STEPS.entrySet()) {
			number++;
			steps.add(new Step(step.getKey(), number, step.getValue(),
					this.steps.getOrDefault(step.getKey(), StepState.WAITING)));
		}
		return new Consolidation(year, steps, this.consolidationFinished);
	}

	/** An ingest began: its figures are taken from {@code live} when asked for. */
	void ingestStarted(Supplier<Ingest> live) {
		this.ingest = live;
	}

	/** The ingest's reading ended with these figures. */
	void ingestEnded(Ingest last) {
		this.ingest = () -> last;
	}

	void consolidationStarted(int year) {
		this.steps.clear();
		this.consolidationFinished = false;
		this.consolidationYear = year;
	}

	void stepStarted(String step) {
		this.steps.put(step, StepState.RUNNING);
	}

	void stepEnded(String step, boolean completed) {
		this.steps.put(step, completed ? StepState.COMPLETED : StepState.FAILED);
	}

	void consolidationEnded() {
		this.consolidationFinished = true;
	}

}
