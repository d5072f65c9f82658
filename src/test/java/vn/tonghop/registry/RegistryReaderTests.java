package vn.tonghop.registry;

import java.io.InputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.SectorResolver;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryReaderTests {

	@Test
	void readsTheSampleRegistryBelowItsTitleRows() throws Exception {
		RegistryReader reader = new RegistryReader(ProvinceResolver.load(), SectorResolver.load(),
				IndustryResolver.load());
		RegistryReader.Result result = reader
			.read(Path.of(getClass().getResource("/samples/registry-2026.xlsx").toURI()), 2026);
		JsonNode truth;
		try (InputStream in = getClass().getResourceAsStream("/samples/truth.json")) {
			truth = JsonMapper.builder().build().readTree(in).get("registry-2026.xlsx");
		}
		assertThat(result.problems()).isEmpty();
		assertThat(result.entries()).hasSize(truth.size());
		for (int i = 0; i < truth.size(); i++) {
			RegistryEntry entry = result.entries().get(i);
			assertThat(entry.unionCode()).isEqualTo(truth.get(i).get("union_code").asString());
			assertThat(entry.provinceCode()).as(entry.unionCode())
				.isEqualTo(truth.get(i).get("province_code").asString());
			assertThat(entry.sectorCode()).as(entry.unionCode()).isEqualTo(truth.get(i).get("sector_code").asString());
			assertThat(entry.row()).isEqualTo(i + 4);
		}
	}

}
