package vn.tonghop.rollup;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.tonghop.TestDatabase;
import vn.tonghop.TonghopApplication;
import vn.tonghop.job.BatchRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The groups a consolidation sums once are summed again as soon as the year's returns
 * change.
 */
@SpringBootTest(classes = TonghopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.datasource.url=jdbc:h2:mem:rollups;DB_CLOSE_DELAY=-1")
class RollupsIntegrationTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		if (TestDatabase.postgresql() && TestDatabase.unreachable() == null) {
			registry.add("spring.datasource.url", () -> TestDatabase.freshPostgresql("rollups"));
			registry.add("spring.datasource.username", () -> "postgres");
		}
	}

	@Autowired
	BatchRunner runner;

	@Autowired
	Rollups rollups;

	@TempDir
	Path first;

	@TempDir
	Path second;

	@Test
	void sumsAgainWhenAReturnArrives() throws Exception {
		Files.copy(sample("form-edited.xlsx"), this.first.resolve("form-edited.xlsx"));
		this.runner.ingest(this.first, 2026);
		Rollups.Group before = this.rollups.groups(2026, Rollups.By.TOTAL).get(List.of());
		assertThat(this.rollups.groups(2026, Rollups.By.TOTAL)).as("unchanged returns: the same sums")
			.isSameAs(this.rollups.groups(2026, Rollups.By.TOTAL));
		assertThat(before.returns()).isEqualTo(1);

		Files.copy(sample("form-libreoffice.xls"), this.second.resolve("form-libreoffice.xls"));
		this.runner.ingest(this.second, 2026);

		Rollups.Group after = this.rollups.groups(2026, Rollups.By.TOTAL).get(List.of());
		assertThat(after.returns()).isEqualTo(2);
		int a02 = this.rollups.columns().names().indexOf("A02");
		assertThat(after.values().get(a02)).isEqualTo(Long.toString(27 + 41));
	}

	@Test
	void aConsolidationTakesTheSumsMadeAheadOfIt(@TempDir Path inbox, @TempDir Path output) throws Exception {
		Files.copy(sample("form-edited.xlsx"), inbox.resolve("form-edited.xlsx"));
		this.runner.ingest(inbox, 2026);
		long before = this.rollups.passes();
		Map<List<String>, Rollups.Group> total = this.runner.sumAhead(2026).get(1, TimeUnit.MINUTES);
		assertThat(total).isNotNull();
		assertThat(total.get(List.of()).returns()).isPositive();
		assertThat(this.rollups.passes()).isEqualTo(before + 1);

		assertThat(this.runner.consolidate(2026, output).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(this.rollups.passes()).as("no pass of its own").isEqualTo(before + 1);
		assertThat(this.rollups.groups(2026, Rollups.By.TOTAL)).isSameAs(total);
		assertThat(Files.readString(output.resolve("2026").resolve("returns.csv"))).contains("A02");
	}

	static Path sample(String name) throws URISyntaxException {
		return Path.of(RollupsIntegrationTests.class.getResource("/samples/" + name).toURI());
	}

}
