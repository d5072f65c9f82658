package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What a union is told when a library could not read its file: in Vietnamese, and for a
 * workbook, naming the part inside it that is damaged. The libraries wrap what went wrong
 * in their own words ("Failed to open file", "Unable to read workbook"), which say
 * nothing to a union; the damaged part is found again here, by parsing the workbook's XML
 * parts one by one, only for a file that failed.
 */
public final class DamagedFile {

	static final String ZIP_BOMB = "Tệp nén bất thường: khi giải nén lớn gấp hàng trăm lần (có thể là"
			+ " \"zip bomb\"), không đọc để bảo vệ máy chủ.";

	/** What {@link #brokenPart} puts after a part whose XML declares a DOCTYPE. */
	private static final String DOCTYPE_MARK = " DOCTYPE";

	private DamagedFile() {
	}

	/** The reason for a file whose reading failed with {@code ex}. */
	static UnreadableFileException of(Exception ex, Path file, byte[] content, WorkbookReader.Format format) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("Zip bomb detected")) {
			return new UnreadableFileException(ZIP_BOMB, ex);
		}
		String duplicate = causeMessage(ex, "more than 1 entry with the name ");
		if (duplicate != null) {
			return new UnreadableFileException("Tệp nén (.xlsx) bị hỏng: có hai phần cùng tên " + duplicate
					+ " bên trong tệp. Hãy mở tệp bằng Excel, lưu lại rồi gửi lại.", ex);
		}
		if (causeMessage(ex, "namespace mismatch") != null) {
			return new UnreadableFileException("Tệp không theo định dạng Sổ làm việc Excel chuẩn (có thể được lưu bằng"
					+ " bản Excel thử nghiệm hoặc một chương trình khác): hãy mở bằng Excel rồi lưu lại dạng Sổ làm việc"
					+ " Excel (.xlsx).", ex);
		}
		String part = (format == WorkbookReader.Format.OOXML) ? brokenPart(file, content) : null;
		if (part != null && part.endsWith(DOCTYPE_MARK)) {
			return new UnreadableFileException(
					"Tệp có nội dung XML bất thường: phần " + part.substring(0, part.length() - DOCTYPE_MARK.length())
							+ " " + WorkbookReader.DOCTYPE.substring("tệp ".length()),
					ex);
		}
		if (part != null) {
			return new UnreadableFileException("Tệp bị hỏng hoặc không đọc được: phần " + part
					+ " bên trong tệp bị cắt dở hoặc không phải XML, như khi việc lưu tệp bị gián đoạn. Hãy mở tệp"
					+ " bằng Excel, lưu lại rồi gửi lại.", ex);
		}
		String number = causeMessage(ex, "For input string: ");
		if (number != null) {
			return new UnreadableFileException("Tệp bị hỏng hoặc không đọc được: bên trong tệp, một ô ghi số " + number
					+ " ở chỗ Excel chỉ ghi số nguyên (chỉ mục của chuỗi, kiểu định dạng). Hãy mở tệp bằng Excel, lưu lại"
					+ " rồi gửi lại.", ex);
		}
		if (message.contains("Error reading XML stream")) {
			return new UnreadableFileException(
					"Tệp có nội dung XML hỏng hoặc bất thường, không đọc được; hãy lưu lại tệp bằng Excel.", ex);
		}
		return new UnreadableFileException("Tệp bị hỏng hoặc không đọc được: " + describe(ex), ex);
	}

	/**
	 * What follows {@code marker} in the message of the exception or one of its causes
	 * (the rest of that message), or null when none holds it.
	 */
	private static String causeMessage(Throwable ex, String marker) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			String message = cause.getMessage();
			int at = (message != null) ? message.indexOf(marker) : -1;
			if (at >= 0) {
				return message.substring(at + marker.length()).strip();
			}
		}
		return null;
	}

	/**
	 * What to tell a union whose file a library failed to open with {@code ex} (the
	 * feedback copy opens the file again, with POI's full model).
	 */
	public static String reason(Exception ex, Path file, WorkbookReader.Format format) {
		return of(ex, file, null, format).reason();
	}

	/** An exception's message, or its type when it has none. */
	static String describe(Throwable ex) {
		String message = ex.getMessage();
		return (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName();
	}

	/**
	 * The first XML part of the workbook's zip that does not parse, with where
	 * ({@code xl/styles.xml (dòng 1, cột 345)}), or null when all do (or the zip cannot
	 * be opened: its own message says so). The zip's sizes were checked before anything
	 * was unzipped; a DOCTYPE fails the part, as Excel never writes one.
	 */
	static String brokenPart(Path file, byte[] content) {
		MemoryZip inMemory = (content != null) ? MemoryZip.open(content) : null;
		try (ZipEntries zip = (inMemory != null) ? inMemory : ZipEntries.of(new ZipFile(file.toFile()))) {
			SAXParser parser = parser();
			for (ZipEntry entry : zip.entries()) {
				String name = entry.getName();
				String lower = name.toLowerCase(Locale.ROOT);
				if (entry.isDirectory()
						|| !(lower.endsWith(".xml") || lower.endsWith(".rels") || lower.endsWith(".vml"))) {
					continue;
				}
				try (InputStream in = zip.open(entry)) {
					parser.reset();
					parser.parse(in, new DefaultHandler());
				}
				catch (SAXParseException ex) {
					if (String.valueOf(ex.getMessage()).contains("DOCTYPE")) {
						return name + DOCTYPE_MARK;
					}
					return (ex.getLineNumber() > 0)
							? name + " (dòng " + ex.getLineNumber() + ", cột " + ex.getColumnNumber() + ")" : name;
				}
				catch (SAXException | IOException ex) {
					return name;
				}
			}
			return null;
		}
		catch (IOException | ParserConfigurationException | SAXException | RuntimeException ex) {
			return null;
		}
	}

	private static SAXParser parser() throws ParserConfigurationException, SAXException {
		SAXParserFactory factory = SAXParserFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setValidating(false);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		return factory.newSAXParser();
	}

}
