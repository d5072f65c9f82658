package vn.tonghop.console.runs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.tonghop.console.Scope;
import vn.tonghop.job.RunProgress;
import vn.tonghop.normalise.ProvinceResolver;

/**
 * Makes the {@link RunView} of a run for a user: the figures of {@link RunProgress} in
 * her language, the returns per province only for the provinces of her scope (the files'
 * total stays the total: files are counted before their province is read), and the
 * summary lines without those naming files when she is an ANALYST.
 */
@Component
class RunViews {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

	private final MessageSource messages;

	private final ProvinceResolver provinces;

	RunViews(MessageSource messages, ProvinceResolver provinces) {
		this.messages = messages;
		this.provinces = provinces;
	}

	RunView view(ConsoleRun run, RunProgress.Snapshot progress, Scope scope, Locale locale) {
		LocalDateTime end = (run.endedAt() != null) ? run.endedAt() : LocalDateTime.now();
		String elapsed = duration(Duration.ofSeconds(Duration.between(run.startedAt(), end).toSeconds()), locale);
		RunProgress.Ingest ingest = run.kind().ingests() ? progress.ingest() : null;
		RunProgress.Consolidation consolidation = run.kind().consolidates() ? progress.consolidation() : null;
		List<RunView.Step> steps = new ArrayList<>();
		String step = null;
		if (consolidation != null) {
			for (RunProgress.Step each : consolidation.steps()) {
				String state = each.state().name().toLowerCase(Locale.ROOT);
				steps.add(new RunView.Step(each.number(), stepText(each, locale), state,
						text("runs.step-state." + state, locale)));
			}
			RunProgress.Step current = consolidation.current();
			if (current != null) {
				step = text("runs.step.current", locale, String.valueOf(consolidation.year()),
						String.valueOf(current.number()), String.valueOf(consolidation.steps().size()),
						stepText(current, locale));
			}
		}
		List<String> summary = run.lines();
		List<String> shown = scope.all() ? summary : withoutFiles(summary);
		ConsoleRun.Outcome outcome = run.outcome();
		String started = TIME.format(run.startedAt());
		return new RunView(run.id(), run.kind().key(), text("runs.kind." + run.kind().key(), locale), run.running(),
				(outcome != null) ? outcome.key() : null,
				(outcome != null) ? text("runs.outcome." + outcome.key(), locale) : text("runs.live.running", locale),
				run.problem(), run.startedBy(), started, elapsed,
				text("runs.live.by", locale, run.startedBy(), started, elapsed),
				(ingest != null) ? files(ingest, locale) : null,
				(ingest != null) ? provinces(ingest, scope, locale) : List.of(), steps, step, shown,
				shown.size() < summary.size());
	}

	private RunView.Files files(RunProgress.Ingest ingest, Locale locale) {
		String text = (ingest.total() < 0) ? text("runs.files.uncounted", locale, ingest.done())
				: text("runs.files", locale, ingest.done(), ingest.total(), ingest.percent());
		String rate = (ingest.filesPerSecond() > 0)
				? text("runs.files.rate", locale, Math.max(1, Math.round(ingest.filesPerSecond()))) : null;
		String left = (ingest.secondsLeft() >= 0 && !ingest.finished())
				? text("runs.files.left", locale, duration(Duration.ofSeconds(ingest.secondsLeft()), locale)) : null;
		return new RunView.Files(ingest.done(), ingest.total(), ingest.percent(), text, rate, left, ingest.finished());
	}

	/**
	 * The returns read per province, in the order of the progress (most first), of the
	 * provinces in {@code scope}; for an ANALYST her provinces are all there, those with
	 * nothing read yet at 0.
	 */
	List<RunView.Province> provinces(RunProgress.Ingest ingest, Scope scope, Locale locale) {
		List<RunView.Province> shown = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (RunProgress.Province province : ingest.provinces()) {
			if (!scope.allows(province.code())) {
				continue;
			}
			seen.add(province.code());
			String name = province.code().isEmpty() ? text("runs.province.unknown", locale) : province.name();
			shown.add(new RunView.Province(name, province.read(), province.expected()));
		}
		if (!scope.all()) {
			for (String code : scope.provinces()) {
				if (!seen.contains(code)) {
					String name = this.provinces.byCode(code).map(vn.tonghop.normalise.Province::name).orElse(code);
					shown.add(new RunView.Province(name, 0, null));
				}
			}
		}
		return shown;
	}

	/**
	 * The summary lines without those naming a file (the files not accepted, the feedback
	 * copies not made, and the line counting the others): indented lines but the steps'
	 * times.
	 */
	static List<String> withoutFiles(List<String> lines) {
		return lines.stream().filter((line) -> !line.startsWith("  ") || line.startsWith("  bước ")).toList();
	}

	/** What a step does: the console's words for it, else the log's. */
	private String stepText(RunProgress.Step step, Locale locale) {
		return this.messages.getMessage("runs.step." + step.name(), null, step.text(), locale);
	}

	/** A time in words: "4,2 giây", "3 phút 5 giây", "1 giờ 12 phút". */
	String duration(Duration time, Locale locale) {
		long seconds = time.toSeconds();
		if (seconds < 60) {
			return text("runs.time.seconds", locale, time.toMillis() / 1000.0);
		}
		if (seconds < 3600) {
			return text("runs.time.minutes", locale, seconds / 60, seconds % 60);
		}
		return text("runs.time.hours", locale, seconds / 3600, seconds % 3600 / 60);
	}

	String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
