package vn.tonghop.report.feedback;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

import org.apache.poi.ss.util.CellAddress;

/** The marked sheet's cells with the fills' style ids, cells created where none. */
final class ZipSheetCells {

	private final String xml;

	private final ZipStyles styles;

	private final Map<Integer, Integer> columnStyles = new HashMap<>();

	ZipSheetCells(String xml, ZipStyles styles) {
		this.xml = xml;
		this.styles = styles;
		int cols = xml.indexOf("<cols>");
		int colsEnd = xml.indexOf("</cols>");
		if (cols >= 0 && colsEnd > cols) {
			for (Map<String, String> col : ZipXml.elements(xml.substring(cols, colsEnd), "col")) {
				String style = col.get("style");
				if (style != null && col.get("min") != null && col.get("max") != null) {
					int max = Math.min(Integer.parseInt(col.get("max")), ZipCopy.VERSION.getMaxColumns());
					for (int c = Integer.parseInt(col.get("min")); c <= max; c++) {
						this.columnStyles.putIfAbsent(c - 1, Integer.parseInt(style));
					}
				}
			}
		}
	}

	String mark(Map<CellAddress, Boolean> marks) throws ZipCopy.Unsupported {
		TreeMap<Integer, TreeMap<Integer, Boolean>> rows = new TreeMap<>();
		marks.forEach((address, error) -> rows.computeIfAbsent(address.getRow(), (r) -> new TreeMap<>())
			.put(address.getColumn(), error));
		int dataStart = this.xml.indexOf("<sheetData");
		if (dataStart < 0) {
			throw new ZipCopy.Unsupported("no sheet data");
		}
		int openEnd = this.xml.indexOf('>', dataStart);
		StringBuilder out = new StringBuilder(this.xml.length() + 256);
		int end;
		if (this.xml.charAt(openEnd - 1) == '/') {
			out.append(this.xml, 0, openEnd - 1).append('>');
			end = openEnd + 1;
			for (Map.Entry<Integer, TreeMap<Integer, Boolean>> row : rows.entrySet()) {
				newRow(out, row.getKey(), row.getValue());
			}
			out.append("</sheetData>");
			return out.append(this.xml, end, this.xml.length()).toString();
		}
		end = this.xml.indexOf("</sheetData>", openEnd);
		if (end < 0) {
			throw new ZipCopy.Unsupported("sheet data end");
		}
		out.append(this.xml, 0, openEnd + 1);
		int pos = openEnd + 1;
		// past the last marked row the rest goes as it is
		while (!rows.isEmpty()) {
			int rowStart = next(this.xml, "<row", pos, end);
			if (rowStart < 0) {
				break;
			}
			int tagEnd = this.xml.indexOf('>', rowStart);
			boolean empty = this.xml.charAt(tagEnd - 1) == '/';
			Map<String, String> attributes = ZipXml.attributes(this.xml.substring(rowStart + 4, tagEnd));
			String r = attributes.get("r");
			if (r == null) {
				throw new ZipCopy.Unsupported("row without number");
			}
			int rowIndex = Integer.parseInt(r) - 1;
			int rowEnd = empty ? tagEnd + 1 : this.xml.indexOf("</row>", tagEnd) + "</row>".length();
			// rows the sheet lacks, before this one
			out.append(this.xml, pos, rowStart);
			while (!rows.isEmpty() && rows.firstKey() < rowIndex) {
				Map.Entry<Integer, TreeMap<Integer, Boolean>> row = rows.pollFirstEntry();
				newRow(out, row.getKey(), row.getValue());
			}
			TreeMap<Integer, Boolean> cells = rows.remove(rowIndex);
			if (cells == null) {
				out.append(this.xml, rowStart, rowEnd);
			}
			else {
				Integer rowStyle = attributes.containsKey("s") ? Integer.valueOf(attributes.get("s")) : null;
				String tag = this.xml.substring(rowStart, empty ? tagEnd - 1 : tagEnd)
					.transform((t) -> ZipXml.SPANS.matcher(t).replaceAll(""));
				out.append(tag).append('>');
				if (!empty) {
					markCells(out, tagEnd + 1, rowEnd - "</row>".length(), rowIndex, rowStyle, cells);
				}
				for (Map.Entry<Integer, Boolean> cell : cells.entrySet()) {
					newCell(out, rowIndex, cell.getKey(), rowStyle, cell.getValue());
				}
				out.append("</row>");
			}
			pos = rowEnd;
		}
		out.append(this.xml, pos, end);
		for (Map.Entry<Integer, TreeMap<Integer, Boolean>> row : rows.entrySet()) {
			newRow(out, row.getKey(), row.getValue());
		}
		return out.append(this.xml, end, this.xml.length()).toString();
	}

	/** Copies the row's cells, restyling the marked ones; removes them from cells. */
	private void markCells(StringBuilder out, int from, int to, int rowIndex, Integer rowStyle,
			TreeMap<Integer, Boolean> cells) throws ZipCopy.Unsupported {
		int pos = from;
		// past the last marked cell the rest of the row goes as it is
		while (!cells.isEmpty()) {
			int cellStart = next(this.xml, "<c", pos, to);
			if (cellStart < 0) {
				break;
			}
			int tagEnd = this.xml.indexOf('>', cellStart);
			boolean empty = this.xml.charAt(tagEnd - 1) == '/';
			int cellEnd = empty ? tagEnd + 1 : this.xml.indexOf("</c>", tagEnd) + "</c>".length();
			if (!empty && cellEnd < "</c>".length()) {
				throw new ZipCopy.Unsupported("cell end");
			}
			String tag = this.xml.substring(cellStart, empty ? tagEnd - 1 : tagEnd);
			Map<String, String> attributes = ZipXml.attributes(tag.substring(2));
			String r = attributes.get("r");
			Matcher a1 = (r != null) ? ZipCopy.A1.matcher(r) : null;
			if (a1 == null || !a1.matches() || Integer.parseInt(a1.group(2)) - 1 != rowIndex) {
				throw new ZipCopy.Unsupported("cell without address");
			}
			int column = new CellAddress(r).getColumn();
			out.append(this.xml, pos, cellStart);
			while (!cells.isEmpty() && cells.firstKey() < column) {
				Map.Entry<Integer, Boolean> cell = cells.pollFirstEntry();
				newCell(out, rowIndex, cell.getKey(), rowStyle, cell.getValue());
			}
			Boolean error = cells.remove(column);
			if (error == null) {
				out.append(this.xml, cellStart, cellEnd);
			}
			else {
				int style = attributes.containsKey("s") ? Integer.parseInt(attributes.get("s")) : 0;
				int filled = this.styles.filled(style, error);
				out.append("<c s=\"")
					.append(filled)
					.append('"')
					.append(ZipXml.STYLE.matcher(tag.substring(2)).replaceAll(""))
					.append(empty ? "/>" : ">");
				if (!empty) {
					out.append(this.xml, tagEnd + 1, cellEnd);
				}
			}
			pos = cellEnd;
		}
		out.append(this.xml, pos, to);
	}

	private void newRow(StringBuilder out, int rowIndex, TreeMap<Integer, Boolean> cells) throws ZipCopy.Unsupported {
		out.append("<row r=\"").append(rowIndex + 1).append("\">");
		for (Map.Entry<Integer, Boolean> cell : cells.entrySet()) {
			newCell(out, rowIndex, cell.getKey(), null, cell.getValue());
		}
		out.append("</row>");
	}

	private void newCell(StringBuilder out, int rowIndex, int column, Integer rowStyle, boolean error)
			throws ZipCopy.Unsupported {
		int base = (rowStyle != null) ? rowStyle : this.columnStyles.getOrDefault(column, 0);
		out.append("<c r=\"")
			.append(new CellAddress(rowIndex, column).formatAsString())
			.append("\" s=\"")
			.append(this.styles.filled(base, error))
			.append("\"/>");
	}

	/** The next element {@code name} (not one whose name only starts so). */
	private static int next(String xml, String open, int from, int to) {
		int i = from;
		while ((i = xml.indexOf(open, i)) >= 0 && i < to) {
			char c = xml.charAt(i + open.length());
			if (Character.isWhitespace(c) || c == '>' || c == '/') {
				return i;
			}
			i += open.length();
		}
		return -1;
	}

}
