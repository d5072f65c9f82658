package vn.tonghop.console.admin;

import java.io.Serializable;

/**
 * A line to show at the top of an administration page, from the messages: what was done,
 * or why it was not. Carried to the next page by a flash attribute after a redirect.
 *
 * @param error whether it says why something was not done
 * @param key the message's key
 * @param args the message's arguments
 */
record Notice(boolean error, String key, Object[] args) implements Serializable {

	static Notice done(String key, Object... args) {
		return new Notice(false, key, args);
	}

	static Notice refused(String key, Object... args) {
		return new Notice(true, key, args);
	}

}
