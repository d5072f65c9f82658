package vn.tonghop.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.TableStyleType;
import org.apache.poi.xssf.usermodel.XSSFRelation;

import vn.tonghop.normalise.LegacyText;
import vn.tonghop.read.FastXlsxReader.Unhandled;

/**
 * The cell formats of the workbook, in {@code cellXfs} order, as POI's
 * {@code StylesTable} gives them to the streaming path ({@code xl/styles.xml}, and the
 * theme POI parses beside it). Legacy fonts and anything XMLBeans or POI could choke on
 * (see {@link TableStyles}) are left to the streaming path.
 */
record XlsxStyles(List<XlsxStyles.CellXf> xfs) {

	private static final String NS_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main";

	private static final String TYPE_STYLES = XSSFRelation.STYLES.getContentType();

	private static final String TYPE_THEME = XSSFRelation.THEME.getContentType();

	private static final Pattern HEX_PAIRS = Pattern.compile("(?:[0-9A-Fa-f]{2})*");

	/** {@code StylesTable.getStyleAt}: null out of range. */
	CellXf at(int index) {
		return (index >= 0 && index < this.xfs.size()) ? this.xfs.get(index) : null;
	}

	/**
	 * A cell style as the streaming path sees it: the number format index as
	 * {@code XSSFCellStyle.getDataFormat()} gives it and the format string.
	 */
	static final class CellXf {

		/** Formats DataFormatter formats any finite number with, without fail. */
		private static final Set<Integer> PLAIN_NUMBER_FORMATS = Set.of(0, 1, 2, 3, 4, 9, 10);

		final short formatIndex;

		final String format;

		/** Whether numbers in this format need a trial formatting; see below. */
		final boolean formatChecked;

		private int date = -1;

		CellXf(short formatIndex, String format) {
			this.formatIndex = formatIndex;
			this.format = format;
			this.formatChecked = format != null && !(PLAIN_NUMBER_FORMATS.contains((int) formatIndex)
					&& format.equals(BuiltinFormats.getBuiltinFormat(formatIndex)));
		}

		/**
		 * {@code DateUtil.isADateFormat} for this style, worked out once (it depends on
		 * the format alone); a format it fails on counts as no date, as in
		 * {@code PoiCells.numeric}.
		 */
		boolean isDateFormat() {
			if (this.date < 0) {
				try {
					this.date = DateUtil.isADateFormat(this.formatIndex, this.format) ? 1 : 0;
				}
				catch (RuntimeException ex) {
					this.date = 0;
				}
			}
			return this.date == 1;
		}

	}

	/**
	 * The cell formats, as POI's {@code StylesTable} gives them; null when the package
	 * has no styles part.
	 */
	static XlsxStyles read(XlsxPackage pkg) throws Unhandled, IOException, XMLStreamException {
		XlsxPackage.Part part = pkg.single(TYPE_STYLES);
		if (part == null) {
			return null;
		}
		XlsxPackage.Part theme = pkg.single(TYPE_THEME);
		XlsxStyles styles = pkg.known(XlsxParsedParts.STYLES, part.entry(), () -> parse(pkg.bytes(part)));
		if (theme != null) {
			pkg.known(XlsxParsedParts.THEME, theme.entry(), () -> {
				checkTheme(pkg.bytes(theme));
				return Boolean.TRUE;
			});
		}
		return styles;
	}

	private static XlsxStyles parse(byte[] part) throws Unhandled, IOException, XMLStreamException {
		Map<Short, String> numberFormats = new HashMap<>();
		List<long[]> xfs = new ArrayList<>();
		Set<String> sections = new HashSet<>();
		TableStyles tableStyles = new TableStyles();
		try (XlsxXml xml = new XlsxXml(new ByteArrayInputStream(part))) {
			String section = null;
			while (xml.next()) {
				if (xml.isStart()) {
					String namespace = xml.namespace();
					String localName = xml.localName();
					int depth = xml.depth();
					xml.checkNoSchemaInstanceAttributes();
					if ("name".equals(localName)) {
						String font = xml.plainAttribute("val", null);
						if (font != null && LegacyText.encodingOfFont(font) != null) {
							throw new Unhandled("legacy font: " + font);
						}
					}
					if (depth == 1 && !(XlsxXml.NS_MAIN.equals(namespace) && "styleSheet".equals(localName))) {
						throw new Unhandled("not a transitional style sheet");
					}
					if (depth == 2) {
						section = XlsxXml.NS_MAIN.equals(namespace) ? localName : null;
						if (section != null && !sections.add(section)) {
							throw new Unhandled("style section twice: " + localName);
						}
					}
					if (depth == 3 && XlsxXml.NS_MAIN.equals(namespace) && section != null) {
						if (section.equals("numFmts") && localName.equals("numFmt")) {
							long id = unsignedInt(xml.plainAttribute("numFmtId", null), 0);
							numberFormats.put((short) (int) id, xml.plainAttribute("formatCode", null));
						}
						else if (section.equals("cellXfs") && localName.equals("xf")) {
							long numFmtId = unsignedInt(xml.plainAttribute("numFmtId", null), 0);
							unsignedInt(xml.plainAttribute("xfId", null), 0);
							xfs.add(new long[] { numFmtId });
						}
						else if (section.equals("cellStyleXfs") && localName.equals("xf")) {
							unsignedInt(xml.plainAttribute("numFmtId", null), 0);
						}
					}
					if (section != null && depth >= 2) {
						tableStyles.start(xml, section, depth);
					}
					if (depth == 4 && XlsxXml.NS_MAIN.equals(namespace) && "colors".equals(section)
							&& "rgbColor".equals(localName)) {
						String rgb = xml.plainAttribute("rgb", null);
						if (rgb != null && !HEX_PAIRS.matcher(rgb).matches()) {
							throw new Unhandled("indexed colour POI may not read: " + rgb);
						}
					}
				}
				else if (xml.isEnd() && xml.depth() == 2) {
					section = null;
				}
				else if (xml.isEnd() && xml.depth() == 3) {
					tableStyles.end();
				}
			}
		}
		tableStyles.check();
		List<CellXf> cellXfs = new ArrayList<>();
		for (long[] xf : xfs) {
			// XSSFCellStyle.getDataFormat() and getDataFormatString()
			short index = (short) (int) xf[0];
			String format = numberFormats.get(index);
			if (format == null) {
				format = BuiltinFormats.getBuiltinFormat(index);
			}
			cellXfs.add(new CellXf(index, format));
		}
		return new XlsxStyles(List.copyOf(cellXfs));
	}

	/**
	 * The custom table styles ({@code <tableStyles><tableStyle name="…">}), as POI's
	 * {@code StylesTable} reads them: only when the style sheet has differential formats
	 * ({@code dxfs}), and then each {@code tableStyleElement} (an {@code XSSFTableStyle})
	 * fails without a type or with one POI does not know, with a {@code dxfId} past the
	 * formats POI counts (the {@code dxf} children of {@code dxfs}, or of
	 * {@code mc:Fallback}, found by the parent's name), and with numbers XMLBeans does
	 * not read. Anything that could make POI count otherwise is left to the streaming
	 * path.
	 */
	private static final class TableStyles {

		/** Whether the style sheet has differential formats: POI reads table styles. */
		private boolean formats;

		private int formatCount;

		private boolean inTableStyle;

		/** Each table style element's {@code type}, {@code dxfId} and {@code size}. */
		private final List<String[]> elements = new ArrayList<>();

		/** An element of a section of the style sheet starts. */
		void start(XlsxXml xml, String section, int depth) throws Unhandled {
			String localName = xml.localName();
			boolean main = XlsxXml.NS_MAIN.equals(xml.namespace());
			if (section.equals("dxfs")) {
				if (depth == 2) {
					String prefix = xml.reader().getPrefix();
					if (prefix != null && !prefix.isEmpty() && !prefix.equals("x")) {
						throw new Unhandled("differential formats POI may not count");
					}
					this.formats = true;
				}
				else if (depth == 3 && main && localName.equals("dxf")) {
					this.formatCount++;
				}
				else if (localName.equals("dxf") || localName.equals("AlternateContent")
						|| localName.equals("Fallback")) {
					throw new Unhandled("differential formats POI may not count");
				}
			}
			else if (section.equals("tableStyles")) {
				if (depth == 3) {
					this.inTableStyle = main && localName.equals("tableStyle");
				}
				else if (depth == 4 && this.inTableStyle && main && localName.equals("tableStyleElement")) {
					this.elements.add(new String[] { xml.plainAttribute("type", null),
							xml.plainAttribute("dxfId", null), xml.plainAttribute("size", null) });
				}
			}
		}

		/** An element at depth 3 ends. */
		void end() {
			this.inTableStyle = false;
		}

		/** What POI would fail on, once the style sheet is read. */
		void check() throws Unhandled {
			if (!this.formats) {
				return;
			}
			for (String[] element : this.elements) {
				try {
					TableStyleType.valueOf(String.valueOf(element[0]));
				}
				catch (IllegalArgumentException ex) {
					throw new Unhandled("table style element of a type POI does not read: " + element[0]);
				}
				if (element[1] != null && unsignedInt(element[1], 0) >= this.formatCount) {
					throw new Unhandled("table style element of a differential format POI lacks: " + element[1]);
				}
				unsignedInt(element[2], 0);
			}
		}

	}

	/** POI parses the theme with XMLBeans when there are styles. */
	private static void checkTheme(byte[] theme) throws Unhandled, IOException, XMLStreamException {
		try (XlsxXml xml = new XlsxXml(new ByteArrayInputStream(theme))) {
			while (xml.next()) {
				if (xml.isStart()) {
					xml.checkNoSchemaInstanceAttributes();
					if (xml.depth() == 1 && !(NS_DRAWING.equals(xml.namespace()) && "theme".equals(xml.localName()))) {
						throw new Unhandled("not a theme");
					}
				}
			}
		}
	}

	/** An {@code xsd:unsignedInt} as XMLBeans surely reads it. */
	private static long unsignedInt(String value, long absent) throws Unhandled {
		if (value == null) {
			return absent;
		}
		if (!XlsxValues.digits(value, 10)) {
			throw new Unhandled("unsignedInt XMLBeans may not read: " + value);
		}
		long number = Long.parseLong(value);
		if (number > 0xFFFFFFFFL) {
			throw new Unhandled("unsignedInt out of range: " + value);
		}
		return number;
	}

}
