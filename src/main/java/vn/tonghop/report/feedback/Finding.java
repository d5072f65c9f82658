package vn.tonghop.report.feedback;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;

/**
 * A feedback item and where it sits in the copy: the sheet and cell it names when both
 * exist there, else {@code null} (the finding then appears on the "Phản hồi" sheet only).
 * {@code order} keeps the caller's order among equals.
 */
record Finding(FeedbackItem item, Sheet sheet, CellAddress address, int order) {

	boolean located() {
		return this.sheet != null && this.address != null;
	}

}
