package vn.tonghop.logging;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import org.apache.logging.log4j.LogBuilder;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.util.ProviderUtil;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Log4j API (POI's logging) goes through {@link EagerLevelLogging}: a disabled level
 * formats nothing, an enabled one reaches logback as through log4j-to-slf4j.
 */
class EagerLevelLoggingTests {

	private final Logger poi = (Logger) LoggerFactory.getLogger("org.apache.poi");

	private final Logger test = (Logger) LoggerFactory.getLogger("vn.tonghop.logging.test");

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>() {

		@Override
		protected void append(ILoggingEvent event) {
			// where the call was made, told while the caller is on the stack
			event.getCallerData();
			super.append(event);
		}

	};

	private Level poiLevel;

	@BeforeEach
	void listen() {
		assertThat(ProviderUtil.getProvider()).isInstanceOf(EagerLevelLogging.class);
		assertThat(LogManager.getContext(false)).isInstanceOf(EagerLevelLogging.Context.class);
		this.poiLevel = this.poi.getLevel();
		this.logged.start();
		this.test.addAppender(this.logged);
		this.test.setAdditive(false);
	}

	@AfterEach
	void restore() {
		this.poi.setLevel(this.poiLevel);
		this.test.setLevel(null);
		this.test.setAdditive(true);
		this.test.detachAppender(this.logged);
	}

	@Test
	void aDisabledLevelFormatsNothing() {
		Counted counted = new Counted();
		org.apache.logging.log4j.Logger log = LogManager.getLogger("org.apache.poi.Something");
		for (Level level : List.of(Level.OFF, Level.INFO)) {
			this.poi.setLevel(level);
			log.atDebug().log("{}", counted);
			log.atTrace().withThrowable(new IllegalStateException()).log("{} {}", counted, counted);
			log.atLevel(org.apache.logging.log4j.Level.DEBUG).log("{}", counted);
			log.debug("{}", counted);
			assertThat(counted.calls).as("formatted at " + level).hasValue(0);
			assertThat(log.atDebug()).as("at " + level).isSameAs(LogBuilder.NOOP);
			assertThat(log.isDebugEnabled()).isFalse();
		}
		this.poi.setLevel(Level.OFF);
		log.atError().log("{}", counted);
		assertThat(log.atFatal()).isSameAs(LogBuilder.NOOP);
		assertThat(counted.calls).hasValue(0);
	}

	@Test
	void anEnabledLevelReachesLogbackFormatted() {
		org.apache.logging.log4j.Logger log = LogManager.getLogger("vn.tonghop.logging.test");
		this.test.setLevel(Level.DEBUG);
		assertThat(log.isDebugEnabled()).isEqualTo(this.test.isDebugEnabled()).isTrue();
		assertThat(log.isTraceEnabled()).isFalse();
		IllegalStateException failure = new IllegalStateException("hỏng");
		log.atDebug().withThrowable(failure).log("đọc {} ô từ {}", 42, "Báo cáo");
		log.atTrace().log("{}", "never");
		log.debug("thẳng {}", 1);

		this.test.setLevel(Level.INFO);
		assertThat(log.isDebugEnabled()).isEqualTo(this.test.isDebugEnabled()).isFalse();
		assertThat(log.isInfoEnabled()).isTrue();
		assertThat(log.atDebug()).isSameAs(LogBuilder.NOOP);
		log.atInfo().log("xong {}", "2026");
		log.atFatal().log("hết");

		assertThat(this.logged.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
			.containsExactly(tuple(Level.DEBUG, "đọc 42 ô từ Báo cáo"), tuple(Level.DEBUG, "thẳng 1"),
					tuple(Level.INFO, "xong 2026"), tuple(Level.ERROR, "hết"));
		ILoggingEvent first = this.logged.list.get(0);
		assertThat(((ThrowableProxy) first.getThrowableProxy()).getThrowable()).isSameAs(failure);
		assertThat(first.getCallerData()[0].getClassName()).isEqualTo(getClass().getName());
		assertThat(this.logged.list.get(2).getThrowableProxy()).isNull();
	}

	@Test
	void readingAnXlsFormatsNoneOfPoisMessages() throws Exception {
		this.poi.setLevel(Level.OFF);
		LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
		EventCounter counter = new EventCounter();
		counter.start();
		logback.addTurboFilter(counter);
		try (InputStream in = getClass().getResourceAsStream("/samples/form-libreoffice.xls");
				HSSFWorkbook workbook = new HSSFWorkbook(in)) {
			assertThat(workbook.getNumberOfSheets()).isPositive();
		}
		finally {
			logback.getTurboFilterList().remove(counter);
		}
		assertThat(counter.poiEvents).as("POI's events that reached logback, formatted").hasValue(0);
		EagerLevelLogging.Context context = (EagerLevelLogging.Context) LogManager.getContext(false);
		List<? extends org.apache.logging.log4j.Logger> poiLoggers = context.getLoggerRegistry()
			.getLoggers()
			.stream()
			.filter((logger) -> logger.getName().startsWith("org.apache.poi."))
			.toList();
		assertThat(poiLoggers).extracting(org.apache.logging.log4j.Logger::getName)
			.contains("org.apache.poi.hssf.usermodel.HSSFWorkbook");
		assertThat(poiLoggers).allSatisfy((logger) -> {
			assertThat(logger.atDebug()).isSameAs(LogBuilder.NOOP);
			assertThat(logger.atTrace()).isSameAs(LogBuilder.NOOP);
			assertThat(logger.atError()).isSameAs(LogBuilder.NOOP);
		});
	}

	/** Counts the calls of its {@code toString()}: the message formatted. */
	private static final class Counted {

		final AtomicInteger calls = new AtomicInteger();

		@Override
		public String toString() {
			this.calls.incrementAndGet();
			return "counted";
		}

	}

	/**
	 * Counts the events of POI's loggers handed to logback with their message (logback's
	 * level checks come with none): each was formatted by log4j-to-slf4j first.
	 */
	private static final class EventCounter extends TurboFilter {

		final AtomicInteger poiEvents = new AtomicInteger();

		@Override
		public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
				Throwable t) {
			if (format != null && logger.getName().startsWith("org.apache.poi")) {
				this.poiEvents.incrementAndGet();
			}
			return FilterReply.NEUTRAL;
		}

	}

}
