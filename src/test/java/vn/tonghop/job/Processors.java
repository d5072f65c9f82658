package vn.tonghop.job;

import vn.tonghop.catalogue.IndicatorCatalogue;
import vn.tonghop.normalise.IndustryResolver;
import vn.tonghop.normalise.ProvinceResolver;
import vn.tonghop.normalise.SectorResolver;
import vn.tonghop.read.CsvSheetReader;
import vn.tonghop.read.FormLocator;
import vn.tonghop.read.ListLocator;
import vn.tonghop.read.WorkbookReader;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.ReturnJudge;
import vn.tonghop.validate.RuleBook;

/** The ingest's file processor as the job makes it, with the shipped reference data. */
final class Processors {

	private Processors() {
	}

	static ReturnFileProcessor forYear(int year) {
		IndicatorCatalogue catalogue = IndicatorCatalogue.load();
		ReturnJudge judge = new ReturnJudge(catalogue, RuleBook.load(catalogue), Messages.vietnamese(),
				ProvinceResolver.load(), SectorResolver.load(), IndustryResolver.load());
		return new ReturnFileProcessor(new WorkbookReader(), new CsvSheetReader(), new FormLocator(catalogue),
				new ListLocator(catalogue), judge, year);
	}

}
