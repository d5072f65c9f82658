package vn.tonghop.normalise;

/**
 * An industry (ngành): a VSIC 2018 section.
 *
 * @param code the section letter, A to U
 * @param name the Vietnamese label
 */
public record Industry(String code, String name) {

}
