package vn.tonghop.console;

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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.tonghop.console.audit.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The messages of every bundle of the console ({@link ConsoleSettings#MESSAGES}): both
 * languages complete, no key given twice (the second silently wins: the column "Tạo lúc"
 * once showed "Đã tạo người dùng {0}."), and every key of a feature that its pages and
 * controllers name exists (a page of feature {@code admin} names keys {@code admin.…},
 * from {@code templates/admin/} and {@code console/admin/}); the audit log's every action
 * described.
 */
class ConsoleMessagesTests {

	static Stream<String> bundles() {
		return Stream.of(ConsoleSettings.MESSAGES.split(",")).map(String::strip);
	}

	static List<String> keys(Path file) throws IOException {
		List<String> keys = new ArrayList<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			if (!line.isBlank() && !line.startsWith("#")) {
				keys.add(line.substring(0, line.indexOf('=')).strip());
			}
		}
		return keys;
	}

	static Path file(String bundle, String language) {
		return Path.of("src/main/resources/" + bundle + language + ".properties");
	}

	@ParameterizedTest
	@MethodSource("bundles")
	void bothLanguagesHaveTheSameKeysEachOnce(String bundle) throws IOException {
		List<String> vietnamese = keys(file(bundle, ""));
		List<String> english = keys(file(bundle, "_en"));
		assertThat(vietnamese).doesNotHaveDuplicates();
		assertThat(english).doesNotHaveDuplicates();
		assertThat(new TreeSet<>(english)).isEqualTo(new TreeSet<>(vietnamese));
	}

	@ParameterizedTest
	@MethodSource("bundles")
	void everyKeyAFeaturesPagesAndControllersNameExists(String bundle) throws IOException {
		if (!bundle.contains("-")) {
			return;
		}
		String feature = bundle.substring(bundle.indexOf('-') + 1);
		Set<String> keys = new TreeSet<>(keys(file(bundle, "")));
		Set<String> named = new TreeSet<>();
		Pattern key = Pattern.compile("[#'\"{](" + Pattern.quote(feature) + "\\.[a-z][a-z0-9.-]*[a-z0-9])");
		List<Path> places = new ArrayList<>();
		for (Path folder : List.of(Path.of("src/main/resources/templates", feature),
				Path.of("src/main/java/vn/tonghop/console", feature))) {
			if (Files.isDirectory(folder)) {
				try (Stream<Path> files = Files.list(folder)) {
					places.addAll(files.toList());
				}
			}
		}
		for (Path place : places) {
			Matcher matcher = key.matcher(Files.readString(place, StandardCharsets.UTF_8));
			while (matcher.find()) {
				named.add(matcher.group(1));
			}
		}
		// prefixes of keys made on the page (#{|admin.role.${role}|}), and names that are
		// not keys (a template's file name, a route)
		named.removeIf((name) -> keys.stream().anyMatch((k) -> k.startsWith(name + ".")) || name.endsWith(".html")
				|| name.startsWith("unions.lists"));
		if (!places.isEmpty()) {
			assertThat(named).as(bundle).isNotEmpty();
		}
		assertThat(keys).as(bundle).containsAll(named);
	}

	@ParameterizedTest
	@MethodSource("bundles")
	void everyBundleIsThere(String bundle) {
		assertThat(file(bundle, "")).exists();
		assertThat(file(bundle, "_en")).exists();
	}

	@org.junit.jupiter.api.Test
	void everyActionOfTheAuditLogIsDescribed() throws IOException {
		List<String> keys = keys(file("i18n/console-admin", ""));
		for (AuditLog.Action action : AuditLog.Action.values()) {
			assertThat(keys).contains("admin.audit.action." + action.name());
		}
	}

}
