package vn.tonghop.report.workbook;

import java.util.List;

/**
 * One row of a roll-up.
 *
 * @param keys the codes of the group (province code; province and sector codes; …)
 * @param names the Vietnamese names of the keys, same length
 * @param returns how many accepted returns the group holds
 * @param values one sum per indicator column of {@link WorkbookInput#columns()};
 * {@code null} when no return of the group gave it
 */
public record Group(List<String> keys, List<String> names, long returns, List<Long> values) {

}
