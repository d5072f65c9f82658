package vn.tonghop.intake;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * File names as text, when they are not valid UTF-8. On Linux a file name is bytes; Java
 * shows those that are not UTF-8 (a name written by an old Windows program on a USB
 * stick, say) as {@code �}, so {@code x\xFF.xlsx} and {@code x\xFE.xlsx} were both
 * {@code x�.xlsx}: one line in files.csv for two files, and a path that opened neither.
 * Here such a name keeps its bytes: each byte that is not part of UTF-8 is written
 * {@code \xFF} in the text people read, and the path stored to open the file again is its
 * {@code file:} URI, which holds the bytes exactly. A name that is valid UTF-8 is left as
 * it is.
 */
public final class FileNames {

	/** What Java shows for bytes of a name that are not UTF-8. */
	private static final char REPLACEMENT = '\uFFFD';

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private FileNames() {
	}

	/**
	 * {@code path} relative to {@code root}, with {@code /} between folders, every byte
	 * that is not UTF-8 written {@code \xHH}.
	 */
	public static String relative(Path root, Path path) {
		String relative = root.relativize(path).toString().replace('\\', '/');
		if (relative.indexOf(REPLACEMENT) < 0) {
			return relative;
		}
		String full = text(path);
		String start = text(root);
		if (full.startsWith(start)) {
			String rest = full.substring(start.length());
			return rest.startsWith("/") ? rest.substring(1) : rest;
		}
		return relative;
	}

	/**
	 * The absolute path as people read it, with every byte that is not UTF-8 written
	 * {@code \xHH}.
	 */
	public static String text(Path path) {
		Path absolute = path.toAbsolutePath();
		String plain = absolute.toString();
		if (plain.indexOf(REPLACEMENT) < 0) {
			return plain;
		}
		String text = escaped(bytes(absolute.toUri().getRawPath()));
		return (text.length() > 1 && text.endsWith("/")) ? text.substring(0, text.length() - 1) : text;
	}

	/**
	 * How the path is stored to open the file again ({@link #open}): the absolute path,
	 * or its {@code file:} URI when its name is not UTF-8.
	 */
	public static String stored(Path path) {
		Path absolute = path.toAbsolutePath();
		String plain = absolute.toString();
		return (plain.indexOf(REPLACEMENT) < 0) ? plain : absolute.toUri().toString();
	}

	/** The file a stored path ({@link #stored}) names. */
	public static Path open(String stored) {
		return stored.startsWith("file:") ? Path.of(URI.create(stored)) : Path.of(stored);
	}

	/** The bytes of a URI's raw path: its {@code %HH} decoded, nothing else. */
	private static byte[] bytes(String rawPath) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(rawPath.length());
		for (int i = 0; i < rawPath.length(); i++) {
			char c = rawPath.charAt(i);
			if (c == '%' && i + 2 < rawPath.length()) {
				bytes.write(HexFormat.fromHexDigits(rawPath, i + 1, i + 3));
				i += 2;
			}
			else {
				// the URI's other characters are ASCII
				bytes.write(c);
			}
		}
		return bytes.toByteArray();
	}

	/** UTF-8 decoded, each byte that is not part of it as {@code \xHH}. */
	static String escaped(byte[] name) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(name);
		CharBuffer out = CharBuffer.allocate(name.length * 4 + 4);
		while (true) {
			CoderResult result = decoder.decode(in, out, true);
			if (result.isUnderflow()) {
				break;
			}
			for (int i = 0; i < result.length(); i++) {
				out.put("\\x").put(HEX.toHexDigits(in.get()));
			}
		}
		decoder.flush(out);
		return out.flip().toString();
	}

}
