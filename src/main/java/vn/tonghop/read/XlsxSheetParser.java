package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;

import vn.tonghop.read.FastXlsxReader.Unhandled;
import vn.tonghop.read.XlsxStyles.CellXf;

/**
 * The chosen sheet's XML, streamed with the state machine of excel-streaming-reader's row
 * iterator, each cell converted as {@code PoiCells.convert} converts what
 * {@code StreamingCell} answers. One instance reads one sheet.
 */
final class XlsxSheetParser {

	private final XlsxStyles styles;

	/** Whether the workbook counts its dates from 1904. */
	private final boolean date1904;

	private final List<String> sharedStrings;

	private final SheetCells cells;

	private final StringBuilder content = new StringBuilder(64);

	private boolean insideCharElement;

	private boolean insideIs;

	private int currentRowNum;

	private int rowIndex = -1;

	/**
	 * The cells of the row being read, by column, a later cell of a column in place of
	 * the earlier (the streaming reader's TreeMap, kept here as a list: the cells nearly
	 * always come left to right); null outside a row.
	 */
	private List<CellData> row;

	/** The cell's {@code r}, {@code s} and {@code t}, read in one pass. */
	private final String[] cellAttributes = new String[3];

	private CellData cell;

	private int cellCount;

	private DataFormatter formatter;

	XlsxSheetParser(XlsxStyles styles, boolean date1904, List<String> sharedStrings, SheetCells cells) {
		this.styles = styles;
		this.date1904 = date1904;
		this.sharedStrings = sharedStrings;
		this.cells = cells;
	}

	void read(InputStream in) throws Unhandled, IOException, XMLStreamException {
		try (XlsxXml xml = new XlsxXml(in)) {
			while (xml.next()) {
				if (xml.isCharacters()) {
					if (this.insideCharElement) {
						xml.appendText(this.content);
					}
				}
				else if (xml.isStart()) {
					if (xml.inAMain()) {
						start(xml);
						if (!this.insideIs) {
							this.content.setLength(0);
						}
					}
				}
				else if (xml.isEnd()) {
					if (xml.inAMain()) {
						end(xml.localName());
					}
				}
			}
		}
		if (this.row != null) {
			throw new Unhandled("row not closed");
		}
	}

	private void start(XlsxXml xml) throws Unhandled {
		switch (xml.localName()) {
			case "row" -> {
				if (this.row != null) {
					throw new Unhandled("row inside a row");
				}
				String r = xml.plainAttribute("r", null);
				if (r != null) {
					this.currentRowNum = rowNumber(r) - 1;
				}
				this.rowIndex = this.currentRowNum;
				this.row = new ArrayList<>();
			}
			case "col" -> col(xml);
			case "c" -> cellStart(xml);
			case "v", "t" -> this.insideCharElement = true;
			case "is" -> this.insideIs = true;
			case "f" -> {
				if (this.cell != null) {
					this.cell.formula = true;
				}
			}
			case "mergeCell" -> {
				String ref = xml.plainAttribute("ref", null);
				if (ref != null) {
					try {
						CellRangeAddress.valueOf(ref);
					}
					catch (RuntimeException ex) {
						throw new Unhandled("merged range the streaming reader rejects: " + ref);
					}
				}
			}
			default -> {
				// dimension, pane, selection, hyperlink, sheetFormatPr: nothing
				// there can fail or change a value
			}
		}
	}

	private static int rowNumber(String r) throws Unhandled {
		if (!XlsxValues.digits(r, 9)) {
			throw new Unhandled("row number the streaming reader may not read: " + r);
		}
		int number = Integer.parseInt(r);
		if (number < 1 || number > 1_048_576) {
			throw new Unhandled("row number out of range: " + r);
		}
		return number;
	}

	/** A {@code col} element: what the streaming reader parses must parse. */
	private static void col(XlsxXml xml) throws Unhandled {
		String hiddenValue = xml.plainAttribute("hidden", null);
		boolean hidden = hiddenValue != null && ("1".equals(hiddenValue) || "true".equalsIgnoreCase(hiddenValue));
		String widthValue = xml.plainAttribute("width", null);
		float width = -1;
		if (widthValue != null) {
			try {
				width = Float.parseFloat(widthValue);
			}
			catch (RuntimeException ex) {
				// the streaming reader logs it and goes on
			}
		}
		if (hidden || width >= 0) {
			String min = xml.plainAttribute("min", null);
			String max = xml.plainAttribute("max", null);
			if (min == null || max == null || !XlsxValues.digits(min, 9) || !XlsxValues.digits(max, 9)
					|| Integer.parseInt(max) - Integer.parseInt(min) > 16384) {
				throw new Unhandled("column range the streaming reader may not read");
			}
		}
	}

	private void cellStart(XlsxXml xml) throws Unhandled {
		if (this.row == null) {
			throw new Unhandled("cell outside a row");
		}
		if (++this.cellCount > FastXlsxReader.MAX_CELLS) {
			throw new Unhandled("too many cells");
		}
		String[] attributes = this.cellAttributes;
		xml.cellAttributes(attributes);
		String r = attributes[0];
		if (r == null) {
			throw new Unhandled("cell without a reference");
		}
		int column = XlsxValues.column(r);
		if (column < 0) {
			throw new Unhandled("cell reference the fast path does not read: " + r);
		}
		String s = attributes[1];
		CellXf format;
		if (this.styles == null) {
			format = null;
		}
		else if (s != null) {
			if (!XlsxValues.digits(s, 9)) {
				throw new Unhandled("style index the fast path does not read: " + s);
			}
			// out of range: no style (StylesTable.getStyleAt gives null)
			format = this.styles.at(Integer.parseInt(s));
		}
		else {
			format = this.styles.at(0);
		}
		String t = attributes[2];
		this.cell = new CellData(column, (t != null) ? t : "n", format);
	}

	private void end(String localName) throws Unhandled {
		switch (localName) {
			case "v", "t" -> {
				if (this.cell == null) {
					throw new Unhandled("value outside a cell");
				}
				this.insideCharElement = false;
				contents(this.cell, this.content.toString());
			}
			case "row" -> {
				if (this.row == null) {
					throw new Unhandled("row end without its start");
				}
				for (CellData data : this.row) {
					RawCell raw = convert(data, new CellRef(this.rowIndex, data.column));
					if (raw != null) {
						this.cells.add(raw);
					}
				}
				this.row = null;
				this.currentRowNum++;
			}
			case "c" -> {
				if (this.row == null || this.cell == null) {
					throw new Unhandled("cell end outside a row");
				}
				put(this.row, this.cell);
				this.cell = null;
			}
			case "is" -> this.insideIs = false;
			default -> {
			}
		}
	}

	private static final Comparator<CellData> BY_COLUMN = Comparator.comparingInt((data) -> data.column);

	/**
	 * {@code TreeMap.put} by column, on a list sorted by column: appended when it comes
	 * after the last, as nearly every cell does.
	 */
	private static void put(List<CellData> row, CellData cell) {
		if (row.isEmpty() || row.get(row.size() - 1).column < cell.column) {
			row.add(cell);
			return;
		}
		int at = Collections.binarySearch(row, cell, BY_COLUMN);
		if (at >= 0) {
			row.set(at, cell);
		}
		else {
			row.add(-at - 1, cell);
		}
	}

	/**
	 * What the row iterator does at the end of a value or text element: the content
	 * supplier and the raw contents, by the cell's type. Shared strings are looked up at
	 * once, there as here.
	 */
	private void contents(CellData data, String last) throws Unhandled {
		switch (data.type) {
			case "s" -> {
				if (last.isEmpty()) {
					data.content = "";
				}
				else {
					if (!XlsxValues.digits(last, 9)) {
						throw new Unhandled("shared string index the fast path does not read: " + last);
					}
					int index = Integer.parseInt(last);
					if (this.sharedStrings == null || index >= this.sharedStrings.size()) {
						throw new Unhandled("missing shared string " + index);
					}
					data.content = XlsxValues.utfDecode(this.sharedStrings.get(index));
				}
				data.raw = data.content;
				data.formatted = false;
			}
			case "e" -> {
				data.content = PoiCells.STREAMING_ERROR + last;
				data.raw = last;
				data.formatted = false;
			}
			case "n" -> {
				data.content = last;
				data.raw = last;
				data.formatted = data.format != null && data.format.format != null && !last.isEmpty();
			}
			case "d" -> throw new Unhandled("ISO date cell");
			case "inlineStr", "str" -> {
				// PoiCells.unescaped: the escapes decoded, as in shared strings
				data.content = XlsxValues.utfDecode(last);
				data.raw = last;
				data.formatted = false;
			}
			default -> {
				// b and others: the text as it stands
				data.content = last;
				data.raw = last;
				data.formatted = false;
			}
		}
	}

	/**
	 * {@code PoiCells.convert} over what {@code StreamingCell} would answer.
	 */
	private RawCell convert(CellData data, CellRef ref) throws Unhandled {
		if (data.content == null) {
			if (data.formula) {
				throw new Unhandled("formula without a cached value at " + ref);
			}
			return null;
		}
		switch (data.type) {
			case "n" -> {
				return numeric(data, ref);
			}
			case "s", "inlineStr", "str" -> {
				String text = data.content;
				if (data.formula && text.isEmpty()) {
					throw new Unhandled("formula with an empty cached string at " + ref);
				}
				// no legacy font anywhere in the styles: the text as it is
				return text.isBlank() ? null : RawCell.text(ref, text);
			}
			case "b" -> {
				String raw = data.raw;
				return RawCell.bool(ref, raw != null && ("1".equals(raw) || "true".equalsIgnoreCase(raw)));
			}
			case "e" -> {
				return RawCell.error(ref, errorText(data));
			}
			default -> throw new Unhandled("cell type " + data.type + " at " + ref);
		}
	}

	private RawCell numeric(CellData data, CellRef ref) throws Unhandled {
		String raw = data.raw;
		if (raw.isEmpty()) {
			// PoiCells.number: no number, a blank cell; a formula's is calculated there
			if (data.formula) {
				throw new Unhandled("formula with an empty cached number at " + ref);
			}
			return null;
		}
		if (!XlsxValues.plainNumber(raw)) {
			throw new Unhandled("number the fast path does not read: " + raw);
		}
		double value = Double.parseDouble(raw);
		if (!Double.isFinite(value)) {
			throw new Unhandled("number out of range: " + raw);
		}
		if (data.formatted && data.format.formatChecked) {
			// the streaming reader formats every such number when it is asked the
			// cell's type; a format that fails there fails the file
			try {
				formatter().formatRawCellContents(value, data.format.formatIndex, data.format.format);
			}
			catch (RuntimeException ex) {
				throw new Unhandled("number format the streaming reader fails on: " + data.format.format);
			}
		}
		try {
			CellXf style = data.format;
			boolean date = style != null && DateUtil.isValidExcelDate(value) && style.isDateFormat();
			if (date && DateUtil.isValidExcelDate(value)) {
				LocalDate day = DateUtil.getLocalDateTime(value, this.date1904).toLocalDate();
				return new RawCell(ref, RawCell.Kind.TEXT, day.toString(), value);
			}
		}
		catch (RuntimeException ex) {
			// as PoiCells.numeric: keep the number
		}
		return RawCell.number(ref, value);
	}

	private DataFormatter formatter() {
		if (this.formatter == null) {
			this.formatter = new DataFormatter();
		}
		return this.formatter;
	}

	/** {@code PoiCells.errorText} over what {@code StreamingCell} answers. */
	private static String errorText(CellData data) {
		if (data.formula) {
			// getErrorCellValue() refuses a formula cell: the code in the cell's text
			return data.raw;
		}
		try {
			byte code = (data.raw == null) ? 0 : FormulaError.forString(data.raw).getCode();
			return FormulaError.forInt(code).getString();
		}
		catch (RuntimeException ex) {
			// a code POI does not know: the code in the cell's text
			return data.raw;
		}
	}

	/**
	 * One cell while its row is read, as excel-streaming-reader's {@code StreamingCell}
	 * holds it.
	 */
	private static final class CellData {

		final int column;

		final String type;

		/**
		 * The cell's style: the one {@code setFormatString} takes the number format from
		 * and {@code setCellStyle} gives the cell (the same for the style indexes the
		 * fast path reads); null for none.
		 */
		final CellXf format;

		boolean formula;

		/** The content supplier's value; null until a value or text element ends. */
		String content;

		/** Whether the content is a number the reader formats when it is asked for. */
		boolean formatted;

		String raw;

		CellData(int column, String type, CellXf format) {
			this.column = column;
			this.type = type;
			this.format = format;
		}

	}

}
