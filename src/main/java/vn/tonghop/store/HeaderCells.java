package vn.tonghop.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import vn.tonghop.read.CellRef;

/**
 * Where a return's header values were, kept as {@code union_code=B4;province=C6} so that
 * findings made after ingest (W03, W08) can still name the cell.
 */
public final class HeaderCells {

	private HeaderCells() {
	}

	public static String format(Map<String, CellRef> cells) {
		return cells.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue().a1())
			.collect(Collectors.joining(";"));
	}

	/** Field key → A1 cell; empty for null or blank text. */
	public static Map<String, String> parse(String text) {
		Map<String, String> cells = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return cells;
		}
		for (String pair : text.split(";")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				cells.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		return cells;
	}

}
