package vn.tonghop.intake;

import java.nio.file.Path;

/**
 * A file found under the input folder.
 *
 * @param path where it is
 * @param relative its path relative to the input folder, with {@code /} separators: the
 * name every report uses
 */
public record InputFile(Path path, String relative) {

}
