package vn.tonghop.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.tonghop.job.ConsoleMarker;
import vn.tonghop.serve.NightlyRuns;
import vn.tonghop.serve.ServeSettings;

/**
 * The console on the embedded H2 database, which one process at a time can have open: the
 * console closes its connections as soon as no page is being answered, so that a
 * command-line {@code run}, {@code trace} or {@code history} on the same data folder
 * works between pages; one that comes while a page is being answered is refused at once,
 * its line naming the console ({@link ConsoleMarker}). While a command-line run has the
 * file open, pages answer 503 ({@link DatabaseBusy}). With PostgreSQL all of them share
 * the database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EmbeddedDatabase extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(EmbeddedDatabase.class);

	private final ServeSettings settings;

	private final DataSource dataSource;

	private final ConsoleStarted started;

	private final AtomicInteger answering = new AtomicInteger();

	EmbeddedDatabase(ServeSettings settings, DataSource dataSource, ConsoleStarted started) {
		this.settings = settings;
		this.dataSource = dataSource;
		this.started = started;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		Path folder = dataFolder();
		if (folder != null) {
			ConsoleMarker.write(folder, this.started.address());
		}
		release();
	}

	@EventListener(ContextClosedEvent.class)
	void closed() {
		Path folder = dataFolder();
		if (folder != null) {
			ConsoleMarker.remove(folder);
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		this.answering.incrementAndGet();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (this.answering.decrementAndGet() == 0) {
				release();
			}
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	/** The data folder of the embedded database, or null for another database. */
	private Path dataFolder() {
		if (!this.settings.embedded()) {
			return null;
		}
		try {
			Path folder = Path.of(this.settings.database());
			return Files.isDirectory(folder) ? folder : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** Closes the pool's idle connections: the H2 file closes with the last one. */
	private void release() {
		NightlyRuns.releaseConnections(this.dataSource, this.settings);
	}

}
