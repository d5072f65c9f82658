package vn.tonghop.console.union;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.cli.ConsoleServer;
import vn.tonghop.template.FormContent;
import vn.tonghop.template.FormStyle;
import vn.tonghop.template.ReturnFormWriter;
import vn.tonghop.testing.ValidReturns;

/** Returns of Đồng Nai's unions on the standard form, for the unions' upload tests. */
public final class UnionReturns {

	/** In the samples' registry, with no return in the samples' inbox. */
	public static final String TAN_MAI = "CD750330";

	public static final String TAN_MAI_NAME = "Công đoàn Công ty Cổ phần Gỗ Tân Mai";

	/** In the registry, with returns in the inbox. */
	public static final String TIN_PHAT = "CD750101";

	private UnionReturns() {
	}

	/**
	 * Writes a return of union {@code code}: valid, with A02 = {@code members}; with more
	 * emulation fighters (B03) than advanced workers (B02) when {@code breakR11}.
	 */
	public static Path write(Path file, String code, String name, long members, boolean breakR11) throws Exception {
		IndicatorCatalogue catalogue = IndicatorCatalogue.load();
		Map<String, String> header = new LinkedHashMap<>();
		header.put("union_code", code);
		header.put("union_name", name);
		header.put("province", "Đồng Nai");
		header.put("sector", "Doanh nghiệp ngoài nhà nước");
		header.put("industry", "C");
		header.put("year", String.valueOf(ConsoleServer.YEAR));
		FormContent valid = ValidReturns.content(catalogue, header);
		Map<String, FormContent.Entry> values = new LinkedHashMap<>(valid.values());
		values.put("A02", new FormContent.Entry(members, members / 2));
		if (breakR11) {
			long advanced = ((Number) values.get("B02").total()).longValue();
			values.put("B03", new FormContent.Entry(advanced + 50, 10L));
		}
		Files.createDirectories(file.toAbsolutePath().getParent());
		new ReturnFormWriter(catalogue).write(new FormContent(header, values), FormStyle.standard(), file);
		return file;
	}

}
