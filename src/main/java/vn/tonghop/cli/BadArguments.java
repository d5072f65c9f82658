package vn.tonghop.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Bad arguments in one Vietnamese line, with the command's help to look at: picocli's own
 * messages ({@code Invalid value for option}, {@code Unmatched argument},
 * {@code Missing required option}) are English, and people read Vietnamese here. Exit
 * status 2.
 */
final class BadArguments implements CommandLine.IParameterExceptionHandler {

	/** The exit status of bad arguments. */
	static final int STATUS = 2;

	@Override
	public int handleParseException(CommandLine.ParameterException ex, String[] args) {
		CommandLine line = ex.getCommandLine();
		line.getErr()
			.println("Tham số không hợp lệ: " + message(ex) + " (xem: " + line.getCommandSpec().qualifiedName()
					+ " --help)");
		return STATUS;
	}

	/** What is wrong, in Vietnamese. */
	static String message(CommandLine.ParameterException ex) {
		if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
			return unmatched(unmatched);
		}
		if (ex instanceof CommandLine.MissingParameterException missing) {
			String names = missing.getMissing().stream().map(BadArguments::name).collect(Collectors.joining(", "));
			String english = String.valueOf(ex.getMessage());
			if (english.startsWith("Missing required option") || english.startsWith("Missing required argument")
					|| english.startsWith("Missing required parameter:")
					|| english.startsWith("Missing required parameters:")) {
				return "Thiếu tùy chọn bắt buộc: " + names;
			}
			return "Thiếu giá trị cho tùy chọn " + names;
		}
		if (ex instanceof CommandLine.OverwrittenOptionException overwritten) {
			return "Tùy chọn " + name(overwritten.getOverwritten()) + " chỉ được ghi một lần";
		}
		if (ex instanceof CommandLine.MaxValuesExceededException) {
			return "Thừa giá trị" + ((ex.getValue() != null) ? ": '" + ex.getValue() + "'" : "")
					+ " (mỗi tùy chọn nhận một giá trị)";
		}
		if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
			return "Có những tùy chọn không dùng cùng nhau được";
		}
		String english = String.valueOf(ex.getMessage());
		if (ex.getArgSpec() != null
				&& (english.startsWith("Invalid value for") || english.startsWith("Could not convert")
						|| ex.getCause() instanceof CommandLine.TypeConversionException)) {
			return "Giá trị không hợp lệ cho tùy chọn " + name(ex.getArgSpec()) + ": '"
					+ ((ex.getValue() != null) ? ex.getValue() : "") + "' (cần " + expected(ex.getArgSpec()) + ")";
		}
		if (english.startsWith("Expected parameter for option")) {
			return "Thiếu giá trị cho tùy chọn " + ((ex.getArgSpec() != null) ? name(ex.getArgSpec()) : "");
		}
		// the commands' own checks are Vietnamese already
		return english;
	}

	private static String unmatched(CommandLine.UnmatchedArgumentException ex) {
		List<String> arguments = ex.getUnmatched();
		List<String> suggestions = ex.getSuggestions();
		String maybe = suggestions.isEmpty() ? ""
				: " (có phải ý là " + String.join(", ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?)";
		boolean hasCommands = !ex.getCommandLine().getSubcommands().isEmpty();
		if (hasCommands && !arguments.isEmpty() && !arguments.get(0).startsWith("-")) {
			return "Không có lệnh " + arguments.get(0) + maybe + "; các lệnh: "
					+ String.join(", ", ex.getCommandLine().getSubcommands().keySet());
		}
		return "Không hiểu tham số: " + String.join(" ", arguments) + maybe;
	}

	private static String name(ArgSpec arg) {
		return (arg instanceof OptionSpec option) ? option.longestName() : arg.paramLabel();
	}

	/** What the option takes, for a person. */
	static String expected(ArgSpec arg) {
		Class<?> type = arg.type();
		if (arg instanceof OptionSpec option && option.longestName().equals("--year")) {
			return "một số năm, ví dụ 2026";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class
				|| type == short.class || type == Short.class) {
			return "một số nguyên";
		}
		if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
			return "một số";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true hoặc false";
		}
		if (type.isEnum()) {
			return "một trong: "
					+ Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
		}
		if (type == Duration.class) {
			return "một khoảng thời gian, ví dụ PT10M";
		}
		if (type == Path.class) {
			return "một đường dẫn";
		}
		return "giá trị đúng dạng " + arg.paramLabel();
	}

}
