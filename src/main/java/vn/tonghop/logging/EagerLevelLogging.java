package vn.tonghop.logging;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogBuilder;
import org.apache.logging.log4j.message.MessageFactory;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.apache.logging.log4j.spi.ExtendedLoggerWrapper;
import org.apache.logging.log4j.spi.LoggerContext;
import org.apache.logging.log4j.spi.LoggerContextFactory;
import org.apache.logging.log4j.spi.LoggerRegistry;
import org.apache.logging.log4j.spi.Provider;
import org.apache.logging.log4j.spi.ThreadContextMap;
import org.apache.logging.slf4j.SLF4JProvider;

/**
 * The Log4j API provider of tonghop: log4j-to-slf4j's, routing to SLF4J and logback, but
 * with the level checked before a log builder is handed out ({@code atDebug()},
 * {@code atLevel(...)}…): a level logback has disabled gets {@link LogBuilder#NOOP}.
 * <p>
 * Why: POI logs through the Log4j API, mostly as {@code LOG.atDebug().log("…", a, b)}.
 * When SLF4J's backend is logback, log4j-to-slf4j (2.25) hands out a real builder
 * whatever the level (its {@code LAZY_LEVEL_CHECK}, so that logback's turbo filters see
 * every event), and the builder formats the message before logback checks the level: with
 * {@code org.apache.poi} at OFF, a quarter of {@code HSSFWorkbook}'s constructor went on
 * formatting debug messages nobody reads (see apache/logging-log4j2 issue 1287).
 * <p>
 * Everything else is log4j-to-slf4j's: its loggers (wrapped), the builders of enabled
 * levels, its MDC thread context map. The level is logback's own check
 * ({@code isDebugEnabled()}…, turbo filters included, without the message): a turbo
 * filter that would let a disabled event through by its message no longer sees one from a
 * builder; tonghop's only one ({@code DamagedStoreLogFilter}) denies, never accepts.
 * <p>
 * Chosen by {@code log4j.provider} in {@code log4j2.component.properties} (and registered
 * in {@code META-INF/services}), so that Log4j does not pick between two providers.
 */
public class EagerLevelLogging extends Provider {

	/** Above log4j-to-slf4j's 15: preferred even were the property missing. */
	private static final int PRIORITY = 20;

	private static final Provider SLF4J = new SLF4JProvider();

	private static final LoggerContextFactory FACTORY = new ContextFactory(SLF4J.getLoggerContextFactory());

	public EagerLevelLogging() {
		super(PRIORITY, CURRENT_VERSION);
	}

	@Override
	public LoggerContextFactory getLoggerContextFactory() {
		return FACTORY;
	}

	@Override
	public ThreadContextMap getThreadContextMapInstance() {
		return SLF4J.getThreadContextMapInstance();
	}

	/** log4j-to-slf4j's factory, its contexts wrapped. */
	static final class ContextFactory implements LoggerContextFactory {

		private final LoggerContextFactory factory;

		private final Map<LoggerContext, Context> contexts = new ConcurrentHashMap<>();

		ContextFactory(LoggerContextFactory factory) {
			this.factory = factory;
		}

		@Override
		public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext,
				boolean currentContext) {
			return wrap(this.factory.getContext(fqcn, loader, externalContext, currentContext));
		}

		@Override
		public LoggerContext getContext(String fqcn, ClassLoader loader, Object externalContext, boolean currentContext,
				URI configLocation, String name) {
			return wrap(this.factory.getContext(fqcn, loader, externalContext, currentContext, configLocation, name));
		}

		private LoggerContext wrap(LoggerContext context) {
			return this.contexts.computeIfAbsent(context, Context::new);
		}

		@Override
		public void removeContext(LoggerContext context) {
			LoggerContext inner = (context instanceof Context wrapper) ? wrapper.context : context;
			this.contexts.remove(inner);
			this.factory.removeContext(inner);
		}

		@Override
		public boolean isClassLoaderDependent() {
			return this.factory.isClassLoaderDependent();
		}

	}

	/** A log4j-to-slf4j context, its loggers wrapped, each once per name and factory. */
	static final class Context implements LoggerContext {

		private final LoggerContext context;

		private final LoggerRegistry<EagerLogger> loggers = new LoggerRegistry<>();

		Context(LoggerContext context) {
			this.context = context;
		}

		@Override
		public Object getExternalContext() {
			return this.context.getExternalContext();
		}

		@Override
		public ExtendedLogger getLogger(String name) {
			return getLogger(name, null);
		}

		@Override
		public ExtendedLogger getLogger(String name, MessageFactory messageFactory) {
			EagerLogger logger = this.loggers.getLogger(name, messageFactory);
			if (logger == null) {
				this.loggers.putIfAbsent(name, messageFactory,
						new EagerLogger(this.context.getLogger(name, messageFactory)));
				logger = this.loggers.getLogger(name, messageFactory);
			}
			return logger;
		}

		@Override
		public LoggerRegistry<EagerLogger> getLoggerRegistry() {
			return this.loggers;
		}

		@Override
		public boolean hasLogger(String name) {
			return this.loggers.hasLogger(name);
		}

		@Override
		public boolean hasLogger(String name, MessageFactory messageFactory) {
			return this.loggers.hasLogger(name, messageFactory);
		}

		@Override
		public boolean hasLogger(String name, Class<? extends MessageFactory> messageFactoryClass) {
			return this.loggers.hasLogger(name, messageFactoryClass);
		}

	}

	/**
	 * A log4j-to-slf4j logger whose builders are checked for their level first.
	 * {@code atTrace()} to {@code atFatal()} go through {@link #atLevel} (Log4j's
	 * {@code AbstractLogger}), which also mends log4j-to-slf4j 2.25's {@code atFatal()}
	 * (it builds at TRACE).
	 */
	static final class EagerLogger extends ExtendedLoggerWrapper {

		private static final long serialVersionUID = 1L;

		EagerLogger(ExtendedLogger logger) {
			super(logger, logger.getName(), logger.getMessageFactory());
		}

		@Override
		public LogBuilder atLevel(Level level) {
			return this.logger.isEnabled(level) ? this.logger.atLevel(level) : LogBuilder.NOOP;
		}

		@Override
		public LogBuilder always() {
			return this.logger.always();
		}

	}

}
