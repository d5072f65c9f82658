/**
 * Normalising what unions write: text folding for label matching, numbers in Vietnamese
 * notation, the F03 rating and F04 flag, and the province, sector and industry tables.
 * Plain classes, no Spring; reference data is read once from the classpath.
 */
package vn.tonghop.normalise;
