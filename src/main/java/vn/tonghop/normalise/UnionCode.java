package vn.tonghop.normalise;

import java.util.Locale;

/** Union codes are compared upper case, without spaces. */
public final class UnionCode {

	private UnionCode() {
	}

	public static String normalise(String text) {
		return TextFold.clean(text).replace(" ", "").toUpperCase(Locale.ROOT);
	}

}
