package vn.tonghop.report.workbook;

import java.util.List;

/**
 * A roll-up: its groups in the order they are printed, and their total.
 *
 * @param rows the groups, in print order
 * @param total the sum of every return, or {@code null} (province × sector), in which
 * case the writer adds the rows up
 */
public record Table(List<Group> rows, Group total) {

}
