package vn.tonghop.console.year;

import java.io.Serializable;

/**
 * A line at the top of the year's page after a deadline was set, or why it was not: a
 * message's key and arguments, carried to the page by a flash attribute.
 *
 * @param error whether it says why nothing was done
 */
record YearNotice(boolean error, String key, Object[] args) implements Serializable {

}
