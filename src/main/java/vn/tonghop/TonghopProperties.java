package vn.tonghop;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import vn.tonghop.read.ReadLimits;

/**
 * Every setting of the tool, under {@code tonghop.*} in {@code application.yml}; each can
 * be overridden by an environment variable ({@code TONGHOP_CHUNK_SIZE=50}).
 *
 * @param chunkSize files stored per transaction of the ingest step
 * @param ingestThreads threads reading and judging the files of a chunk at the same time;
 * 0 for one per processor
 * @param feedbackThreads feedback copies ({@code phan-hoi/}) written at the same time; 0
 * for one per processor
 * @param progressSeconds how often a long run logs its progress
 * @param stopWait how long a job command stopped by SIGTERM or Ctrl-C waits for its job
 * to stop before it exits (a job that has not stopped by then is left as a killed run,
 * which the next run restarts)
 * @param validation validation settings
 * @param history settings of the run history ({@code tonghop history})
 * @param serve settings of the nightly mode ({@code tonghop serve})
 * @param limits how much one input file may cost to read
 * @param federation who issues the consolidated workbook, for its heading and signature
 * block, and the province it consolidates
 * @param console settings of the web console of {@code tonghop serve}
 */
@ConfigurationProperties("tonghop")
public record TonghopProperties(@DefaultValue("100") int chunkSize, @DefaultValue("0") int ingestThreads,
		@DefaultValue("0") int feedbackThreads, @DefaultValue("5") int progressSeconds,
		@DefaultValue("10s") Duration stopWait, @DefaultValue Validation validation, @DefaultValue History history,
		@DefaultValue Serve serve, @DefaultValue Limits limits, @DefaultValue Federation federation,
		@DefaultValue Console console) {

	/**
	 * @param factors the factor of comparison rules by rule code, replacing the one in
	 * {@code validation/rules.csv}; {@code W01: 0.15} is the legal cap of Chiến sĩ thi
	 * đua cơ sở against Lao động tiên tiến
	 */
	public record Validation(Map<String, BigDecimal> factors) {

		public Validation {
			// rule codes are upper case; an environment variable binds its key in lower
			// case
			Map<String, BigDecimal> byCode = new LinkedHashMap<>();
			if (factors != null) {
				factors.forEach((code, factor) -> byCode.put(code.toUpperCase(Locale.ROOT), factor));
			}
			factors = Collections.unmodifiableMap(byCode);
		}

	}

	/**
	 * @param keepDays days the job metadata of a run is kept after it ended;
	 * {@code tonghop history --purge} removes older runs (never the returns)
	 */
	public record History(@DefaultValue("365") int keepDays) {

	}

	/**
	 * The nightly mode: {@code tonghop serve} runs the {@code run} job on a schedule and
	 * serves its metrics on 127.0.0.1. Its command line options win over these.
	 *
	 * @param input the inbox folder; required (here or {@code --input})
	 * @param year the year consolidated; required (here or {@code --year}), never guessed
	 * @param output the output folder; the files go to {@code output/Y/}
	 * @param cron when to run: a Spring cron expression of six fields (second minute hour
	 * day-of-month month day-of-week)
	 * @param zone the time zone of {@code cron}
	 * @param port the port of the metrics on 127.0.0.1; 0 for any free port
	 * @param logFile the rolling log file
	 */
	public record Serve(Path input, Integer year, @DefaultValue("output") Path output,
			@DefaultValue("0 0 2 * * *") String cron, @DefaultValue("Asia/Ho_Chi_Minh") String zone,
			@DefaultValue("8719") int port, @DefaultValue("logs/tonghop.log") Path logFile) {

	}

	/**
	 * How much one input file may cost to read; a file over a limit is unreadable, with
	 * the limit named, and the run goes on. And how much room a command needs to start.
	 *
	 * @param maxFileSize the largest file read
	 * @param maxUnzippedSize the most a workbook may hold once unzipped
	 * @param maxSharedStringsSize the largest table of shared strings of a workbook
	 * @param maxCells the most non-empty cells on the sheet read
	 * @param maxTime the longest one file may take to read
	 * @param minFreeSpace the least usable space on the disks of the data folder, the
	 * output folder and the temporary folder for {@code run}, {@code ingest},
	 * {@code consolidate} and {@code registry} to start (exit status 2 otherwise)
	 */
	public record Limits(@DefaultValue("20MB") DataSize maxFileSize, @DefaultValue("200MB") DataSize maxUnzippedSize,
			@DefaultValue("20MB") DataSize maxSharedStringsSize, @DefaultValue("200000") int maxCells,
			@DefaultValue("60s") Duration maxTime, @DefaultValue("64MB") DataSize minFreeSpace) {

		/** As the readers take them. */
		public ReadLimits readLimits() {
			return new ReadLimits(this.maxFileSize.toBytes(), this.maxUnzippedSize.toBytes(),
					this.maxSharedStringsSize.toBytes(), this.maxCells, this.maxTime);
		}

	}

	/**
	 * The federation that issues the consolidated workbook (Nghị định 30/2020/NĐ-CP: the
	 * issuing body and its parent at the top, the place and date line, the signature
	 * block at the end). Every field may be left out: the workbook then leaves a blank
	 * line to fill by hand.
	 *
	 * @param name the issuing body, e.g. {@code LĐLĐ TỈNH ĐỒNG NAI}
	 * @param parent the body above it, e.g. {@code TỔNG LĐLĐ VIỆT NAM}
	 * @param province the province the federation consolidates (a name, alias or code as
	 * returns write it); its workbook then rolls up by upper-level union within that
	 * province. Empty: decided by the returns (all in one province: that province)
	 * @param place the place of the date line, e.g. {@code Đồng Nai} for "Đồng Nai, ngày
	 * … tháng … năm …"
	 * @param preparerTitle the preparer's heading in the signature block
	 * @param preparer the preparer's name
	 * @param signerTitle the heading of the one who signs for the federation
	 * @param signerRole the signer's office, under the heading
	 * @param signer the signer's name
	 */
	public record Federation(String name, String parent, String province, String place,
			@DefaultValue("NGƯỜI LẬP BIỂU") String preparerTitle, String preparer,
			@DefaultValue("TM. BAN THƯỜNG VỤ") String signerTitle, @DefaultValue("CHỦ TỊCH") String signerRole,
			String signer) {

	}

	/**
	 * The web console of {@code tonghop serve}. Its command line options win over these.
	 *
	 * @param enabled whether {@code serve} serves the console (the metrics stay on
	 * 127.0.0.1 either way)
	 * @param address the address the console listens on; 127.0.0.1 is this machine only
	 * @param port the console's port; 0 for any free port
	 * @param sessionTimeout how long an idle session lasts
	 * @param behindProxy whether the console is reached through a TLS reverse proxy that
	 * sets {@code X-Forwarded-Proto} and {@code X-Forwarded-For}: session cookies are
	 * then secure and responses carry HSTS
	 * @param maxFailedSignIns failed sign-ins in a row after which an account is locked
	 * @param lockDuration how long a locked account stays locked
	 * @param uploadMaxSize the largest return a union may upload
	 * @param uploadsPerHour how many files one union's account may upload in an hour
	 * @param publicUrl the console's address as the unions type it (behind a reverse
	 * proxy, the proxy's), written in their accounts' list; null for
	 * {@code http://ADDRESS:PORT/}
	 */
	public record Console(@DefaultValue("true") boolean enabled, @DefaultValue("127.0.0.1") String address,
			@DefaultValue("8080") int port, @DefaultValue("30m") Duration sessionTimeout,
			@DefaultValue("false") boolean behindProxy, @DefaultValue("5") int maxFailedSignIns,
			@DefaultValue("15m") Duration lockDuration, @DefaultValue("10MB") DataSize uploadMaxSize,
			@DefaultValue("20") int uploadsPerHour, String publicUrl) {

	}

}
