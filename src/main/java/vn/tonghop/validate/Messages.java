package vn.tonghop.validate;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Finding message templates from {@code i18n/messages_vi.properties} (and
 * {@code messages_en}). Arguments are passed as text so that no locale reformats numbers.
 */
public final class Messages {

	public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final ResourceBundle bundle;

	private Messages(ResourceBundle bundle) {
		this.bundle = bundle;
	}

	public static Messages vietnamese() {
		return of(VIETNAMESE);
	}

	public static Messages english() {
		return of(Locale.ENGLISH);
	}

	private static Messages of(Locale locale) {
		ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		return new Messages(bundle);
	}

	public boolean has(String key) {
		return this.bundle.containsKey(key);
	}

	public String format(String key, Object... args) {
		String template;
		try {
			template = this.bundle.getString(key);
		}
		catch (MissingResourceException ex) {
			throw new IllegalStateException("no message '" + key + "' in " + this.bundle.getBaseBundleName(), ex);
		}
		Object[] text = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			text[i] = String.valueOf(args[i]);
		}
		return new MessageFormat(template.replace("'", "''"), this.bundle.getLocale()).format(text);
	}

}
