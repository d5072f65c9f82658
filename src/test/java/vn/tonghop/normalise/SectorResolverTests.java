package vn.tonghop.normalise;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.tonghop.catalogue.ReferenceCsv;
import vn.tonghop.catalogue.ReferenceDataException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SectorResolverTests {

	private final SectorResolver resolver = SectorResolver.load();

	@Test
	void loadsTheSectorsInFileOrder() {
		assertThat(this.resolver.all()).extracting(Sector::code)
			.containsExactly("HCSN", "DNNN", "NNN", "FDI", "HTX", "XP", "KHAC");
		assertThat(this.resolver.all().get(3)).isEqualTo(new Sector("FDI", "Doanh nghiệp có vốn đầu tư nước ngoài"));
	}

	@Test
	void findsASectorByCode() {
		assertThat(this.resolver.byCode("fdi")).map(Sector::code).contains("FDI");
		assertThat(this.resolver.byCode("ABC")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			HCSN                                        | HCSN
			hcsn                                        | HCSN
			Hành chính, sự nghiệp                       | HCSN
			Hành chính sự nghiệp                        | HCSN
			Hành chính - sự nghiệp                      | HCSN
			HÀNH CHÍNH SỰ NGHIỆP                        | HCSN
			Khối HCSN                                   | HCSN
			Doanh nghiệp nhà nước                       | DNNN
			DN nhà nước                                 | DNNN
			Doanh nghiệp ngoài nhà nước                 | NNN
			Ngoài quốc doanh                            | NNN
			Doanh nghiệp có vốn đầu tư nước ngoài       | FDI
			DN có vốn ĐTNN                              | FDI
			Khu vực FDI                                 | FDI
			FDI - Doanh nghiệp có vốn đầu tư nước ngoài | FDI
			FDI - Doanh nghiệp có vốn…                  | FDI
			Hợp tác xã                                  | HTX
			Xã, phường, đặc khu                         | XP
			Xã phường thị trấn                          | XP
			Khác                                        | KHAC
			Nghiệp đoàn                                 | KHAC
			""")
	void resolvesCodesLabelsAndAliases(String written, String code) {
		assertThat(this.resolver.resolve(written)).map(Sector::code).contains(code);
	}

	@Nested
	class Failures {

		@ParameterizedTest
		@NullAndEmptySource
		@ValueSource(strings = { " ", "Doanh nghiệp", "Nhà nước", "Tư nhân nước ngoài", "FDI - Doanh nghiệp nhà nước",
				"ABC" })
		void resolvesNothingFromBlankUnknownOrContradictoryText(String written) {
			assertThat(resolver.resolve(written)).isEmpty();
		}

		@Test
		void refusesAnAliasSharedByTwoSectors() {
			List<ReferenceCsv.Row> rows = List.of(
					new ReferenceCsv.Row(SectorResolver.RESOURCE, 2,
							Map.of("code", "HTX", "label_vi", "Hợp tác xã", "aliases", "HTX")),
					new ReferenceCsv.Row(SectorResolver.RESOURCE, 3,
							Map.of("code", "KHAC", "label_vi", "Khác", "aliases", "Khác|hop tac xa")));
			assertThatExceptionOfType(ReferenceDataException.class).isThrownBy(() -> SectorResolver.from(rows))
				.withMessageStartingWith(SectorResolver.RESOURCE + " line 3")
				.withMessageContaining("hop tac xa")
				.withMessageContaining("line 2");
		}

	}

}
