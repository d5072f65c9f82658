package vn.tonghop.normalise;

/**
 * One of the 34 provincial units in force since 1 July 2025.
 *
 * @param code the two-digit code of the 2025 scheme
 * @param name the name as in {@code provinces-2025.csv}
 */
public record Province(String code, String name) {

}
