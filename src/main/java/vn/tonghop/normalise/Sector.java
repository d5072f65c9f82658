package vn.tonghop.normalise;

/**
 * An ownership sector (khu vực) of the union's employer.
 *
 * @param code the code in {@code sectors.csv}, e.g. {@code FDI}
 * @param name the Vietnamese label
 */
public record Sector(String code, String name) {

}
