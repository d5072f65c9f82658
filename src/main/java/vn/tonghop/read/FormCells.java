package vn.tonghop.read;

import java.util.List;
import java.util.Map;

/**
 * What the locator found on a form sheet: header values by field, and the indicator rows.
 *
 * @param sheet the sheet's name
 * @param header the value cell of each header field found (a field absent from the map
 * was not on the form, or had no value)
 * @param headerLabels where each header field's label was, to point at when its value is
 * missing
 * @param rows indicator table rows, top to bottom
 * @param tableHeader the cell holding "Mã số", or null when the form has no indicator
 * table
 * @param listRow true for one row of a list (table layout), where a blank yes/no cell
 * means no
 * @param legacy the return's cells whose text was converted from a legacy encoding (W09)
 */
public record FormCells(String sheet, Map<HeaderField, RawCell> header, Map<HeaderField, CellRef> headerLabels,
		List<IndicatorRow> rows, CellRef tableHeader, boolean listRow, List<RawCell> legacy) {

}
