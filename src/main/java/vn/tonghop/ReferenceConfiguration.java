package vn.tonghop;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.normalise.LegacyText;
import vn.tonghop.read.CsvSheetReader;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.ListLocator;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.report.CsvReports;
import vn.tonghop.report.FeedbackReports;
import vn.tonghop.report.WorkbookReports;
import vn.tonghop.report.workbook.Issuer;
import vn.tonghop.rollup.IndicatorColumns;
import vn.tonghop.registry.RegistryReader;
import vn.tonghop.registry.RegistryStore;
import vn.tonghop.rollup.Completeness;
import vn.tonghop.rollup.CrossChecks;
import vn.tonghop.rollup.ProvincialViews;
import vn.tonghop.rollup.Rollups;
import vn.tonghop.rollup.Trace;
import vn.tonghop.store.FileStatuses;
import vn.tonghop.store.PackValuesMigration;
import vn.tonghop.store.ReturnChecksumMigration;
import vn.tonghop.store.ReturnStore;
import vn.tonghop.store.StoreRepair;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.ReturnJudge;
import vn.tonghop.validate.RuleBook;

/**
 * The reference data and rules, parsed once at start-up (a broken data file stops
 * start-up with its name and line), and the plain objects built on them.
 */
@Configuration(proxyBeanMethods = false)
class ReferenceConfiguration {

	@Bean
	IndicatorCatalogue indicatorCatalogue() {
		return IndicatorCatalogue.load();
	}

	@Bean
	RuleBook ruleBook(IndicatorCatalogue catalogue, TonghopProperties properties) {
		return RuleBook.load(RuleBook.RESOURCE, catalogue, properties.validation().factors());
	}

	@Bean
	Messages messages() {
		return Messages.vietnamese();
	}

	@Bean
	ProvinceResolver provinceResolver() {
		return ProvinceResolver.load();
	}

	@Bean
	SectorResolver sectorResolver() {
		return SectorResolver.load();
	}

	@Bean
	IndustryResolver industryResolver() {
		return IndustryResolver.load();
	}

	@Bean
	WorkbookReader workbookReader(TonghopProperties properties) {
		return new WorkbookReader(LegacyText.load(), properties.limits().readLimits());
	}

	@Bean
	FormLocator formLocator(IndicatorCatalogue catalogue) {
		return new FormLocator(catalogue);
	}

	@Bean
	ListLocator listLocator(IndicatorCatalogue catalogue) {
		return new ListLocator(catalogue);
	}

	@Bean
	CsvSheetReader csvSheetReader(TonghopProperties properties) {
		return new CsvSheetReader(LegacyText.load(), properties.limits().readLimits());
	}

	@Bean
	ReturnJudge returnJudge(IndicatorCatalogue catalogue, RuleBook rules, Messages messages, ProvinceResolver provinces,
			SectorResolver sectors, IndustryResolver industries) {
		return new ReturnJudge(catalogue, rules, messages, provinces, sectors, industries);
	}

	@Bean
	ReturnStore returnStore(JdbcTemplate jdbc, RuleBook rules, Messages messages) {
		return new ReturnStore(jdbc, rules, messages);
	}

	/** {@code ingest --repair}: removes the submissions with a damaged return. */
	@Bean
	StoreRepair storeRepair(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		return new StoreRepair(jdbc, transactionManager);
	}

	/** Flyway's migration 7, in Java (Flyway takes the migrations that are beans). */
	@Bean
	PackValuesMigration packValuesMigration() {
		return new PackValuesMigration();
	}

	/** Flyway's migration 14, in Java: a checksum for every return stored before it. */
	@Bean
	ReturnChecksumMigration returnChecksumMigration() {
		return new ReturnChecksumMigration();
	}

	@Bean
	FileStatuses fileStatuses(JdbcTemplate jdbc) {
		return new FileStatuses(jdbc);
	}

	@Bean
	Rollups rollups(JdbcTemplate jdbc, IndicatorCatalogue catalogue, ProvincialViews views) {
		return new Rollups(jdbc, new IndicatorColumns(catalogue), views);
	}

	@Bean
	Completeness completeness(JdbcTemplate jdbc, ProvinceResolver provinces, SectorResolver sectors) {
		return new Completeness(jdbc, provinces, sectors);
	}

	/**
	 * Whether a year is consolidated in a provincial federation's own view; a
	 * {@code tonghop.federation.province} naming no province stops start-up (the commands
	 * check it first, exit status 2).
	 */
	@Bean
	ProvincialViews provincialViews(JdbcTemplate jdbc, ProvinceResolver provinces, TonghopProperties properties) {
		return new ProvincialViews(jdbc, provinces, properties.federation().province());
	}

	@Bean
	CsvReports csvReports(Rollups rollups, Completeness completeness, JdbcTemplate jdbc, FileStatuses files,
			ProvinceResolver provinces, SectorResolver sectors, IndustryResolver industries, ProvincialViews views) {
		return new CsvReports(rollups, completeness, jdbc, files, provinces, sectors, industries, views);
	}

	@Bean
	CrossChecks crossChecks(JdbcTemplate jdbc, RuleBook rules, Messages messages, ProvinceResolver provinces,
			SectorResolver sectors) {
		return new CrossChecks(jdbc, rules, messages, provinces, sectors);
	}

	@Bean
	RegistryStore registryStore(JdbcTemplate jdbc) {
		return new RegistryStore(jdbc);
	}

	@Bean
	RegistryReader registryReader(ProvinceResolver provinces, SectorResolver sectors, IndustryResolver industries) {
		return new RegistryReader(provinces, sectors, industries);
	}

	@Bean
	WorkbookReports workbookReports(Rollups rollups, Completeness completeness, JdbcTemplate jdbc,
			ProvinceResolver provinces, SectorResolver sectors, IndustryResolver industries,
			IndicatorCatalogue catalogue, TonghopProperties properties, ProvincialViews views) {
		String version = TonghopApplication.class.getPackage().getImplementationVersion();
		TonghopProperties.Federation federation = properties.federation();
		return new WorkbookReports(rollups, completeness, jdbc, provinces, sectors, industries, catalogue,
				(version != null) ? version : "development", views,
				new Issuer(federation.parent(), federation.name(), federation.place(), federation.preparerTitle(),
						federation.preparer(), federation.signerTitle(), federation.signerRole(), federation.signer()));
	}

	@Bean
	FeedbackReports feedbackReports(JdbcTemplate jdbc, TonghopProperties properties) {
		return new FeedbackReports(jdbc, (properties.feedbackThreads() > 0) ? properties.feedbackThreads()
				: Runtime.getRuntime().availableProcessors());
	}

	@Bean
	Trace trace(JdbcTemplate jdbc, IndicatorCatalogue catalogue, Rollups rollups) {
		return new Trace(jdbc, catalogue, rollups.columns());
	}

}
