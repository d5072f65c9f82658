package vn.tonghop.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
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
			+ "i18n/console-runs,i18n/console-downloads,i18n/console-admin,i18n/console-union,i18n/console-unions";

	/**
	 * The console's address as the unions type it, for the list of their accounts:
	 * {@code tonghop.console.public-url} when set (behind a reverse proxy, the proxy's
	 * address, which differs from the one the console listens on), otherwise
	 * {@code http://ADDRESS:PORT/}, with this machine's name for an address of every
	 * interface ({@code 0.0.0.0}).
	 * @param configured {@code tonghop.console.public-url}, or null
	 * @param address the address the console listens on
	 * @param port its port
	 */
	public static String publicUrl(String configured, String address, int port) {
		if (configured != null && !configured.isBlank()) {
			return configured.strip();
		}
		String host = address;
		if ("0.0.0.0".equals(host) || "::".equals(host)) {
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (UnknownHostException ex) {
				host = "127.0.0.1";
			}
		}
		if (host.contains(":")) {
			host = "[" + host + "]";
		}
		return "http://" + host + ":" + port + "/";
	}

}
