package vn.tonghop.console.unions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.tonghop.console.ConsoleSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messages of the unions' accounts page: both languages complete, each key once,
 * every key the page and its controller name present, and the bundle registered.
 */
class UnionsMessagesTests {

	static final Path VIETNAMESE = Path.of("src/main/resources/i18n/console-unions.properties");

	static final Path ENGLISH = Path.of("src/main/resources/i18n/console-unions_en.properties");

	static List<String> keys(Path file) throws IOException {
		List<String> keys = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (!line.isBlank() && !line.startsWith("#")) {
				keys.add(line.substring(0, line.indexOf('=')).strip());
			}
		}
		return keys;
	}

	@Test
	void bothLanguagesHaveTheSameKeysEachOnce() throws IOException {
		List<String> vietnamese = keys(VIETNAMESE);
		List<String> english = keys(ENGLISH);
		assertThat(vietnamese).doesNotHaveDuplicates();
		assertThat(english).doesNotHaveDuplicates();
		assertThat(new TreeSet<>(english)).isEqualTo(new TreeSet<>(vietnamese));
	}

	@Test
	void everyKeyThePageAndItsControllerNameExists() throws IOException {
		Set<String> keys = new TreeSet<>(keys(VIETNAMESE));
		Set<String> named = new TreeSet<>();
		Pattern key = Pattern.compile("[#'\"{](unions\\.[a-zA-Z_.-]+[a-zA-Z_])");
		try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/templates/unions")),
				Files.list(Path.of("src/main/java/vn/tonghop/console/unions")))) {
			for (Path file : files.toList()) {
				Matcher matcher = key.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (matcher.find()) {
					named.add(matcher.group(1));
				}
			}
		}
		named.removeIf((name) -> name.startsWith("unions.lists") || name.startsWith("unions.html"));
		assertThat(named).isNotEmpty();
		assertThat(keys).containsAll(named);
		assertThat(ConsoleSettings.MESSAGES.split(",")).contains("i18n/console-unions");
	}

}
