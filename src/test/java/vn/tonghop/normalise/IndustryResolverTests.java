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

class IndustryResolverTests {

	private final IndustryResolver resolver = IndustryResolver.load();

	@Test
	void loadsTheSectionsAToU() {
		assertThat(this.resolver.all()).hasSize(21)
			.first()
			.isEqualTo(new Industry("A", "Nông nghiệp, lâm nghiệp và thủy sản"));
		assertThat(this.resolver.all()).extracting(Industry::code).endsWith("U");
	}

	@Test
	void findsAnIndustryByCode() {
		assertThat(this.resolver.byCode("c")).map(Industry::code).contains("C");
		assertThat(this.resolver.byCode("V")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			C                                     | C
			c                                     | C
			' p '                                 | P
			Công nghiệp chế biến, chế tạo         | C
			CÔNG NGHIỆP CHẾ BIẾN CHẾ TẠO          | C
			C - Công nghiệp chế biến, chế tạo     | C
			C – Công nghiệp chế biến, chế tạo     | C
			C. Công nghiệp chế biến, chế tạo      | C
			C. Công nghiệp…                       | C
			Ngành C                               | C
			Ngành: C                              | C
			Ngành nghề: F                         | F
			Ngành C - Công nghiệp chế biến...     | C
			Giáo dục và đào tạo                   | P
			Vận tải, kho bãi                      | H
			Xây dựng                              | F
			Y tế và hoạt động trợ giúp xã hội     | Q
			Giáo dục…                             | P
			""")
	void resolvesALetterALabelOrBoth(String written, String code) {
		assertThat(this.resolver.resolve(written)).map(Industry::code).contains(code);
	}

	@Nested
	class Failures {

		@ParameterizedTest
		@NullAndEmptySource
		@ValueSource(
				strings = { " ", "V", "Z", "Ngành", "Giáo dục", "Hoạt động…", "C - Xây dựng", "Công nghiệp", "CC" })
		void resolvesNothingFromBlankUnknownAmbiguousOrContradictoryText(String written) {
			assertThat(resolver.resolve(written)).isEmpty();
		}

		@Test
		void refusesACodeThatIsNotASectionLetter() {
			List<ReferenceCsv.Row> rows = List
				.of(new ReferenceCsv.Row(IndustryResolver.RESOURCE, 4, Map.of("code", "V", "label_vi", "Không có")));
			assertThatExceptionOfType(ReferenceDataException.class).isThrownBy(() -> IndustryResolver.from(rows))
				.withMessageStartingWith(IndustryResolver.RESOURCE + " line 4");
		}

	}

}
