package vn.tonghop.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.template.TemplateWriter;

/**
 * {@code tonghop template}: the blank return form unions fill in, generated from the
 * catalogue and rules the validator uses. Needs no database.
 */
@Command(name = "template", mixinStandardHelpOptions = true,
		description = "Ghi biểu mẫu báo cáo trống (kèm kiểm tra dữ liệu và hướng dẫn) để công đoàn cơ sở điền.")
class TemplateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions.Year year;

	@Option(names = "--output", required = true, paramLabel = "FILE",
			description = "Tệp ghi: .xlsx (khuyên dùng), .xlsm hoặc .xls.")
	Path output;

	@Override
	public Integer call() throws Exception {
		Arguments.requireYear(this.spec, this.year.year);
		String name = this.output.getFileName().toString().toLowerCase(Locale.ROOT);
		if (!name.endsWith(".xlsx") && !name.endsWith(".xlsm") && !name.endsWith(".xls")) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"--output " + this.output + ": tên tệp phải có đuôi .xlsx, .xlsm hoặc .xls");
		}
		TemplateWriter.standard().write(this.year.year, this.output);
		System.out.printf("Đã ghi biểu mẫu năm %d (phiên bản %s) vào %s%n", this.year.year,
				TemplateWriter.version(this.year.year), this.output.toAbsolutePath().normalize());
		return 0;
	}

}
