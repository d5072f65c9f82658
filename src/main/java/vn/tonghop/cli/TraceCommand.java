package vn.tonghop.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.tonghop.normalise.Industry;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolution;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.Sector;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.rollup.Trace;

/**
 * {@code tonghop trace}: every accepted return behind a consolidated number, with file,
 * sheet, cell and value, and their sum (which is the number in {@code by-province.csv}).
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
		description = "Liệt kê các báo cáo tạo nên một số liệu tổng hợp: tệp, trang, ô, giá trị và tổng.")
class TraceCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	JobOptions.Year year;

	@Option(names = "--province", paramLabel = "P", description = "Tỉnh/thành phố: mã (2025) hoặc tên.")
	String province;

	@Option(names = "--sector", paramLabel = "S", description = "Khu vực: mã hoặc tên.")
	String sector;

	@Option(names = "--industry", paramLabel = "I", description = "Ngành: chữ cái A–U, hoặc \"\" cho không ghi ngành.")
	String industry;

	@Option(names = "--indicator", required = true, paramLabel = "CODE",
			description = "Cột chỉ tiêu: A02, A02_nu, F03_HTXSNV, F04…")
	String indicator;

	@Mixin
	DatabaseOptions database;

	@Override
	public Integer call() throws Exception {
		Arguments.requireYear(this.spec, this.year.year);
		int year = this.year.year;
		return Spring.inContext(this.database, (context) -> {
			Trace.Filter filter = new Trace.Filter(province(context.getBean(ProvinceResolver.class), year),
					(this.sector != null)
							? context.getBean(SectorResolver.class)
								.resolve(this.sector)
								.map(Sector::code)
								.orElseThrow(() -> bad("--sector " + this.sector + ": không xác định được khu vực"))
							: null,
					industry(context.getBean(IndustryResolver.class)));
			List<Trace.Line> lines;
			try {
				lines = context.getBean(Trace.class).lines(year, filter, this.indicator);
			}
			catch (IllegalArgumentException ex) {
				throw bad("--indicator " + this.indicator + ": " + ex.getMessage());
			}
			long sum = 0;
			System.out.println("source_file\tsheet\tcell\tunion_code\tvalue");
			for (Trace.Line line : lines) {
				System.out.println(line.sourceFile() + "\t" + line.sheet() + "\t" + line.cell() + "\t"
						+ line.unionCode() + "\t" + line.value());
				sum += line.value();
			}
			System.out.printf("Tổng %s: %d (%d báo cáo)%n", this.indicator, sum, lines.size());
			return 0;
		});
	}

	private String province(ProvinceResolver provinces, int year) {
		if (this.province == null) {
			return null;
		}
		ProvinceResolution resolution = provinces.resolve(this.province, Math.max(year, 2025));
		if (resolution.province() == null) {
			throw bad("--province " + this.province + ": không xác định được tỉnh/thành phố"
					+ (resolution.candidates().isEmpty() ? ""
							: " (có phải là: " + String.join(", ", resolution.candidates()) + "?)"));
		}
		// on stderr: the lines on stdout stay the table and its sum
		String reading = Trace.provinceReading(resolution, provinces);
		if (reading != null) {
			System.err.println(reading);
		}
		return resolution.province().code();
	}

	private String industry(IndustryResolver industries) {
		if (this.industry == null) {
			return null;
		}
		if (this.industry.isBlank()) {
			return "";
		}
		return industries.resolve(this.industry)
			.map(Industry::code)
			.orElseThrow(() -> bad("--industry " + this.industry + ": không xác định được ngành"));
	}

	private CommandLine.ParameterException bad(String message) {
		return new CommandLine.ParameterException(this.spec.commandLine(), message);
	}

}
