package vn.tonghop.report.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What the union should do about a finding, by rule code, from
 * {@code i18n/feedback_vi.properties} (UTF-8).
 */
final class Instructions {

	static final String RESOURCE = "/i18n/feedback_vi.properties";

	private static final String DEFAULT_KEY = "default";

	private final Properties lines;

	private Instructions(Properties lines) {
		this.lines = lines;
	}

	static Instructions vietnamese() {
		Properties lines = new Properties();
		try (InputStream in = Instructions.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + RESOURCE);
			}
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				lines.load(reader);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + RESOURCE, ex);
		}
		if (!lines.containsKey(DEFAULT_KEY)) {
			throw new IllegalStateException(RESOURCE + " has no '" + DEFAULT_KEY + "' line");
		}
		return new Instructions(lines);
	}

	boolean has(String rule) {
		return this.lines.containsKey(rule);
	}

	String forRule(String rule) {
		String line = this.lines.getProperty(rule);
		return (line != null) ? line : this.lines.getProperty(DEFAULT_KEY);
	}

}
