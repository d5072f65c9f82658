package vn.tonghop.samples;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.registry.RegistryEntry;
import vn.tonghop.registry.RegistryReader;

import static org.assertj.core.api.Assertions.assertThat;

class SampleRegistryTests {

	private final RegistryReader reader = new RegistryReader(ProvinceResolver.load(), SectorResolver.load(),
			IndustryResolver.load());

	@Test
	void theSampleRegistryReadsWithoutAProblem(@TempDir Path dir) throws Exception {
		InputSamples.write(dir);
		RegistryReader.Result result = this.reader.read(dir.resolve(SampleRegistry.FILE), InputSamples.YEAR);
		assertThat(result.problems()).isEmpty();
		List<String> codes = result.entries().stream().map(RegistryEntry::unionCode).toList();
		// every sample union with a code, once (the resubmission and the copy are one
		// union), less the one left out, plus the three that have not reported
		assertThat(codes).doesNotHaveDuplicates()
			.contains("CD750101", "CD790633", "CD310244", "CD220131")
			.contains("CD750330", "CD010412", "CD560430")
			.doesNotContain(SampleRegistry.NOT_LISTED, "");
		assertThat(codes).hasSize(23 - 1 + 3);
		assertThat(result.entries()).allSatisfy((entry) -> {
			assertThat(entry.provinceCode()).as(entry.unionCode()).isNotNull();
			assertThat(entry.sectorCode()).as(entry.unionCode()).isNotNull();
		});
		// the union that wrote the dissolved province Sông Bé is listed under its
		// province, Hồ Chí Minh (79)
		assertThat(result.entries()).filteredOn((entry) -> entry.unionCode().equals("CD790633"))
			.singleElement()
			.satisfies((entry) -> assertThat(entry.provinceCode()).isEqualTo("79"));
	}

	@Test
	void theReadmeDescribesTheRegistryAndItsColumns() {
		String readme = SampleRegistry.readme();
		assertThat(readme).contains(SampleRegistry.FILE).contains("tonghop registry --input input-samples/");
		for (String heading : SampleRegistry.HEADINGS) {
			assertThat(readme).contains("`" + heading + "`");
		}
	}

}
