package vn.tonghop.console;

import java.time.Duration;

/**
 * Where and how {@code tonghop serve} serves its console, from the command line and the
 * {@code tonghop.console.*} settings, checked before the application starts.
 *
 * @param address the address the console listens on
 * @param port its port; 0 for any free one
 * @param sessionTimeout how long an idle session lasts
 * @param behindProxy whether a TLS reverse proxy is in front of it
 */
public record ConsoleSettings(String address, int port, Duration sessionTimeout, boolean behindProxy) {

	/**
	 * The console's message bundles: its frame's, then each feature's; Vietnamese in the
	 * files without a language, English in the {@code _en} ones.
	 */
	public static final String MESSAGES = "i18n/console,i18n/console-year,i18n/console-files,i18n/console-rollups,"
			+ "i18n/console-runs,i18n/console-downloads,i18n/console-admin,i18n/console-union";

}
