package vn.tonghop.report.feedback;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The styles part, with the fills, fonts, borders and cell formats the copy adds appended
 * to its lists.
 */
final class ZipStyles {

	private final String xml;

	private final List<String> cellXfs = new ArrayList<>();

	private final StringBuilder newFonts = new StringBuilder();

	private final StringBuilder newFills = new StringBuilder();

	private final StringBuilder newBorders = new StringBuilder();

	private final StringBuilder newXfs = new StringBuilder();

	private int fonts;

	private int fills;

	private int borders;

	private final double defaultPoints;

	private final Map<String, Integer> clones = new HashMap<>();

	private final Map<String, Integer> added = new HashMap<>();

	/**
	 * What the copies read of a styles part: the counts of its fonts, fills and borders,
	 * its cell formats, and the size of its default font. The same for every copy of the
	 * same styles part ({@link ZipCodec#styles}).
	 */
	record Parsed(String xml, int fonts, int fills, int borders, List<String> cellXfs, double defaultPoints) {
	}

	ZipStyles(String xml) throws ZipCopy.Unsupported {
		Parsed parsed = ZipCodec.current().styles(xml);
		this.xml = parsed.xml();
		this.fonts = parsed.fonts();
		this.fills = parsed.fills();
		this.borders = parsed.borders();
		this.cellXfs.addAll(parsed.cellXfs());
		this.defaultPoints = parsed.defaultPoints();
	}

	static Parsed parse(String xml) throws ZipCopy.Unsupported {
		int fonts = count(xml, "fonts", "font");
		int fills = count(xml, "fills", "fill");
		int borders = count(xml, "borders", "border");
		List<String> cellXfs = new ArrayList<>();
		String section = section(xml, "cellXfs");
		int i = 0;
		while ((i = section.indexOf("<xf", i)) >= 0) {
			int tagEnd = section.indexOf('>', i);
			int end = (section.charAt(tagEnd - 1) == '/') ? tagEnd + 1
					: section.indexOf("</xf>", tagEnd) + "</xf>".length();
			cellXfs.add(section.substring(i, end));
			i = end;
		}
		if (cellXfs.isEmpty()) {
			throw new ZipCopy.Unsupported("no cell formats");
		}
		String fontSection = section(xml, "fonts");
		int sz = fontSection.indexOf("<sz ");
		int fontEnd = fontSection.indexOf("</font>");
		double points = 11;
		if (sz >= 0 && (fontEnd < 0 || sz < fontEnd)) {
			String value = ZipXml.attributes(fontSection.substring(sz, fontSection.indexOf('>', sz))).get("val");
			try {
				points = (short) (short) (Double.parseDouble(value) * 20) / 20;
			}
			catch (RuntimeException ex) {
				throw new ZipCopy.Unsupported("font size");
			}
		}
		return new Parsed(xml, fonts, fills, borders, List.copyOf(cellXfs), Math.max(6, points));
	}

	double defaultPoints() {
		return this.defaultPoints;
	}

	/** The content between {@code <name ...>} and {@code </name>}. */
	private static String section(String xml, String name) throws ZipCopy.Unsupported {
		int start = xml.indexOf("<" + name + ">");
		if (start < 0) {
			start = xml.indexOf("<" + name + " ");
		}
		int end = xml.indexOf("</" + name + ">");
		if (start < 0 || end < start) {
			throw new ZipCopy.Unsupported("no " + name);
		}
		return xml.substring(xml.indexOf('>', start) + 1, end);
	}

	private static int count(String xml, String list, String element) throws ZipCopy.Unsupported {
		return ZipXml.elements(section(xml, list), element).size();
	}

	/** A cell format as {@code style} with the fill of the severity. */
	int filled(int style, boolean error) throws ZipCopy.Unsupported {
		if (style < 0 || style >= this.cellXfs.size()) {
			throw new ZipCopy.Unsupported("style " + style);
		}
		String key = style + (error ? "/error" : "/warning");
		Integer index = this.clones.get(key);
		if (index == null) {
			int fill = fill(error ? "rgb=\"FFFF9999\"" : "rgb=\"FFFFFF66\"");
			String xf = this.cellXfs.get(style);
			int nameEnd = 3;
			int tagEnd = xf.indexOf('>');
			boolean empty = xf.charAt(tagEnd - 1) == '/';
			String tag = xf.substring(nameEnd, empty ? tagEnd - 1 : tagEnd)
				.transform((t) -> ZipXml.FILL_ATTRIBUTES.matcher(t).replaceAll(""));
			String clone = "<xf fillId=\"" + fill + "\" applyFill=\"1\"" + tag + (empty ? "/>" : ">")
					+ xf.substring(tagEnd + 1);
			index = add(clone);
			this.clones.put(key, index);
		}
		return index;
	}

	private int fill(String color) {
		return this.added.computeIfAbsent("fill " + color, (k) -> {
			this.newFills.append("<fill><patternFill patternType=\"solid\"><fgColor ")
				.append(color)
				.append("/></patternFill></fill>");
			return this.fills++;
		});
	}

	int font(boolean bold, int points, Integer color, boolean underline) {
		return this.added.computeIfAbsent("font " + bold + points + color + underline, (k) -> {
			this.newFonts.append("<font>");
			if (bold) {
				this.newFonts.append("<b/>");
			}
			if (underline) {
				this.newFonts.append("<u/>");
			}
			this.newFonts.append("<sz val=\"").append(points).append("\"/>");
			if (color != null) {
				this.newFonts.append("<color indexed=\"").append(color).append("\"/>");
			}
			this.newFonts.append("<name val=\"Calibri\"/><family val=\"2\"/></font>");
			return this.fonts++;
		});
	}

	int thinBorder() {
		return this.added.computeIfAbsent("border", (k) -> {
			this.newBorders.append("<border><left style=\"thin\"/><right style=\"thin\"/><top style=\"thin\"/>"
					+ "<bottom style=\"thin\"/><diagonal/></border>");
			return this.borders++;
		});
	}

	/** A new cell format of the feedback sheet. */
	int style(int font, Integer fillColor, boolean boxed, boolean centred) {
		int fill = (fillColor == null) ? 0 : fill((fillColor == ERROR) ? "rgb=\"FFFF9999\""
				: (fillColor == WARNING) ? "rgb=\"FFFFFF66\"" : "indexed=\"" + fillColor + "\"");
		int border = boxed ? thinBorder() : 0;
		return add("<xf numFmtId=\"0\" fontId=\"" + font + "\" fillId=\"" + fill + "\" borderId=\"" + border
				+ "\" xfId=\"0\" applyFont=\"1\"" + ((fill != 0) ? " applyFill=\"1\"" : "")
				+ (boxed ? " applyBorder=\"1\"" : "") + " applyAlignment=\"1\"><alignment"
				+ (centred ? " horizontal=\"center\"" : "") + " vertical=\"top\" wrapText=\"1\"/></xf>");
	}

	static final int ERROR = -1;

	static final int WARNING = -2;

	private int add(String xf) {
		this.newXfs.append(xf);
		this.cellXfs.add(xf);
		return this.cellXfs.size() - 1;
	}

	/**
	 * The styles part with what the copy added; the same text as the last copy's on this
	 * thread when it added the same to the same part (copies of returns from one form
	 * mostly do), which then needs no building, encoding or comparing byte by byte.
	 */
	byte[] bytes() throws ZipCopy.Unsupported {
		return ZipCodec.current()
			.stylesWritten(this.xml, this.newFonts, this.newFills, this.newBorders, this.newXfs, this::xml);
	}

	String xml() throws ZipCopy.Unsupported {
		String out = append(this.xml, "fonts", this.newFonts, this.fonts);
		out = append(out, "fills", this.newFills, this.fills);
		out = append(out, "borders", this.newBorders, this.borders);
		return append(out, "cellXfs", this.newXfs, this.cellXfs.size());
	}

	private static String append(String xml, String list, CharSequence added, int count) throws ZipCopy.Unsupported {
		if (added.isEmpty()) {
			return xml;
		}
		int start = xml.indexOf("<" + list);
		int end = xml.indexOf("</" + list + ">");
		int tagEnd = xml.indexOf('>', start);
		if (start < 0 || end < 0 || xml.charAt(tagEnd - 1) == '/') {
			throw new ZipCopy.Unsupported(list);
		}
		String tag = xml.substring(start, tagEnd + 1).transform((t) -> ZipXml.COUNT.matcher(t).replaceAll(""));
		tag = tag.substring(0, tag.length() - 1) + " count=\"" + count + "\">";
		return xml.substring(0, start) + tag + xml.substring(tagEnd + 1, end) + added + xml.substring(end);
	}

}
