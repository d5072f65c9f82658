package vn.tonghop.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Keeps the stack trace of a {@link DamagedStoreException} off the console: Spring Batch
 * logs a failed step's exception with its stack at ERROR, where the damage is one line
 * for people (printed by the command, logged by {@code tonghop serve}). Such events are
 * dropped at INFO and above; the command logs the trace at DEBUG
 * ({@code LOGGING_LEVEL_VN_TONGHOP=DEBUG}). Declared in {@code logback.xml} and
 * {@code logback-serve.xml}.
 */
public class DamagedStoreLogFilter extends TurboFilter {

	@Override
	public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
		if (t != null && level != null && level.isGreaterOrEqual(Level.INFO) && DamagedStoreException.in(t) != null) {
			return FilterReply.DENY;
		}
		return FilterReply.NEUTRAL;
	}

}
