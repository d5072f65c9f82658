package vn.tonghop.console.runs;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import vn.tonghop.console.Scope;

/**
 * The progress of the console's run as Server-Sent Events, for the pages that watch it.
 * Every {@value #TICK_MILLIS} ms, each page is sent the run's {@link RunView} in its
 * user's language and scope, when it changed, as a {@code progress} event; once the run
 * has ended, a last {@code progress} and an {@code end} event, and the stream closes. A
 * page that connects when no run has been started is sent {@code idle} and the stream
 * closes; one that connects after the run ended gets its last state and {@code end} (a
 * reload shows the outcome). A stream lasts {@link #TIMEOUT} at most; the browser then
 * connects again.
 */
@Component
class RunStream implements DisposableBean {

	static final long TICK_MILLIS = 500;

	static final Duration TIMEOUT = Duration.ofMinutes(10);

	private static final Log logger = LogFactory.getLog(RunStream.class);

	private final ConsoleRuns runs;

	private final RunViews views;

	private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService ticker;

	RunStream(ConsoleRuns runs, RunViews views) {
		this.runs = runs;
		this.views = views;
		this.ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "tonghop-console-progress");
			thread.setDaemon(true);
			return thread;
		});
		this.ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
	}

	/** A stream for a page of a user with {@code scope}, who reads {@code locale}. */
	SseEmitter watch(Scope scope, Locale locale) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Watcher watcher = new Watcher(emitter, scope, locale);
		emitter.onCompletion(() -> this.watchers.remove(watcher));
		emitter.onTimeout(() -> this.watchers.remove(watcher));
		emitter.onError((ex) -> this.watchers.remove(watcher));
		this.watchers.add(watcher);
		return emitter;
	}

	/** Sends each page what changed; never throws (the ticker would stop). */
	void tick() {
		try {
			for (Watcher watcher : this.watchers) {
				send(watcher);
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Không gửi được tiến độ lần chạy", ex);
		}
	}

	private void send(Watcher watcher) {
		ConsoleRun run = this.runs.last();
		try {
			if (run == null) {
				watcher.emitter.send(SseEmitter.event().name("idle").data("{}", MediaType.APPLICATION_JSON));
				done(watcher);
				return;
			}
			// the outcome read before the figures: a run seen ended is shown with its
			// last figures
			boolean running = run.running();
			RunView view = this.views.view(run, this.runs.progress(run), watcher.scope, watcher.locale);
			if (!view.equals(watcher.sent)) {
				watcher.emitter.send(SseEmitter.event()
					.name("progress")
					.id(Long.toString(run.id()))
					.data(view, MediaType.APPLICATION_JSON));
				watcher.sent = view;
			}
			if (!running) {
				watcher.emitter.send(SseEmitter.event().name("end").data(view, MediaType.APPLICATION_JSON));
				done(watcher);
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the page went away
			this.watchers.remove(watcher);
			watcher.emitter.completeWithError(ex);
		}
	}

	private void done(Watcher watcher) {
		this.watchers.remove(watcher);
		watcher.emitter.complete();
	}

	@Override
	public void destroy() {
		this.ticker.shutdownNow();
		for (Watcher watcher : this.watchers) {
			done(watcher);
		}
	}

	/** A page watching, and what it was last sent. */
	private static final class Watcher {

		final SseEmitter emitter;

		final Scope scope;

		final Locale locale;

		RunView sent;

		Watcher(SseEmitter emitter, Scope scope, Locale locale) {
			this.emitter = emitter;
			this.scope = scope;
			this.locale = locale;
		}

	}

}
