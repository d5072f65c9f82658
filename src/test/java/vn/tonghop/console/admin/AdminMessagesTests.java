package vn.tonghop.console.admin;

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

import vn.tonghop.console.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration pages' messages: both languages complete, no key given twice (the
 * second silently wins: the column "Tạo lúc" once showed "Đã tạo người dùng {0}."), and
 * every key a page or the controllers name exists.
 */
class AdminMessagesTests {

	static final Path VIETNAMESE = Path.of("src/main/resources/i18n/console-admin.properties");

	static final Path ENGLISH = Path.of("src/main/resources/i18n/console-admin_en.properties");

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
	void everyKeyThePagesAndControllersNameExists() throws IOException {
		Set<String> keys = new TreeSet<>(keys(VIETNAMESE));
		Set<String> named = new TreeSet<>();
		Pattern key = Pattern.compile("[#'\"{](admin\\.[a-z.-]+[a-z])");
		try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/templates/admin")),
				Files.list(Path.of("src/main/java/vn/tonghop/console/admin")))) {
			for (Path file : files.toList()) {
				Matcher matcher = key.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (matcher.find()) {
					named.add(matcher.group(1));
				}
			}
		}
		named.removeIf((name) -> name.endsWith(".") || name.equals("admin.role") || name.equals("admin.audit.action"));
		assertThat(named).isNotEmpty();
		assertThat(keys).containsAll(named);
		for (AuditLog.Action action : AuditLog.Action.values()) {
			assertThat(keys).contains("admin.audit.action." + action.name());
		}
	}

}
